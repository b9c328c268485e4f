import { describe, expect, it } from 'vitest';
import { cellText, hasValue } from './cell-text.ts';

describe('cellText', () => {
  it('decodes legacy text by the cell font only', () => {
    expect(cellText({ value: 'Hµ Néi', font: '.VnTime' })).toBe('Hà Nội');
    expect(cellText({ value: 'Hµ Néi', font: '.VnTimeH' })).toBe('HÀ NỘI');
    expect(cellText({ value: 'Vieät Nam', font: 'VNI-Times' })).toBe('Việt Nam');
    expect(cellText({ value: 'Hµ Néi', font: 'Arial' })).toBe('Hµ Néi');
    expect(cellText({ value: 'Hµ Néi' })).toBe('Hµ Néi');
  });

  it('normalizes text and writes other values as Excel shows them', () => {
    expect(
      cellText({ value: ' Tỉnh/Thành phố\n(Theo địa chỉ thường trú) '.normalize('NFD') }),
    ).toBe('Tỉnh/Thành phố (Theo địa chỉ thường trú)');
    expect(cellText({ value: 44096, date: '2020-09-22' })).toBe('22/09/2020');
    expect(cellText({ value: 44096 })).toBe('44096');
    expect(cellText({ value: true })).toBe('TRUE');
    expect(cellText({ value: null })).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('tells values from formatted blanks', () => {
    expect(hasValue({ value: '' })).toBe(false);
    expect(hasValue({ value: ' \u00A0\u200B' })).toBe(false);
    expect(hasValue(undefined)).toBe(false);
    expect(hasValue({ value: 0 })).toBe(true);
    expect(hasValue({ value: false })).toBe(true);
    expect(hasValue({ value: null })).toBe(true);
  });
});
