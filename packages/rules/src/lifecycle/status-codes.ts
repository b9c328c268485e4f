import type { PupilState, StaffState } from './states.ts';

/**
 * The status code (catalog `DM_TRANG_THAI_HOC_SINH`) that records each pupil state, as bundled in
 * `@eduvn/standard`. Five are the known CSDL export values under eduvn codes (the Ministry's codes
 * are unpublished): `DANG_HOC`, `CHUYEN_DEN`, `CHUYEN_DI`, `THOI_HOC`, `HOC_LAI`; two are eduvn's
 * own states (`TAM_NGHI`, `HOAN_THANH_TIEU_HOC`). Because all of them may differ from the codes a
 * city database actually uses, the mapping is data: override it with the `pupilStatusCodes` option
 * (see `LifecycleOptions`) once the Ministry's catalog is loaded.
 */
export const PUPIL_STATUS_CODES: Readonly<Record<PupilState, string>> = Object.freeze({
  enrolled: 'DANG_HOC',
  transferredIn: 'CHUYEN_DEN',
  transferredOut: 'CHUYEN_DI',
  paused: 'TAM_NGHI',
  droppedOut: 'THOI_HOC',
  studyingAgain: 'HOC_LAI',
  completedPrimary: 'HOAN_THANH_TIEU_HOC',
});

/**
 * The status code (catalog `DM_TRANG_THAI_CAN_BO`) that records each staff state, as bundled in
 * `@eduvn/standard`. Only `DANG_LAM_VIEC` (Đang làm việc) is a known CSDL value, under an eduvn code;
 * the others are eduvn codes for eduvn states. Override with the `staffStatusCodes` option.
 */
export const STAFF_STATUS_CODES: Readonly<Record<StaffState, string>> = Object.freeze({
  working: 'DANG_LAM_VIEC',
  transferred: 'CHUYEN_CONG_TAC',
  retired: 'NGHI_HUU',
  resigned: 'THOI_VIEC',
  onLeave: 'TAM_NGHI',
});

/** A state → code mapping and its inverse, checked to be one-to-one. */
export interface StatusCodeMap<S extends string> {
  /** The code of each state. */
  readonly codes: Readonly<Record<S, string>>;
  /** The state a code records, or `undefined` for a code no state maps to. */
  stateOf(code: string | undefined): S | undefined;
}

/**
 * Merges overrides into a default state → code mapping and builds its inverse. Throws a
 * `RangeError` for an override naming an unknown state, an empty code, or two states sharing one
 * code (the mapping must be one-to-one, or a code would not say which state it records).
 *
 * @example
 * ```ts
 * const map = resolveStatusCodes(PUPIL_STATUS_CODES, { paused: 'NGHI_TAM_THOI' });
 * map.stateOf('NGHI_TAM_THOI'); // 'paused'
 * map.stateOf('TAM_NGHI'); // undefined
 * ```
 */
export function resolveStatusCodes<S extends string>(
  defaults: Readonly<Record<S, string>>,
  overrides: Partial<Readonly<Record<S, string>>> = {},
): StatusCodeMap<S> {
  const codes = { ...defaults } as Record<S, string>;
  for (const [state, code] of Object.entries(overrides) as [string, unknown][]) {
    if (!Object.hasOwn(defaults, state)) {
      throw new RangeError(
        `Unknown lifecycle state ${JSON.stringify(state)}; expected one of ${Object.keys(defaults).join(', ')}`,
      );
    }
    if (code === undefined) continue;
    if (typeof code !== 'string' || code.trim() === '') {
      throw new RangeError(`The status code of ${state} must be a non-empty string`);
    }
    codes[state as S] = code;
  }
  const inverse = new Map<string, S>();
  for (const [state, code] of Object.entries(codes) as [S, string][]) {
    const other = inverse.get(code);
    if (other !== undefined) {
      throw new RangeError(
        `States ${other} and ${state} share the status code ${JSON.stringify(code)}: each state needs its own code`,
      );
    }
    inverse.set(code, state);
  }
  Object.freeze(codes);
  return {
    codes,
    stateOf: (code) => (code === undefined ? undefined : inverse.get(code)),
  };
}
