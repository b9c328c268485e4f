import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CP1252_HIGH } from './cp1252.ts';
import { decodeLegacy, encodeLegacy, LegacyEncodingError } from './index.ts';
import { LOWER_LETTERS } from './letters.ts';
import { VNI_TABLE } from './vni-table.ts';

/** Every Vietnamese vowel with every tone and đ, both cases. */
const ALL_LETTERS = [...LOWER_LETTERS, ...LOWER_LETTERS.map((l) => l.toUpperCase())];

const bytes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('the VNI table', () => {
  it('spells every toned or shaped letter and đ, in both cases', () => {
    expect(VNI_TABLE).toHaveLength(67);
    const spelled = new Set(VNI_TABLE.map(([l]) => l));
    for (const letter of LOWER_LETTERS) {
      if (!/^[a-z]$/.test(letter)) expect(spelled.has(letter), letter).toBe(true);
    }
  });

  // The marks as bytes, lower and upper case, after a and A (the VNI Windows code chart).
  it.each([
    ['á', 0xf9, 0xd9],
    ['à', 0xf8, 0xd8],
    ['ả', 0xfb, 0xdb],
    ['ã', 0xf5, 0xd5],
    ['ạ', 0xef, 0xcf],
    ['â', 0xe2, 0xc2],
    ['ấ', 0xe1, 0xc1],
    ['ầ', 0xe0, 0xc0],
    ['ẩ', 0xe5, 0xc5],
    ['ẫ', 0xe3, 0xc3],
    ['ậ', 0xe4, 0xc4],
    ['ă', 0xea, 0xca],
    ['ắ', 0xe9, 0xc9],
    ['ằ', 0xe8, 0xc8],
    ['ẳ', 0xfa, 0xda],
    ['ẵ', 0xfc, 0xdc],
    ['ặ', 0xeb, 0xcb],
  ])('%s is a + 0x%s, A + the upper-case mark', (letter, lower, upper) => {
    expect(bytes(encodeLegacy(letter, 'vni'))).toEqual([0x61, lower]);
    expect(bytes(encodeLegacy(letter.toUpperCase(), 'vni'))).toEqual([0x41, upper]);
  });

  it.each([
    ['ơ', 0xf4, 0xd4],
    ['ư', 0xf6, 0xd6],
    ['đ', 0xf1, 0xd1],
    ['í', 0xed, 0xcd],
    ['ì', 0xec, 0xcc],
    ['ỉ', 0xe6, 0xc6],
    ['ĩ', 0xf3, 0xd3],
    ['ị', 0xf2, 0xd2],
    ['ỵ', 0xee, 0xce],
  ])('%s is the single byte 0x%s (upper case 0x%s)', (letter, lower, upper) => {
    expect(bytes(encodeLegacy(letter, 'vni'))).toEqual([lower]);
    expect(bytes(encodeLegacy(letter.toUpperCase(), 'vni'))).toEqual([upper]);
  });

  it('writes ê ô like â, and the tones after ơ ư u y e o like after a', () => {
    expect(encodeLegacy('ê ô ễ Ễ ộ ớ Ừ ữ ỳ Ỹ', 'vni')).toBe('eâ oâ eã EÃ oä ôù ÖØ öõ yø YÕ');
  });
});

