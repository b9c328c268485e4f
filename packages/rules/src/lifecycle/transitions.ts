import type { PupilState, StaffState } from './states.ts';

/**
 * The states a pupil's first status event may enter (an event without `trangThaiTruoc`): a pupil
 * starts at a school either enrolled or transferred in.
 *
 * eduvn's choice: the seed regulation (Art. 8 cl. 2–3) only says that leaving, pausing and
 * transferring change the status; which states may start a lifecycle is eduvn's model.
 */
export const PUPIL_ENTRY_STATES: readonly PupilState[] = Object.freeze([
  'enrolled',
  'transferredIn',
] as const);

const STUDYING: readonly PupilState[] = [
  'transferredOut',
  'paused',
  'droppedOut',
  'completedPrimary',
];

/**
 * The allowed moves of a pupil, from each state to the states it may go to. What the seed
 * regulation (Art. 8 cl. 2–3) fixes is only that a pupil who pauses, drops out or transfers keeps
 * their record and changes status; **the graph itself is eduvn's choice**:
 *
 * - `enrolled` → `transferredOut` | `paused` | `droppedOut` | `completedPrimary`;
 * - `transferredIn` and `studyingAgain` behave like `enrolled`, and may also settle back to
 *   `enrolled` (e.g. at the start of the next school year) — eduvn;
 * - `paused` → `studyingAgain` | `droppedOut` | `transferredOut` (a paused pupil comes back through
 *   "studying again", never directly "enrolled") — eduvn;
 * - `droppedOut` → `studyingAgain` (the CSDL value "Nghỉ học xin học lại" names this return);
 * - `transferredOut` → `transferredIn` (a pupil coming back to the school) — eduvn;
 * - `completedPrimary` is terminal — eduvn.
 *
 * A move to the same state is never allowed: it would be an event that changes nothing.
 */
export const PUPIL_TRANSITIONS: Readonly<Record<PupilState, readonly PupilState[]>> = Object.freeze(
  {
    enrolled: STUDYING,
    transferredIn: [...STUDYING, 'enrolled'],
    transferredOut: ['transferredIn'],
    paused: ['studyingAgain', 'droppedOut', 'transferredOut'],
    droppedOut: ['studyingAgain'],
    studyingAgain: [...STUDYING, 'enrolled'],
    completedPrimary: [],
  },
);

/**
 * The states a staff member's first status event may enter: only `working` (a hire, or a transfer
 * from another school, which records its origin in `truongDiId` if known). eduvn's choice.
 */
export const STAFF_ENTRY_STATES: readonly StaffState[] = Object.freeze(['working'] as const);

/**
 * The allowed moves of a staff member. The seed regulation (Art. 8 cl. 2–3) fixes only that staff
 * who transfer, stop or resign keep their record and change status; **the graph is eduvn's
 * choice**:
 *
 * - `working` → `onLeave` | `transferred` | `retired` | `resigned`;
 * - `onLeave` → `working` | `retired` | `resigned` (a transfer starts from `working`) — eduvn;
 * - `transferred` → `working` (coming back to the school) — eduvn;
 * - `resigned` → `working` (re-hired under the same, never-changing GIAO_VIEN_ID) — eduvn;
 * - `retired` is terminal (a retiree hired again on contract would need a machine of its own) —
 *   eduvn.
 */
export const STAFF_TRANSITIONS: Readonly<Record<StaffState, readonly StaffState[]>> = Object.freeze(
  {
    working: ['onLeave', 'transferred', 'retired', 'resigned'],
    onLeave: ['working', 'retired', 'resigned'],
    transferred: ['working'],
    resigned: ['working'],
    retired: [],
  },
);
