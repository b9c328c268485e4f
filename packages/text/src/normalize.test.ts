import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVISIBLE, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('composes NFD text to NFC', () => {
    const nfd = 'Nguyễn Thị Thuỷ'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Thuỷ');
    expect(normalizeText(nfd)).toBe('Nguyễn Thị Thuỷ');
  });

  it('composes a mix of NFC and NFD inside one string', () => {
    const mixed = `Trường ${'Tiểu học'.normalize('NFD')} Lê Lợi`;
    expect(normalizeText(mixed)).toBe('Trường Tiểu học Lê Lợi');
  });

  it('composes the Vietnamese-specific tone marks U+0340/U+0341 and the Windows-1258 style', () => {
    // Windows-1258 keeps the circumflex letter precomposed and the tone combining.
    expect(normalizeText('Vi\u00EA\u0323t')).toBe('Việt');
    expect(normalizeText('a\u0341')).toBe('á');
  });

  it('collapses white space inside a cell, including NBSP, tabs and line breaks', () => {
    expect(normalizeText('  Tỉnh/Thành phố\n(Theo địa chỉ\u00A0\u00A0thường trú)\t ')).toBe(
      'Tỉnh/Thành phố (Theo địa chỉ thường trú)',
    );
    expect(normalizeText('Họ\r\ntên')).toBe('Họ tên');
    expect(normalizeText('a\u2003\u3000\u202Fb')).toBe('a b');
  });

  it('drops zero-width, BOM, soft hyphen, bidi and control characters', () => {
    expect(normalizeText('\uFEFFNg\u200Buyễn\u00AD Văn\u200D An\u0007')).toBe('Nguyễn Văn An');
    expect(normalizeText('\u202Bab\u202C\u0000')).toBe('ab');
  });

  it('returns the empty string for empty and blank cells', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \u00A0\t\n ')).toBe('');
    expect(normalizeText('\u200B\uFEFF')).toBe('');
  });

  it('keeps case, spelling and tone placement', () => {
    expect(normalizeText('THANH HÓA')).toBe('THANH HÓA');
    expect(normalizeText('Thanh Hoá')).toBe('Thanh Hoá');
  });

  it('survives lone combining marks without losing them', () => {
    expect(normalizeText('\u0301')).toBe('\u0301');
    expect(normalizeText(' \u0303 a')).toBe('\u0303 a');
    expect(normalizeText('a\u0000\u0301')).toBe('á');
  });

  it('handles a 10,000-character cell', () => {
    const long = `${'Nguyễn  '.normalize('NFD').repeat(1250)}`;
    const out = normalizeText(long);
    expect(out).toBe(Array.from({ length: 1250 }, () => 'Nguyễn').join(' '));
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves leading, trailing or repeated white space', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'ễ', 'e\u0302\u0303', ' ', '\u00A0', '\n', '\t', '\u200B')),
        (parts) => {
          const out = normalizeText(parts.join(''));
          expect(out).not.toMatch(/^\s|\s$|\s\s|\u200B/);
          expect(out).toBe(out.normalize('NFC'));
        },
      ),
    );
  });

  it('takes its fast path only when the full cleaning would change nothing but the composition', () => {
    const byDefinition = (s: string): string =>
      s
        .replace(INVISIBLE, '')
        .replace(
          /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g,
          ' ',
        )
        .trim()
        .normalize('NFC');
    const tricky = fc.constantFrom(
      ' ',
      '  ',
      '\u00A0',
      '\u2007',
      '\u3000',
      '\uFEFF',
      '\u200B',
      '\u0085',
      '\u001F',
      'a',
      'ễ',
      'e\u0302',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: tricky })), (s) => {
        expect(normalizeText(s)).toBe(byDefinition(s));
      }),
      { numRuns: 5000 },
    );
  });
});
