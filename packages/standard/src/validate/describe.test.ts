import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/all.ts';
import { DanhGiaHocSinh } from '../entities/danh-gia-hoc-sinh.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { Lop } from '../entities/lop.ts';
import { SuKienTrangThai } from '../entities/su-kien-trang-thai.ts';
import type { EntitySchema } from '../meta/entity.ts';
import { entityOf } from '../meta/entity.ts';
import type { Bilingual } from '../meta/field-meta.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { compileValidator } from './compile.ts';
import { describeSchemaIssue } from './describe.ts';

/** zod's own wording, which must never reach people. */
const ZOD_PHRASES = /invalid input|too big|too small|expected|received/i;

/** The texts of every issue of `record`, as `compileValidator` and plain zod report them. */
function textsOf(entity: EntitySchema, record: unknown): Bilingual[] {
  const result = compileValidator(entity)(record);
  const parsed = entity.safeParse(record);
  return [
    ...(result.ok ? [] : result.issues.map((i) => describeSchemaIssue(entity, i))),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => describeSchemaIssue(entity, i, record))),
  ];
}

/** The one text of the one issue of `record`. */
function textOf(entity: EntitySchema, record: unknown): Bilingual {
  const result = compileValidator(entity)(record);
  if (result.ok) throw new Error('the record is valid');
  expect(result.issues).toHaveLength(1);
  return describeSchemaIssue(entity, result.issues[0] as never);
}

const PUPIL = { hocSinhId: 'HS0001', hoTen: 'Trần Thị Thuỷ' };
const ASSESSMENT = {
  truongId: '79000701',
  hocSinhId: 'HS0001',
  maLop: '3A',
  khoi: 3,
  namHoc: '2024-2025',
  kyDanhGia: 'CN',
  monHocs: [{ maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 9 }],
};

