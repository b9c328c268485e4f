/**
 * Acceptance tests of issue 13 that depend on the whole workspace: no zod default message reaches
 * a report made from the fixtures' planted problems, and loading a Ministry template's catalog
 * sheets switches the catalog checks on.
 */
import { csvAdapter, writeCsv } from '@eduvn/adapter-csv';
import {
  type ColumnSpec,
  column,
  defaultKind,
  defineMapping,
  openWorkbook,
  readCatalogSheets,
  writeXlsx,
} from '@eduvn/adapter-kit';
import { c1HocSinh } from '@eduvn/adapter-moet';
import { generateSchool, PROBLEM_KINDS, plantProblems, recordsOf } from '@eduvn/fixtures';
import { formatText, toJUnit } from '@eduvn/rules';
import { bundledCatalogs, entityByName, fieldsOf, HocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.ts';
import { AS_OF } from './files.test-helper.ts';

/** zod's own English, which must never reach school staff. */
const ZOD_DEFAULTS = [
  /Invalid input/i,
  /Too big/i,
  /Too small/i,
  /expected \w+, received/i,
  /expected .* to have/i,
  /Invalid option/i,
  /Unrecognized key/i,
];

/** A CSV layout of every HocSinh field a cell can fill, headed by its QĐ 4998 symbol. */
function everyField(entity: string) {
  const schema = entityByName(entity);
  if (!schema) throw new Error(entity);
  const columns: Record<string, ColumnSpec> = {};
  for (const field of fieldsOf(schema)) {
    const kind = defaultKind(field);
    if (kind !== null) columns[field.name] = column(field.symbol, kind);
  }
  return defineMapping({ entity, version: 'test', columns });
}

describe('no zod default message reaches a report', () => {
  it('over every planted problem of the fixtures, read from a file', async () => {
    const school = generateSchool({ seed: 5, province: '79', pupils: 120 });
    const { records } = plantProblems(recordsOf(school), {
      seed: 3,
      kinds: PROBLEM_KINDS,
      rate: 0.2,
      asOf: AS_OF,
    });
    const pupils = records.filter((r) => r.entity === 'HocSinh').map((r) => r.record);
    const mapping = everyField('HocSinh');
    // Dates written as a school writes them, dd/mm/yyyy — the impossible ones too (a date column
    // of the writer refuses them, so they are written as text under the same header).
    const dates = fieldsOf(HocSinh)
      .filter((f) => f.type === 'date')
      .map((f) => f.name);
    const asText = Object.entries(mapping.columns).map(([field, spec]) => ({
      header: spec.term.label,
      field,
      kind: dates.includes(field) ? ('text' as const) : spec.kind,
    }));
    const written = pupils.map((p) => {
      const out: Record<string, unknown> = { ...(p as Record<string, unknown>) };
      for (const name of dates) {
        const v = out[name];
        if (typeof v === 'string') out[name] = v.split('-').reverse().join('/');
      }
      return out;
    });
    const bytes = writeCsv(written, asText, { delimiter: ';' });
    const adapter = csvAdapter({ id: 'every-field', mapping });
    const report = await checkFiles([{ source: bytes, name: 'planted.csv' }], {
      asOf: AS_OF,
      adapters: [adapter],
    });
    expect(report.summary.records).toBe(pupils.length);
    expect(report.issues.length).toBeGreaterThan(0);
    const texts = [
      ...report.issues.flatMap((i) => [i.message.vi, i.message.en, i.hint.vi, i.hint.en]),
      formatText(report),
      formatText(report, { lang: 'en' }),
      toJUnit(report),
    ];
    for (const text of texts) {
      for (const zod of ZOD_DEFAULTS) expect(text, text.slice(0, 200)).not.toMatch(zod);
    }
  });
});

describe('a Ministry template’s catalog sheets switch the catalog checks on', () => {
  it('finds a disability code that is not in the template’s LOAI_KHUYET_TAT sheet (CAT.CODE.001)', async () => {
    const template = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['DANH SÁCH HỌC SINH'],
          [],
          [
            'STT',
            'Mã lớp',
            'Mã học sinh',
            'Họ tên',
            'Ngày sinh',
            'Giới tính',
            'Mã loại khuyết tật',
          ],
          [1, '1A', { text: '7900070100001' }, 'Nguyễn Văn An', '05/09/2019', 'Nam', '01'],
          [2, '1A', { text: '7900070100002' }, 'Lê Thị Cúc', '12/11/2019', 'Nữ', '99'],
        ],
      },
      {
        name: 'LOAI_KHUYET_TAT',
        state: 'hidden',
        rows: [
          ['Mã', 'Tên'],
          ['01', 'Khuyết tật vận động'],
          ['02', 'Khuyết tật nghe, nói'],
          ['03', 'Khuyết tật nhìn'],
        ],
      },
    ]);
    const workbook = await openWorkbook(template, { file: 'C1-HocSinh.xlsx' });
    const pack = await readCatalogSheets(workbook, {
      sheets: { LOAI_KHUYET_TAT: 'DM_LOAI_KHUYET_TAT' },
    });
    await workbook.close();
    const catalogs = bundledCatalogs(pack);
    const withDisability = defineMapping({
      entity: 'HocSinh',
      version: 'C1 with a disability code (test)',
      columns: {
        hocSinhId: column(['Mã học sinh'], 'code', { required: true }),
        hoTen: column(['Họ tên'], 'name', { required: true }),
        maLop: column('Mã lớp', 'code'),
        ngaySinh: column('Ngày sinh', 'date'),
        maGioiTinh: column('Giới tính', 'sex'),
        maLoaiKhuyetTat: column('Mã loại khuyết tật', 'code'),
      },
    });
    const adapter = { ...c1HocSinh, entities: [{ mapping: withDisability }] };
    const report = await checkFiles([{ source: template, name: 'C1-HocSinh.xlsx' }], {
      asOf: AS_OF,
      catalogs,
      adapters: [adapter],
    });
    const codes = report.issues.filter((i) => i.ruleId === 'CAT.CODE.001');
    expect(codes.map((i) => [i.field, i.location?.row, i.location?.cell])).toEqual([
      ['maLoaiKhuyetTat', 5, 'G5'],
    ]);
  });
});
