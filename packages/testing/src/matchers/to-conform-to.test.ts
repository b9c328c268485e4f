import { generateSchool, recordsOf } from '@eduvn/fixtures';
import type { HocSinh } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../vitest.ts';
import { toConformTo } from './to-conform-to.ts';

const school = generateSchool({ seed: 11, pupils: 60, classSize: [10, 14] });
const records = recordsOf(school);
const pupil = school.hocSinhs.find((p) => p.maCongDanId !== undefined) as HocSinh;

const messageOf = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion did not fail');
};

describe('toConformTo', () => {
  it('passes every generated record of every entity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...records), ({ entity, record }) => {
        expect(toConformTo(record, entity).pass).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(pupil).toConformTo('HocSinh');
    expect(school.lops[0]).toConformTo('Lop');
  });

  it('lists every problem by QĐ 4998 symbol and label, without the values', () => {
    const bad = { ...pupil, hoTen: 'Nguyễn '.repeat(9).trim(), ngaySinh: '31/02/2016' };
    const message = messageOf(() => expect(bad).toConformTo('HocSinh'));
    expect(message).toMatch(/to conform to HocSinh \(QĐ 4998\), but it has 2 problems:/);
    expect(message).toMatch(/- HO_TEN \(Họ tên \/ Full name\): .*\[too_big\]/);
    expect(message).toMatch(/- NGAY_SINH \(.+\): .*\[invalid_format\]/);
    expect(message).not.toContain('31/02/2016');
    expect(message).not.toContain('Nguyễn Nguyễn');
    expect(bad).not.toConformTo('HocSinh');
  });

  it('never prints a personal ID, even a malformed one', () => {
    const id = pupil.maCongDanId ?? '';
    for (const wrong of [id.repeat(400), Number(id)]) {
      const message = messageOf(() =>
        expect({ ...pupil, maCongDanId: wrong }).toConformTo('HocSinh'),
      );
      expect(message).toContain('MA_CONG_DAN_ID');
      expect(message).not.toContain(id);
      expect(message).not.toContain(id.slice(3));
    }
  });

  it('says a conforming record conforms under .not', () => {
    expect(messageOf(() => expect(pupil).not.toConformTo('HocSinh'))).toBe(
      'expected the value not to conform to HocSinh (QĐ 4998), but it does',
    );
  });

  it('follows sub-table rows to their symbols and labels', () => {
    const a = school.danhGias.find((d) => d.monHocs.length > 0);
    const [first, ...rest] = a?.monHocs ?? [];
    const bad = { ...a, monHocs: [{ ...first, diemKtdk: 11 }, ...rest] };
    expect(messageOf(() => expect(bad).toConformTo('DanhGiaHocSinh'))).toMatch(
      /- MON_HOCS\.0\.DIEM_KTDK \(.+\): /,
    );
  });

  it('fails for what is not a record, at the record', () => {
    for (const value of [42, null, 'HocSinh', [], undefined]) {
      expect(toConformTo(value, 'HocSinh').pass).toBe(false);
      expect(toConformTo(value, 'HocSinh').message()).toMatch(/- \(record\): /);
    }
  });

  it('reports a __proto__ key as an unknown field, and pollutes nothing', () => {
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(pupil).slice(1)}`,
    );
    expect(hostile).not.toConformTo('HocSinh');
    expect(toConformTo(hostile, 'HocSinh').message()).toMatch(/unrecognized_keys/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps messages short for 10,000-character fields and keys', () => {
    const long = 'ư'.repeat(10_000);
    const result = toConformTo({ ...pupil, hoTen: long, [long]: 1 }, 'HocSinh');
    expect(result.pass).toBe(false);
    expect(result.message().length).toBeLessThan(1_000);
    expect(result.message()).not.toContain(long);
  });

  it('throws for a name that is no entity of the standard, with or without .not', () => {
    for (const entity of ['Pupil', '__proto__', '', 42]) {
      expect(() => toConformTo(pupil, entity as never)).toThrowError(TypeError);
    }
    expect(() => expect(pupil).not.toConformTo('Pupil' as never)).toThrowError(
      /"Pupil" is not an entity of the standard; expected one of Truong, Lop, CanBo, HocSinh/,
    );
  });

  it('works as an asymmetric matcher', () => {
    expect({ pupil, n: 1 }).toEqual({ pupil: expect.toConformTo('HocSinh'), n: 1 });
    expect({ pupil: { hocSinhId: '' } }).not.toEqual({ pupil: expect.toConformTo('HocSinh') });
  });
});