describe('describeSchemaIssue', () => {
  it('says how long a value is and how long it may be, in the field’s own label', () => {
    expect(textOf(HocSinh, { ...PUPIL, hoTen: 'Nguyễn'.repeat(2000).slice(0, 10_000) })).toEqual({
      vi: 'Họ tên dài 10.000 ký tự, tối đa 50 ký tự',
      en: 'Full name is 10,000 characters long; at most 50',
    });
  });

  it('names a missing required field', () => {
    expect(textOf(HocSinh, { hocSinhId: 'HS0001' })).toEqual({
      vi: 'Họ tên: chưa có giá trị (bắt buộc)',
      en: 'Full name: no value (required)',
    });
    expect(textOf(HocSinh, { ...PUPIL, hoTen: '' })).toEqual({
      vi: 'Họ tên đang để trống',
      en: 'Full name is empty',
    });
  });

  it('says what kind of value a field holds and what it got, never the value', () => {
    expect(textOf(HocSinh, { ...PUPIL, isDoiVien: 'có' })).toEqual({
      vi: 'Là đội viên phải là Đúng/Sai (true/false), nhưng đang là văn bản',
      en: 'Young Pioneer member must be true or false; it is text',
    });
    expect(textOf(HocSinh, { ...PUPIL, chieuCao: -5 })).toEqual({
      vi: 'Chiều cao không được là số âm',
      en: 'Height must not be negative',
    });
    expect(textOf(HocSinh, { ...PUPIL, chieuCao: Number.NaN }).en).toBe(
      'Height must be a finite number',
    );
  });

  it('says when a number is not whole or too large', () => {
    const lop = { truongId: '79000701', ma: '3A' };
    expect(textOf(Lop, { ...lop, thuTu: 1.5 })).toEqual({
      vi: 'Số thứ tự phải là một số nguyên',
      en: 'Sort order must be a whole number',
    });
    // Past the largest safe integer, zod reports two limits; each is worded.
    for (const text of textsOf(Lop, { ...lop, thuTu: 1e20 })) {
      expect(text.vi).toMatch(/^Số thứ tự (quá lớn|vượt quá mức tối đa 9\.999\.999\.999)$/);
    }
    expect(textOf(Lop, { ...lop, thuTu: 10_000_000_000 })).toEqual({
      vi: 'Số thứ tự vượt quá mức tối đa 9.999.999.999',
      en: 'Sort order is above the maximum of 9,999,999,999',
    });
  });

  it('describes a malformed date-time', () => {
    const record = { ngayGhiNhan: '2025-09-05' };
    const parsed = SuKienTrangThai.safeParse(record);
    const issue = parsed.success
      ? undefined
      : parsed.error.issues.find((i) => i.path[0] === 'ngayGhiNhan');
    expect(issue && describeSchemaIssue(SuKienTrangThai, issue, record).vi).toBe(
      'Thời điểm ghi nhận không đúng dạng thời điểm yyyy-mm-ddThh:mm:ss kèm múi giờ (Z hoặc ±hh:mm)',
    );
  });

  it('falls back to words of its own for issues it has no wording for', () => {
    const foreign = [
      { code: 'custom', path: ['hoTen'], message: 'Invalid input' },
      { code: 'invalid_union', path: ['hoTen'], message: 'Invalid input', errors: [] },
    ] as never[];
    for (const issue of foreign) {
      expect(describeSchemaIssue(HocSinh, issue)).toEqual({
        vi: 'Họ tên: giá trị không đúng chuẩn dữ liệu',
        en: 'Full name: the value does not follow the data standard',
      });
    }
  });

  it('describes dates, school years and calendar checks', () => {
    expect(textOf(HocSinh, { ...PUPIL, ngaySinh: '05/09/2016' })).toMatchObject({
      vi: 'Ngày sinh không đúng dạng ngày yyyy-mm-dd (ví dụ 2016-09-05)',
    });
    expect(textOf(HocSinh, { ...PUPIL, ngaySinh: '2016-02-30' })).toEqual({
      vi: 'Ngày sinh: không phải một ngày có thật trên lịch',
      en: 'Date of birth: Not a calendar date',
    });
    expect(textOf(DanhGiaHocSinh, { ...ASSESSMENT, namHoc: '2024/25' }).vi).toBe(
      'Năm học không đúng dạng năm học yyyy-yyyy (ví dụ 2024-2025)',
    );
    expect(textOf(DanhGiaHocSinh, { ...ASSESSMENT, namHoc: '2024-2026' }).vi).toBe(
      'Năm học: năm thứ hai của năm học phải liền sau năm thứ nhất',
    );
  });

  it('lists the allowed values of a closed set and locates rows of sub-tables', () => {
    const row = { maMonHoc: 'TOAN', mucDat: 'X', diemKtdk: 11 };
    const result = compileValidator(DanhGiaHocSinh)({ ...ASSESSMENT, monHocs: [row] });
    expect(!result.ok && result.issues.map((i) => describeSchemaIssue(DanhGiaHocSinh, i))).toEqual([
      {
        vi: 'Môn học và hoạt động giáo dục (dòng 1) › Mức đạt được phải là một trong các giá trị: T, H, C',
        en: 'Subjects and educational activities (row 1) › Level achieved must be one of: T, H, C',
      },
      {
        vi: 'Môn học và hoạt động giáo dục (dòng 1) › Điểm kiểm tra định kỳ vượt quá mức tối đa 10',
        en: 'Subjects and educational activities (row 1) › Periodic test score is above the maximum of 10',
      },
    ]);
    const twice = { ...ASSESSMENT, monHocs: [ASSESSMENT.monHocs[0], ASSESSMENT.monHocs[0]] };
    expect(textOf(DanhGiaHocSinh, twice).vi).toBe(
      'Môn học và hoạt động giáo dục: mỗi môn học chỉ được có một dòng',
    );
  });

  // The names of unknown fields are shown (they are column or key names, not values), cut and cleaned.
  it('lists unknown fields, hostile and long names cut and cleaned', () => {
    const record = JSON.parse(
      `{"hocSinhId":"HS1","hoTen":"A","__proto__":1,"x\\u0007y":2,"${'k'.repeat(300)}":3}`,
    );
    const text = textOf(HocSinh, record);
    expect(text.vi).toMatch(
      /^Bản ghi có trường không thuộc chuẩn dữ liệu: __proto__, x\uFFFDy, k+…$/,
    );
    expect(text.en).toMatch(/^The record has fields the data standard does not define: /);
    expect(text.vi.length).toBeLessThan(200);
  });

  it('reads zod’s own issues too, given the record', () => {
    const record = { ...PUPIL, hoTen: 'x'.repeat(51) };
    const parsed = HocSinh.safeParse(record);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeSchemaIssue(HocSinh, parsed.error.issues[0] as never, record).vi).toBe(
      'Họ tên dài 51 ký tự, tối đa 50 ký tự',
    );
    expect(describeSchemaIssue(HocSinh, parsed.error.issues[0] as never).vi).toBe(
      'Họ tên dài quá 50 ký tự',
    );
  });

  it('words the codec’s issues too', () => {
    const issue = { path: [], symbolPath: ['HO_TEN_X'], code: 'unknown_symbol', message: 'x' };
    expect(describeSchemaIssue(HocSinh, issue).vi).toBe(
      'Bản ghi có trường không thuộc chuẩn dữ liệu: HO_TEN_X',
    );
    expect(compileValidator(HocSinh)(42)).toMatchObject({ ok: false });
    const result = compileValidator(HocSinh)(42);
    expect(!result.ok && describeSchemaIssue(HocSinh, result.issues[0] as never)).toEqual({
      vi: 'Bản ghi phải là một bản ghi gồm các trường, nhưng đang là một số',
      en: 'The record must be a record of fields; it is a number',
    });
  });

  it.each(ENTITIES.map((e) => [entityOf(e).name, e] as const))(
    '%s: never speaks zod’s words nor echoes a value, whatever is wrong',
    (_name, entity) => {
      const names = Object.keys(entity.shape);
      const SECRET = 'Bí-Mật-0123';
      const hostile = fc.oneof(
        fc.anything(),
        fc.constant(SECRET.repeat(500)),
        fc.constant(''),
        fc.constant([{ ghiChu: SECRET }]),
        fc.constantFrom(-1, 1.5, 1e20, Number.NaN, '2016-02-30', '2016/02/03', '2024-2026'),
      );
      const damaged = fc
        .tuple(
          recordOf(entity),
          fc.array(fc.tuple(fc.constantFrom(...names), hostile), { minLength: 1, maxLength: 4 }),
          fc.array(fc.constantFrom(...names), { maxLength: 2 }),
          fc.boolean(),
        )
        .map(([record, changes, removed, extra]) => {
          const copy: Record<string, unknown> = { ...record };
          for (const [k, v] of changes) copy[k] = v;
          for (const k of removed) delete copy[k];
          if (extra) copy['GHI_CHU'] = SECRET;
          return copy;
        });
      fc.assert(
        fc.property(damaged, (record) => {
          for (const text of textsOf(entity, record)) {
            for (const words of [text.vi, text.en]) {
              expect(words).not.toMatch(ZOD_PHRASES);
              expect(words).not.toContain(SECRET);
              expect(words.trim()).not.toBe('');
            }
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
