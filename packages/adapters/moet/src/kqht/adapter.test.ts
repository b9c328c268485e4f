import { type CellInput, readAll, writeXlsx } from '@eduvn/adapter-kit';
import { DanhGiaHocSinh } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kqhtHandRows, SCHOOL_YEAR } from '../fixtures.test-helper.ts';
import { kqhtAdapter } from './adapter.ts';
import { KQHT_LAYOUT_K12, KQHT_LAYOUT_K345, KQHT_LAYOUTS, type KqhtLayout } from './layout.ts';
import type { KqhtPeriod } from './options.ts';

const TRUONG = '79000001';
const k12 = KQHT_LAYOUTS[KQHT_LAYOUT_K12];
const k345 = KQHT_LAYOUTS[KQHT_LAYOUT_K345];

const adapter = (khoi: number, kyDanhGia: KqhtPeriod, extra: Record<string, unknown> = {}) =>
  kqhtAdapter({ khoi, kyDanhGia, namHoc: SCHOOL_YEAR, truongId: TRUONG, ...extra });

/** A KQHT file in `layout` (merged header) whose data rows are given by column value. */
function file(
  layout: KqhtLayout,
  rows: readonly Readonly<Record<string, CellInput>>[],
  merged = true,
): Uint8Array {
  return writeXlsx([
    {
      name: 'Sheet1',
      rows: [
        ...layout.headerRows.map((r) => [...r]),
        ...rows.map((r) => layout.columns.map((c) => r[c.value] ?? null)),
      ],
      ...(merged ? { merges: layout.merges } : {}),
    },
  ]);
}

const pupil = { maLop: '1A', hocSinhId: 'HS0001' };

