import { columnLetter, openWorkbook, type Row } from '@eduvn/adapter-kit';
import type { DanhGiaHocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { assessments, fixtureKqht, fixtureSchool, SCHOOL_YEAR } from '../fixtures.test-helper.ts';
import { kqhtAdapter } from './adapter.ts';
import { KQHT_LAYOUT_K12, KQHT_LAYOUTS } from './layout.ts';
import { KqhtWriteError } from './write.ts';

const TRUONG = '79000001';

/** A valid grade 1 end-of-year record. */
function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    truongId: TRUONG,
    hocSinhId: '0790000100001',
    maLop: '1A',
    khoi: 1,
    namHoc: SCHOOL_YEAR,
    kyDanhGia: 'CN',
    monHocs: [
      { maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 9 },
      { maMonHoc: 'TIENG_VIET', mucDat: 'H', diemKtdk: 7 },
      { maMonHoc: 'DAO_DUC', mucDat: 'T' },
    ],
    nlTuChuTuHoc: 'T',
    nlKhoaHoc: 'Đ',
    pcYeuNuoc: 'C',
    ketQuaCuoiNam: 'HT',
    hoanThanhChuongTrinhLopHoc: true,
    lenLop: true,
    ...overrides,
  };
}

const grade1 = (period: 'GK1' | 'CK1' | 'GK2' | 'CN' = 'CN') =>
  kqhtAdapter({ khoi: 1, kyDanhGia: period, namHoc: SCHOOL_YEAR, truongId: TRUONG });

async function write(
  records: readonly Record<string, unknown>[],
  options?: Record<string, unknown>,
  adapter = grade1(),
): Promise<Uint8Array> {
  const bytes = await adapter.write?.({
    entity: 'DanhGiaHocSinh',
    records,
    ...(options === undefined ? {} : { options }),
  });
  if (!bytes) throw new Error('no writer');
  return bytes;
}

