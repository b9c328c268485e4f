import { AdapterError, type Limits } from '../../errors.ts';

/**
 * Where a reader takes a file from: its bytes, or a path on the local file system (read with
 * `node:fs`, loaded only when a path is given, so that byte sources also work outside Node).
 */
export type WorkbookSource =
  | Uint8Array
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

/** The name of a file as the caller gave it: `options.file`, else the path, else `undefined`. */
export function sourceName(source: WorkbookSource, file: string | undefined): string | undefined {
  if (file !== undefined) return file;
  return source instanceof Uint8Array ? undefined : source.path;
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
 * `limits.maxFileBytes` before reading anything; for bytes, checks their length.
 *
 * @throws AdapterError `'limit-exceeded'` for a file larger than the limit; the file-system error
 * (`ENOENT`, `EACCES`, `EISDIR`…) for a path that cannot be read.
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
  const fs = await import('node:fs/promises');
  const handle = await fs.open(source.path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw new AdapterError('wrong-file-type', `${source.path} is a directory, not a file.`, {
        ...(file === undefined ? {} : { file }),
      });
    }
    if (stat.size > limits.maxFileBytes) throw fileTooLarge(stat.size, limits, file);
    return fileSource(handle, stat.size);
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

function fileSource(handle: import('node:fs/promises').FileHandle, size: number): ByteSource {
  let closed = false;
  const read = async (position: number, length: number): Promise<Uint8Array> => {
    if (closed) throw new Error('The file was closed.');
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
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
