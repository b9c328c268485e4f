import { describe, expect, it } from 'vitest';
import {
  misplacedSchoolFields,
  missingRequirements,
  PUPIL_REQUIREMENTS,
  PUPIL_SCHOOL_FIELDS,
  STAFF_REQUIREMENTS,
  STAFF_SCHOOL_FIELDS,
  withoutReasons,
} from './requirements.ts';
import { PUPIL_STATES, STAFF_STATES } from './states.ts';

describe('requirements', () => {
  it('always include the effective date', () => {
    for (const s of PUPIL_STATES) expect(PUPIL_REQUIREMENTS[s]).toContain('effectiveDate');
    for (const s of STAFF_STATES) expect(STAFF_REQUIREMENTS[s]).toContain('effectiveDate');
  });

  it('need a reason to pause, drop out, resign or go on leave', () => {
    expect(PUPIL_REQUIREMENTS.paused).toContain('reason');
    expect(PUPIL_REQUIREMENTS.droppedOut).toContain('reason');
    expect(STAFF_REQUIREMENTS.resigned).toContain('reason');
    expect(STAFF_REQUIREMENTS.onLeave).toContain('reason');
    expect(PUPIL_REQUIREMENTS.enrolled).toEqual(['effectiveDate']);
  });

  it('accept a school or a reason on transfers', () => {
    const out = PUPIL_REQUIREMENTS.transferredOut;
    expect(missingRequirements(out, { ngayHieuLuc: '2025-10-01' })).toEqual([
      'destinationOrReason',
    ]);
    expect(
      missingRequirements(out, { ngayHieuLuc: '2025-10-01', truongDenId: '79000001' }),
    ).toEqual([]);
    expect(
      missingRequirements(out, { ngayHieuLuc: '2025-10-01', maLyDo: 'RA_NUOC_NGOAI' }),
    ).toEqual([]);
    const inn = PUPIL_REQUIREMENTS.transferredIn;
    expect(missingRequirements(inn, { truongDenId: '79000001' })).toEqual([
      'effectiveDate',
      'originOrReason',
    ]);
    expect(
      missingRequirements(STAFF_REQUIREMENTS.transferred, { ngayHieuLuc: '2025-10-01' }),
    ).toEqual(['destinationOrReason']);
  });

  it('count blank and non-text values as missing', () => {
    expect(
      missingRequirements(PUPIL_REQUIREMENTS.paused, { ngayHieuLuc: 20251001, maLyDo: '  ' }),
    ).toEqual(['effectiveDate', 'reason']);
  });

  it('drop plain reasons for recorded events, keeping transfers’ school-or-reason', () => {
    const recorded = withoutReasons(PUPIL_REQUIREMENTS);
    expect(recorded.droppedOut).toEqual(['effectiveDate']);
    expect(recorded.transferredOut).toEqual(['effectiveDate', 'destinationOrReason']);
    expect(PUPIL_REQUIREMENTS.droppedOut).toContain('reason');
  });
});

describe('school fields', () => {
  it('belong to transfers', () => {
    expect(
      misplacedSchoolFields(PUPIL_SCHOOL_FIELDS, 'transferredOut', { truongDenId: 'A' }),
    ).toEqual([]);
    expect(
      misplacedSchoolFields(PUPIL_SCHOOL_FIELDS, 'transferredIn', { truongDiId: 'A' }),
    ).toEqual([]);
    expect(
      misplacedSchoolFields(PUPIL_SCHOOL_FIELDS, 'paused', { truongDenId: 'A', truongDiId: 'B' }),
    ).toEqual(['truongDenId', 'truongDiId']);
    expect(misplacedSchoolFields(STAFF_SCHOOL_FIELDS, 'working', { truongDiId: 'A' })).toEqual([]);
    expect(misplacedSchoolFields(STAFF_SCHOOL_FIELDS, 'retired', { truongDenId: 'A' })).toEqual([
      'truongDenId',
    ]);
  });
});
