import { generateSchool, recordsOf } from '@eduvn/fixtures';
import type { CanBo, HocSinh, SuKienTrangThai } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { transition } from '../lifecycle/transition.ts';
import { createLifecycleRules, lifecycleRules } from './lifecycle.ts';

const AS_OF = '2026-05-31';
const school = generateSchool({ seed: 'lifecycle-rules', pupils: 40 });
const pupilAt = (i: number): HocSinh => {
  const p = school.hocSinhs[i];
  if (!p) throw new Error('the generated school has too few pupils');
  return { ...p, maTrangThaiHienTai: 'DANG_HOC' };
};
const staffMember = (): CanBo => {
  const s = school.canBos[0];
  if (!s) throw new Error('the generated school has no staff');
  return s;
};
const SCHOOL = school.truong.truongId;
const OTHER = `${SCHOOL.slice(0, 2)}999999`;

let seq = 0;
/** A pupil event (valid by the schema) with overrides. */
const event = (pupil: HocSinh, fields: Partial<SuKienTrangThai>): SuKienTrangThai => ({
  suKienId: `EV-${++seq}`,
  doiTuong: 'HOC_SINH',
  truongId: SCHOOL,
  maDoiTuong: pupil.hocSinhId,
  trangThaiSau: 'CHUYEN_DI',
  ngayHieuLuc: '2025-10-01',
  ngayGhiNhan: '2025-10-01T09:00:00+07:00',
  ...fields,
});

const pupilRecord = (record: HocSinh): InputRecord => ({ entity: 'HocSinh', record });
const eventRecord = (record: SuKienTrangThai): InputRecord => ({
  entity: 'SuKienTrangThai',
  record,
});

async function findings(records: InputRecord[], ruleId: string, rules = lifecycleRules) {
  const report = await runRules(records, rules, { asOf: AS_OF });
  return report.issues.filter((i) => i.ruleId === ruleId);
}

describe('lifecycleRules', () => {
  it('have stable, distinct ids of the form LIFE.<TOPIC>.<NNN> and a basis', () => {
    const ids = lifecycleRules.map((r) => r.id);
    expect(ids).toEqual([
      'LIFE.STATUS.001',
      'LIFE.STATUS.002',
      'LIFE.TRANSITION.001',
      'LIFE.TRANSITION.002',
      'LIFE.FIELDS.001',
      'LIFE.FIELDS.002',
      'LIFE.DATE.001',
      'LIFE.DATE.002',
      'LIFE.CURRENT.001',
    ]);
    for (const rule of lifecycleRules) {
      expect(rule.id).toMatch(/^LIFE\.[A-Z]+\.\d{3}$/);
      expect(rule.basis).toMatch(/seed regulation Art\. 8 cl\. 2–3|eduvn/);
    }
  });

  it.each([1, 2, 3])('find nothing in a generated school (seed %i)', async (seed) => {
    const records = recordsOf(
      generateSchool({
        seed,
        pupils: 300,
        stories: { transferredIn: 0.05, transferredOut: 0.05, pausedAndReturned: 0.05 },
      }),
    );
    expect(records.some((r) => r.entity === 'SuKienTrangThai')).toBe(true);
    const report = await runRules(records, lifecycleRules, { asOf: AS_OF });
    expect(report.issues).toEqual([]);
  });

  it('find nothing in a history made by transition()', async () => {
    const start = pupilAt(0);
    const out = transition({ entity: 'HocSinh', record: start }, 'paused', {
      effectiveDate: '2025-10-01',
      recordedAt: '2025-10-01T08:00:00+07:00',
      reasonCode: 'OM_DAI_NGAY',
      eventId: 'T-1',
    });
    const back = transition({ entity: 'HocSinh', record: out.record }, 'studyingAgain', {
      effectiveDate: '2025-11-01',
      recordedAt: '2025-11-02T08:00:00+07:00',
      eventId: 'T-2',
      lastEventDate: out.event.ngayHieuLuc,
    });
    const report = await runRules(
      [pupilRecord(back.record), eventRecord(back.event), eventRecord(out.event)],
      lifecycleRules,
      { asOf: AS_OF },
    );
    expect(report.issues).toEqual([]);
  });
});

