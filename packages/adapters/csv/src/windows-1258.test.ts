import { describe, expect, it } from 'vitest';
import { encodeWindows1258 } from './windows-1258.test-helper.ts';

/** Every Vietnamese letter, in both cases, with every tone. */
const LETTERS = 'aăâeêioôơuưy'
  .split('')
  .flatMap((v) =>
    ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v + t).normalize('NFC')),
  )
  .join('');

describe('encodeWindows1258 (fixture builder)', () => {
  it('encodes every Vietnamese letter so that the platform decodes it back', () => {
    const text = `${LETTERS}${LETTERS.toUpperCase()}đĐ Nguyễn Thị Ánh Tuyết, Thừa Thiên Huế; 0-9 "x"`;
    const bytes = encodeWindows1258(text);
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(text);
  });

  it('writes shaped letters precomposed and tones as combining marks, as Windows does', () => {
    expect([...encodeWindows1258('ễ')]).toEqual([0xea, 0xde]);
    expect([...encodeWindows1258('á')]).toEqual([0xe1]);
    expect([...encodeWindows1258('ặ')]).toEqual([0xe3, 0xf2]);
  });

  it('refuses what Windows-1258 cannot hold', () => {
    expect(() => encodeWindows1258('漢')).toThrow(/cannot encode U\+6F22/);
  });
});
