import { platform } from '#platform';
import { AdapterError, type Limits } from '../../errors.ts';
import type { PlatformFile } from '../../platform/platform.ts';

/**
 * Where a reader takes a file from: its bytes, a `Blob` (a browser's `File`, from an
 * `<input type="file">` or a drop; read a slice at a time), or a path on the local file system
 * (Node only: elsewhere a path throws {@link NodeOnlyError}).
 */
export type WorkbookSource =
  | Uint8Array
  | Blob
  | {
      /** A path on the local file system, absolute or relative to the working directory. */
      readonly path: string;
    };

/** Bytes read from the start of a file per step when streaming (1 MiB). */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A file opened for reading, its size known and checked against `Limits.maxFileBytes` before any
 * byte is read. Reads are positional, so several passes may run at once.
 *
 * @internal Shared by the readers of this folder, `../xls/` and `../open.ts`.
 */
export interface ByteSource {
  /** The size in bytes (from `fstat` for a path). */
  readonly size: number;
  /** Up to `n` bytes from the start. */
  head(n: number): Promise<Uint8Array>;
  /** The file in chunks of at most {@link CHUNK_BYTES}, from the start. */
  chunks(): AsyncGenerator<Uint8Array, void, undefined>;
  /** The whole file. */
  readAll(): Promise<Uint8Array>;
  /** Releases the file (a no-op for bytes). */
  close(): Promise<void>;
}

/**
 * Whether a value is a `Blob` (a `File` included), also one from another realm or a polyfill.
 *
 * @internal
 */
export function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const v = value as Partial<Blob> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.size === 'number' &&
    typeof v.slice === 'function' &&
    typeof v.arrayBuffer === 'function' &&
    !(value instanceof Uint8Array)
  );
}

/**
 * The name of a file as the caller gave it: `options.file`, else the path, else a `File`'s name,
 * else `undefined`.
 */
export function sourceName(source: WorkbookSource, file?: string): string | undefined {
  if (file !== undefined) return file;
  if (source instanceof Uint8Array) return undefined;
  if (isBlob(source)) {
    const name = (source as Partial<File>).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  }
  return source.path;
}

/** ` (<name>)` to put after "the file" in messages, or an empty string. */
export function inFile(file: string | undefined): string {
  return file === undefined ? '' : ` (${file})`;
}

/** The error for a file larger than `Limits.maxFileBytes`. */
export function fileTooLarge(size: number, limits: Limits, file: string | undefined): AdapterError {
  return new AdapterError(
    'limit-exceeded',
    `The file${inFile(file)} is ${size} bytes, more than the limit of ${limits.maxFileBytes} bytes (limits.maxFileBytes). Split it, or raise the limit if the file is expected to be this large.`,
    {
      ...(file === undefined ? {} : { file }),
      limit: { name: 'maxFileBytes', max: limits.maxFileBytes, found: size },
    },
  );
}

/**
 * Opens a source: for a path, opens the file and checks its size (from `fstat`) against
 * `limits.maxFileBytes` before reading anything; for bytes and a `Blob`, checks their size.
 *
 * @throws AdapterError `'limit-exceeded'` for a file larger than the limit; the file-system error
 * (`ENOENT`, `EACCES`, `EISDIR`…) for a path that cannot be read; {@link NodeOnlyError} for a
 * path outside Node.
 * @internal
 */
export async function openSource(
  source: WorkbookSource,
  limits: Limits,
  file: string | undefined,
): Promise<ByteSource> {
  if (source instanceof Uint8Array) {
    if (source.byteLength > limits.maxFileBytes)
      throw fileTooLarge(source.byteLength, limits, file);
    return bytesSource(source);
  }
  if (isBlob(source)) {
    if (source.size > limits.maxFileBytes) throw fileTooLarge(source.size, limits, file);
    return blobSource(source, file);
  }
  const handle = await platform.openFile(source.path);
  try {
    if (handle.isDirectory) {
      throw new AdapterError('wrong-file-type', `${source.path} is a directory, not a file.`, {
        ...(file === undefined ? {} : { file }),
      });
    }
    if (handle.size > limits.maxFileBytes) throw fileTooLarge(handle.size, limits, file);
    return fileSource(handle, handle.size);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    head: async (n) => bytes.subarray(0, n),
    async *chunks() {
      for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
        yield bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.byteLength));
      }
    },
    readAll: async () => bytes,
    close: async () => {},
  };
}

function blobSource(blob: Blob, file: string | undefined): ByteSource {
  const size = blob.size;
  const read = async (position: number, length: number): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await blob.slice(position, position + length).arrayBuffer());
    } catch (error) {
      throw new AdapterError(
        'corrupt-file',
        `The file${inFile(file)} could not be read (it may have been changed or removed since it was chosen). Choose it again.`,
        { ...(file === undefined ? {} : { file }), cause: error },
      );
    }
  };
  return {
    size,
    head: (n) => read(0, Math.min(n, size)),
    async *chunks() {
      for (let at = 0; at < size; at += CHUNK_BYTES) {
        const chunk = await read(at, Math.min(CHUNK_BYTES, size - at));
        if (chunk.byteLength === 0) return;
        yield chunk;
      }
    },
    readAll: () => read(0, size),
    close: async () => {},
  };
}

function fileSource(handle: PlatformFile, size: number): ByteSource {
  let closed = false;
  const read = async (position: number, length: number): Promise<Uint8Array> => {
    if (closed) throw new Error('The file was closed.');
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const bytesRead = await handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break; // the file shrank since fstat
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  };
  return {
    size,
    head: (n) => read(0, Math.min(n, size)),
    async *chunks() {
      // The size from fstat bounds the read: a file growing meanwhile cannot pass the limit.
      for (let at = 0; at < size; at += CHUNK_BYTES) {
        const chunk = await read(at, Math.min(CHUNK_BYTES, size - at));
        if (chunk.byteLength === 0) return;
        yield chunk;
      }
    },
    readAll: () => read(0, size),
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
