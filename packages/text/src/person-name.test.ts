import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPersonName } from './person-name.ts';

describe('formatPersonName', () => {
  it.each([
    ['  nguyễn   văn AN ', 'Nguyễn Văn An'],
    ['TRẦN THỊ THUỶ', 'Trần Thị Thuỷ'],
    ['lê thị hòa', 'Lê Thị Hòa'],
    ['đặng  ĐÌNH\u00A0đức', 'Đặng Đình Đức'],
    ["h'hen NIÊ", "H'Hen Niê"],
    ['y-moan ênuôl', 'Y-Moan Ênuôl'],
    ['nay h’linh', 'Nay H’Linh'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(formatPersonName(input)).toBe(expected);
  });

  it('composes NFD input and keeps the tone placement as written', () => {
    expect(formatPersonName('ÂU THỊ THỦY'.normalize('NFD'))).toBe('Âu Thị Thủy');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = formatPersonName(s);
        expect(formatPersonName(once)).toBe(once);
      }),
    );
  });
});
