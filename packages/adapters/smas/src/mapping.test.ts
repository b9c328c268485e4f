import { bundledCatalogs, DanhGiaHocSinh, fieldsOf } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';
import { describe, expect, it } from 'vitest';
import { awardCode, levelPaths, resultCode, SMAS_MAPPING, scorePaths } from './mapping.ts';
import { SMAS_SUBJECTS } from './subjects.ts';
import { SMAS_TRAITS, traitPaths } from './traits.ts';

describe('the subjects', () => {
  const catalog = bundledCatalogs().entries('DM_MON_HOC_TIEU_HOC');

  it('are the catalog DM_MON_HOC_TIEU_HOC, in its order, each named by its catalog name', () => {
    expect(SMAS_SUBJECTS.map((s) => s.code)).toEqual(catalog.map((e) => e.code));
    for (const entry of catalog) {
      const subject = SMAS_SUBJECTS.find((s) => s.code === entry.code);
      const keys = subject?.names.map(matchKey) ?? [];
      const name = entry.name.replace(/ thiểu số$/, '').replace(/ 1$/, '');
      expect(
        keys.some((k) => k === matchKey(entry.name) || k === matchKey(name)),
        entry.code,
      ).toBe(true);
    }
  });

  it('have a score column exactly when the catalog tests them', () => {
    for (const entry of catalog) {
      const tested = ((entry.attributes?.['testGrades'] as unknown[] | undefined) ?? []).length > 0;
      expect(SMAS_SUBJECTS.find((s) => s.code === entry.code)?.tested, entry.code).toBe(tested);
    }
  });

  it('are found by their level and score headers, canonical first', () => {
    const toan = SMAS_SUBJECTS.find((s) => s.code === 'TOAN');
    if (!toan) throw new Error('no TOAN');
    expect(levelPaths(toan)[0]).toEqual(['Toán', 'Mức đạt được']);
    expect(levelPaths(toan)).toContainEqual(['Toán']);
    expect(scorePaths(toan)[0]).toEqual(['Toán', 'Điểm KTĐK']);
    expect(scorePaths(toan)).toContainEqual(['Điểm Toán']);
  });
});

describe('the traits', () => {
  it('are the 15 quality and competency fields of DanhGiaHocSinh', () => {
    const fields = fieldsOf(DanhGiaHocSinh)
      .filter((f) => f.catalog === 'DM_MUC_DAT_PHAM_CHAT_NANG_LUC')
      .map((f) => f.name);
    expect(SMAS_TRAITS.map((t) => t.field).sort()).toEqual([...fields].sort());
  });

  it('never take a bare subject name: Khoa học and Tin học only under a group or prefixed', () => {
    for (const t of SMAS_TRAITS.filter((x) => x.sharesSubjectName)) {
      const paths = traitPaths(t);
      expect(paths[0]).toEqual(['Năng lực đặc thù', t.names[0]]);
      expect(paths.filter((p) => p.length === 1).map((p) => p[0])).toEqual([
        `NL ${t.names[0]}`,
        `Năng lực ${t.names[0]}`,
      ]);
    }
  });
});

describe('SMAS_MAPPING', () => {
  it('reads DanhGiaHocSinh, keyed by the pupil code, which is required', () => {
    expect(SMAS_MAPPING.entity).toBe('DanhGiaHocSinh');
    expect(SMAS_MAPPING.rowKey).toEqual(['hocSinhId']);
    expect(SMAS_MAPPING.columns['hocSinhId']?.options.required).toBe(true);
  });

  it('has no header text that two columns could both claim', () => {
    const owner = new Map<string, string>();
    for (const term of SMAS_MAPPING.vocabulary) {
      for (const form of [
        [term.label],
        ...(term.aliases ?? []).map((a) => [a]),
        ...(term.paths ?? []),
      ]) {
        const key = form.map(matchKey).join(' ');
        const other = owner.get(key);
        expect(
          other === undefined || other === term.label,
          `${key}: ${other} / ${term.label}`,
        ).toBe(true);
        owner.set(key, term.label);
      }
    }
  });

  it('puts every field before the extras, so competencies win over subjects of the same name', () => {
    const labels = SMAS_MAPPING.vocabulary.map((t) => t.label);
    expect(labels.indexOf('Năng lực đặc thù › Khoa học')).toBeLessThan(
      labels.indexOf('Khoa học › Mức đạt được'),
    );
  });
});

describe('resultCode and awardCode', () => {
  it.each([
    ['HTXS', 'HTXS'],
    ['Hoàn thành xuất sắc', 'HTXS'],
    ['htt', 'HTT'],
    ['HOÀN THÀNH TỐT', 'HTT'],
    ['Hoàn thành', 'HT'],
    ['Chưa hoàn thành', 'CHT'],
    ['Giỏi', 'Giỏi'],
  ])('reads the result %j as %j', (text, code) => {
    expect(resultCode(text)).toBe(code);
  });

  it.each([
    ['Học sinh Xuất sắc', 'HS_XUAT_SAC'],
    ['HS_XUAT_SAC', 'HS_XUAT_SAC'],
    ['Xuất sắc', 'HS_XUAT_SAC'],
    ['Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện', 'HS_TIEU_BIEU'],
    ['hs tiêu biểu', 'HS_TIEU_BIEU'],
    ['Tiêu biểu xuất sắc', 'HS_TIEU_BIEU'],
    ['Cháu ngoan Bác Hồ', 'Cháu ngoan Bác Hồ'],
  ])('reads the award %j as %j', (text, code) => {
    expect(awardCode(text)).toBe(code);
  });
});
