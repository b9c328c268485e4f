import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CP1252_HIGH } from './cp1252.ts';
import { decodeLegacy, encodeLegacy, LegacyEncodingError } from './index.ts';
import { LOWER_LETTERS, VIETNAMESE_LETTERS } from './letters.ts';
import { TCVN3_TABLE } from './tcvn3-table.ts';

/** The capitals the ABC fonts have (A1–A7). */
const SHAPE_CAPITALS = [...'ĂÂÊÔƠƯĐ'];
/** Every letter .VnTime can write: the 72 toned lower-case vowels, đ and the shape capitals. */
const TCVN3_LETTERS = [...LOWER_LETTERS, ...SHAPE_CAPITALS];
/** Upper-case toned letters: only the .VnTimeH fonts write them. */
const UPPER_ONLY = LOWER_LETTERS.map((l) => l.toUpperCase()).filter(
  (l) => !/^[A-Z]$/.test(l) && !SHAPE_CAPITALS.includes(l),
);

/** Runs iconv on `input` and returns its output bytes. */
function iconv(from: string, to: string, input: Uint8Array): Buffer {
  return execFileSync('iconv', ['-f', from, '-t', to], { input });
}

const latin1 = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('the TCVN3 table', () => {
  it('covers every vowel with every tone and đ, once each', () => {
    expect(LOWER_LETTERS).toHaveLength(73);
    expect(TCVN3_TABLE).toHaveLength(66 + 1 + 7);
    expect(new Set(TCVN3_TABLE.map(([b]) => b)).size).toBe(TCVN3_TABLE.length);
    for (const letter of TCVN3_LETTERS) {
      if (/^[a-z]$/.test(letter)) continue;
      expect(
        TCVN3_TABLE.filter(([, l]) => l === letter),
        letter,
      ).toHaveLength(1);
    }
  });

  it('agrees with iconv TCVN5712-1 on every lower-case letter and Ă Â Ê Ô Ơ Ư Đ', () => {
    expect(execFileSync('iconv', ['-l'], { encoding: 'utf8' })).toMatch(/TCVN5712-1/);
    // One iconv call each way: the letters separated by newlines.
    const encoded = iconv('UTF-8', 'TCVN5712-1', Buffer.from(TCVN3_LETTERS.join('\n'), 'utf8'));
    const bytes = [...encoded.toString('latin1').split('\n')];
    expect(bytes).toHaveLength(TCVN3_LETTERS.length);
    TCVN3_LETTERS.forEach((letter, i) => {
      expect(latin1(encodeLegacy(letter, 'tcvn3')), letter).toEqual(latin1(bytes[i] ?? ''));
    });
    const decoded = iconv(
      'TCVN5712-1',
      'UTF-8',
      Uint8Array.from(TCVN3_TABLE.flatMap(([b]) => [b, 0x0a])),
    ).toString('utf8');
    expect(decoded.split('\n').slice(0, -1)).toEqual(TCVN3_TABLE.map(([, l]) => l));
  });

  it('leaves out the VN1 capitals iconv puts at other bytes (ABC fonts have none)', () => {
    const encoded = iconv('UTF-8', 'TCVN5712-1', Buffer.from(UPPER_ONLY.join('\n'), 'utf8'));
    const bytes = encoded.toString('latin1').split('\n');
    expect(bytes).toHaveLength(UPPER_ONLY.length);
    const tableBytes = new Set(TCVN3_TABLE.map(([b]) => b));
    UPPER_ONLY.forEach((letter, i) => {
      const byte = bytes[i] ?? '';
      // iconv (VN1) writes Á as 0x83, Ấ as 0xC4…: single bytes outside the VN3 table.
      expect(byte, letter).toHaveLength(1);
      expect(tableBytes.has(byte.charCodeAt(0)), letter).toBe(false);
      expect(decodeLegacy(byte, 'tcvn3')).not.toBe(letter);
    });
  });
});