describe('LIFE.STATUS.001 — status code not in the status catalog', () => {
  it('passes catalog codes', async () => {
    const p = pupilAt(1);
    expect(await findings([pupilRecord(p)], 'LIFE.STATUS.001')).toEqual([]);
    expect(await findings([{ entity: 'CanBo', record: staffMember() }], 'LIFE.STATUS.001')).toEqual(
      [],
    );
  });

  it('queries an unknown code on a record and on an event', async () => {
    const p = { ...pupilAt(1), maTrangThaiHienTai: 'DA_NGHI' };
    const ev = event(p, { trangThaiTruoc: 'DANG_HOC', trangThaiSau: 'DA_NGHI' });
    const found = await findings([pupilRecord(p), eventRecord(ev)], 'LIFE.STATUS.001');
    expect(found.map((i) => [i.entity, i.field, i.severity])).toEqual([
      ['HocSinh', 'maTrangThaiHienTai', 'query'],
      ['SuKienTrangThai', 'trangThaiSau', 'query'],
    ]);
    expect(found[0]?.message.en).toContain('DM_TRANG_THAI_HOC_SINH');
  });

  it('checks a staff code against the staff catalog', async () => {
    const s = { ...staffMember(), maTrangThaiCanBo: 'DANG_HOC' };
    const found = await findings([{ entity: 'CanBo', record: s }], 'LIFE.STATUS.001');
    expect(found.map((i) => i.field)).toEqual(['maTrangThaiCanBo']);
  });
});

describe('LIFE.STATUS.002 — catalog code mapped to no state', () => {
  const p = pupilAt(2);
  it('passes mapped codes', async () => {
    expect(await findings([pupilRecord(p)], 'LIFE.STATUS.002')).toEqual([]);
  });

  it('queries a catalog code the mapping no longer names', async () => {
    const rules = createLifecycleRules({ pupilStatusCodes: { paused: 'NGHI_TAM_THOI' } });
    const found = await findings(
      [pupilRecord({ ...p, maTrangThaiHienTai: 'TAM_NGHI' })],
      'LIFE.STATUS.002',
      rules,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.hint.en).toContain('pupilStatusCodes');
  });
});

describe('LIFE.TRANSITION.001 — moves the machine allows', () => {
  const p = pupilAt(3);
  it('passes allowed sequences, whatever the input order', async () => {
    const leave = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'THOI_HOC',
      ngayHieuLuc: '2025-10-01',
    });
    const back = event(p, {
      trangThaiTruoc: 'THOI_HOC',
      trangThaiSau: 'HOC_LAI',
      ngayHieuLuc: '2025-11-01',
      ngayGhiNhan: '2025-11-01T09:00:00+07:00',
    });
    expect(await findings([eventRecord(back), eventRecord(leave)], 'LIFE.TRANSITION.001')).toEqual(
      [],
    );
  });

  it('reports a move the machine forbids', async () => {
    const done = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'HOAN_THANH_TIEU_HOC',
      ngayHieuLuc: '2025-10-01',
    });
    const after = event(p, {
      trangThaiTruoc: 'HOAN_THANH_TIEU_HOC',
      trangThaiSau: 'THOI_HOC',
      ngayHieuLuc: '2025-11-01',
      ngayGhiNhan: '2025-11-01T09:00:00+07:00',
    });
    const found = await findings([eventRecord(after), eventRecord(done)], 'LIFE.TRANSITION.001');
    expect(found.map((i) => [i.recordKey, i.severity])).toEqual([[after.suKienId, 'error']]);
    expect(found[0]?.message.en).toBe('Status change not allowed: HOAN_THANH_TIEU_HOC → THOI_HOC');
  });

  it('reports a first event entering a state that is not an entry state', async () => {
    const first = event(p, { trangThaiSau: 'HOC_LAI' });
    const found = await findings([eventRecord(first)], 'LIFE.TRANSITION.001');
    expect(found).toHaveLength(1);
    expect(found[0]?.hint.en).toContain('DANG_HOC, CHUYEN_DEN');
  });

  it('judges a first event from its own trangThaiTruoc (a status that predates the events)', async () => {
    const ok = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      truongDenId: OTHER,
    });
    const bad = event(pupilAt(4), {
      trangThaiTruoc: 'THOI_HOC',
      trangThaiSau: 'CHUYEN_DEN',
      truongDiId: OTHER,
    });
    const found = await findings([eventRecord(ok), eventRecord(bad)], 'LIFE.TRANSITION.001');
    expect(found.map((i) => i.recordKey)).toEqual([bad.suKienId]);
  });

  it('follows staff through the staff machine', async () => {
    const s = staffMember();
    const staffEvent = (fields: Partial<SuKienTrangThai>): SuKienTrangThai =>
      event(p, { doiTuong: 'CAN_BO', maDoiTuong: s.giaoVienId, ...fields });
    const retire = staffEvent({ trangThaiTruoc: 'DANG_LAM_VIEC', trangThaiSau: 'NGHI_HUU' });
    const back = staffEvent({
      trangThaiTruoc: 'NGHI_HUU',
      trangThaiSau: 'DANG_LAM_VIEC',
      ngayHieuLuc: '2025-12-01',
      ngayGhiNhan: '2025-12-01T09:00:00+07:00',
    });
    const found = await findings([eventRecord(retire), eventRecord(back)], 'LIFE.TRANSITION.001');
    expect(found.map((i) => i.recordKey)).toEqual([back.suKienId]);
  });
});