describe('kqhtAdapter', () => {
  it('fills the grade, period, school year and school of every record from its options', async () => {
    const { records, issues } = await readAll(
      adapter(1, 'GK1'),
      file(k12, [{ ...pupil, 'mucDat:TOAN': 'T' }]),
    );
    expect(issues).toEqual([]);
    expect(records[0]?.record).toEqual({
      truongId: TRUONG,
      namHoc: SCHOOL_YEAR,
      kyDanhGia: 'GK1',
      khoi: 1,
      maLop: '1A',
      hocSinhId: 'HS0001',
      monHocs: [{ maMonHoc: 'TOAN', mucDat: 'T' }],
    });
    expect(records[0]?.provenance.row).toBe(4);
    expect(DanhGiaHocSinh.safeParse(records[0]?.record).success).toBe(true);
  });

  it('reads levels in any case and as words, x marks in any form, scores typed as text', async () => {
    const { records } = await readAll(
      adapter(1, 'CN'),
      file(k12, [
        {
          ...pupil,
          'mucDat:TOAN': 't',
          'diemKtdk:TOAN': '9',
          'mucDat:TIENG_VIET': 'Hoàn thành',
          'diemKtdk:TIENG_VIET': '7,0',
          'mucDat:DAO_DUC': 'hoàn thành tốt'.normalize('NFD'),
          nlTuChuTuHoc: 'Tốt',
          nlNgonNgu: 'đ',
          pcYeuNuoc: 'Cần cố gắng',
          hoanThanhChuongTrinhLopHoc: 'X',
          lenLop: '✓',
          ketQuaCuoiNam: 'htt',
        },
      ]),
    );
    expect(records[0]?.record).toMatchObject({
      monHocs: [
        { maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 9 },
        { maMonHoc: 'TIENG_VIET', mucDat: 'H', diemKtdk: 7 },
        { maMonHoc: 'DAO_DUC', mucDat: 'T' },
      ],
      nlTuChuTuHoc: 'T',
      nlNgonNgu: 'Đ',
      pcYeuNuoc: 'C',
      hoanThanhChuongTrinhLopHoc: true,
      lenLop: true,
      ketQuaCuoiNam: 'HTT',
    });
    expect(records[0]?.issues).toEqual([]);
  });

  it('reads a blank x column as "no" at the end of the year and as "not given" before it', async () => {
    const rows = [{ ...pupil, 'mucDat:TOAN': 'T' }];
    const [cn] = (await readAll(adapter(1, 'CN'), file(k12, rows))).records;
    const [gk2] = (await readAll(adapter(1, 'GK2'), file(k12, rows))).records;
    expect(cn?.record).toMatchObject({ hoanThanhChuongTrinhLopHoc: false, lenLop: false });
    expect(gk2?.record).not.toHaveProperty('hoanThanhChuongTrinhLopHoc');
    expect(gk2?.record).not.toHaveProperty('lenLop');
  });

  it('reports X where T/H/C is expected, naming the column, and keeps the rest', async () => {
    const { records } = await readAll(
      adapter(1, 'CK1'),
      file(k12, [{ ...pupil, 'mucDat:TOAN': 'X', 'diemKtdk:TOAN': 8, 'mucDat:TIENG_VIET': 'H' }]),
    );
    const [record] = records;
    expect(record?.issues).toEqual([
      {
        code: 'value-invalid',
        field: 'mucDat_TOAN',
        column: 'F',
        severity: 'error',
        problem: expect.stringContaining('is not a subject level: expected T (Hoàn thành tốt)'),
      },
    ]);
    expect(record?.record['monHocs']).toEqual([
      { maMonHoc: 'TOAN', diemKtdk: 8 },
      { maMonHoc: 'TIENG_VIET', mucDat: 'H' },
    ]);
    // The level the file lacks is for validation to report.
    expect(DanhGiaHocSinh.safeParse(record?.record).success).toBe(false);
  });

  it('reports a Điểm KTĐK that is not a whole number; a whole number out of range is for validation', async () => {
    const { records } = await readAll(
      adapter(1, 'CN'),
      file(k12, [
        { ...pupil, 'mucDat:TOAN': 'T', 'diemKtdk:TOAN': 7.5 },
        { ...pupil, hocSinhId: 'HS0002', 'mucDat:TOAN': 'T', 'diemKtdk:TOAN': '8,5' },
        { ...pupil, hocSinhId: 'HS0003', 'mucDat:TOAN': 'T', 'diemKtdk:TOAN': 11 },
      ]),
    );
    const [a, b, c] = records;
    for (const r of [a, b]) {
      expect(r?.issues).toEqual([
        expect.objectContaining({ field: 'diemKtdk_TOAN', column: 'G', severity: 'error' }),
      ]);
      expect(r?.record['monHocs']).toEqual([{ maMonHoc: 'TOAN', mucDat: 'T' }]);
    }
    expect(c?.issues).toEqual([]);
    expect(c?.record['monHocs']).toEqual([{ maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 11 }]);
    expect(DanhGiaHocSinh.safeParse(c?.record).success).toBe(false);
  });

  it('reports H where T/Đ/C is expected, and keeps an unknown Xếp loại for validation to report', async () => {
    const { records } = await readAll(
      adapter(1, 'CN'),
      file(k12, [{ ...pupil, nlTinhToan: 'H', ketQuaCuoiNam: 'Giỏi' }]),
    );
    expect(records[0]?.issues).toEqual([
      expect.objectContaining({ field: 'nlTinhToan', column: 'W', severity: 'error' }),
    ]);
    expect(records[0]?.record['ketQuaCuoiNam']).toBe('Giỏi');
    const parsed = DanhGiaHocSinh.safeParse(records[0]?.record);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((i) => i.path[0] === 'ketQuaCuoiNam')).toBe(true);
  });

  it('names a missing required column in an error issue', async () => {
    const rows = kqhtHandRows('CN', 2).map((r) => r.slice(0, 1).concat(r.slice(2)));
    const result = await readAll(adapter(1, 'CN'), writeXlsx([{ name: 'Sheet1', rows }]));
    expect(result.records).toEqual([]);
    expect(result.issues.some((i) => i.severity === 'error' && /maLop/.test(i.problem))).toBe(true);
  });

  it('reads a header flattened into one row ("Toán - Mức đạt được")', async () => {
    const header = k12.columns.map((c) =>
      c.header.length === 3 ? `${c.header[1]} - ${c.header[2]}` : (c.header.at(-1) ?? ''),
    );
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          header,
          k12.columns.map((c) =>
            c.value === 'maLop'
              ? '1A'
              : c.value === 'hocSinhId'
                ? 'HS1'
                : c.value === 'nlKhoaHoc'
                  ? 'Đ'
                  : c.value.startsWith('mucDat:')
                    ? 'H'
                    : null,
          ),
        ],
      },
    ]);
    const { records, issues } = await readAll(adapter(2, 'GK1'), bytes);
    expect(issues).toEqual([]);
    expect(records[0]?.record['nlKhoaHoc']).toBe('Đ');
    expect(records[0]?.record['monHocs']).toHaveLength(k12.subjects.length);
  });

  it('reads the grade 3–5 layout, Mã định danh and the Công nghệ and Tin học competencies', async () => {
    const { records, issues } = await readAll(
      adapter(3, 'CK1'),
      file(k345, [
        {
          ...pupil,
          'mucDat:KHOA_HOC': 'T',
          'diemKtdk:KHOA_HOC': 8,
          'mucDat:TIN_HOC_CONG_NGHE': 'H',
          'diemKtdk:TIN_HOC_CONG_NGHE': 6,
          nlKhoaHoc: 'T',
          nlCongNghe: 'Đ',
          nlTinHoc: 'C',
        },
      ]),
    );
    expect(issues).toEqual([]);
    expect(records[0]?.record).toMatchObject({
      khoi: 3,
      hocSinhId: 'HS0001',
      nlKhoaHoc: 'T',
      nlCongNghe: 'Đ',
      nlTinHoc: 'C',
      monHocs: [
        { maMonHoc: 'KHOA_HOC', mucDat: 'T', diemKtdk: 8 },
        { maMonHoc: 'TIN_HOC_CONG_NGHE', mucDat: 'H', diemKtdk: 6 },
      ],
    });
    expect(records[0]?.provenance.columns['hocSinhId']).toBe('C');
  });

  it('is made for one grade, period, school year and school: wrong options are TypeErrors', () => {
    const base = { khoi: 1, kyDanhGia: 'CN', namHoc: SCHOOL_YEAR, truongId: TRUONG } as const;
    expect(() => kqhtAdapter({ ...base, khoi: 0 })).toThrow(/khoi must be the grade/);
    expect(() => kqhtAdapter({ ...base, khoi: 2.5 })).toThrow(/khoi/);
    expect(() => kqhtAdapter({ ...base, kyDanhGia: 'HK1' as never })).toThrow(
      /'GK1' \(Giữa học kỳ 1\)/,
    );
    expect(() => kqhtAdapter({ ...base, namHoc: '2024-2026' })).toThrow(/namHoc/);
    expect(() => kqhtAdapter({ ...base, truongId: ' ' })).toThrow(/truongId/);
    expect(() => kqhtAdapter({ ...base, layout: KQHT_LAYOUT_K345 })).toThrow(
      /grades 3, 4, 5, not grade 1/,
    );
    expect(() => kqhtAdapter({ ...base, layout: 'v9' as never })).toThrow(/layout must be one of/);
    expect(() => kqhtAdapter({ ...base, checkTests: 'yes' as never })).toThrow(/checkTests/);
    expect(() => kqhtAdapter(undefined as never)).toThrow(/options must be an object/);
    expect(adapter(1, 'CN').id).toBe('moet-kqht-k12');
    expect(adapter(5, 'GK2').id).toBe('moet-kqht-k345');
    expect(adapter(5, 'GK2').version).toBe(KQHT_LAYOUT_K345);
  });
});

