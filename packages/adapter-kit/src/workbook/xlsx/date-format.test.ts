import { describe, expect, it } from 'vitest';
import { isDateFormat, isDateFormatCode } from './date-format.ts';

describe('isDateFormat', () => {
  it('knows the built-in date formats 14–22 and 45–47', () => {
    const dates = Array.from({ length: 60 }, (_, id) => id).filter((id) =>
      isDateFormat(id, undefined),
    );
    expect(dates).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
  });

  it.each([
    'dd/mm/yyyy',
    'd/m/yy',
    'yyyy-mm-dd',
    'mmm-yy',
    'mm/yyyy',
    '[$-42A]dd/mm/yyyy',
    '[Red]dd/mm/yyyy;@',
    'dd/mm/yyyy h:mm AM/PM',
    'DD.MM.YYYY',
    '"Ngày" dd "tháng" mm "năm" yyyy',
  ])('sees a date in %s', (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each([
    'General',
    '0.00',
    '#,##0 "đ"',
    '#,##0 [$₫-42A]',
    '@',
    '"dd/mm/yyyy"',
    '\\d\\d',
    'h:mm',
    'hh:mm:ss',
    'mm:ss',
    '[h]:mm:ss',
    'h:mm AM/PM',
    '0.00E+00',
    '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  ])('sees no date in %s', (code) => {
    expect(isDateFormatCode(code)).toBe(false);
  });

  it('lets a file redefine a built-in id with its own code', () => {
    expect(isDateFormat(14, 'General')).toBe(false);
    expect(isDateFormat(2, 'dd/mm/yyyy')).toBe(true);
  });
});