describe('LIFE.TRANSITION.002 — trangThaiTruoc follows the previous event', () => {
  const p = pupilAt(5);
  const out = event(p, {
    trangThaiTruoc: 'DANG_HOC',
    trangThaiSau: 'CHUYEN_DI',
    truongDenId: OTHER,
  });
  it('passes a chained sequence', async () => {
    const back = event(p, {
      trangThaiTruoc: 'CHUYEN_DI',
      trangThaiSau: 'CHUYEN_DEN',
      truongDiId: OTHER,
      ngayHieuLuc: '2026-01-05',
      ngayGhiNhan: '2026-01-05T10:00:00+07:00',
    });
    expect(await findings([eventRecord(back), eventRecord(out)], 'LIFE.TRANSITION.002')).toEqual(
      [],
    );
  });

  it('reports a status before that is not the previous status after', async () => {
    const back = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DEN',
      truongDiId: OTHER,
      ngayHieuLuc: '2026-01-05',
      ngayGhiNhan: '2026-01-05T10:00:00+07:00',
    });
    const found = await findings([eventRecord(out), eventRecord(back)], 'LIFE.TRANSITION.002');
    expect(found.map((i) => [i.recordKey, i.field])).toEqual([[back.suKienId, 'trangThaiTruoc']]);
    expect(found[0]?.message.en).toContain('(DANG_HOC)');
    expect(found[0]?.message.en).toContain('(CHUYEN_DI)');
  });

  it('orders events of one day by the time they were recorded', async () => {
    const first = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'THOI_HOC',
      ngayGhiNhan: '2025-10-01T08:00:00+07:00',
    });
    const second = event(p, {
      trangThaiTruoc: 'THOI_HOC',
      trangThaiSau: 'HOC_LAI',
      ngayGhiNhan: '2025-10-01T02:00:00Z',
    });
    expect(
      await findings([eventRecord(second), eventRecord(first)], 'LIFE.TRANSITION.002'),
    ).toEqual([]);
  });
});

describe('LIFE.FIELDS.001 — fields a move needs', () => {
  const p = pupilAt(6);
  it('passes transfers with their school or a reason', async () => {
    const out = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      truongDenId: OTHER,
    });
    const outAbroad = event(pupilAt(7), {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      maLyDo: 'RA_NUOC_NGOAI',
    });
    const inn = event(pupilAt(8), { trangThaiSau: 'CHUYEN_DEN', truongDiId: OTHER });
    expect(
      await findings(
        [eventRecord(out), eventRecord(outAbroad), eventRecord(inn)],
        'LIFE.FIELDS.001',
      ),
    ).toEqual([]);
  });

  it('reports a transfer without school or reason, and a missing effective date', async () => {
    const out = event(p, { trangThaiTruoc: 'DANG_HOC', trangThaiSau: 'CHUYEN_DI' });
    const inn = event(pupilAt(8), { trangThaiSau: 'CHUYEN_DEN' });
    const { ngayHieuLuc: _, ...undated } = event(pupilAt(9), { trangThaiSau: 'DANG_HOC' });
    const found = await findings(
      [eventRecord(out), eventRecord(inn), { entity: 'SuKienTrangThai', record: undated }],
      'LIFE.FIELDS.001',
    );
    expect(found.map((i) => [i.field, i.severity])).toEqual([
      ['truongDenId', 'error'],
      ['truongDiId', 'error'],
      ['ngayHieuLuc', 'error'],
    ]);
  });

  it('demands reasons of recorded events unless requireReasons is false', async () => {
    const drop = event(p, { trangThaiTruoc: 'DANG_HOC', trangThaiSau: 'THOI_HOC' });
    const lenient = createLifecycleRules({ requireReasons: false });
    expect(await findings([eventRecord(drop)], 'LIFE.FIELDS.001', lenient)).toEqual([]);
    const strict = createLifecycleRules();
    const found = await findings([eventRecord(drop)], 'LIFE.FIELDS.001', strict);
    expect(found.map((i) => i.field)).toEqual(['maLyDo']);
    expect((await findings([eventRecord(drop)], 'LIFE.FIELDS.001')).map((i) => i.field)).toEqual([
      'maLyDo',
    ]);
    const given = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'THOI_HOC',
      maLyDo: 'HOAN_CANH',
    });
    expect(await findings([eventRecord(given)], 'LIFE.FIELDS.001', strict)).toEqual([]);
  });
});

