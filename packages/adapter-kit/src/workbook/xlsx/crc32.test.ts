import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine, crc32Js, hasNativeCrc32 } from './crc32.ts';

describe('crc32', () => {
  it('computes the ZIP CRC-32, natively on this Node', () => {
    expect(hasNativeCrc32).toBe(typeof (zlib as { crc32?: unknown }).crc32 === 'function');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('has a JavaScript fallback that agrees with zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.nat(), (bytes, previous) => {
        expect(crc32Js(bytes, previous >>> 0)).toBe(crc32(bytes, previous >>> 0));
      }),
    );
  });

  it('continues from a previous CRC', () => {
    const bytes = new TextEncoder().encode('Nguyễn Văn An');
    expect(crc32(bytes.subarray(5), crc32(bytes.subarray(0, 5)))).toBe(crc32(bytes));
  });

  it('combines the CRCs of two parts into the CRC of both', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const both = new Uint8Array(a.length + b.length);
        both.set(a);
        both.set(b, a.length);
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(both));
      }),
      { numRuns: 200 },
    );
  });
});
