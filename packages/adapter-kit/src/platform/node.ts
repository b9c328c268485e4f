/**
 * The Node implementation of {@link Platform}: `node:zlib` and `node:fs`.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import type { Platform } from './platform.ts';

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Does nothing (marks a promise's rejection as handled: it is awaited later, or not needed). */
const ignore = (): void => {};

/** At most this many compressed bytes are handed to the inflater at a time. */
const INPUT_SLICE = 64 * 1024;
/** The size of the inflater's output buffers. */
const OUTPUT_CHUNK = 1024 * 1024;
/**
 * The inflater pauses when this many inflated bytes wait for the caller (a slice of a highly
 * compressed entry — a zip bomb — inflates to much more than a slice of a workbook does).
 */
const WAITING_BYTES = 2 * 1024 * 1024;

/**
 * Inflates with a `zlib` stream driven directly (no `Readable.from`, pipe or stream iterator):
 * slices of at most {@link INPUT_SLICE} compressed bytes are written one at a time; while the
 * caller consumes what one slice inflated to, `zlib` inflates the next one on its thread pool
 * (and the next input chunk is read). The inflater pauses when {@link WAITING_BYTES} wait for the
 * caller, so that memory stays bounded whatever the compression ratio.
 */
async function* inflateRaw(
  input: AsyncIterable<Uint8Array>,
  chunkSize = OUTPUT_CHUNK,
  keep?: (inflater: zlib.InflateRaw) => void,
): AsyncGenerator<Uint8Array> {
  const source = input[Symbol.asyncIterator]();
  const inflater = zlib.createInflateRaw({ chunkSize });
  keep?.(inflater);
  let outputs: Uint8Array[] = [];
  let waiting = 0;
  let failure: unknown;
  let closed = false;
  /** Whether a write (or the end) is in flight. */
  let busy = false;
  /** Wakes the caller waiting in `take`, if any. */
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  inflater.on('data', (chunk: Uint8Array) => {
    outputs.push(chunk);
    waiting += chunk.length;
    if (waiting >= WAITING_BYTES) {
      inflater.pause();
      signal();
    }
  });
  inflater.on('error', (error) => {
    failure ??= error;
    signal();
  });
  inflater.on('end', () => {
    busy = false;
    signal();
  });
  inflater.on('close', () => {
    closed = true;
    signal();
  });
  const written = (): void => {
    busy = false;
    signal();
  };
  /** What has been inflated, once the step in flight is done or enough output waits. */
  const take = async (): Promise<Uint8Array[]> => {
    while (busy && waiting < WAITING_BYTES && failure === undefined && !closed) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure !== undefined) throw failure;
    if (busy && closed) throw new Error('The inflater closed before the end of its input.');
    const ready = outputs;
    outputs = [];
    waiting = 0;
    if (inflater.isPaused()) inflater.resume();
    return ready;
  };
  try {
    let next = source.next();
    for (;;) {
      const read = await next;
      if (read.done === true) break;
      const chunk = read.value;
      // The next chunk is read while this one is inflated and consumed.
      next = source.next();
      next.catch(ignore);
      for (let at = 0; at < chunk.length; at += INPUT_SLICE) {
        for (;;) {
          const ready = await take();
          const more = !busy;
          if (more) {
            busy = true;
            inflater.write(chunk.subarray(at, Math.min(chunk.length, at + INPUT_SLICE)), written);
          }
          for (const out of ready) yield out;
          if (more) break;
        }
      }
    }
    while (busy) for (const out of await take()) yield out;
    busy = true;
    inflater.end();
    while (busy) for (const out of await take()) yield out;
    for (const out of await take()) yield out;
  } finally {
    inflater.destroy();
    await source.return?.();
  }
}

/**
 * A small stream inflated once when the module loads, by {@link inflateRaw} as any entry is, and
 * kept for as long as the module is loaded (see `KEPT_PARSERS` in `workbook/xlsx/workbook.ts`):
 * V8 keeps the layouts of the inflater's objects only while one of them is alive, and a full
 * garbage collection that drops them also drops the optimized code of the stream machinery.
 */
const KEPT_INFLATION: { inflater?: zlib.InflateRaw; chunks: number } = { chunks: 0 };
void (async () => {
  const kept = inflateRaw(
    (async function* () {
      yield zlib.deflateRawSync(new TextEncoder().encode('<kept/>'.repeat(40)));
    })(),
    64,
    (inflater) => {
      KEPT_INFLATION.inflater = inflater;
    },
  );
  for await (const _ of kept) KEPT_INFLATION.chunks++;
})().catch(ignore);

/**
 * Node's services: zlib streams and one-shot calls, `zlib.crc32` where Node has it, `fs.open`.
 *
 * @internal
 */
export const platform: Platform = {
  name: 'node',
  inflateRaw: (input) => inflateRaw(input),
  inflateRawSync: (raw, maxOutputLength) =>
    zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutputLength) }),
  deflateRawSync: (bytes, level) =>
    zlib.deflateRawSync(bytes, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  crc32: typeof nativeCrc32 === 'function' ? nativeCrc32 : undefined,
  async openFile(path) {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      return {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        isDirectory: stat.isDirectory(),
        read: async (buffer, offset, length, position) =>
          (await handle.read(buffer, offset, length, position)).bytesRead,
        close: () => handle.close(),
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  },
};