const TRAIT_LEVEL = fc.constantFrom('T', 'Đ', 'C');

/** Records a layout can hold exactly, in the reader's order (subjects in layout order). */
function records(layout: KqhtLayout, khoi: number, period: KqhtPeriod) {
  const traits = [
    ...layout.generalCompetencies,
    ...layout.specificCompetencies,
    ...layout.qualities,
  ].map((t) => t.field);
  const subject = fc.record(
    {
      mucDat: fc.constantFrom('T', 'H', 'C'),
      diemKtdk: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: ['mucDat'] },
  );
  const record = fc.record({
    // A code that reads as scientific notation (`1E5`) is refused by the kit's code reader: the
    // digits of such CSV exports are lost. Pupil codes never look like that.
    hocSinhId: fc.stringMatching(/^[0-9A-Z]{1,20}$/).filter((id) => !/^\d+E\d+$/.test(id)),
    maLop: fc.stringMatching(/^[0-9][A-Z0-9]{0,3}$/),
    subjects: fc.array(fc.option(subject, { nil: undefined }), {
      minLength: layout.subjects.length,
      maxLength: layout.subjects.length,
    }),
    traits: fc.array(fc.option(TRAIT_LEVEL, { nil: undefined }), {
      minLength: traits.length,
      maxLength: traits.length,
    }),
    result: fc.constantFrom('HTXS', 'HTT', 'HT', 'CHT'),
    completed: fc.boolean(),
    promoted: fc.boolean(),
  });
  return fc.array(record, { maxLength: 8 }).map((list) =>
    list.map((r) => {
      const out: Record<string, unknown> = {
        truongId: TRUONG,
        namHoc: SCHOOL_YEAR,
        kyDanhGia: period,
        khoi,
        maLop: r.maLop,
        hocSinhId: r.hocSinhId,
      };
      traits.forEach((field, i) => {
        const level = r.traits[i];
        if (level !== undefined) out[field] = level;
      });
      if (period === 'CN') {
        out['hoanThanhChuongTrinhLopHoc'] = r.completed;
        out['lenLop'] = r.promoted;
        out['ketQuaCuoiNam'] = r.result;
      }
      out['monHocs'] = layout.subjects.flatMap((s, i) => {
        const given = r.subjects[i];
        if (given === undefined) return [];
        return [
          s.test && given.diemKtdk !== undefined
            ? { maMonHoc: s.code, mucDat: given.mucDat, diemKtdk: given.diemKtdk }
            : { maMonHoc: s.code, mucDat: given.mucDat },
        ];
      });
      return out;
    }),
  );
}

describe('the KQHT round trip', () => {
  for (const [layout, khoi, period] of [
    [k12, 2, 'CN'],
    [k12, 1, 'GK1'],
    [k345, 5, 'CN'],
    [k345, 3, 'GK2'],
  ] as const) {
    it(`property: read(write(records)) equals the records (${layout.id}, ${period})`, async () => {
      const kqht = adapter(khoi, period, { checkTests: false });
      await fc.assert(
        fc.asyncProperty(records(layout, khoi, period), async (list) => {
          const bytes = await kqht.write?.({ entity: 'DanhGiaHocSinh', records: list });
          if (!bytes) throw new Error('no writer');
          const back = await readAll(kqht, bytes);
          expect(back.issues).toEqual([]);
          expect(back.records.map((r) => r.record)).toEqual(list);
          expect(back.records.every((r) => r.issues.length === 0)).toBe(true);
        }),
        { numRuns: 15 },
      );
    }, 30_000);
  }
});
