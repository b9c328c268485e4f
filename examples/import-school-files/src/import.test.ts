import { describe, expect, it } from 'vitest';
import { demoFiles, demoSchool, IMPOSSIBLE_DATE_ROW, SCHOOL_YEAR } from './demo-files.ts';
import { checkSchoolFiles } from './import.ts';

const school = demoSchool();
const files = await demoFiles(school);
const options = { asOf: '2026-05-31', truongId: school.truong.truongId, namHoc: SCHOOL_YEAR };
const report = await checkSchoolFiles(files, options);

describe('checkSchoolFiles: the example folder in one call', () => {
  it('gives every file an outcome: read, proposed or unreadable', () => {
    expect(report.files.map((f) => [f.file, f.status, f.adapter])).toEqual([
      ['C1-HocSinh.xlsx', 'read', 'moet-c1-hocsinh'],
      ['KQHT-khoi1-CN.xlsx', 'read', 'moet-kqht-k12'],
      ['k12online-tai-khoan.xlsx', 'read', 'k12online'],
      ['danh-sach-tu-phan-mem-khac.csv', 'proposed', 'csv-hocsinh'],
      ['bao-cao.xlsx', 'unreadable', undefined],
    ]);
    const pdf = report.issues.find((i) => i.location?.file === 'bao-cao.xlsx');
    expect(pdf?.ruleId).toBe('READ.FILE.001');
    expect(pdf?.message.en).toContain('wrong-file-type');
  });

  it('reads every pupil and every result, with the grade and period the user gave', () => {
    const counts = Object.fromEntries(report.files.map((f) => [f.file, f.records]));
    expect(counts).toEqual({
      'C1-HocSinh.xlsx': school.hocSinhs.length,
      'KQHT-khoi1-CN.xlsx': school.danhGias.filter((d) => d.khoi === 1 && d.kyDanhGia === 'CN')
        .length,
      'k12online-tai-khoan.xlsx': 30,
      'danh-sach-tu-phan-mem-khac.csv': 20,
      'bao-cao.xlsx': 0,
    });
    expect(report.summary.records).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  it('reports the impossible date as a rule-catalogued issue at its cell', () => {
    const dates = report.issues.filter((i) => i.ruleId === 'READ.DATE.001');
    expect(dates.map((i) => [i.location?.file, i.location?.cell, i.field, i.value])).toEqual([
      ['C1-HocSinh.xlsx', `E${IMPOSSIBLE_DATE_ROW}`, 'ngaySinh', '31/02/2019'],
    ]);
    expect(report.rules).toContain('READ.DATE.001');
  });

  it('says the unknown CSV was read with a proposed mapping that must be reviewed', () => {
    const proposed = report.issues.filter((i) => i.ruleId === 'READ.MAPPING.001');
    expect(proposed.map((i) => [i.location?.file, i.severity])).toEqual([
      ['danh-sach-tu-phan-mem-khac.csv', 'query'],
    ]);
  });

  it('points every issue of a record at its sheet and row', () => {
    const fromRows = report.issues.filter((i) => i.recordKey !== '' && i.location?.file);
    expect(fromRows.length).toBeGreaterThan(0);
    for (const issue of fromRows) {
      expect(issue.location?.row, issue.ruleId).toBeGreaterThan(0);
      expect(issue.location?.sheet, issue.ruleId).toBeTruthy();
    }
    // Account files carry no pupil code: not a blank to report on every row, a check not possible.
    expect(
      report.issues.filter(
        (i) => i.location?.file === 'k12online-tai-khoan.xlsx' && i.field === 'hocSinhId',
      ),
    ).toEqual([]);
    expect(report.files[2]?.layout['HocSinh']).not.toContain('hocSinhId');
  });

  it('never files KQHT results under a guessed period: without the form, no KQHT adapter is offered', async () => {
    const kqht = files.find((f) => f.name.startsWith('KQHT'));
    if (!kqht) throw new Error('no KQHT file');
    const { form: _form, ...withoutForm } = kqht;
    const again = await checkSchoolFiles([withoutForm], options);
    expect(again.files[0]?.adapter).not.toBe('moet-kqht-k12');
  });
});
