import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { qualityRules } from './quality.ts';

const ASOF = '2026-05-31';

const pupil = (hocSinhId: string, extra: Record<string, unknown> = {}): InputRecord => ({
  entity: 'HocSinh',
  record: {
    truongId: 'T1',
    hocSinhId,
    hoTen: 'Nguyễn Thị Ánh',
    ngaySinh: '2017-03-04',
    maLop: '3A',
    ...extra,
  },
  provenance: {
    file: 'hs.xlsx',
    row: Number(hocSinhId.replace(/\D/g, '')) || 1,
    columns: { hoTen: 'C' },
  },
});
const lop = (ma: string, extra: Record<string, unknown> = {}): InputRecord => ({
  entity: 'Lop',
  record: { truongId: 'T1', ma, giaoVienId: 'GV1', ...extra },
});
const canBo = (giaoVienId: string): InputRecord => ({
  entity: 'CanBo',
  record: { giaoVienId, hoTen: 'Lê Văn Cường' },
});
const assessment = (hocSinhId: string): InputRecord => ({
  entity: 'DanhGiaHocSinh',
  record: { truongId: 'T1', hocSinhId, namHoc: '2025-2026', kyDanhGia: 'CN', monHocs: [] },
});

const check = (records: InputRecord[]) => runRules(records, qualityRules, { asOf: ASOF });
const found = async (records: InputRecord[]) =>
  (await check(records)).issues.map(
    (i) => `${i.ruleId} ${i.recordKey}${i.field === undefined ? '' : ` ${i.field}`}`,
  );

