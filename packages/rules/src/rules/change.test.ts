import { generateSchool, recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { encodePersonalId } from '../identifiers/personal-id.ts';
import { pupilReferenceFields, rekey } from '../identifiers/provisional.ts';
import { changeRules } from './change.ts';

const asOf = '2026-05-31';

const check = (previous: readonly InputRecord[], current: readonly InputRecord[]) =>
  runRules(current, changeRules, { asOf, previous });

const found = async (previous: readonly InputRecord[], current: readonly InputRecord[]) =>
  (await check(previous, current)).issues.map((i) => `${i.ruleId} ${i.entity} ${i.recordKey}`);

/** A generated school, frozen so that a rule or helper writing into it would throw. */
function snapshot(seed = 5): InputRecord[] {
  const records: InputRecord[] = recordsOf(generateSchool({ seed, pupils: 200 }));
  for (const item of records) Object.freeze(item.record);
  return records;
}

const pupils = (records: readonly InputRecord[]) => records.filter((r) => r.entity === 'HocSinh');
const idOf = (item: InputRecord | undefined): string => String(item?.record['hocSinhId']);

/** The records with one record replaced by a copy with other fields. */
const edit = (
  records: readonly InputRecord[],
  target: InputRecord | undefined,
  fields: Record<string, unknown>,
) => records.map((r) => (r === target ? { ...r, record: { ...r.record, ...fields } } : r));

/** Gives a pupil a provisional identifier everywhere, as the school's software had it before the re-key. */
function asProvisional(
  records: readonly InputRecord[],
  id: string,
  provisional: string,
): InputRecord[] {
  return records.map((item) => {
    const fields = pupilReferenceFields(item).filter((f) => item.record[f] === id);
    if (fields.length === 0) return item;
    return {
      ...item,
      record: { ...item.record, ...Object.fromEntries(fields.map((f) => [f, provisional])) },
    };
  });
}

describe('change rules', () => {
  it('find nothing between two equal snapshots, or without a previous one', async () => {
    const records = snapshot();
    expect(await found(records, snapshot())).toEqual([]);
    expect((await runRules(records, changeRules, { asOf })).issues).toEqual([]);
  });

  describe('CHANGE.MISSING.001: nothing is deleted', () => {
    it('passes a departure recorded as a status change', async () => {
      const previous = snapshot();
      const leaver = pupils(previous)[4];
      const current = [
        ...edit(previous, leaver, { maTrangThaiHienTai: 'THOI_HOC' }),
        {
          entity: 'SuKienTrangThai',
          record: {
            suKienId: 'leave-1',
            doiTuong: 'HOC_SINH',
            truongId: leaver?.record['truongId'],
            maDoiTuong: idOf(leaver),
            trangThaiTruoc: 'DANG_HOC',
            trangThaiSau: 'THOI_HOC',
            ngayHieuLuc: '2026-03-01',
            ngayGhiNhan: '2026-03-01T08:00:00+07:00',
          },
        },
      ];
      expect(await found(previous, current)).toEqual([]);
    });

    it('reports a removed pupil, staff member, class and status event, with the previous place', async () => {
      const previous: InputRecord[] = snapshot().map((r, i) => ({
        ...r,
        provenance: { file: 'before.xlsx', row: i + 2 },
      }));
      const gone = [
        pupils(previous)[3],
        previous.find((r) => r.entity === 'CanBo'),
        previous.find((r) => r.entity === 'Lop'),
        previous.find((r) => r.entity === 'SuKienTrangThai'),
      ];
      const current = previous.filter((r) => !gone.includes(r));
      const report = await check(previous, current);
      expect(report.issues.map((i) => `${i.ruleId} ${i.entity}`).sort()).toEqual([
        'CHANGE.MISSING.001 CanBo',
        'CHANGE.MISSING.001 HocSinh',
        'CHANGE.MISSING.001 Lop',
        'CHANGE.MISSING.001 SuKienTrangThai',
      ]);
      const pupil = report.issues.find((i) => i.entity === 'HocSinh');
      expect(pupil?.recordKey).toBe(idOf(gone[0]));
      expect(pupil?.severity).toBe('error');
      expect(pupil?.classCode).toBe(gone[0]?.record['maLop']);
      expect(pupil?.message.en).toBe(
        `Pupil ${idOf(gone[0])} was in the previous snapshot (file before.xlsx, row ${previous.indexOf(gone[0] as InputRecord) + 2}) and is missing now`,
      );
    });

    it('leaves assessments and other periodic data alone', async () => {
      const previous = snapshot();
      const current = previous.filter(
        (r) => r.entity !== 'DanhGiaHocSinh' && r.entity !== 'CoSoVatChat',
      );
      expect(await found(previous, current)).toEqual([]);
    });
  });

  describe('CHANGE.ID.001: the same person under another identifier', () => {
    it('reports a pupil and a staff member whose code changed', async () => {
      const previous = snapshot();
      const pupil = pupils(previous)[7];
      const teacher = previous.find((r) => r.entity === 'CanBo');
      const current = edit(edit(previous, pupil, { hocSinhId: 'NEW0001' }), teacher, {
        giaoVienId: 'NEWGV1',
      });
      const report = await check(previous, current);
      expect(
        report.issues.map((i) => `${i.ruleId} ${i.entity} ${i.recordKey} ${i.field}`).sort(),
      ).toEqual([
        'CHANGE.ID.001 CanBo NEWGV1 giaoVienId',
        'CHANGE.ID.001 HocSinh NEW0001 hocSinhId',
      ]);
      const issue = report.issues.find((i) => i.entity === 'HocSinh');
      expect(issue?.message.en).toBe(
        `Pupil NEW0001 is the same person as ${idOf(pupil)} in the previous snapshot (same personal ID) under another identifier`,
      );
      expect(issue?.hint.en).toContain(`keep ${idOf(pupil)}`);
    });

    it('allows a provisional identifier re-keyed with rekey: nothing is reported', async () => {
      const school = snapshot();
      const withEvent = school.find(
        (r) => r.entity === 'SuKienTrangThai' && r.record['doiTuong'] === 'HOC_SINH',
      );
      const issued = String(withEvent?.record['maDoiTuong']);
      const previous = asProvisional(school, issued, 'TAM-0001');
      expect(
        previous.filter((r) => Object.values(r.record).includes('TAM-0001')).length,
      ).toBeGreaterThan(2);
      const { records: current, event } = rekey(previous, {
        from: 'TAM-0001',
        to: issued,
        by: 'van.thu',
      });
      expect(event.count).toBeGreaterThan(2);
      expect(await found(previous, current)).toEqual([]);
    });
  });

  describe('CHANGE.ID.002: other identifiers of a record never change', () => {
    it("reports a pupil's personal ID changed, masked", async () => {
      const previous = snapshot();
      const pupil = pupils(previous)[2];
      const other = encodePersonalId({
        prefix: '001',
        birthYear: 2015,
        sex: '1',
        serial: '424242',
      });
      const report = await check(previous, edit(previous, pupil, { maCongDanId: other }));
      expect(report.issues.map((i) => `${i.ruleId} ${i.recordKey} ${i.field} ${i.symbol}`)).toEqual(
        [`CHANGE.ID.002 ${idOf(pupil)} maCongDanId MA_CONG_DAN_ID`],
      );
      const before = String(pupil?.record['maCongDanId']);
      expect(report.issues[0]?.message.en).toBe(
        `MA_CONG_DAN_ID of ${idOf(pupil)} changed from *********${before.slice(-3)} to *********242`,
      );
      expect(JSON.stringify(report)).not.toContain(before);
    });

    it('reports a personal ID removed, but not one filled in', async () => {
      const previous = snapshot();
      const pupil = pupils(previous)[2];
      expect(await found(previous, edit(previous, pupil, { maCongDanId: undefined }))).toEqual([
        `CHANGE.ID.002 HocSinh ${idOf(pupil)}`,
      ]);
      expect(await found(edit(previous, pupil, { maCongDanId: undefined }), previous)).toEqual([]);
    });

    it("allows a staff member's old ID card replaced by a personal ID, not one personal ID by another", async () => {
      const school = snapshot();
      const teacher = school.find((r) => r.entity === 'CanBo');
      const previous = edit(school, teacher, { soCmtnd: '012345678' });
      const before = previous.find((r) => r.record['giaoVienId'] === teacher?.record['giaoVienId']);
      expect(await found(previous, school)).toEqual([]);
      expect(await found(school, previous)).toEqual([
        `CHANGE.ID.002 CanBo ${teacher?.record['giaoVienId']}`,
      ]);
      const other = edit(school, teacher, { soCmtnd: '001084000001' });
      expect(await found(school, other)).toEqual([
        `CHANGE.ID.002 CanBo ${teacher?.record['giaoVienId']}`,
      ]);
      expect(before).toBeDefined();
    });

    it('reports a status event moved to another person', async () => {
      const previous = snapshot();
      const event = previous.find((r) => r.entity === 'SuKienTrangThai');
      const report = await check(previous, edit(previous, event, { maDoiTuong: 'SOMEONE' }));
      expect(report.issues.map((i) => `${i.ruleId} ${i.recordKey} ${i.field}`)).toEqual([
        `CHANGE.ID.002 ${event?.record['suKienId']} maDoiTuong`,
      ]);
      expect(report.issues[0]?.message.en).toContain('to "SOMEONE"');
    });
  });

  describe('CHANGE.REKEY.001: a provisional identifier gone without a trace', () => {
    it('asks (a query) when no pupil has the same personal ID', async () => {
      const school = snapshot();
      const pupil = pupils(school)[0];
      const issued = idOf(pupil);
      const noId = edit(school, pupil, { maCongDanId: undefined });
      const previous = asProvisional(noId, issued, 'TAM-0002');
      const { records: current } = rekey(previous, { from: 'TAM-0002', to: issued, by: 'van.thu' });
      const report = await check(previous, current);
      expect(report.issues.map((i) => [i.ruleId, i.severity, i.recordKey])).toEqual([
        ['CHANGE.REKEY.001', 'query', 'TAM-0002'],
      ]);
    });

    it('is silent while the provisional identifier is still there', async () => {
      const school = snapshot();
      const previous = asProvisional(school, idOf(pupils(school)[0]), 'TAM-0003');
      expect(await found(previous, previous)).toEqual([]);
    });
  });

  it('hostile input never throws', async () => {
    const hostile: InputRecord[] = [
      { entity: 'HocSinh', record: { hocSinhId: '__proto__', maCongDanId: '__proto__' } },
      {
        entity: 'HocSinh',
        record: { hocSinhId: 'x'.repeat(10_000), maCongDanId: '1'.repeat(10_000) },
      },
      { entity: 'HocSinh', record: { hocSinhId: null, maCongDanId: null } },
      { entity: 'HocSinh', record: { hocSinhId: 'TAM-1', maCongDanId: {} } },
      { entity: 'CanBo', record: { giaoVienId: 'constructor', soCmtnd: null } },
      {
        entity: 'SuKienTrangThai',
        record: { suKienId: 'e', maDoiTuong: null, doiTuong: '__proto__' },
      },
      { entity: '__proto__', record: { hocSinhId: '1' } },
      {
        entity: 'HocSinh',
        record: JSON.parse('{"__proto__": {"x": 1}, "hocSinhId": "p"}'),
        provenance: null as never,
      },
    ];
    const changed: InputRecord[] = [
      { entity: 'HocSinh', record: { hocSinhId: '__proto__', maCongDanId: 'y'.repeat(10_000) } },
      { entity: 'SuKienTrangThai', record: { suKienId: 'e', maDoiTuong: 'z'.repeat(10_000) } },
      { entity: 'CanBo', record: { giaoVienId: 'constructor', soCmtnd: { toString: null } } },
    ];
    const report = await check(hostile, changed);
    for (const issue of report.issues) expect(issue.message.en.length).toBeLessThan(400);
    // The pupil's personal ID and the event's doiTuong changed; two pupils and a provisional one are gone.
    expect(report.issues.map((i) => i.ruleId).sort()).toEqual([
      'CHANGE.ID.002',
      'CHANGE.ID.002',
      'CHANGE.MISSING.001',
      'CHANGE.MISSING.001',
      'CHANGE.REKEY.001',
    ]);
    await expect(check(changed, hostile)).resolves.toBeDefined();
  });
});
