import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { byteChar, byteOf, CP1252_HIGH, isCp1252Special } from './cp1252.ts';

/** Bytes Windows-1252 leaves undefined: they stay Latin-1 control characters. */
const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

describe('Windows-1252 bytes 0x80–0x9F', () => {
  // Node 20's TextDecoder('windows-1252') decodes as Latin-1, so glibc iconv is the oracle.
  it('match iconv CP1252 for every defined byte', () => {
    const defined = [];
    for (let b = 0x80; b <= 0x9f; b++) if (!UNDEFINED.includes(b)) defined.push(b);
    const decoded = execFileSync('iconv', ['-f', 'CP1252', '-t', 'UTF-8'], {
      input: Uint8Array.from(defined.flatMap((b) => [b, 0x0a])),
    })
      .toString('utf8')
      .split('\n');
    defined.forEach((b, i) => {
      expect(CP1252_HIGH[b - 0x80], `byte 0x${b.toString(16)}`).toBe(decoded[i]);
    });
    for (const b of UNDEFINED) expect(CP1252_HIGH[b - 0x80]).toBe(String.fromCharCode(b));
  });

  it('map both the Latin-1 and the Windows-1252 form back to the byte', () => {
    for (let b = 0x80; b <= 0x9f; b++) {
      expect(byteOf(String.fromCharCode(b))).toBe(b);
      expect(byteOf(byteChar(b))).toBe(b);
    }
    expect(byteOf('“')).toBe(0x93);
    expect(byteOf('€')).toBe(0x80);
    expect(byteOf('A')).toBe(0x41);
    expect(byteOf('ÿ')).toBe(0xff);
    expect(byteOf('ệ')).toBe(-1);
    expect(byteOf('😀')).toBe(-1);
    expect(isCp1252Special('Œ')).toBe(true);
    expect(isCp1252Special('Ă')).toBe(false);
  });
});
