import { writeXlsx } from '@eduvn/adapter-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.ts';
import { AS_OF, school } from './files.test-helper.ts';

const dmy = (iso = ''): string => iso.split('-').reverse().join('/');

/** Columns a school's own list may have, each with how a pupil fills it (never blank). */
const COLUMNS: readonly { header: string; cell: (i: number) => string }[] = [
  { header: 'Họ và tên', cell: (i) => school.hocSinhs[i]?.hoTen ?? '' },
  { header: 'Ngày sinh', cell: (i) => dmy(school.hocSinhs[i]?.ngaySinh) },
  { header: 'Giới tính', cell: (i) => (school.hocSinhs[i]?.maGioiTinh === '2' ? 'Nữ' : 'Nam') },
  { header: 'Họ tên mẹ', cell: (i) => school.hocSinhs[i]?.tenMe ?? 'Trần Thị Mai' },
  { header: 'Họ tên cha', cell: (i) => school.hocSinhs[i]?.tenCha ?? 'Nguyễn Văn Ba' },
  { header: 'Nơi sinh', cell: (i) => school.hocSinhs[i]?.noiSinh ?? 'Hà Nội' },
];

describe('a proposed mapping reads the workbook it was proposed from', () => {
  it('whatever the columns, their order, the rows above the header and the number of rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...COLUMNS], { minLength: 2 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 12, max: 40 }),
        async (columns, titleRows, rows) => {
          const bytes = writeXlsx([
            {
              name: 'DS',
              rows: [
                ...Array.from({ length: titleRows }, (_, i) =>
                  i === 0 ? ['DANH SÁCH HỌC SINH'] : [],
                ),
                columns.map((c) => c.header),
                ...Array.from({ length: rows }, (_, i) => columns.map((c) => c.cell(i))),
              ],
            },
          ]);
          const report = await checkFiles([{ source: bytes, name: 'ds.xlsx' }], {
            asOf: AS_OF,
            adapters: [],
          });
          expect(report.files[0]?.status).toBe('proposed');
          expect(report.files[0]?.records).toBe(rows);
          expect(report.issues.filter((i) => i.ruleId === 'READ.MAPPING.001')).toHaveLength(1);
        },
      ),
      { numRuns: 15, seed: 13 },
    );
  }, 120_000);
});

describe('a proposed mapping keeps a column whose values have one problem', () => {
  it('a small list with one impossible birth date: the date column is mapped and the date reported at its cell', async () => {
    const csv = [
      'Họ và tên,Ngày sinh,Giới tính',
      'Nguyễn Văn An,05/09/2016,Nam',
      'Trần Thị Bình,31/02/2016,Nữ',
      'Lê Văn Cường,12/11/2016,Nam',
      'Phạm Thị Dung,30/01/2016,Nữ',
    ].join('\r\n');
    const report = await checkFiles([{ source: new TextEncoder().encode(csv), name: 'ds.csv' }], {
      asOf: AS_OF,
      adapters: [],
    });
    expect(report.files[0]?.status).toBe('proposed');
    expect(report.files[0]?.records).toBe(4);
    const dates = report.issues.filter((i) => i.ruleId === 'READ.DATE.001');
    expect(dates.map((i) => i.location?.cell)).toEqual(['B3']);
  });
});
