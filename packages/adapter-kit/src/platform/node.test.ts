import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concat } from '../workbook/xlsx/zip-writer.ts';
import { platform } from './node.ts';

/** Text that deflates about 2:1. */
function noise(length: number): Uint8Array {
  let seed = 11;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[i] = 97 + ((seed >>> 16) % 26);
  }
  return out;
}

/** `bytes` in pieces of `size`, noting in `state` whether the consumer let go of them early. */
async function* pieces(
  bytes: Uint8Array,
  size: number,
  state: { read: number; released: boolean } = { read: 0, released: false },
): AsyncGenerator<Uint8Array> {
  try {
    for (let at = 0; at < bytes.length; at += size) {
      state.read++;
      yield bytes.subarray(at, at + size);
    }
  } finally {
    state.released = true;
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return concat(out);
}

describe('inflating with node:zlib (the Node path)', () => {
  const plain = noise(900_000);
  const raw = deflateRawSync(plain);

  it('inflates what zlib deflated, whatever the input chunking', async () => {
    for (const size of [1000, 64 * 1024 + 3, 300 * 1024, raw.length]) {
      const state = { read: 0, released: false };
      const inflated = await collect(platform.inflateRaw(pieces(raw, size, state)));
      expect(Buffer.compare(inflated, plain)).toBe(0);
      expect(state.released).toBe(true);
    }
  });

  it('inflates an empty stream to nothing', async () => {
    expect(
      await collect(platform.inflateRaw(pieces(deflateRawSync(new Uint8Array(0)), 10))),
    ).toEqual(new Uint8Array(0));
  });

  it('keeps what waits for the caller bounded when a slice inflates to a lot (a zip bomb)', async () => {
    const zeros = new Uint8Array(48 * 1024 * 1024);
    const bomb = deflateRawSync(zeros);
    expect(bomb.length).toBeLessThan(64 * 1024); // one input slice
    let total = 0;
    let largest = 0;
    for await (const chunk of platform.inflateRaw(pieces(bomb, bomb.length))) {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    expect(total).toBe(zeros.length);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });

  it('lets go of the input and the inflater when the caller stops early', async () => {
    const state = { read: 0, released: false };
    for await (const chunk of platform.inflateRaw(pieces(raw, 1000, state))) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(state.released).toBe(true);
    expect(state.read).toBeLessThan(raw.length / 1000);
  });

  it('fails on damaged deflate data', async () => {
    // A block of the reserved type 3 (BFINAL 1, BTYPE 11).
    const damaged = Uint8Array.of(0x07, 0, 0, 0);
    await expect(collect(platform.inflateRaw(pieces(damaged, 4096)))).rejects.toThrow(
      /invalid block type/i,
    );
  });

  it('fails on a deflate stream cut short', async () => {
    await expect(
      collect(platform.inflateRaw(pieces(raw.subarray(0, raw.length >> 1), 4096))),
    ).rejects.toThrow(/unexpected end/i);
  });

  it('passes on a failure of its input', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield raw.subarray(0, 5000);
      throw new Error('read failed');
    }
    await expect(collect(platform.inflateRaw(failing()))).rejects.toThrow('read failed');
  });
});
