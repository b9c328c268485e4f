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