describe('decodeLegacy tcvn3', () => {
  it.each([
    ['Hµ Néi', 'Hà Nội'],
    ['Tr\u00adêng TiÓu häc Kim §ång', 'Trường Tiểu học Kim Đồng'],
    ['Së Gi¸o dôc vµ §µo t¹o', 'Sở Giáo dục và Đào tạo'],
    ['NguyÔn V¨n Nam', 'Nguyễn Văn Nam'],
    ['Hä vµ tªn', 'Họ và tên'],
    ['N÷', 'Nữ'],
    ['Líp 6A1 - N¨m häc 2009-2010', 'Lớp 6A1 - Năm học 2009-2010'],
    ['§iÓm trung b×nh m«n', 'Điểm trung bình môn'],
    ['Ph¹m ThÞ Thu Hµ', 'Phạm Thị Thu Hà'],
  ])('%j → %j', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'tcvn3')).toBe(unicode);
    expect(encodeLegacy(unicode, 'tcvn3')).toBe(legacy);
  });

  it('decodes the Windows-1252 and the Latin-1 form of bytes 0x80–0x9F the same', () => {
    for (let b = 0x80; b <= 0x9f; b++) {
      const asCp1252 = CP1252_HIGH[b - 0x80] ?? '';
      const fromLatin1 = decodeLegacy(String.fromCharCode(b), 'tcvn3');
      expect(fromLatin1).toBe(decodeLegacy(asCp1252, 'tcvn3'));
      expect(fromLatin1).toBe(asCp1252);
    }
    expect(decodeLegacy('\u0093Hµ Néi\u0094 \u2013 ViÖt Nam', 'tcvn3')).toBe('“Hà Nội” – Việt Nam');
    expect(decodeLegacy('“Hµ Néi” – ViÖt Nam', 'tcvn3')).toBe('“Hà Nội” – Việt Nam');
  });

  it('upper-cases the text of a .VnTimeH font', () => {
    expect(decodeLegacy('Hµ Néi', 'tcvn3', { upperCaseFont: true })).toBe('HÀ NỘI');
    expect(decodeLegacy('tr\u00adêng thcs', 'tcvn3', { upperCaseFont: true })).toBe('TRƯỜNG THCS');
  });

  it('passes Unicode above U+00FF through', () => {
    expect(decodeLegacy('Việt Nam 😀', 'tcvn3')).toBe('Việt Nam 😀');
  });
});

describe('encodeLegacy tcvn3', () => {
  it('round-trips every letter the ABC fonts have, one byte each', () => {
    for (const letter of TCVN3_LETTERS) {
      const encoded = encodeLegacy(letter, 'tcvn3');
      expect(encoded, letter).toHaveLength(1);
      expect(encoded.charCodeAt(0)).toBeLessThanOrEqual(0xff);
      expect(decodeLegacy(encoded, 'tcvn3')).toBe(letter);
      expect(encodeLegacy(letter.normalize('NFD'), 'tcvn3')).toBe(encoded);
    }
  });

  it('round-trips every upper-case letter through the upper-case font', () => {
    for (const letter of [...UPPER_ONLY, ...SHAPE_CAPITALS]) {
      const encoded = encodeLegacy(letter, 'tcvn3', { upperCaseFont: true });
      expect(encoded).toBe(encodeLegacy(letter.toLowerCase(), 'tcvn3'));
      expect(decodeLegacy(encoded, 'tcvn3', { upperCaseFont: true })).toBe(letter);
    }
    expect(encodeLegacy('HÀ NỘI', 'tcvn3', { upperCaseFont: true })).toBe('hµ néi');
  });

  it('rejects upper-case toned letters without the upper-case font, naming char and index', () => {
    for (const letter of UPPER_ONLY) {
      expect(() => encodeLegacy(`Lớp ${letter}`, 'tcvn3'), letter).toThrow(LegacyEncodingError);
    }
    const error = (() => {
      try {
        encodeLegacy('Trường ĐẠI HỌC', 'tcvn3');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LegacyEncodingError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'LegacyEncodingError',
      char: 'Ạ',
      index: 8,
      encoding: 'tcvn3',
    });
    expect(String(error)).toContain('U+1EA0');
  });

  it('rejects characters whose byte is a Vietnamese letter, and anything above U+00FF', () => {
    for (const ch of ['ß', '©', 'µ', 'ë', 'Ö', '×', 'Æ', '\u0093', '中', '😀', 'ş']) {
      expect(() => encodeLegacy(`a${ch}b`, 'tcvn3'), ch).toThrow(
        expect.objectContaining({ char: ch, index: 1 }),
      );
    }
  });

  it('keeps Latin-1 symbols and Windows-1252 punctuation whose byte is free', () => {
    for (const ch of ['°', '±', '¿', 'Ä', 'Å', 'ÿ', '€', '“', '”', '–', '…', '\u0081']) {
      const encoded = encodeLegacy(ch, 'tcvn3');
      expect(encoded.charCodeAt(0), ch).toBeLessThanOrEqual(0xff);
      expect(decodeLegacy(encoded, 'tcvn3')).toBe(ch);
    }
    expect(encodeLegacy('“Hà Nội”', 'tcvn3')).toBe('\u0093Hµ Néi\u0094');
  });

  it("replaces unrepresentable characters with '?' when asked", () => {
    expect(encodeLegacy('ĐẠI học ß 中', 'tcvn3', { unrepresentable: 'replace' })).toBe(
      '§?I häc ? ?',
    );
    expect(encodeLegacy('😀', 'tcvn3', { unrepresentable: 'replace' })).toBe('?');
  });
});

/** Characters TCVN3 represents: ASCII, its letters and some free Latin-1 / Windows-1252. */
const tcvn3Char = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(...TCVN3_LETTERS),
  fc.constantFrom(...'¯°±²³´º¿ÄÅÛðÿ€“”‘’–—…•™\u00a0\u0081'),
);
/** Characters it does not: upper-case toned letters, letter-byte Latin-1, anything wider. */
const notTcvn3Char = fc.constantFrom(...UPPER_ONLY, ...'ßµ©ªëöüñç¸¹ÀÆÇÐ×', '中', '😀', 'Ω', 'ş');

