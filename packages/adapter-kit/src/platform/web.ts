/**
 * The implementation of {@link Platform} for browsers and other runtimes with web APIs:
 * `DecompressionStream('deflate-raw')`, no Node built-in. Paths cannot be opened and workbooks
 * cannot be written there ({@link NodeOnlyError}).
 *
 * @module
 */
import { NodeOnlyError, type Platform } from './platform.ts';

/**
 * How many compressed bytes are handed to the decompressor at a time. A browser's
 * `DecompressionStream` inflates a whole written chunk at once, whatever the reader's pace: small
 * writes keep what one write can inflate to bounded (deflate expands at most about 1032:1, so
 * 16 KiB in → at most ~16 MiB out before the reader's checks run), and the limits
 * (`maxCompressionRatio`, `maxInflatedBytes`…) are checked as each output chunk is read.
 */
export const INFLATE_WRITE_BYTES = 16 * 1024;

/**
 * Inflates a raw deflate stream with `DecompressionStream`, writing the input as the output is
 * read (one write at a time, each awaited: backpressure), and releasing both sides when the
 * consumer stops.
 * A damaged or truncated stream rejects with the platform's error (a `TypeError`), which the
 * reader turns into an `AdapterError`; an error of the input rejects with that error.
 *
 * @internal
 */
export async function* inflateRawWeb(
  input: AsyncIterable<Uint8Array>,
  writeBytes = INFLATE_WRITE_BYTES,
): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  let inputError: { error: unknown } | undefined;
  const pump = async (): Promise<void> => {
    const chunks = input[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        let item: IteratorResult<Uint8Array>;
        try {
          item = await chunks.next();
        } catch (error) {
          // The input failed (not the inflater, whose errors reach the reader by themselves).
          done = true;
          inputError = { error };
          await writer.abort(error).catch(() => {});
          return;
        }
        if (item.done) {
          done = true;
          break;
        }
        const chunk = item.value;
        for (let at = 0; at < chunk.length; at += writeBytes) {
          await writer.ready;
          if (stopped) return;
          // One write at a time: the next waits until the inflater took this one, which a
          // spec-following TransformStream does only as its output is read.
          await writer.write(chunk.subarray(at, at + writeBytes) as Uint8Array<ArrayBuffer>);
        }
        if (stopped) return;
      }
      await writer.close();
    } catch {
      // The stream errored or was cancelled: the reading side has the error, or stopped.
    } finally {
      if (!done) await chunks.return?.().catch(() => {});
    }
  };
  const pumping = pump();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        await pumping;
        throw inputError === undefined ? error : inputError.error;
      }
      if (next.done) break;
      yield next.value;
    }
    await pumping;
    if (inputError !== undefined) throw inputError.error;
  } finally {
    if (!stopped) {
      stopped = true;
      await reader.cancel().catch(() => {});
      await pumping;
    }
  }
}

function nodeOnly(feature: 'write-xlsx' | 'template'): never {
  throw new NodeOnlyError(
    feature,
    feature === 'write-xlsx'
      ? 'Writing an .xlsx workbook needs Node (node:zlib); in a browser, only reading is available.'
      : 'Filling an .xlsx template needs Node (node:zlib); in a browser, only reading is available.',
  );
}

/**
 * The web's services: `DecompressionStream`; no native CRC-32 (entry CRCs are not checked, as
 * on Node < 20.15), no paths, no writing.
 *
 * @internal
 */
export const platform: Platform = {
  name: 'web',
  inflateRaw: (input) => inflateRawWeb(input),
  inflateRawSync: () => nodeOnly('template'),
  deflateRawSync: () => nodeOnly('write-xlsx'),
  crc32: undefined,
  openFile(path) {
    return Promise.reject(
      new NodeOnlyError(
        'path',
        `A path (${JSON.stringify(path)}) can only be read in Node: paths need Node's file system. In a browser, pass the File or Blob (from an <input type="file"> or a drop), or its bytes (a Uint8Array).`,
      ),
    );
  },
};
