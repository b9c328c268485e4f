import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concat } from '../workbook/xlsx/zip-writer.ts';
import { NodeOnlyError } from './platform.ts';
import { inflateRawWeb, platform } from './web.ts';

/** Text that deflates about 2:1. */
function noise(length: number): Uint8Array {
  let seed = 7;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[i] = 97 + ((seed >>> 16) % 26);
  }
  return out;
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return concat(out);
}

describe('inflating with DecompressionStream (the browser path)', () => {
  const plain = noise(700_000);
  const raw = deflateRawSync(plain);

  it('inflates what zlib deflated, whatever the input chunking', async () => {
    for (const size of [1000, 64 * 1024, raw.length]) {
      const inflated = await collect(inflateRawWeb(pieces(raw, size), 4096));
      expect(Buffer.compare(inflated, plain)).toBe(0);
    }
    expect(
      await collect(platform.inflateRaw(pieces(deflateRawSync(new Uint8Array(0)), 10))),
    ).toEqual(new Uint8Array(0));
  });

  it('rejects a damaged or cut deflate stream instead of hanging', async () => {
    const damaged = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x01]);
    await expect(collect(inflateRawWeb(pieces(damaged, 3)))).rejects.toThrow();
    await expect(collect(inflateRawWeb(pieces(raw.subarray(0, 300), 7)))).rejects.toThrow();
  });

  it('passes an error of the input through as it is', async () => {
    const failure = new Error('disk gone');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield raw.subarray(0, 1000);
      throw failure;
    }
    await expect(collect(inflateRawWeb(failing()))).rejects.toBe(failure);
  });

  it('stops reading the input when the consumer stops', async () => {
    let read = 0;
    let released = false;
    async function* counted(): AsyncGenerator<Uint8Array> {
      try {
        for (let at = 0; at < raw.length; at += 1024) {
          read += 1024;
          yield raw.subarray(at, at + 1024);
        }
      } finally {
        released = true;
      }
    }
    for await (const chunk of inflateRawWeb(counted(), 1024)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(released).toBe(true);
    expect(read).toBeLessThan(raw.length);
  });

  it('says paths, writing and templates need Node', async () => {
    await expect(platform.openFile('C1-HocSinh.xlsx')).rejects.toMatchObject({
      name: 'NodeOnlyError',
      code: 'needs-node',
      feature: 'path',
    });
    await expect(platform.openFile('x.xlsx')).rejects.toThrow(/File or Blob/);
    expect(() => platform.deflateRawSync(plain, 6)).toThrow(NodeOnlyError);
    expect(() => platform.deflateRawSync(plain, 6)).toThrow(/needs Node/);
    expect(() => platform.inflateRawSync(raw, plain.length)).toThrow(NodeOnlyError);
    expect(platform.crc32).toBeUndefined();
  });
});