async function rowsOf(bytes: Uint8Array): Promise<{ rows: Row[]; merges: string[] }> {
  const workbook = await openWorkbook(bytes);
  const rows: Row[] = [];
  for await (const row of workbook.rows(0)) rows.push(row);
  const merges = (await workbook.merges(0)).map(
    (m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`,
  );
  await workbook.close();
  return { rows, merges };
}

/** The problems a write throws, as `field: problem` lines. */
async function problemsOf(
  records: readonly Record<string, unknown>[],
  options?: Record<string, unknown>,
  adapter = grade1(),
): Promise<string[]> {
  const error = await write(records, options, adapter).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KqhtWriteError);
  return (error as KqhtWriteError).problems.map((p) => `${p.field ?? ''}: ${p.problem}`);
}

describe('the KQHT writer', () => {
  it('writes the template’s three header rows with their merged ranges', async () => {
    const { rows, merges } = await rowsOf(await write([record()]));
    const layout = KQHT_LAYOUTS[KQHT_LAYOUT_K12];
    for (let r = 0; r < 3; r++) {
      const written = Array.from(rows[r]?.cells ?? [], (c) => c?.value ?? null);
      const expected = [...(layout.headerRows[r] ?? [])];
      while (expected.at(-1) === null) expected.pop();
      expect(written).toEqual(expected);
    }
    expect(merges.sort()).toEqual([...layout.merges].sort());
  });

  it('writes one row per record: codes as text, levels as letters, scores as numbers, x marks', async () => {
    const pupil = fixtureSchool().hocSinhs[0];
    if (!pupil?.ngaySinh) throw new Error('fixture pupil without a birth date');
    const bytes = await write([record({ hocSinhId: pupil.hocSinhId })], { pupils: [pupil] });
    const { rows } = await rowsOf(bytes);
    const data = Array.from(rows[3]?.cells ?? [], (c) => c?.value ?? null);
    const [d, m, y] = [
      pupil.ngaySinh.slice(8),
      pupil.ngaySinh.slice(5, 7),
      pupil.ngaySinh.slice(0, 4),
    ];
    expect(data.slice(0, 9)).toEqual([
      1,
      '1A',
      pupil.hocSinhId,
      pupil.hoTen,
      `${d}/${m}/${y}`,
      'T',
      9,
      'H',
      7,
    ]);
    expect(data[9]).toBe('T'); // J: Đạo đức
    expect(data[10]).toBeNull(); // K: Tự nhiên và xã hội, not assessed
    expect(data[18]).toBe('T'); // S: Tự chủ và tự học
    expect(data[23]).toBe('Đ'); // X: Khoa học
    expect(data[26]).toBe('C'); // AA: Yêu nước
    expect(data.slice(31, 34)).toEqual(['x', 'x', 'HT']);
    expect(Array.from(rows[3]?.cells ?? [], (c) => c?.formula).every((f) => f === undefined)).toBe(
      true,
    );
    expect(typeof rows[3]?.cells[2]?.value).toBe('string');
  });

  it('leaves Họ tên and Ngày sinh blank without pupils, and the x columns blank for false', async () => {
    const { rows } = await rowsOf(
      await write([
        record({ hoanThanhChuongTrinhLopHoc: false, lenLop: false, ketQuaCuoiNam: 'CHT' }),
      ]),
    );
    const data = Array.from(rows[3]?.cells ?? [], (c) => c?.value ?? null);
    expect(data[3] ?? null).toBeNull();
    expect(data[4] ?? null).toBeNull();
    expect(data[31] ?? null).toBeNull();
    expect(data[32] ?? null).toBeNull();
    expect(data[33]).toBe('CHT');
  });

  it('writes text that looks like a formula so that it stays text', async () => {
    const bytes = await write([record({ maLop: '=HYPERLINK("http://example.invalid")' })]);
    const { rows } = await rowsOf(bytes);
    expect(rows[3]?.cells[1]).toMatchObject({ value: '=HYPERLINK("http://example.invalid")' });
    expect(rows[3]?.cells[1]?.formula).toBeUndefined();
  });

  it('refuses a record missing required fields, naming each', async () => {
    const { hocSinhId: _h, maLop: _m, monHocs: _s, kyDanhGia: _k, ...rest } = record();
    const problems = await problemsOf([record(), rest]);
    expect(problems).toEqual([
      expect.stringMatching(/^hocSinhId: is required/),
      expect.stringMatching(/^maLop: is required/),
      expect.stringMatching(/^kyDanhGia: is required/),
      expect.stringMatching(/^monHocs: is required/),
    ]);
  });

  it('says which record and field are wrong in its message, never a personal value', async () => {
    const error = await write([record(), record({ hocSinhId: '' })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KqhtWriteError);
    expect((error as Error).message).toMatch(
      /^Cannot write the KQHT file: 1 problem\. record 1 hocSinhId: is required/,
    );
    expect((error as KqhtWriteError).problems[0]?.record).toBe(1);
  });

  it('refuses levels, scores and results the template does not take', async () => {
    const problems = await problemsOf([
      record({
        monHocs: [
          { maMonHoc: 'TOAN', mucDat: 'X', diemKtdk: 7.5 },
          { maMonHoc: 'TIENG_VIET', mucDat: 'H', diemKtdk: 11 },
          { maMonHoc: 'DAO_DUC', mucDat: 'T', diemKtdk: 8 },
          { maMonHoc: 'DAO_DUC', mucDat: 'T' },
          { maMonHoc: 'LICH_SU_DIA_LI', mucDat: 'T' },
          { maMonHoc: 'MI_THUAT' },
        ],
        nlTuChuTuHoc: 'D',
        nlCongNghe: 'T',
        ketQuaCuoiNam: 'Giỏi',
        lenLop: 'x',
      }),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^monHocs\[0\]\.mucDat: must be T/),
      expect.stringMatching(/^monHocs\[0\]\.diemKtdk: must be a whole number from 0 to 10/),
      expect.stringMatching(/^monHocs\[1\]\.diemKtdk: must be a whole number from 0 to 10/),
      expect.stringMatching(/^monHocs\[2\]\.diemKtdk: DAO_DUC has no Điểm KTĐK column/),
      expect.stringMatching(/^monHocs\[3\]\.maMonHoc: DAO_DUC appears twice/),
      expect.stringMatching(
        /^monHocs\[4\]\.maMonHoc: is not a subject of the kqht-c1-tt27-2020-k12 layout/,
      ),
      expect.stringMatching(/^monHocs\[5\]\.mucDat: is required/),
      expect.stringMatching(/^nlTuChuTuHoc: must be T \(Tốt\), Đ/),
      expect.stringMatching(/^nlCongNghe: has no column in the kqht-c1-tt27-2020-k12 layout/),
      expect.stringMatching(/^ketQuaCuoiNam: must be HTXS, HTT, HT or CHT/),
      expect.stringMatching(/^lenLop: must be true or false/),
    ]);
  });

  it('refuses a record of another period, grade, school year or school', async () => {
    const problems = await problemsOf([
      record({ kyDanhGia: 'CK1', khoi: 2, namHoc: '2023-2024', truongId: '79000002' }),
    ]);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'truongId',
      'namHoc',
      'kyDanhGia',
      'khoi',
    ]);
    expect(problems[2]).toContain('write one file per period');
  });

  it('refuses end-of-year values before the end of the year, but takes false marks', async () => {
    const gk1 = { kyDanhGia: 'GK1', monHocs: [{ maMonHoc: 'TOAN', mucDat: 'T' }] };
    const problems = await problemsOf([record(gk1)], undefined, grade1('GK1'));
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'ketQuaCuoiNam',
      'hoanThanhChuongTrinhLopHoc',
      'lenLop',
    ]);
    const fine = record({
      ...gk1,
      ketQuaCuoiNam: undefined,
      hoanThanhChuongTrinhLopHoc: false,
      lenLop: false,
    });
    await expect(write([fine], undefined, grade1('GK1'))).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses a test score where the grade takes no test in that period, unless told not to check', async () => {
    const gk1 = record({
      kyDanhGia: 'GK1',
      ketQuaCuoiNam: undefined,
      hoanThanhChuongTrinhLopHoc: undefined,
      lenLop: undefined,
      monHocs: [{ maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 8 }],
    });
    const problems = await problemsOf([gk1], undefined, grade1('GK1'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^monHocs\[0\]\.diemKtdk: grade 1 takes no periodic test in TOAN at GK1/,
      ),
    ]);
    await expect(write([gk1], { checkTests: false }, grade1('GK1'))).resolves.toBeInstanceOf(
      Uint8Array,
    );
    // Grades 4–5 take a mid-semester test in Toán.
    const grade4 = fixtureKqht(4, 'GK1');
    const fine = { ...gk1, khoi: 4, truongId: fixtureSchool().truong.truongId };
    await expect(write([fine], undefined, grade4)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('takes the form’s values from WriteRequest.options over the adapter’s', async () => {
    const ck1 = assessments(1, 'CK1', 3);
    const adapter = fixtureKqht(1, 'CN');
    await expect(write(ck1, { kyDanhGia: 'CK1' }, adapter)).resolves.toBeInstanceOf(Uint8Array);
    await expect(write(ck1, undefined, adapter)).rejects.toBeInstanceOf(KqhtWriteError);
    await expect(write(ck1, { khoi: 9 }, adapter)).rejects.toThrow(/khoi must be the grade/);
    await expect(write(ck1, { pupils: 42 }, adapter)).rejects.toThrow(/pupils must be an iterable/);
  });

  it('writes nothing but DanhGiaHocSinh', async () => {
    expect(() => grade1().write?.({ entity: 'HocSinh', records: [] })).toThrow(
      /writes DanhGiaHocSinh records, not "HocSinh"/,
    );
  });

  it('writes an empty file (the header alone) for no records', async () => {
    const { rows } = await rowsOf(await write([]));
    expect(rows).toHaveLength(3);
  });

  it('writes generated assessments of every grade and period without a problem', async () => {
    for (const khoi of [1, 2, 3, 4, 5]) {
      for (const period of ['GK1', 'CK1', 'GK2', 'CN'] as const) {
        const records: DanhGiaHocSinh[] = assessments(khoi, period, 40);
        expect(records.length, `grade ${khoi} ${period}`).toBeGreaterThan(0);
        await expect(write(records, undefined, fixtureKqht(khoi, period))).resolves.toBeInstanceOf(
          Uint8Array,
        );
      }
    }
  });
});
