import { generateSchool } from '@eduvn/fixtures';
import { CanBo, HocSinh, SuKienTrangThai } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { transition } from './transition.ts';
import { TransitionError } from './transition-error.ts';

const school = generateSchool({ seed: 'lifecycle-transition', pupils: 30 });
const pupil = (): HocSinh => {
  const p = school.hocSinhs[0];
  if (!p) throw new Error('no pupil');
  return { ...p, maTrangThaiHienTai: 'DANG_HOC' };
};
const staff = (): CanBo => {
  const s = school.canBos[0];
  if (!s) throw new Error('no staff');
  return s;
};
const WHEN = { effectiveDate: '2025-11-03', recordedAt: '2025-11-03T09:15:00+07:00' } as const;
const OTHER = '79000123';

/** The TransitionError a call throws (fails the test when it throws nothing or something else). */
function refusal(call: () => unknown): TransitionError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TransitionError);
    return error as TransitionError;
  }
  throw new Error('expected a TransitionError');
}

describe('transition — accepted changes', () => {
  it('moves a pupil out: new status, every other field kept, a schema-valid event', () => {
    const before = pupil();
    const snapshot = structuredClone(before);
    const { record, event } = transition({ entity: 'HocSinh', record: before }, 'transferredOut', {
      ...WHEN,
      destinationSchool: OTHER,
      recordedBy: 'Văn thư',
      eventId: 'EV-1',
    });
    expect(before).toEqual(snapshot);
    expect(record).toEqual({ ...snapshot, maTrangThaiHienTai: 'CHUYEN_DI' });
    expect(HocSinh.safeParse(record).success).toBe(true);
    expect(SuKienTrangThai.safeParse(event).success).toBe(true);
    expect(event).toEqual({
      suKienId: 'EV-1',
      doiTuong: 'HOC_SINH',
      truongId: before.truongId,
      maDoiTuong: before.hocSinhId,
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      ngayHieuLuc: '2025-11-03',
      truongDenId: OTHER,
      ngayGhiNhan: '2025-11-03T09:15:00+07:00',
      nguoiGhiNhan: 'Văn thư',
    });
  });

  it('starts a pupil without status with an event that has no status before', () => {
    const { maTrangThaiHienTai: _, ...fresh } = pupil();
    const { record, event } = transition({ entity: 'HocSinh', record: fresh }, 'transferredIn', {
      ...WHEN,
      originSchool: OTHER,
    });
    expect(record.maTrangThaiHienTai).toBe('CHUYEN_DEN');
    expect(event).not.toHaveProperty('trangThaiTruoc');
    expect(event.truongDiId).toBe(OTHER);
    expect(event.suKienId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a reason instead of the destination school', () => {
    const { event } = transition({ entity: 'HocSinh', record: pupil() }, 'transferredOut', {
      ...WHEN,
      reasonCode: 'RA_NUOC_NGOAI',
    });
    expect(event.maLyDo).toBe('RA_NUOC_NGOAI');
    expect(event).not.toHaveProperty('truongDenId');
  });

  it('lets a staff member resign with a reason, and come back', () => {
    const out = transition({ entity: 'CanBo', record: staff() }, 'resigned', {
      ...WHEN,
      reasonCode: 'NGUYEN_VONG',
    });
    expect(out.record.maTrangThaiCanBo).toBe('THOI_VIEC');
    expect(out.event.doiTuong).toBe('CAN_BO');
    expect(out.event.maDoiTuong).toBe(staff().giaoVienId);
    const back = transition({ entity: 'CanBo', record: out.record }, 'working', {
      effectiveDate: '2026-02-01',
      recordedAt: '2026-02-01T08:00:00+07:00',
      lastEventDate: out.event.ngayHieuLuc,
    });
    expect(back.record.maTrangThaiCanBo).toBe('DANG_LAM_VIEC');
    expect(back.event.trangThaiTruoc).toBe('THOI_VIEC');
    expect(CanBo.safeParse(back.record).success).toBe(true);
  });

  it('uses overridden codes, from and to', () => {
    const options = { pupilStatusCodes: { enrolled: 'DH', paused: 'NGHI_TAM_THOI' } };
    const start = { ...pupil(), maTrangThaiHienTai: 'DH' };
    const { record, event } = transition(
      { entity: 'HocSinh', record: start },
      'paused',
      { ...WHEN, reasonCode: 'OM' },
      options,
    );
    expect(record.maTrangThaiHienTai).toBe('NGHI_TAM_THOI');
    expect(event.trangThaiTruoc).toBe('DH');
    const refused = refusal(() =>
      transition(
        { entity: 'HocSinh', record: pupil() },
        'paused',
        { ...WHEN, reasonCode: 'OM' },
        options,
      ),
    );
    expect(refused.ruleId).toBe('LIFE.STATUS.002');
    expect(refused.message).toContain('pupilStatusCodes');
  });
});

describe('transition — refusals', () => {
  it('refuses a move the machine does not allow', () => {
    const e = refusal(() =>
      transition({ entity: 'HocSinh', record: pupil() }, 'studyingAgain', WHEN),
    );
    expect([e.ruleId, e.from, e.fromCode, e.to, e.entity]).toEqual([
      'LIFE.TRANSITION.001',
      'enrolled',
      'DANG_HOC',
      'studyingAgain',
      'HocSinh',
    ]);
    expect(e.message).toContain(
      'from enrolled it may go to transferredOut, paused, droppedOut, completedPrimary',
    );
    expect(e.name).toBe('TransitionError');
  });

  it('refuses any move out of a final state', () => {
    const done = { ...pupil(), maTrangThaiHienTai: 'HOAN_THANH_TIEU_HOC' };
    const e = refusal(() =>
      transition({ entity: 'HocSinh', record: done }, 'droppedOut', { ...WHEN, reasonCode: 'X' }),
    );
    expect(e.ruleId).toBe('LIFE.TRANSITION.001');
    expect(e.message).toContain('final state');
  });

  it('refuses a first status that is not an entry state', () => {
    const { maTrangThaiCanBo: _, ...fresh } = staff();
    const e = refusal(() => transition({ entity: 'CanBo', record: fresh }, 'retired', WHEN));
    expect([e.ruleId, e.from]).toEqual(['LIFE.TRANSITION.001', undefined]);
    expect(e.message).toContain('a first status may only be working');
  });

  it('refuses a state of the other machine or no state at all', () => {
    expect(
      refusal(() => transition({ entity: 'HocSinh', record: pupil() }, 'retired' as never, WHEN))
        .ruleId,
    ).toBe('LIFE.TRANSITION.001');
    expect(
      refusal(() => transition({ entity: 'HocSinh', record: pupil() }, 'deleted' as never, WHEN))
        .message,
    ).toContain('not a state of HocSinh');
  });

  it('refuses missing fields', () => {
    const p = { entity: 'HocSinh', record: pupil() } as const;
    const noReason = refusal(() => transition(p, 'droppedOut', WHEN));
    expect([noReason.ruleId, noReason.field]).toEqual(['LIFE.FIELDS.001', 'maLyDo']);
    const noSchool = refusal(() => transition(p, 'transferredOut', WHEN));
    expect([noSchool.ruleId, noSchool.field]).toEqual(['LIFE.FIELDS.001', 'truongDenId']);
    expect(noSchool.message).toContain('details.destinationSchool');
    const noDate = refusal(() =>
      transition(p, 'completedPrimary', { recordedAt: WHEN.recordedAt } as never),
    );
    expect([noDate.ruleId, noDate.field]).toEqual(['LIFE.FIELDS.001', 'ngayHieuLuc']);
    const noTime = refusal(() =>
      transition(p, 'completedPrimary', { effectiveDate: WHEN.effectiveDate } as never),
    );
    expect([noTime.ruleId, noTime.field]).toEqual(['LIFE.FIELDS.001', 'ngayGhiNhan']);
    const { truongId: _, ...nowhere } = pupil();
    const noSchoolId = refusal(() =>
      transition({ entity: 'HocSinh', record: nowhere }, 'completedPrimary', WHEN),
    );
    expect([noSchoolId.ruleId, noSchoolId.field]).toEqual(['LIFE.FIELDS.001', 'truongId']);
  });

  it('refuses a school on an event that is not a transfer', () => {
    const e = refusal(() =>
      transition({ entity: 'HocSinh', record: pupil() }, 'paused', {
        ...WHEN,
        reasonCode: 'OM',
        destinationSchool: OTHER,
      }),
    );
    expect([e.ruleId, e.field]).toEqual(['LIFE.FIELDS.002', 'truongDenId']);
  });

  it('refuses a date going backwards', () => {
    const e = refusal(() =>
      transition({ entity: 'HocSinh', record: pupil() }, 'completedPrimary', {
        ...WHEN,
        lastEventDate: '2025-11-04',
      }),
    );
    expect([e.ruleId, e.field]).toEqual(['LIFE.DATE.001', 'ngayHieuLuc']);
    expect(() =>
      transition({ entity: 'HocSinh', record: pupil() }, 'completedPrimary', {
        ...WHEN,
        lastEventDate: '2025-11-03',
      }),
    ).not.toThrow();
  });

  it('refuses values the schema would refuse', () => {
    const p = { entity: 'HocSinh', record: pupil() } as const;
    const cases: [Parameters<typeof transition>[2], string][] = [
      [{ ...WHEN, effectiveDate: '03/11/2025' }, 'ngayHieuLuc'],
      [{ ...WHEN, recordedAt: '2025-11-03 09:15' }, 'ngayGhiNhan'],
      [{ ...WHEN, eventId: 'x'.repeat(37) }, 'suKienId'],
    ];
    for (const [details, field] of cases) {
      const e = refusal(() => transition(p, 'completedPrimary', details));
      expect([e.ruleId, e.field]).toEqual(['STD.SCHEMA.001', field]);
    }
    const tooLong = refusal(() =>
      transition(p, 'completedPrimary', WHEN, {
        pupilStatusCodes: { completedPrimary: 'X'.repeat(60) },
      }),
    );
    expect(tooLong.ruleId).toBe('STD.SCHEMA.001');
  });

  it('refuses an unknown entity with a TransitionError too', () => {
    const e = refusal(() => transition({ entity: 'Lop', record: {} } as never, 'enrolled', WHEN));
    expect(e.ruleId).toBe('LIFE.TRANSITION.001');
  });

  it('keeps personal data out of its messages', () => {
    const e = refusal(() =>
      transition({ entity: 'HocSinh', record: pupil() }, 'paused', {
        ...WHEN,
        note: 'Ốm dài ngày',
        destinationSchool: OTHER,
        reasonCode: 'OM',
      }),
    );
    expect(e.message).not.toContain('Ốm');
    expect(e.message).not.toContain(pupil().hoTen);
  });
});
