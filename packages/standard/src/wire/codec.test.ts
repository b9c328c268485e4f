import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { Lop } from '../entities/lop.ts';
import { entityOf, fieldsOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { decodeWire, encodeWire, wireToRecord } from './codec.ts';

const RECORDS = ENTITIES.filter((e) => entityOf(e).kind === 'record');

describe('wire codec', () => {
  it.each(RECORDS.map((e) => [entityOf(e).name, e] as const))(
    '%s: decodeWire(encodeWire(x)) gives x back',
    (_name, entity) => {
      const symbols = new Set(fieldsOf(entity).map((f) => f.symbol));
      fc.assert(
        fc.property(recordOf(entity), (record) => {
          const wire = encodeWire(entity, record as never);
          for (const key of Object.keys(wire)) expect(symbols.has(key)).toBe(true);
          const back = decodeWire(entity, JSON.parse(JSON.stringify(wire)));
          expect(back).toEqual({ ok: true, record });
        }),
        { numRuns: 60 },
      );
    },
  );

  it('writes symbols, ISO dates and booleans, and nests sub-tables under their symbols', () => {
    const wire = encodeWire(HocSinh, {
      hocSinhId: 'HS0001',
      hoTen: 'Nguyễn Văn An',
      ngaySinh: '2016-09-05',
      isDoiVien: false,
      listKhenThuong: [{ noiDung: 'Học sinh Xuất sắc' }],
    });
    expect(wire).toEqual({
      HOC_SINH_ID: 'HS0001',
      HO_TEN: 'Nguyễn Văn An',
      NGAY_SINH: '2016-09-05',
      IS_DOI_VIEN: false,
      LIST_KHEN_THUONG: [{ NOI_DUNG: 'Học sinh Xuất sắc' }],
    });
  });

  it('refuses to encode a key that is not a field (nothing is dropped silently)', () => {
    expect(() => encodeWire(Lop, { truongId: '79000701', ma: '1A', nope: 1 } as never)).toThrow(
      /nope is not a field/,
    );
  });

  it('reports unknown symbols and keeps hostile keys out', () => {
    const wire = JSON.parse(
      '{"TRUONG_ID":"79000701","MA":"1A","__proto__":{"polluted":true},"TEN_LOP":"x"}',
    );
    const result = decodeWire(Lop, wire);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.code, i.symbolPath.join('.')])).toEqual([
        ['unknown_symbol', '__proto__'],
        ['unknown_symbol', 'TEN_LOP'],
      ]);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('treats null as absent', () => {
    expect(decodeWire(Lop, { TRUONG_ID: '79000701', MA: '1A', TEN: null })).toEqual({
      ok: true,
      record: { truongId: '79000701', ma: '1A' },
    });
  });

  it('locates problems inside sub-table rows by canonical path and by symbols', () => {
    const result = decodeWire(HocSinh, {
      HOC_SINH_ID: 'HS0001',
      HO_TEN: 'Nguyễn Văn An',
      NGAY_SINH: '2016-02-30',
      LIST_KHEN_THUONG: [{ NOI_DUNG: 'x'.repeat(256), BOGUS: 1 }, 'not a row'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.issues.map(
      (i) => `${i.code} ${i.symbolPath.join('.')} | ${i.path.join('.')}`,
    );
    expect(where).toContain('unknown_symbol LIST_KHEN_THUONG.0.BOGUS | listKhenThuong.0');
    expect(where).toContain('custom NGAY_SINH | ngaySinh');
    expect(where).toContain('too_big LIST_KHEN_THUONG.0.NOI_DUNG | listKhenThuong.0.noiDung');
    expect(where).toContain('invalid_type LIST_KHEN_THUONG.1 | listKhenThuong.1');
    // Messages never echo the offending value (it may be personal data).
    for (const issue of result.issues) expect(issue.message).not.toContain('x'.repeat(20));
  });

  it.each([null, undefined, 42, 'HS0001', [], [{}]])(
    'rejects %j as a wire object without throwing',
    (value) => {
      const result = decodeWire(Lop, value);
      expect(result.ok).toBe(false);
    },
  );

  it('reports missing required fields with their symbols', () => {
    const result = decodeWire(Lop, { MA: '1A' });
    expect(!result.ok && result.issues.map((i) => i.symbolPath.join('.'))).toEqual(['TRUONG_ID']);
  });
});

describe('wireToRecord', () => {
  it('renames known symbols without validating, and reports unknown ones instead of keeping them', () => {
    const { record, issues } = wireToRecord(HocSinh, {
      HOC_SINH_ID: 'HS1',
      HO_TEN: 'x'.repeat(60),
      NGAY_SINH: null,
      hoTen: 'slipped in',
      ['__proto__']: { polluted: true },
      LIST_KHEN_THUONG: [{ NOI_DUNG: 'Giỏi', BOGUS: 1 }, 'not a row'],
    });
    expect(record).toEqual({
      hocSinhId: 'HS1',
      hoTen: 'x'.repeat(60),
      listKhenThuong: [{ noiDung: 'Giỏi' }, 'not a row'],
    });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(issues.map((i) => [i.symbolPath.join('.'), i.code])).toEqual([
      ['hoTen', 'unknown_symbol'],
      ['__proto__', 'unknown_symbol'],
      ['LIST_KHEN_THUONG.0.BOGUS', 'unknown_symbol'],
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const { issues } = wireToRecord(Lop, input);
        if (typeof input !== 'object' || input === null || Array.isArray(input))
          expect(issues[0]?.code).toBe('invalid_type');
      }),
    );
  });
});
