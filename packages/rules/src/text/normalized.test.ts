import { normalizeText } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNormalizedText } from './normalized.ts';

const STABLE_BLOCKS: readonly (readonly [number, number])[] = [
  [0x21, 0x7e],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];
const stable = STABLE_BLOCKS.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
);

describe('isNormalizedText', () => {
  it('relies on characters that are NFC alone and in every pair', () => {
    for (const a of stable) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of stable) {
        const pair = a + b;
        if (pair.normalize('NFC') !== pair) expect.fail(`${pair} is not NFC`);
      }
    }
  });

  it.each([
    '',
    ' ',
    'An',
    'Nguyễn Văn An',
    'Nguyễn  Văn An',
    ' Lê Thị',
    'Lê Thị ',
    'Trần\u00A0An',
    'Ngo\u0302 A',
    'Nguye\u0303\u0302n',
    'A\u200BB',
    'a\tb',
    'Ω',
    'Å',
    'x\u0301',
    '\uD800',
    'Đặng Thị Ánh',
  ])('agrees with normalizeText on %j', (s) => {
    expect(isNormalizedText(s)).toBe(s === normalizeText(s));
  });

  it('agrees with normalizeText on any text', () => {
    const pieces = fc.constantFrom(
      ' ',
      '  ',
      'a',
      'Nguyễn',
      'e\u0301',
      '\u0301',
      '\u00A0',
      '\u200B',
      '\t',
      'Å',
      '\u212B',
      '가',
      '\u1100\u1161',
      '\uD800',
      'ǅ',
      'ｆ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 6 }),
        (parts) => {
          const s = parts.join('');
          expect(isNormalizedText(s)).toBe(s === normalizeText(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
