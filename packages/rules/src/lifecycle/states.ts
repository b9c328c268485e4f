/**
 * The semantic states of a pupil's life at a school. They are eduvn's names for what a status
 * means; the codes that records carry (`DANG_HOC`, `CHUYEN_DI`, …) are catalog data mapped to these
 * states by `PUPIL_STATUS_CODES`.
 *
 * - `'enrolled'` — studying (Đang học);
 * - `'transferredIn'` — came from another school (Chuyển đến);
 * - `'transferredOut'` — left for another school (Chuyển đi);
 * - `'paused'` — on leave, expected back (Tạm nghỉ học; an eduvn state, no known CSDL value);
 * - `'droppedOut'` — stopped studying (Thôi học);
 * - `'studyingAgain'` — back after a leave or a drop-out (Nghỉ học xin học lại);
 * - `'completedPrimary'` — completed primary school (an eduvn state, no known CSDL value).
 */
export type PupilState =
  | 'enrolled'
  | 'transferredIn'
  | 'transferredOut'
  | 'paused'
  | 'droppedOut'
  | 'studyingAgain'
  | 'completedPrimary';

/** Every {@link PupilState}, in the order documentation lists them. */
export const PUPIL_STATES: readonly PupilState[] = Object.freeze([
  'enrolled',
  'transferredIn',
  'transferredOut',
  'paused',
  'droppedOut',
  'studyingAgain',
  'completedPrimary',
] as const);

/**
 * The semantic states of a staff member's employment at a school (eduvn's names; only "working",
 * Đang làm việc, is a known CSDL value — the others are eduvn states):
 *
 * - `'working'` — working at the school (Đang làm việc);
 * - `'transferred'` — moved to another post or school (Chuyển công tác);
 * - `'retired'` — retired (Nghỉ hưu);
 * - `'resigned'` — left the job (Thôi việc);
 * - `'onLeave'` — on leave, expected back (Tạm nghỉ).
 */
export type StaffState = 'working' | 'transferred' | 'retired' | 'resigned' | 'onLeave';

/** Every {@link StaffState}, in the order documentation lists them. */
export const STAFF_STATES: readonly StaffState[] = Object.freeze([
  'working',
  'transferred',
  'retired',
  'resigned',
  'onLeave',
] as const);

/** A state of either machine. */
export type LifecycleState = PupilState | StaffState;

/** The entities that have a lifecycle: pupils (`'HocSinh'`) and staff (`'CanBo'`). */
export type LifecycleEntity = 'HocSinh' | 'CanBo';