describe('DQ.NAME.001 — names normalized', () => {
  it('passes normalized names', async () => {
    expect(
      await found([pupil('HS1', { tenCha: 'Nguyễn Văn Bình', tenMe: 'Đỗ Thị Hoà' }), canBo('GV1')]),
    ).toEqual([]);
  });

  it('queries NFD, double spaces, zero-width characters and outer spaces, in parents’ names too', async () => {
    const report = await check([
      pupil('HS1', { hoTen: 'Nguyễn Thị Ánh'.normalize('NFD') }),
      pupil('HS2', { hoTen: 'Nguyễn  Thị Ánh', ngaySinh: '2017-01-01' }),
      pupil('HS3', { hoTen: 'Nguyễn Thị\u200B Ánh', ngaySinh: '2017-01-02' }),
      pupil('HS4', { tenMe: ' Phạm Thị Lan', ngaySinh: '2017-01-03' }),
      { entity: 'CanBo', record: { giaoVienId: 'GV9', hoTen: 'Lê\u00A0Văn Cường' } },
    ]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.recordKey} ${i.field} ${i.severity}`)).toEqual(
      [
        'DQ.NAME.001 HS1 hoTen query',
        'DQ.NAME.001 HS2 hoTen query',
        'DQ.NAME.001 HS3 hoTen query',
        'DQ.NAME.001 HS4 tenMe query',
        'DQ.NAME.001 GV9 hoTen query',
      ],
    );
    const [nfd, spaces, invisible, outer] = report.issues;
    expect(nfd?.message.en).toContain('NFD');
    expect(spaces?.message.vi).toContain('hai khoảng trắng');
    expect(invisible?.message.en).toContain('invisible');
    expect(outer?.message.en).toContain('start or end');
    expect(nfd?.location).toEqual({ file: 'hs.xlsx', row: 1, column: 'C', cell: 'C1' });
    // The name itself never appears in a message.
    for (const issue of report.issues) {
      expect(issue.message.vi.normalize('NFC')).not.toContain('Ánh');
      expect(issue.message.en.normalize('NFC')).not.toContain('Ánh');
    }
  });
});

describe('DQ.PERSON.001 — probable duplicate people', () => {
  it('queries the later record, naming the earlier one', async () => {
    const report = await check([
      pupil('HS1'),
      pupil('HS2', { hoTen: 'NGUYỄN THỊ ÁNH'.normalize('NFD'), ngaySinh: '2017-03-04' }),
      pupil('HS3', { hoTen: 'Nguyễn Thị Ánh', ngaySinh: '2017-03-05' }),
    ]);
    const dup = report.issues.filter((i) => i.ruleId === 'DQ.PERSON.001');
    expect(dup.map((i) => [i.recordKey, i.severity, i.location?.row])).toEqual([
      ['HS2', 'query', 2],
    ]);
    expect(dup[0]?.message.en).toContain('HS1');
    expect(dup[0]?.message.vi).not.toContain('Ánh');
  });

  it('treats old and new tone placement as the same name', async () => {
    const issues = await found([
      pupil('HS1', { hoTen: 'Lê Thị Hoà' }),
      pupil('HS2', { hoTen: 'Lê Thị Hòa' }),
    ]);
    expect(issues).toEqual(['DQ.PERSON.001 HS2']);
  });

  it('passes namesakes born on other days and the same identifier seen twice', async () => {
    expect(
      await found([pupil('HS1'), pupil('HS2', { ngaySinh: '2016-03-04' }), pupil('HS1')]),
    ).toEqual([]);
  });
});

describe('DQ.REF — references resolve', () => {
  it('DQ.REF.001: fails a pupil of a class the data lack, whatever the order', async () => {
    expect(await found([pupil('HS1', { maLop: '3B' }), lop('3A'), canBo('GV1')])).toEqual([
      'DQ.REF.001 HS1 maLop',
    ]);
    expect(await found([lop('3A'), pupil('HS1'), canBo('GV1')])).toEqual([]);
    expect(await found([pupil('HS1'), lop('3A'), canBo('GV1')])).toEqual([]);
  });

  it('DQ.REF.001: reads the class in the pupil’s school, or in any school without truongId', async () => {
    expect(await found([lop('3A', { truongId: 'T2' }), pupil('HS1'), canBo('GV1')])).toEqual([
      'DQ.REF.001 HS1 maLop',
    ]);
    const noSchool: InputRecord = {
      entity: 'HocSinh',
      record: { hocSinhId: 'HS1', hoTen: 'An', maLop: '3A' },
    };
    expect(await found([lop('3A', { truongId: 'T2' }), noSchool, canBo('GV1')])).toEqual([]);
  });

  it('DQ.REF.001: does not fail a file of pupils alone', async () => {
    expect(await found([pupil('HS1', { maLop: '3B' })])).toEqual([]);
  });

  it('DQ.REF.002: fails a class whose homeroom teacher is not among the staff', async () => {
    const report = await check([lop('3A', { giaoVienId: 'GV404' }), canBo('GV1')]);
    expect(report.issues.map((i) => [i.ruleId, i.recordKey, i.field, i.severity])).toEqual([
      ['DQ.REF.002', 'T1/3A', 'giaoVienId', 'error'],
    ]);
    expect(report.issues[0]?.message.en).toContain('"GV404"');
    expect(await found([lop('3A', { giaoVienId: 'GV404' })])).toEqual([]);
  });

  it('DQ.REF.003: fails an assessment of a pupil the data lack', async () => {
    expect(await found([pupil('HS1'), assessment('HS1'), assessment('HS2')])).toEqual([
      'DQ.REF.003 T1/HS2/2025-2026/CN hocSinhId',
    ]);
    expect(await found([assessment('HS2')])).toEqual([]);
  });
});

describe('quality rules on generated data', () => {
  const records = recordsOf(generateSchool({ seed: 21, pupils: 300 }));

  it('find nothing in a generated school', async () => {
    expect((await check(records)).issues).toEqual([]);
  });

  it("report planted 'nfd-text' and 'duplicate-person' problems on exactly the planted records", async () => {
    const { records: damaged, planted } = plantProblems(records, {
      kinds: ['nfd-text', 'duplicate-person'],
      rate: 0.03,
      seed: 8,
      asOf: ASOF,
    });
    const kinds = new Set(planted.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['nfd-text', 'duplicate-person']));
    const expected = planted.map((p) =>
      p.kind === 'nfd-text' ? `DQ.NAME.001 ${p.recordKey} hoTen` : `DQ.PERSON.001 ${p.recordKey}`,
    );
    expect((await found(damaged)).sort()).toEqual(expected.sort());
  });
});