describe('tcvn3 properties', () => {
  it('decode(encode(x)) is NFC(x) for representable text, NFC or NFD', () => {
    fc.assert(
      fc.property(fc.array(tcvn3Char, { maxLength: 60 }), fc.boolean(), (chars, nfd) => {
        const x = chars.join('');
        const input = nfd ? x.normalize('NFD') : x;
        const encoded = encodeLegacy(input, 'tcvn3');
        expect(encoded).not.toMatch(/[\u0100-\uffff]/);
        expect(decodeLegacy(encoded, 'tcvn3')).toBe(x.normalize('NFC'));
      }),
    );
  });

  it('the upper-case font round-trips to the upper-cased text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TCVN3_LETTERS, ...UPPER_ONLY, ' ', 'N', 'g')),
        (chars) => {
          const x = chars.join('');
          const encoded = encodeLegacy(x, 'tcvn3', { upperCaseFont: true });
          expect(decodeLegacy(encoded, 'tcvn3', { upperCaseFont: true })).toBe(x.toUpperCase());
        },
      ),
    );
  });

  it('throws LegacyEncodingError at the first unrepresentable character', () => {
    fc.assert(
      fc.property(
        fc.array(tcvn3Char, { maxLength: 20 }),
        notTcvn3Char,
        fc.array(fc.oneof(tcvn3Char, notTcvn3Char), { maxLength: 20 }),
        (before, bad, after) => {
          const prefix = before.join('');
          const text = prefix + bad + after.join('');
          expect(() => encodeLegacy(text, 'tcvn3')).toThrow(
            expect.objectContaining({
              name: 'LegacyEncodingError',
              char: bad,
              index: prefix.normalize('NFC').length,
              encoding: 'tcvn3',
            }),
          );
          const replaced = encodeLegacy(text, 'tcvn3', { unrepresentable: 'replace' });
          expect(replaced.slice(0, encodeLegacy(prefix, 'tcvn3').length + 1)).toBe(
            `${encodeLegacy(prefix, 'tcvn3')}?`,
          );
        },
      ),
    );
  });

  it('never throws while decoding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(typeof decodeLegacy(s, 'tcvn3')).toBe('string');
      }),
    );
  });
});

describe('tcvn3 bad inputs', () => {
  it('handles empty, huge and mark-only strings', () => {
    expect(decodeLegacy('', 'tcvn3')).toBe('');
    expect(encodeLegacy('', 'tcvn3')).toBe('');
    const unicode = 'Trường Tiểu học Kim Đồng, lớp 5A. '.repeat(300);
    expect(unicode.length).toBeGreaterThan(10_000);
    const encoded = encodeLegacy(unicode, 'tcvn3');
    expect(decodeLegacy(encoded, 'tcvn3')).toBe(unicode);
    expect(decodeLegacy('\u0301\u0323', 'tcvn3')).toBe('\u0301\u0323');
    expect(() => encodeLegacy('\u0301', 'tcvn3')).toThrow(
      expect.objectContaining({ char: '\u0301', index: 0 }),
    );
    expect(VIETNAMESE_LETTERS.size).toBe(2 * 67);
  });

  it('rejects an unknown encoding name', () => {
    expect(() => decodeLegacy('x', 'viqr' as never)).toThrow(RangeError);
    expect(() => encodeLegacy('x', 'viqr' as never)).toThrow(RangeError);
  });
});
