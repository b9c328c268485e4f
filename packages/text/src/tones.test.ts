import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeTones } from './tones.ts';

const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

describe('placeTones', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['Thanh Hoá', 'Thanh Hóa'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['loạ', 'lọa'],
    ['tuỳ', 'tùy'],
    ['xoè', 'xòe'],
    ['Thuỵ', 'Thụy'],
    ['HOÀ', 'HÒA'],
    ['THUỶ', 'THỦY'],
  ])('new %j ⇄ old %j', (newStyle, oldStyle) => {
    expect(placeTones(newStyle, 'old')).toBe(oldStyle);
    expect(placeTones(oldStyle, 'new')).toBe(newStyle);
    expect(placeTones(newStyle, 'new')).toBe(newStyle);
    expect(placeTones(oldStyle, 'old')).toBe(oldStyle);
  });

  it.each([
    'quý',
    'quà',
    'giữa',
    'hoàng',
    'thuận',
    'của',
    'mùa',
    'Huỳnh',
    'ngoài',
    'khuỷu',
    'khuyến',
    'thuở',
    'thuế',
    'quỳnh',
    'QUÝ',
    'Hoa',
  ])('leaves %j alone in both styles', (word) => {
    expect(placeTones(word, 'old')).toBe(word);
    expect(placeTones(word, 'new')).toBe(word);
  });

  it('moves tones inside sentences and keeps punctuation and spacing', () => {
    expect(placeTones('Trường TH Hoà Bình,  Thuỷ Nguyên (Hải Phòng)', 'old')).toBe(
      'Trường TH Hòa Bình,  Thủy Nguyên (Hải Phòng)',
    );
  });

  it('reads NFD input and returns NFC', () => {
    expect(placeTones('hòa'.normalize('NFD'), 'new')).toBe('hoà');
    expect(placeTones('hoà'.normalize('NFD'), 'new')).toBe('hoà');
  });

  it('leaves foreign words and mojibake untouched', () => {
    expect(placeTones('Schmidt Hóa ViÖt', 'new')).toBe('Schmidt Hoá ViÖt');
    expect(placeTones('', 'new')).toBe('');
  });

  it('rejects an unknown style', () => {
    expect(() => placeTones('hoà', 'modern' as never)).toThrow(TypeError);
  });

  it('converting through the other style changes nothing (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(placeTones(placeTones(s, 'old'), 'new')).toBe(placeTones(s, 'new'));
        expect(placeTones(placeTones(s, 'new'), 'old')).toBe(placeTones(s, 'old'));
      }),
    );
  });

  it('converting through the other style changes nothing (generated syllables)', () => {
    const syllable = fc
      .tuple(
        fc.constantFrom('', 'h', 'kh', 'th', 'l', 'x', 'ng', 'qu', 'gi', 'tr', 'đ'),
        fc.constantFrom('oa', 'oe', 'uy', 'a', 'ươ', 'ua', 'ia', 'oai', 'uyê', 'y', 'ưa'),
        fc.constantFrom('', 'n', 'ng', 'nh', 't', 'c'),
        fc.constantFrom(...TONES),
        fc.nat(2),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([onset, nucleus, coda, tone, at, upper, nfd]) => {
        const letters = [...onset, ...nucleus, ...coda];
        const pos = onset.length + Math.min(at, nucleus.length - 1);
        const word = letters.map((l, i) => (i === pos ? l + tone : l)).join('');
        const cased = upper ? word.toUpperCase() : word;
        return nfd ? cased.normalize('NFD') : cased.normalize('NFC');
      });
    fc.assert(
      fc.property(fc.array(syllable, { maxLength: 6 }), (words) => {
        const s = words.join(' ');
        const viaOld = placeTones(placeTones(s, 'old'), 'new');
        expect(viaOld).toBe(placeTones(s, 'new'));
        expect(placeTones(s, 'new').length).toBeLessThanOrEqual(s.normalize('NFC').length);
        // Only the tone position ever moves: the match key (no diacritics) is unchanged.
        expect(
          placeTones(s, 'old')
            .normalize('NFD')
            .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, ''),
        ).toBe(s.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
