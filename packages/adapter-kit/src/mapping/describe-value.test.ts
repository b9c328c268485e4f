import { describe, expect, it } from 'vitest';
import { describeValue, maskDigits } from './describe-value.ts';

describe('describeValue', () => {
  it('masks long digit runs, grouped or not, but not dates', () => {
    expect(maskDigits('ID 079123456789 and 0912 345 678')).toBe('ID *********789 and *********678');
    expect(maskDigits('22.09.2020 and 123456')).toBe('22.09.2020 and 123456');
  });

  it("never garbles the SDK's own constants, but masks the value beside them", () => {
    const message = 'Excel serial 3000001 is after 2958465 (9999-12-31), the last day.';
    expect(maskDigits(message)).toBe(
      'Excel serial ****001 is after 2958465 (9999-12-31), the last day.',
    );
  });

  it('quotes short values, cuts long ones, and can hide them', () => {
    expect(describeValue('Nam')).toBe("'Nam'");
    expect(describeValue(7.5)).toBe("'7.5'");
    expect(describeValue('x'.repeat(40))).toBe(`'${'x'.repeat(24)}…'`);
    expect(describeValue('Kinh', true)).toBe('a text of 4 characters');
    expect(describeValue(12, true)).toBe('a number');
  });
});
