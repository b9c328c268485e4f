import { describe, expect, it } from 'vitest';
import { sheetContext } from './context.ts';

const school = { truongId: '79000001' };

describe('sheetContext', () => {
  it('gives every record the school, and what the title says', () => {
    const context = sheetContext(
      'Sheet1',
      ['KẾT QUẢ GIỮA KỲ II', 'Lớp: 4B - Năm học 2024-2025'],
      school,
    );
    expect(context.values).toEqual({
      truongId: '79000001',
      kyDanhGia: 'GK2',
      namHoc: '2024-2025',
      maLop: '4B',
      khoi: 4,
    });
    expect(context.warnings).toEqual([]);
    expect(context.missing.kyDanhGia).toBeUndefined();
    expect(context.missing.namHoc).toBeUndefined();
  });

  it('falls back on the sheet name, then on the options', () => {
    expect(sheetContext('Cuối kỳ I - Lớp 2A', [], school).values).toMatchObject({
      kyDanhGia: 'CK1',
      maLop: '2A',
      khoi: 2,
    });
    const options = { ...school, namHoc: '2025-2026', khoi: 1, kyDanhGia: 'CN' } as const;
    expect(sheetContext('Sheet1', ['Bảng tổng hợp'], options).values).toEqual({
      truongId: '79000001',
      kyDanhGia: 'CN',
      namHoc: '2025-2026',
      khoi: 1,
    });
  });

  it('never guesses a period: none, several, or a title and a sheet name that disagree', () => {
    const none = sheetContext('Sheet1', ['BẢNG TỔNG HỢP'], school);
    expect(none.values).not.toHaveProperty('kyDanhGia');
    expect(none.missing.kyDanhGia).toMatch(/names none .*never guessed.*kyDanhGia/);

    const several = sheetContext('Sheet1', ['Giữa kỳ I', 'Cuối kỳ I'], {
      ...school,
      kyDanhGia: 'GK1',
    });
    expect(several.values).not.toHaveProperty('kyDanhGia');
    expect(several.missing.kyDanhGia).toMatch(/several periods .*GK1.*CK1/);

    const clash = sheetContext('Giữa kỳ II', ['Cuối năm học'], school);
    expect(clash.values).not.toHaveProperty('kyDanhGia');
    expect(clash.missing.kyDanhGia).toMatch(
      /title names the period .*CN.* but the sheet name .*GK2/,
    );
  });

  it('lets the file win over the options, with a warning', () => {
    const context = sheetContext('Sheet1', ['Cuối kỳ I', 'Lớp 3A', 'Năm học 2023-2024'], {
      ...school,
      namHoc: '2024-2025',
      kyDanhGia: 'GK1',
      khoi: 4,
    });
    expect(context.values).toMatchObject({ kyDanhGia: 'CK1', namHoc: '2023-2024', khoi: 3 });
    expect(context.warnings).toHaveLength(3);
    expect(context.warnings.join('\n')).toMatch(/period .*CK1.* given GK1/);
    expect(context.warnings.join('\n')).toMatch(
      /2023-2024, but smasAdapter\(\) was given 2024-2025/,
    );
    expect(context.warnings.join('\n')).toMatch(/grade 3, but smasAdapter\(\) was given 4/);
  });

  it('takes the grade the title states over the class name, with a warning', () => {
    const context = sheetContext('Sheet1', ['Khối 5', 'Lớp 4A'], school);
    expect(context.values).toMatchObject({ khoi: 5, maLop: '4A' });
    expect(context.warnings).toEqual([expect.stringMatching(/grade 5, but its class "4A"/)]);
  });

  it('explains every field it cannot fill', () => {
    const context = sheetContext('Sheet1', [], school);
    expect(Object.keys(context.values)).toEqual(['truongId']);
    expect(context.missing.namHoc).toMatch(/no school year.*namHoc/i);
    expect(context.missing.maLop).toMatch(/no class/i);
    expect(context.missing.khoi).toMatch(/no grade.*khoi/i);
    const ambiguous = sheetContext('Sheet1', ['Lớp 3A, Lớp 3B', 'Khối 3 Khối 4'], school);
    expect(ambiguous.missing.maLop).toMatch(/several classes \("3A", "3B"\)/);
    expect(ambiguous.missing.khoi).toMatch(/several grades \("3", "4"\)/);
  });
});
