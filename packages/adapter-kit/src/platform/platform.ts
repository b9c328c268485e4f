/**
 * What the readers need from the platform they run on — inflating, CRC-32, opening a path —
 * implemented for Node (`node.ts`: `node:zlib`, `node:fs`) and for browsers and other runtimes
 * with web APIs (`web.ts`: `DecompressionStream`, no Node built-in). The package's `#platform`
 * import picks one by export condition (`node`, else `browser`/`default`), so a browser bundle
 * never sees a Node module.
 *
 * @module
 */

/**
 * A file opened for positional reads.
 *
 * @internal
 */
export interface PlatformFile {
  /** The size in bytes (from `fstat`). */
  readonly size: number;
  /** The modification time in ms (to notice a file changed between two reads). */
  readonly mtimeMs: number;
  /** Whether the path is a directory. */
  readonly isDirectory: boolean;
  /** Reads into `buffer[offset, offset + length)` from `position`; resolves with the bytes read. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  /** Closes the file. */
  close(): Promise<void>;
}

/**
 * The platform's services, as `#platform` exports them.
 *
 * @internal
 */
export interface Platform {
  /** `'node'` or `'web'`. */
  readonly name: 'node' | 'web';
  /**
   * Inflates a raw deflate stream chunk by chunk, as the input is consumed, in bounded memory
   * whatever the compression ratio (a few MB at most wait for the caller). Stopping the iteration
   * releases the inflater and the input.
   */
  inflateRaw(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /** Inflates a whole raw deflate stream at once, refusing more than `maxOutputLength` bytes. */
  inflateRawSync(raw: Uint8Array, maxOutputLength: number): Uint8Array;
  /** Deflates `bytes` (raw, ending with a sync flush so that pieces can be concatenated). */
  deflateRawSync(bytes: Uint8Array, level: number): Uint8Array;
  /** A native CRC-32 (`zlib.crc32`, Node ≥ 20.15), or `undefined`. */
  readonly crc32: ((data: Uint8Array, previous?: number) => number) | undefined;
  /** Opens a path for reading. */
  openFile(path: string): Promise<PlatformFile>;
}

/**
 * Thrown when something only Node can do is asked for elsewhere: reading a path (`{ path }`) or
 * writing an .xlsx workbook in a browser. Read a browser's `File` or `Blob`, or bytes, instead.
 *
 * @example
 * ```ts
 * input.addEventListener('change', async () => {
 *   const file = input.files?.[0];
 *   if (file) await openWorkbook(file); // not openWorkbook({ path: file.name })
 * });
 * ```
 */
export class NodeOnlyError extends Error {
  /** Always `'needs-node'`. */
  readonly code = 'needs-node' as const;
  /** What was asked for (`'path'`, `'write-xlsx'`, `'template'`). */
  readonly feature: 'path' | 'write-xlsx' | 'template';

  /** An error for `feature`, with a message saying what to do instead. */
  constructor(feature: 'path' | 'write-xlsx' | 'template', message: string) {
    super(message);
    this.name = 'NodeOnlyError';
    this.feature = feature;
  }
}
