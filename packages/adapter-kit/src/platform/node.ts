/**
 * The Node implementation of {@link Platform}: `node:zlib` and `node:fs`.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import type { Platform } from './platform.ts';

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

async function* inflateRaw(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflater = zlib.createInflateRaw({
    chunkSize: 64 * 1024,
    readableHighWaterMark: 512 * 1024,
  } as zlib.ZlibOptions);
  const source = Readable.from(input, { objectMode: false });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Uint8Array>;
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
}

/**
 * Node's services: zlib streams and one-shot calls, `zlib.crc32` where Node has it, `fs.open`.
 *
 * @internal
 */
export const platform: Platform = {
  name: 'node',
  inflateRaw,
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