describe('decodeLegacy vni', () => {
  it.each([
    ['Vieät Nam', 'Việt Nam'],
    ['Nguyeãn Thò Hoaøng', 'Nguyễn Thị Hoàng'],
    ['Tröôøng Tieåu hoïc Kim Ñoàng', 'Trường Tiểu học Kim Đồng'],
    ['Sôû Giaùo duïc vaø Ñaøo taïo', 'Sở Giáo dục và Đào tạo'],
    ['HOÏ VAØ TEÂN', 'HỌ VÀ TÊN'],
    ['ÑAÏI HOÏC SÖ PHAÏM', 'ĐẠI HỌC SƯ PHẠM'],
    ['Ñaëng Thò AÙnh Tuyeát', 'Đặng Thị Ánh Tuyết'],
    ['Nöõ', 'Nữ'],
    ['khuyûu tay, quyeån vôû, giöõ gìn', 'khuỷu tay, quyển vở, giữ gìn'],
  ])('%j → %j', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'vni')).toBe(unicode);
    expect(encodeLegacy(unicode, 'vni')).toBe(legacy);
  });

  it('reads a mark of either case after a base of either case; the base decides the case', () => {
    expect(decodeLegacy('AÙ Aù aÙ aù', 'vni')).toBe('Á Á á á');
    expect(decodeLegacy('ÔÙ Ôù ôÙ EÃ Eã eÃ ÖØ öø', 'vni')).toBe('Ớ Ớ ớ Ễ Ễ ễ Ừ ừ');
    expect(encodeLegacy('Á Ớ Ễ', 'vni')).toBe('AÙ ÔÙ EÃ');
  });

  it('takes at most one mark per base, and only a mark the base can carry', () => {
    expect(decodeLegacy('aâù', 'vni')).toBe('âù');
    expect(decodeLegacy('uâ iù yê', 'vni')).toBe('uâ iù yê');
    // Unicode 'Hoàng' read as VNI: à is VNI's circumflex + huyền and o takes it first: ồ.
    expect(decodeLegacy('Nguyeãn Thò Hoàng', 'vni')).toBe('Nguyễn Thị Hồng');
  });

  it('leaves a mark without a base as it is', () => {
    expect(decodeLegacy('ù', 'vni')).toBe('ù');
    expect(decodeLegacy(' ø', 'vni')).toBe(' ø');
    expect(decodeLegacy('Ø-Ù', 'vni')).toBe('Ø-Ù');
    expect(decodeLegacy('1ï', 'vni')).toBe('1ï');
  });

  it('decodes the Windows-1252 and the Latin-1 form of bytes 0x80–0x9F the same', () => {
    for (let b = 0x80; b <= 0x9f; b++) {
      const asCp1252 = CP1252_HIGH[b - 0x80] ?? '';
      expect(decodeLegacy(String.fromCharCode(b), 'vni')).toBe(asCp1252);
      expect(decodeLegacy(asCp1252, 'vni')).toBe(asCp1252);
      // Neither form is a mark: the base before it stays bare.
      expect(decodeLegacy(`a${String.fromCharCode(b)}`, 'vni')).toBe(`a${asCp1252}`);
    }
    expect(decodeLegacy('\u0093Vieät Nam\u0094 \u2013 \u0085', 'vni')).toBe('“Việt Nam” – …');
  });

  it('passes Unicode above U+00FF through', () => {
    expect(decodeLegacy('Việt Nam 😀', 'vni')).toBe('Việt Nam 😀');
  });
});

describe('encodeLegacy vni', () => {
  it('round-trips every letter in both cases, NFC or NFD', () => {
    for (const letter of ALL_LETTERS) {
      const encoded = encodeLegacy(letter, 'vni');
      expect(encoded, letter).not.toMatch(/[\u0100-\uffff]/);
      expect(encoded.length).toBeLessThanOrEqual(2);
      expect(decodeLegacy(encoded, 'vni')).toBe(letter);
      expect(encodeLegacy(letter.normalize('NFD'), 'vni')).toBe(encoded);
    }
  });

  it('rejects the mark and letter bytes as themselves, and anything above U+00FF', () => {
    for (const ch of [
      'ñ',
      'ö',
      'ø',
      'ä',
      'ë',
      'ï',
      'æ',
      'å',
      'Ñ',
      'Ö',
      'Ø',
      '\u0093',
      '中',
      '😀',
    ]) {
      expect(() => encodeLegacy(`x${ch}y`, 'vni'), ch).toThrow(
        expect.objectContaining({
          name: 'LegacyEncodingError',
          char: ch,
          index: 1,
          encoding: 'vni',
        }),
      );
    }
    expect(() => encodeLegacy('Trường ñ', 'vni')).toThrow(LegacyEncodingError);
  });

  it('keeps Latin-1 and Windows-1252 characters whose byte VNI does not use', () => {
    for (const ch of ['ç', 'ð', 'þ', 'ÿ', 'ß', '×', '÷', '©', '°', 'Ç', '€', '“', '–', '…']) {
      const encoded = encodeLegacy(ch, 'vni');
      expect(encoded, ch).toHaveLength(1);
      expect(decodeLegacy(`a${encoded}`, 'vni')).toBe(`a${ch}`);
    }
  });

  it("replaces unrepresentable characters with '?' when asked", () => {
    expect(encodeLegacy('Đà Nẵng ñ 中', 'vni', { unrepresentable: 'replace' })).toBe(
      'Ñaø Naüng ? ?',
    );
  });

  it('ignores upperCaseFont', () => {
    expect(encodeLegacy('Việt', 'vni', { upperCaseFont: true })).toBe('Vieät');
    expect(decodeLegacy('Vieät', 'vni', { upperCaseFont: true })).toBe('Việt');
  });
});