describe('LIFE.FIELDS.002 — school fields only on transfers', () => {
  const p = pupilAt(10);
  it('passes a destination on a transfer out', async () => {
    const out = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      truongDenId: OTHER,
    });
    expect(await findings([eventRecord(out)], 'LIFE.FIELDS.002')).toEqual([]);
  });

  it('queries a destination on a drop-out', async () => {
    const drop = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'THOI_HOC',
      truongDenId: OTHER,
    });
    const found = await findings([eventRecord(drop)], 'LIFE.FIELDS.002');
    expect(found.map((i) => [i.field, i.severity])).toEqual([['truongDenId', 'query']]);
  });
});

describe('LIFE.DATE.001 — dates never go backwards', () => {
  const p = pupilAt(11);
  const leave = event(p, {
    trangThaiTruoc: 'DANG_HOC',
    trangThaiSau: 'THOI_HOC',
    ngayHieuLuc: '2025-10-01',
    ngayGhiNhan: '2025-10-01T09:00:00+07:00',
  });
  it('passes events entered in the order they take effect, and late entries on one day', async () => {
    const back = event(p, {
      trangThaiTruoc: 'THOI_HOC',
      trangThaiSau: 'HOC_LAI',
      ngayHieuLuc: '2025-10-02',
      ngayGhiNhan: '2025-10-02T08:00:00+07:00',
    });
    const sameDay = { ...leave, ngayGhiNhan: '2025-10-02T15:00:00+07:00' };
    expect(await findings([eventRecord(back), eventRecord(leave)], 'LIFE.DATE.001')).toEqual([]);
    expect(await findings([eventRecord(back), eventRecord(sameDay)], 'LIFE.DATE.001')).toEqual([]);
  });

  it('reports an event entered later that takes effect before one entered earlier', async () => {
    const back = event(p, {
      trangThaiTruoc: 'THOI_HOC',
      trangThaiSau: 'HOC_LAI',
      ngayHieuLuc: '2025-11-01',
      ngayGhiNhan: '2025-11-01T08:00:00+07:00',
    });
    const backdated = { ...leave, ngayGhiNhan: '2025-11-20T08:00:00+07:00' };
    const found = await findings([eventRecord(backdated), eventRecord(back)], 'LIFE.DATE.001');
    expect(found.map((i) => [i.recordKey, i.field, i.severity])).toEqual([
      [leave.suKienId, 'ngayHieuLuc', 'error'],
    ]);
    expect(found[0]?.message.en).toContain('2025-10-01');
    expect(found[0]?.message.en).toContain('2025-11-01');
  });
});

describe('LIFE.DATE.002 — recorded before it takes effect', () => {
  const p = pupilAt(12);
  it('passes an event recorded on its day, in Vietnam time', async () => {
    const ev = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      truongDenId: OTHER,
      ngayHieuLuc: '2025-10-01',
      ngayGhiNhan: '2025-09-30T17:30:00Z',
    });
    expect(await findings([eventRecord(ev)], 'LIFE.DATE.002')).toEqual([]);
  });

  it('queries an event recorded the day before', async () => {
    const ev = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      truongDenId: OTHER,
      ngayHieuLuc: '2025-10-01',
      ngayGhiNhan: '2025-09-30T16:30:00Z',
    });
    const found = await findings([eventRecord(ev)], 'LIFE.DATE.002');
    expect(found.map((i) => [i.field, i.severity])).toEqual([['ngayGhiNhan', 'query']]);
  });
});

