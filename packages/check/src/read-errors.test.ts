import { readWith, writeXlsx } from '@eduvn/adapter-kit';
import { type InputRecord, validate } from '@eduvn/rules';
import { describe, expect, it } from 'vitest';
import { defaultAdapters } from './adapters.ts';
import { checkFiles } from './check-files.ts';
import { AS_OF } from './files.test-helper.ts';

const FILE = 'lop-1a.xlsx';
const LONG = `Nguyễn Văn An ${'Nguyễn Thị Minh Khai '.repeat(3)}`.trim();

/** A pupil list with what a school's file holds: an impossible date, a sex that is none, blanks. */
const bytes = writeXlsx([
  {
    name: 'Sheet1',
    rows: [
      ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Mã lớp'],
      [{ text: '7900070100001' }, 'Trần Văn Bình', '31/02/2019', 'Nam', '1A'],
      [{ text: '7900070100002' }, 'Lê Thị Cúc', '12/11/2019', 'X', '1A'],
      [null, 'Phạm Văn Dũng', '05/09/2019', 'Nam', '1A'],
      [{ text: '7900070100004' }, LONG, '01/01/2019', 'Nữ', '1A'],
      [{ text: '7900070100005' }, '', '31/04/2019', 'Y', '1A'],
      [{ text: '7900070100006' }, 'Võ Thị Giang', '02/03/2019', 'Nữ', '1A'],
    ],
  },
]);

const at = (i: { location?: { row?: number } | undefined; field?: string | undefined }) =>
  `${i.location?.row}:${i.field}`;

describe('checkFiles: schema issues at cells the reader could not read', () => {
  it('are the ones the rules find without being told, less those at a reading error', async () => {
    const report = await checkFiles([{ source: bytes, name: FILE }], {
      asOf: AS_OF,
      hints: { adapter: 'moet-c1-hocsinh' },
    });
    // The slow path: the same records given to the rules without `readErrors`, the schema issues
    // at a cell of a reading error then dropped.
    const adapter = defaultAdapters().find((a) => a.id === 'moet-c1-hocsinh');
    if (adapter === undefined) throw new Error('no moet-c1-hocsinh adapter');
    const records: InputRecord[] = [];
    for await (const item of readWith(adapter, bytes, { file: FILE })) {
      if (item.kind === 'record')
        records.push({ entity: item.entity, record: item.record, provenance: item.provenance });
    }
    const layout = report.files[0]?.layout ?? {};
    const slow = await validate(records, { asOf: AS_OF, layout });
    const readErrors = new Set(
      report.issues.filter((i) => i.ruleId.startsWith('READ.') && i.severity === 'error').map(at),
    );
    expect(readErrors.size).toBeGreaterThanOrEqual(5);
    const expected = slow.issues.filter(
      (i) => i.ruleId.startsWith('STD.') && !(i.field !== undefined && readErrors.has(at(i))),
    );
    const got = report.issues.filter((i) => i.ruleId.startsWith('STD.'));
    expect(got).toEqual(expected);
    // The long name is still reported by the schema rule; what the reader reported is not again.
    expect(got.map(at)).toEqual(['5:hoTen']);
    expect(slow.issues.filter((i) => i.ruleId.startsWith('STD.')).length).toBeGreaterThan(1);
  });
});
