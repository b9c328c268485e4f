import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey, matchKeyByDefinition } from './match-key.ts';

describe('matchKey', () => {
  it('makes tone style, case and diacritics irrelevant', () => {
    expect(matchKey('Thanh Hoá')).toBe(matchKey('THANH HÓA'));
    expect(matchKey('Thanh Hoá')).toBe('thanh hoa');
    expect(matchKey('Khánh Hòa')).toBe(matchKey('khanh hoa'));
  });

  it('gives the same key for NFC and NFD input', () => {
    const name = 'Đặng Thị Ngọc Huyền';
    expect(matchKey(name.normalize('NFD'))).toBe(matchKey(name.normalize('NFC')));
    expect(matchKey(name)).toBe('dang thi ngoc huyen');
  });

  it('folds đ, Đ and their look-alikes to d', () => {
    expect(matchKey('Đồng Đăng')).toBe('dong dang');
    expect(matchKey('\u00D0ồng')).toBe('dong'); // Icelandic eth, a common substitute
  });

  it('folds punctuation and white space in header cells', () => {
    expect(matchKey('Tỉnh/Thành phố\n(Theo địa chỉ thường trú)')).toBe(
      'tinh thanh pho theo dia chi thuong tru',
    );
    expect(matchKey('Mã  HS')).toBe(matchKey('Mã-HS'));
    expect(matchKey('Họ và tên (*)')).toBe('ho va ten');
    expect(matchKey('TH-CN (Tin học)')).toBe('th cn tin hoc');
  });

  it('ignores invisible characters inside words', () => {
    expect(matchKey('Ng\u200Buyễn\u00AD')).toBe('nguyen');
  });

  it('folds compatibility forms (full-width letters, ligatures)', () => {
    expect(matchKey('ＨＯＣ ＳＩＮＨ')).toBe('hoc sinh');
  });

  it('keeps digits and letters of other scripts', () => {
    expect(matchKey('Lớp 1A2')).toBe('lop 1a2');
    expect(matchKey('陈 Trần')).toBe('陈 tran');
  });

  it('maps blank and punctuation-only input to the empty key', () => {
    expect(matchKey('')).toBe('');
    expect(matchKey('  \u00A0 ')).toBe('');
    expect(matchKey('(*) — /')).toBe('');
  });

  it('handles lone combining marks and 10,000-character cells', () => {
    expect(matchKey('\u0301\u0323')).toBe('');
    expect(matchKey('Hoà '.repeat(2500))).toBe(Array(2500).fill('hoa').join(' '));
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const key = matchKey(s);
        expect(matchKey(key)).toBe(key);
      }),
      { numRuns: 3000 },
    );
  });

  it('is insensitive to normalization form and case on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const s = a + b;
        expect(matchKey(s.normalize('NFD'))).toBe(matchKey(s.normalize('NFC')));
        expect(matchKey(s.toLowerCase())).toBe(matchKey(s));
      }),
    );
  });

  it('is insensitive to case on any Vietnamese text', () => {
    const letters = [
      ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ .-/',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters)), (chars) => {
        const s = chars.join('');
        expect(matchKey(s.toUpperCase())).toBe(matchKey(s));
      }),
    );
  });

  it('gives the same key through the per-character table as by definition', () => {
    const vietnamese = fc.constantFrom(
      ...'ẮằẲẵặĐđƠơƯưÝỳ  \u00A0\t\n-/()*.,\u200B\u0301\u0323\u00AD'.split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.oneof(vietnamese, fc.constantFrom(...'aBcĐđÊêỄễ19 ')) }),
        ),
        (s) => {
          expect(matchKey(s)).toBe(matchKeyByDefinition(s));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with the definition on every character of the tabled blocks', () => {
    for (let code = 0; code < 0x2070; code++) {
      const ch = String.fromCharCode(code);
      if (code >= 0xd800 && code < 0xe000) continue;
      for (const s of [ch, `x${ch}y`, ` ${ch} `, `${ch}${ch}`]) {
        expect(matchKey(s)).toBe(matchKeyByDefinition(s));
      }
    }
  });
});