/** Characters VNI represents. */
const vniChar = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(...ALL_LETTERS),
  fc.constantFrom(...'çðþÿß×÷©°ÇÐÞ¿±€“”‘’–—…•™\u00a0\u0081'),
);
/** Characters it does not. */
const notVniChar = fc.constantFrom(...'ñöøäëïæåûüîÑÖØÄËÏÆ', '\u0093', '中', 'Ω', '😀');

describe('vni properties', () => {
  it('decode(encode(x)) is NFC(x) for representable text, NFC or NFD', () => {
    fc.assert(
      fc.property(fc.array(vniChar, { maxLength: 60 }), fc.boolean(), (chars, nfd) => {
        const x = chars.join('');
        const encoded = encodeLegacy(nfd ? x.normalize('NFD') : x, 'vni');
        expect(encoded).not.toMatch(/[\u0100-\uffff]/);
        expect(decodeLegacy(encoded, 'vni')).toBe(x.normalize('NFC'));
      }),
    );
  });

  it('throws LegacyEncodingError at the first unrepresentable character', () => {
    fc.assert(
      fc.property(
        fc.array(vniChar, { maxLength: 20 }),
        notVniChar,
        fc.array(fc.oneof(vniChar, notVniChar), { maxLength: 20 }),
        (before, bad, after) => {
          const prefix = before.join('');
          const text = prefix + bad + after.join('');
          expect(() => encodeLegacy(text, 'vni')).toThrow(
            expect.objectContaining({
              char: bad,
              index: prefix.normalize('NFC').length,
              encoding: 'vni',
            }),
          );
          expect(() => encodeLegacy(text, 'vni', { unrepresentable: 'replace' })).not.toThrow();
        },
      ),
    );
  });

  it('never throws while decoding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(typeof decodeLegacy(s, 'vni')).toBe('string');
      }),
    );
  });
});

describe('vni bad inputs', () => {
  it('handles empty, huge and mark-only strings', () => {
    expect(decodeLegacy('', 'vni')).toBe('');
    expect(encodeLegacy('', 'vni')).toBe('');
    const unicode = 'Trường Tiểu học Kim Đồng, lớp 5A. '.repeat(300);
    expect(unicode.length).toBeGreaterThan(10_000);
    expect(decodeLegacy(encodeLegacy(unicode, 'vni'), 'vni')).toBe(unicode);
    expect(decodeLegacy('ù'.repeat(10_000), 'vni')).toBe('ù'.repeat(10_000));
    expect(decodeLegacy('\u0301', 'vni')).toBe('\u0301');
    expect(() => encodeLegacy('\u0301', 'vni')).toThrow(
      expect.objectContaining({ char: '\u0301', index: 0 }),
    );
    expect(() => encodeLegacy('ù'.normalize('NFD').slice(1), 'vni')).toThrow(LegacyEncodingError);
  });
});
