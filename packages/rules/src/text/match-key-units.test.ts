import { matchKey } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendMatchKey, UnitBuffer } from './match-key-units.ts';

const keyOf = (text: string): string => {
  const buffer = new UnitBuffer();
  buffer.pushText('prefix|');
  const length = appendMatchKey(text, buffer);
  const all = String.fromCharCode(...buffer.units.subarray(0, buffer.length));
  expect(all.slice(0, 7)).toBe('prefix|');
  expect(length).toBe(buffer.length - 7);
  return all.slice(7);
};

describe('appendMatchKey', () => {
  it.each([
    'Nguyễn Văn An',
    'NGUYỄN  VĂN   AN',
    ' Trần Thị Thuỷ ',
    'Tra\u0300n Thi\u0323 Thu\u0309y',
    'Đặng Thị Ðào',
    'Hồ-Xuân_Hương.',
    '',
    '   ',
    '\u200bAn\u00ad',
    'ǄǅǆǇ æß',
    'Ελένη ΟΔΟΣ',
    '李小龍',
    'Ｎｇｕｙễｎ',
    'a\u0301\u0302\u0303',
  ])('%j: the key of matchKey', (text) => {
    expect(keyOf(text)).toBe(matchKey(text));
  });

  it('gives the key of matchKey for any text, Vietnamese or not', () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(
        ...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬĐÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ \t-.\u0300\u0301\u0303\u0309\u0323',
      ),
      maxLength: 40,
    });
    const latin = fc.string({
      unit: fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    });
    const blocks = fc.string({
      unit: fc
        .constantFrom([0x300, 0x370], [0x1e00, 0x1f00], [0x2000, 0x2070], [0x370, 0x3000])
        .chain(([from, to]) => fc.integer({ min: from as number, max: (to as number) - 1 }))
        .map((c) => String.fromCharCode(c)),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(vietnamese, latin, blocks, fc.string({ unit: 'binary' })), (text) => {
        expect(keyOf(text)).toBe(matchKey(text));
      }),
      { numRuns: 3000 },
    );
  });
});
