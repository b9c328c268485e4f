import { AdapterError, type Limits, NodeOnlyError, type WorkbookSource } from '@eduvn/adapter-kit';
import { CheckOptionsError } from './errors.ts';
import type { CheckSource, FileInput, NodeByteStream } from './types.ts';

/** A source ready for the readers: bytes or a path, its name, its size, and how to let it go. */
export interface OpenedSource {
  /** Bytes, a `Blob`/`File`, or `{ path }`. */
  readonly source: WorkbookSource;
  /** The size in bytes, when known. */
  readonly bytes: number | undefined;
  /** Lets the source go (a no-op today; kept for sources that hold resources). */
  readonly release: () => Promise<void>;
}

/** A `Blob` or `File` (also from another realm): size, slices, bytes. */
const isBlob = (input: unknown): input is Blob =>
  (typeof Blob !== 'undefined' && input instanceof Blob) ||
  (typeof input === 'object' &&
    input !== null &&
    typeof (input as Blob).size === 'number' &&
    typeof (input as Blob).slice === 'function' &&
    typeof (input as Blob).arrayBuffer === 'function');

const isWebStream = (input: unknown): input is ReadableStream<Uint8Array> =>
  typeof (input as ReadableStream | null)?.getReader === 'function';

const isNodeStream = (input: unknown): input is NodeByteStream =>
  typeof (input as NodeByteStream | null)?.[Symbol.asyncIterator] === 'function';

/** Whether a value is something {@link checkFiles} can read. */
export function isFileInput(input: unknown): input is FileInput {
  return (
    (typeof input === 'string' && input !== '') ||
    input instanceof Uint8Array ||
    isBlob(input) ||
    isWebStream(input) ||
    isNodeStream(input)
  );
}

/** A {@link CheckSource} from what the caller gave (a bare input or an object). */
export function toCheckSource(item: unknown, index: number): CheckSource {
  if (isFileInput(item)) return { source: item };
  if (typeof item === 'object' && item !== null && 'source' in item) {
    const s = item as CheckSource;
    if (!isFileInput(s.source)) {
      throw new CheckOptionsError(
        'bad-source',
        `checkFiles: sources[${index}].source must be a path, bytes (Uint8Array), a Blob/File or a stream`,
      );
    }
    if (s.name !== undefined && (typeof s.name !== 'string' || s.name.trim() === '')) {
      throw new CheckOptionsError(
        'bad-source',
        `checkFiles: sources[${index}].name must be a non-empty string`,
      );
    }
    return s;
  }
  throw new CheckOptionsError(
    'bad-source',
    `checkFiles: sources[${index}] must be a path, bytes (Uint8Array), a Blob/File, a stream, or { source, name?, hints? }`,
  );
}

/** The name a source is shown by: its own name, a path's last part, a `File`'s name, or `file-<n>`. */
export function nameOf(source: CheckSource, index: number): string {
  if (source.name !== undefined) return source.name;
  if (typeof source.source === 'string') {
    const parts = source.source.split(/[\\/]/);
    return parts[parts.length - 1] || source.source;
  }
  if (isBlob(source.source)) {
    const name = (source.source as Partial<File>).name;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return `file-${index + 1}`;
}

async function* chunksOf(
  input: ReadableStream<Uint8Array> | NodeByteStream,
): AsyncGenerator<Uint8Array> {
  if (isWebStream(input)) {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of input as NodeByteStream) {
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
}

function tooLarge(size: number, max: number, file: string): AdapterError {
  return new AdapterError(
    'limit-exceeded',
    `The file (${file}) is more than ${max} bytes (limits.maxFileBytes): ${size} bytes read before stopping. Split it, or raise the limit if the file is expected to be this large.`,
    { file, limit: { name: 'maxFileBytes', max, found: size } },
  );
}

/**
 * Collects a stream into bytes, refusing it past `limits.maxFileBytes` (an `AdapterError`
 * `'limit-exceeded'`). Never written to disk: an upload holds pupils' personal data, and the
 * readers take bytes as they take a path.
 */
async function collect(
  input: ReadableStream<Uint8Array> | NodeByteStream,
  file: string,
  limits: Limits,
): Promise<OpenedSource> {
  let size = 0;
  const parts: Uint8Array[] = [];
  for await (const chunk of chunksOf(input)) {
    size += chunk.byteLength;
    if (size > limits.maxFileBytes) throw tooLarge(size, limits.maxFileBytes, file);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { source: bytes, bytes: size, release: async () => {} };
}

/**
 * Makes a source readable: bytes and a `Blob`/`File` as they are (a `Blob` is read a slice at a
 * time by the readers), a path as `{ path }` (its size from `stat`), a stream collected into
 * bytes (see {@link collect}; never written to disk).
 *
 * @throws AdapterError `'limit-exceeded'` for a stream past `maxFileBytes`; a file-system error
 * for a path that cannot be read; `NodeOnlyError` for a path outside Node
 */
export async function openInput(
  input: FileInput,
  file: string,
  limits: Limits,
): Promise<OpenedSource> {
  if (input instanceof Uint8Array) {
    return { source: input, bytes: input.byteLength, release: async () => {} };
  }
  if (isBlob(input)) {
    return { source: input, bytes: input.size, release: async () => {} };
  }
  if (typeof input === 'string') {
    const fs = await import('node:fs/promises').catch(() => {
      throw new NodeOnlyError(
        'path',
        `checkFiles: a path (${JSON.stringify(input)}) can only be read in Node. In a browser, pass the File or Blob (from an <input type="file"> or a drop), or its bytes.`,
      );
    });
    const stat = await fs.stat(input);
    return { source: { path: input }, bytes: stat.size, release: async () => {} };
  }
  return collect(input, file, limits);
}