describe('LIFE.CURRENT.001 — the current status is the latest event’s', () => {
  const p = pupilAt(13);
  const out = event(p, {
    trangThaiTruoc: 'DANG_HOC',
    trangThaiSau: 'CHUYEN_DI',
    truongDenId: OTHER,
  });
  it('passes a record whose status is its latest event’s, and records without events', async () => {
    const records = [
      pupilRecord({ ...p, maTrangThaiHienTai: 'CHUYEN_DI' }),
      eventRecord(out),
      pupilRecord(pupilAt(14)),
    ];
    expect(await findings(records, 'LIFE.CURRENT.001')).toEqual([]);
  });

  it('reports a record left behind by its events (even before the events in the input)', async () => {
    const found = await findings([pupilRecord(p), eventRecord(out)], 'LIFE.CURRENT.001');
    expect(found.map((i) => [i.entity, i.recordKey, i.field, i.classCode])).toEqual([
      ['HocSinh', p.hocSinhId, 'maTrangThaiHienTai', p.maLop],
    ]);
    expect(found[0]?.message.en).toContain('(DANG_HOC)');
    expect(found[0]?.message.en).toContain('CHUYEN_DI');
  });

  it('reports a staff record too', async () => {
    const s = staffMember();
    const leave = event(p, {
      doiTuong: 'CAN_BO',
      maDoiTuong: s.giaoVienId,
      trangThaiTruoc: 'DANG_LAM_VIEC',
      trangThaiSau: 'TAM_NGHI',
      maLyDo: 'THAI_SAN',
    });
    const found = await findings(
      [{ entity: 'CanBo', record: s }, eventRecord(leave)],
      'LIFE.CURRENT.001',
    );
    expect(found.map((i) => [i.entity, i.field])).toEqual([['CanBo', 'maTrangThaiCanBo']]);
  });
});

describe('createLifecycleRules — overriding the code mapping', () => {
  it('reads the overridden codes in events and records', async () => {
    const p = { ...pupilAt(15), maTrangThaiHienTai: 'NGHI_TAM_THOI' };
    const ev = event(p, {
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'NGHI_TAM_THOI',
      ngayHieuLuc: '2025-10-01',
      maLyDo: 'SUC_KHOE',
    });
    const rules = createLifecycleRules({ pupilStatusCodes: { paused: 'NGHI_TAM_THOI' } });
    const report = await runRules([pupilRecord(p), eventRecord(ev)], rules, { asOf: AS_OF });
    // Only the catalog query: the code is not in the bundled catalog, but the machine knows it.
    expect(report.issues.map((i) => i.ruleId)).toEqual(['LIFE.STATUS.001', 'LIFE.STATUS.001']);
    const defaults = await runRules([pupilRecord(p), eventRecord(ev)], lifecycleRules, {
      asOf: AS_OF,
    });
    expect(defaults.issues.map((i) => i.ruleId)).toContain('LIFE.STATUS.001');
    expect(defaults.issues.map((i) => i.ruleId)).not.toContain('LIFE.TRANSITION.001');
  });

  it('judges moves by the overridden codes', async () => {
    const p = pupilAt(16);
    const rules = createLifecycleRules({ pupilStatusCodes: { droppedOut: 'NGHI_HOC' } });
    const old = event(p, { trangThaiSau: 'THOI_HOC', ngayHieuLuc: '2025-10-01' });
    const found = await findings([eventRecord(old)], 'LIFE.TRANSITION.001', rules);
    expect(found).toHaveLength(0); // THOI_HOC is now unmapped: LIFE.STATUS.002's, not judged
    const first = event(p, { trangThaiSau: 'NGHI_HOC', ngayHieuLuc: '2025-10-01' });
    expect(await findings([eventRecord(first)], 'LIFE.TRANSITION.001', rules)).toHaveLength(1);
  });

  it('refuses a mapping that gives two states one code', () => {
    expect(() => createLifecycleRules({ staffStatusCodes: { onLeave: 'DANG_LAM_VIEC' } })).toThrow(
      RangeError,
    );
  });
});
