import { bundledCatalogs } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { PUPIL_STATES, STAFF_STATES } from './states.ts';
import { PUPIL_STATUS_CODES, resolveStatusCodes, STAFF_STATUS_CODES } from './status-codes.ts';

describe('status codes', () => {
  it('map every state to a code of the bundled status catalog', () => {
    const catalogs = bundledCatalogs();
    for (const state of PUPIL_STATES) {
      expect(catalogs.has('DM_TRANG_THAI_HOC_SINH', PUPIL_STATUS_CODES[state])).toBe(true);
    }
    for (const state of STAFF_STATES) {
      expect(catalogs.has('DM_TRANG_THAI_CAN_BO', STAFF_STATUS_CODES[state])).toBe(true);
    }
  });

  it('use the codes the fixtures and the CSDL export know', () => {
    expect(PUPIL_STATUS_CODES).toEqual({
      enrolled: 'DANG_HOC',
      transferredIn: 'CHUYEN_DEN',
      transferredOut: 'CHUYEN_DI',
      paused: 'TAM_NGHI',
      droppedOut: 'THOI_HOC',
      studyingAgain: 'HOC_LAI',
      completedPrimary: 'HOAN_THANH_TIEU_HOC',
    });
    expect(STAFF_STATUS_CODES.working).toBe('DANG_LAM_VIEC');
  });
});

describe('resolveStatusCodes', () => {
  it('inverts the default mapping', () => {
    const map = resolveStatusCodes(PUPIL_STATUS_CODES);
    for (const state of PUPIL_STATES) expect(map.stateOf(PUPIL_STATUS_CODES[state])).toBe(state);
    expect(map.stateOf(undefined)).toBeUndefined();
    expect(map.stateOf('KHONG_CO')).toBeUndefined();
  });

  it('applies overrides and forgets the replaced code', () => {
    const map = resolveStatusCodes(PUPIL_STATUS_CODES, { paused: 'NGHI_TAM_THOI' });
    expect(map.codes.paused).toBe('NGHI_TAM_THOI');
    expect(map.codes.enrolled).toBe('DANG_HOC');
    expect(map.stateOf('NGHI_TAM_THOI')).toBe('paused');
    expect(map.stateOf('TAM_NGHI')).toBeUndefined();
    expect(PUPIL_STATUS_CODES.paused).toBe('TAM_NGHI');
  });

  it('refuses unknown states, empty codes and shared codes', () => {
    expect(() => resolveStatusCodes(PUPIL_STATUS_CODES, { graduated: 'X' } as never)).toThrow(
      /Unknown lifecycle state "graduated"/,
    );
    expect(() => resolveStatusCodes(PUPIL_STATUS_CODES, { paused: ' ' })).toThrow(RangeError);
    expect(() => resolveStatusCodes(STAFF_STATUS_CODES, { onLeave: 'NGHI_HUU' })).toThrow(
      /share the status code "NGHI_HUU"/,
    );
  });
});
