import { column, defineAdapter, defineMapping, writeXlsx } from '@eduvn/adapter-kit';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.ts';
import { AS_OF } from './files.test-helper.ts';

const pupils = defineMapping({
  entity: 'HocSinh',
  version: 'test',
  columns: {
    hocSinhId: column('Mã học sinh', 'code', { required: true }),
    hoTen: column('Họ tên', 'name', { required: true }),
    maLop: column('Mã lớp', 'code'),
  },
});
const classes = defineMapping({
  entity: 'Lop',
  version: 'test',
  columns: {
    ma: column('Mã lớp', 'code', { required: true }),
    ten: column('Tên lớp', 'text'),
  },
});
const pupilList = defineAdapter({
  id: 'test-pupils',
  label: 'A pupil list',
  version: 'test',
  basis: 'a test layout',
  formats: ['xlsx'],
  entities: [{ mapping: pupils }],
});
const classList = defineAdapter({
  id: 'test-classes',
  label: 'A class list',
  version: 'test',
  basis: 'a test layout',
  formats: ['xlsx'],
  entities: [{ mapping: classes }],
});

/** Generated pupils: one in a class (`9Z`) that no class list holds. */
const pupilFile = writeXlsx([
  {
    name: 'HocSinh',
    rows: [
      ['Mã học sinh', 'Họ tên', 'Mã lớp'],
      [{ text: '7900070100001' }, 'Trần Văn Bình', '1A'],
      [{ text: '7900070100002' }, 'Lê Thị Cúc', '1A'],
      [{ text: '7900070100003' }, 'Phạm Văn Dũng', '9Z'],
    ],
  },
]);
const classFile = writeXlsx([
  {
    name: 'Lop',
    rows: [
      ['Mã lớp', 'Tên lớp'],
      ['1A', 'Lớp 1A'],
    ],
  },
]);

const options = { asOf: AS_OF, adapters: [pupilList, classList] };

describe('checkFiles: the references no file can resolve', () => {
  it('are not checked on a pupil list alone, and the report says so once', async () => {
    const report = await checkFiles([{ source: pupilFile, name: 'hs.xlsx' }], options);
    expect(report.files.map((f) => f.adapter)).toEqual(['test-pupils']);
    expect(report.rules).not.toContain('DQ.REF.001');
    expect(report.issues.filter((i) => i.ruleId === 'DQ.REF.001')).toEqual([]);
    const entries = report.notChecked.filter((e) => e.ruleId === 'DQ.REF.001');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'HocSinh', fields: ['maLop'] });
    expect(entries[0]?.reason.en).toBe(
      'The input holds no Lop records: references to them cannot be checked, so the rule was not run',
    );
  });

  it('are checked across files once the class list comes too', async () => {
    const report = await checkFiles(
      [
        { source: pupilFile, name: 'hs.xlsx' },
        { source: classFile, name: 'lop.xlsx' },
      ],
      options,
    );
    expect(report.files.map((f) => f.adapter)).toEqual(['test-pupils', 'test-classes']);
    expect(report.notChecked.filter((e) => e.ruleId === 'DQ.REF.001')).toEqual([]);
    const refs = report.issues.filter((i) => i.ruleId === 'DQ.REF.001');
    expect(refs.map((i) => [i.location?.file, i.location?.row, i.location?.cell])).toEqual([
      ['hs.xlsx', 4, 'C4'],
    ]);
  });
});
