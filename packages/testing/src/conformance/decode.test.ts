import { type FixtureRecord, generateSchool, recordsOf } from '@eduvn/fixtures';
import { validate } from '@eduvn/rules';
import { encodeWire, entityByName, type WireObject } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputRecordOf } from './decode.ts';

const ASOF = { asOf: '2026-05-31' };
const records = recordsOf(generateSchool({ seed: 3, pupils: 40, classSize: [6, 9] }));
const wireOf = (item: FixtureRecord) => ({
  entity: item.entity,
  wire: encodeWire(entityByName(item.entity) as never, item.record as never),
});
const pupil = records.find((r) => r.entity === 'HocSinh') as FixtureRecord;
const assessment = records.find(
  (r) => r.entity === 'DanhGiaHocSinh' && r.record.monHocs.length > 0,
) as FixtureRecord;

const issuesOf = async (wire: Record<string, unknown>, entity = 'HocSinh') =>
  (await validate([inputRecordOf({ entity, wire: wire as never })], ASOF)).issues.map(
    (i) => `${i.ruleId} ${i.field ?? ''}`,
  );

describe('inputRecordOf', () => {
  it('gives back the canonical record of every wire object of a generated school', () => {
    fc.assert(
      fc.property(fc.constantFrom(...records), (item) => {
        expect(inputRecordOf(wireOf(item))).toEqual({ entity: item.entity, record: item.record });
      }),
      { numRuns: 200 },
    );
  });

  it('maps a record that breaks its schema field by field, so validation reports the field', async () => {
    const { wire } = wireOf(pupil);
    expect(await issuesOf({ ...wire, HO_TEN: 'Nguyễn '.repeat(10).trim() })).toEqual([
      'STD.SCHEMA.001 hoTen',
    ]);
    expect(await issuesOf({ ...wire, NGAY_SINH: '2016-02-30' })).toContain(
      'STD.SCHEMA.001 ngaySinh',
    );
    const decoded = inputRecordOf({
      entity: 'HocSinh',
      wire: { ...wire, NGAY_SINH: '2016-02-30' },
    });
    expect(decoded.record['ngaySinh']).toBe('2016-02-30');
    expect(decoded.record['hoTen']).toBe(wire['HO_TEN']);
  });

  it('follows sub-table rows', async () => {
    const { wire } = wireOf(assessment);
    const rows = wire['MON_HOCS'] as WireObject[];
    const broken: WireObject = {
      ...wire,
      MON_HOCS: [{ ...rows[0], DIEM_KTDK: 11 }, ...rows.slice(1)],
    };
    const decoded = inputRecordOf({ entity: 'DanhGiaHocSinh', wire: broken });
    const first = (decoded.record['monHocs'] as Record<string, unknown>[])[0];
    expect(first?.['diemKtdk']).toBe(11);
    expect(first?.['maMonHoc']).toBe(rows[0]?.['MA_MON_HOC']);
    expect(await issuesOf(broken, 'DanhGiaHocSinh')).toContain('STD.SCHEMA.001 monHocs.0.diemKtdk');
  });

  it('keeps unknown keys, so validation reports them; null means absent', async () => {
    const { wire } = wireOf(pupil);
    const decoded = inputRecordOf({
      entity: 'HocSinh',
      wire: { ...wire, HO_TEN_X: 'x', MA_LOP: null },
    });
    expect(decoded.record['HO_TEN_X']).toBe('x');
    expect('maLop' in decoded.record).toBe(false);
    expect(await issuesOf({ ...wire, HO_TEN_X: 'x' })).toEqual(['STD.SCHEMA.001 ']);
  });

  it('keeps __proto__ as data: no prototype changes, and validation reports the key', async () => {
    const { wire } = wireOf(pupil);
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(wire).slice(1)}`,
    ) as Record<string, unknown>;
    const decoded = inputRecordOf({ entity: 'HocSinh', wire: hostile as never });
    expect(Object.hasOwn(decoded.record, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(decoded.record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await issuesOf(hostile)).toEqual(['STD.SCHEMA.001 ']);
    // A row with one as well.
    const { wire: a } = wireOf(assessment);
    const rows = a['MON_HOCS'] as unknown[];
    const row = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(rows[0]).slice(1)}`);
    const d = inputRecordOf({
      entity: 'DanhGiaHocSinh',
      wire: { ...a, MON_HOCS: [row, ...rows.slice(1)] },
    });
    expect(Object.hasOwn((d.record['monHocs'] as object[])[0] as object, '__proto__')).toBe(true);
  });

  it('reads a 10,000-character field without losing it, and validation refuses its length', async () => {
    const { wire } = wireOf(pupil);
    const long = 'Ă'.repeat(10_000);
    const decoded = inputRecordOf({
      entity: 'HocSinh',
      wire: { ...wire, NOI_SINH: long, HO_TEN: long },
    });
    expect(decoded.record['hoTen']).toBe(long);
    const report = await validate([decoded], ASOF);
    expect(report.issues.map((i) => `${i.ruleId} ${i.field}`)).toEqual(
      expect.arrayContaining(['STD.SCHEMA.001 hoTen']),
    );
    expect(JSON.stringify(report.issues)).not.toContain(long);
  });

  it('passes a record of an unknown entity on, for validation to report', async () => {
    const item = inputRecordOf({ entity: 'Student', wire: { HO_TEN: 'x' } });
    expect(item).toEqual({ entity: 'Student', record: { HO_TEN: 'x' } });
    expect((await validate([item], ASOF)).issues.map((i) => i.ruleId)).toEqual(['STD.ENTITY.001']);
    expect(inputRecordOf({ entity: '__proto__', wire: {} }).entity).toBe('__proto__');
  });

  it('refuses a wire record that is not an object', () => {
    for (const wire of [null, 42, 'HO_TEN', []]) {
      expect(() => inputRecordOf({ entity: 'HocSinh', wire: wire as never })).toThrowError(
        /must be an object/,
      );
    }
  });
});
