import { platform } from '#platform';

/** The CRC-32 lookup table of the pure-JavaScript fallback, built on first use. */
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  return table;
}

/** `zlib.crc32` where Node has it (≥ 20.15, ≥ 22.2), else `undefined` (also in browsers). */
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = platform.crc32;

/**
 * Whether CRC-32 is computed natively (`zlib.crc32`, Node ≥ 20.15; never in browsers); the reader
 * checks entry CRCs only then, the JavaScript fallback being too slow for the hot path.
 *
 * @internal
 */
export const hasNativeCrc32: boolean = nativeCrc32 !== undefined;

/**
 * The CRC-32 (ZIP, ISO-HDLC) of `data`, continuing from `previous` (the CRC of the bytes before).
 *
 * @internal
 */
export function crc32(data: Uint8Array, previous = 0): number {
  return nativeCrc32 !== undefined ? nativeCrc32(data, previous) : crc32Js(data, previous);
}

/**
 * The pure-JavaScript CRC-32 used where `zlib.crc32` is missing (Node < 20.15).
 *
 * @internal
 */
export function crc32Js(data: Uint8Array, previous = 0): number {
  const t = crcTable();
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++)
    c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  let i = 0;
  while (v !== 0) {
    if (v & 1) sum ^= matrix[i] as number;
    v >>>= 1;
    i++;
  }
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n] as number);
}

/**
 * The CRC-32 of `a ‖ b` from the CRC of `a`, the CRC of `b` and the length of `b` (zlib's
 * `crc32_combine`), so that a part written later can be placed in front of one compressed earlier.
 *
 * @internal
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  let row = 1;
  for (let n = 1; n < 32; n++) {
    odd[n] = row >>> 0;
    row = (row << 1) >>> 0;
  }
  gf2Square(even, odd);
  gf2Square(odd, even);
  let crc = crcA >>> 0;
  let len = lengthB;
  do {
    gf2Square(even, odd);
    if (len % 2 === 1) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2 === 1) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (crc ^ crcB) >>> 0;
}
