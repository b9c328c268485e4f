import { describe, expect, it } from 'vitest';
import { parseSyllable, splitLetters } from './syllable.ts';

describe('parseSyllable', () => {
  it.each([
    ['hoà', 'h', 'oa', ''],
    ['Huỳnh', 'h', 'uy', 'nh'],
    ['quý', 'qu', 'y', ''],
    ['giữa', 'gi', 'ưa', ''],
    ['nghiêng', 'ngh', 'iê', 'ng'],
    ['khuỷu', 'kh', 'uyu', ''],
    ['ĐƯỜNG', 'đ', 'ươ', 'ng'],
    ['gìn', 'g', 'i', 'n'],
  ])('parses %s', (word, onset, nucleus, coda) => {
    const s = parseSyllable(word);
    expect(s).not.toBeNull();
    expect([s?.onset, s?.nucleus, s?.coda]).toEqual([onset, nucleus, coda]);
  });

  it('finds the tone-bearing letter in NFC and NFD input alike', () => {
    expect(parseSyllable('thuỷ')?.toneIndex).toBe(3);
    expect(parseSyllable('thủy'.normalize('NFD'))?.toneIndex).toBe(2);
    expect(parseSyllable('an')?.toneIndex).toBe(-1);
  });

  it.each(['Schmidt', 'ViÖt', 'Vieät', 'xyz', 'hóà', 'aic', '', '12', 'mṍ'])(
    'rejects %j',
    (word) => {
      expect(parseSyllable(word)).toBeNull();
    },
  );

  it('rejects letters with marks Vietnamese does not use', () => {
    expect(splitLetters('für')).toBeNull();
    expect(splitLetters('việt')?.map((l) => l.base)).toEqual(['v', 'i', 'ê', 't']);
  });
});
