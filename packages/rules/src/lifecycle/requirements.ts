import type { PupilState, StaffState } from './states.ts';

const present = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * What a status event entering a state must carry:
 *
 * - `'effectiveDate'` — `ngayHieuLuc`, always;
 * - `'reason'` — a reason code `maLyDo`;
 * - `'destinationOrReason'` — the destination school `truongDenId`, or a reason code when it is
 *   unknown (a move abroad, to a non-public school);
 * - `'originOrReason'` — the origin school `truongDiId`, or a reason code when it is unknown.
 */
export type Requirement = 'effectiveDate' | 'reason' | 'destinationOrReason' | 'originOrReason';

/** The `SuKienTrangThai` field a missing requirement points at. */
export const REQUIREMENT_FIELDS: Readonly<Record<Requirement, string>> = Object.freeze({
  effectiveDate: 'ngayHieuLuc',
  reason: 'maLyDo',
  destinationOrReason: 'truongDenId',
  originOrReason: 'truongDiId',
});

/**
 * What a new pupil event (made by `transition`) must carry, by the state it enters. The regulation
 * names no event fields at all (the event entity is eduvn's), so every entry beyond the effective
 * date is **eduvn's choice**: a reason for `paused` and `droppedOut`, the destination school (or a
 * reason) for `transferredOut`, the origin school (or a reason) for `transferredIn`.
 */
export const PUPIL_REQUIREMENTS: Readonly<Record<PupilState, readonly Requirement[]>> =
  Object.freeze({
    enrolled: ['effectiveDate'],
    transferredIn: ['effectiveDate', 'originOrReason'],
    transferredOut: ['effectiveDate', 'destinationOrReason'],
    paused: ['effectiveDate', 'reason'],
    droppedOut: ['effectiveDate', 'reason'],
    studyingAgain: ['effectiveDate'],
    completedPrimary: ['effectiveDate'],
  });

/**
 * What a new staff event must carry (eduvn's choice, as for pupils): a reason for `resigned` and
 * `onLeave` (the staff counterpart of a paused pupil), the destination school (or a reason) for
 * `transferred`.
 */
export const STAFF_REQUIREMENTS: Readonly<Record<StaffState, readonly Requirement[]>> =
  Object.freeze({
    working: ['effectiveDate'],
    onLeave: ['effectiveDate', 'reason'],
    transferred: ['effectiveDate', 'destinationOrReason'],
    retired: ['effectiveDate'],
    resigned: ['effectiveDate', 'reason'],
  });

/**
 * The same table without plain `'reason'` requirements: what the rules demand of events already
 * recorded. eduvn's choice: the reason catalog (`DM_LY_DO_THAY_DOI_TRANG_THAI`) has no known
 * values and QĐ 4998 has no reason field on status changes, so events imported from school
 * software usually have none — a missing reason is demanded of new events only (by `transition`),
 * unless the rules are made with `requireReasons: true`. Transfers still need their school or a
 * reason.
 */
export function withoutReasons<S extends string>(
  table: Readonly<Record<S, readonly Requirement[]>>,
): Readonly<Record<S, readonly Requirement[]>> {
  const out = {} as Record<S, readonly Requirement[]>;
  for (const [state, list] of Object.entries(table) as [S, readonly Requirement[]][]) {
    out[state] = list.filter((r) => r !== 'reason');
  }
  return Object.freeze(out);
}

/**
 * The states whose events may name a school: `truongDenId` (destination) and `truongDiId`
 * (origin). `@eduvn/standard` documents that the destination belongs to transfers out and the
 * origin to transfers in; a school on any other event is misplaced.
 */
export interface SchoolFieldStates<S extends string> {
  /** The states whose events may carry a destination school. */
  readonly truongDenId: readonly S[];
  /** The states whose events may carry an origin school. */
  readonly truongDiId: readonly S[];
}

/** Pupils: a destination on transfers out, an origin on transfers in. */
export const PUPIL_SCHOOL_FIELDS: SchoolFieldStates<PupilState> = Object.freeze<
  SchoolFieldStates<PupilState>
>({
  truongDenId: ['transferredOut'],
  truongDiId: ['transferredIn'],
});

/**
 * Staff: a destination on transfers, an origin on `working` — a hire from another school, or a
 * return (eduvn's choice, as staff have no "transferred in" state).
 */
export const STAFF_SCHOOL_FIELDS: SchoolFieldStates<StaffState> = Object.freeze<
  SchoolFieldStates<StaffState>
>({
  truongDenId: ['transferred'],
  truongDiId: ['working'],
});

/**
 * The school fields an event entering `state` carries but should not (see
 * {@link SchoolFieldStates}).
 *
 * @example
 * ```ts
 * misplacedSchoolFields(PUPIL_SCHOOL_FIELDS, 'paused', { truongDenId: '79000001' }); // ['truongDenId']
 * ```
 */
export function misplacedSchoolFields<S extends string>(
  table: SchoolFieldStates<S>,
  state: S,
  event: RequirementFields,
): ('truongDenId' | 'truongDiId')[] {
  return (['truongDenId', 'truongDiId'] as const).filter(
    (field) => present(event[field]) && !table[field].includes(state),
  );
}

/** The fields of an event that requirements look at (any values: records may be malformed). */
export interface RequirementFields {
  /** The effective date. */
  readonly ngayHieuLuc?: unknown;
  /** The reason code. */
  readonly maLyDo?: unknown;
  /** The destination school. */
  readonly truongDenId?: unknown;
  /** The origin school. */
  readonly truongDiId?: unknown;
}

/**
 * The requirements an event does not meet, in the order given. A field counts as present when it
 * is a non-blank string.
 *
 * @example
 * ```ts
 * missingRequirements(PUPIL_REQUIREMENTS.transferredOut, { ngayHieuLuc: '2025-10-01' });
 * // ['destinationOrReason']
 * ```
 */
export function missingRequirements(
  requirements: readonly Requirement[],
  event: RequirementFields,
): Requirement[] {
  const reason = present(event.maLyDo);
  return requirements.filter((requirement) => {
    switch (requirement) {
      case 'effectiveDate':
        return !present(event.ngayHieuLuc);
      case 'reason':
        return !reason;
      case 'destinationOrReason':
        return !(reason || present(event.truongDenId));
      case 'originOrReason':
        return !(reason || present(event.truongDiId));
      default:
        return false;
    }
  });
}
