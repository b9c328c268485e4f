import {
  PUPIL_REQUIREMENTS,
  PUPIL_SCHOOL_FIELDS,
  type Requirement,
  type SchoolFieldStates,
  STAFF_REQUIREMENTS,
  STAFF_SCHOOL_FIELDS,
} from './requirements.ts';
import {
  type LifecycleEntity,
  PUPIL_STATES,
  type PupilState,
  STAFF_STATES,
  type StaffState,
} from './states.ts';
import { PUPIL_STATUS_CODES, resolveStatusCodes, STAFF_STATUS_CODES } from './status-codes.ts';
import {
  PUPIL_ENTRY_STATES,
  PUPIL_TRANSITIONS,
  STAFF_ENTRY_STATES,
  STAFF_TRANSITIONS,
} from './transitions.ts';

/** The `doiTuong` of a status event: a pupil or a staff member. */
export type LifecycleSubjectKind = 'HOC_SINH' | 'CAN_BO';

/**
 * A lifecycle state machine: its states, the states a first event may enter, the allowed moves,
 * what an event entering each state must carry, and the status code that records each state.
 * One machine serves both `transition` (making events) and the lifecycle rules (checking them).
 */
export interface LifecycleMachine<S extends string> {
  /** The entity whose records have this lifecycle. */
  readonly entity: LifecycleEntity;
  /** The `doiTuong` of its events. */
  readonly subject: LifecycleSubjectKind;
  /** The status catalog its codes belong to. */
  readonly catalog: 'DM_TRANG_THAI_HOC_SINH' | 'DM_TRANG_THAI_CAN_BO';
  /** The record's key field (`hocSinhId`, `giaoVienId`): the event's `maDoiTuong`. */
  readonly keyField: 'hocSinhId' | 'giaoVienId';
  /** The record's current-status field. */
  readonly statusField: 'maTrangThaiHienTai' | 'maTrangThaiCanBo';
  /** Every state. */
  readonly states: readonly S[];
  /** The states a first event (one without `trangThaiTruoc`) may enter. */
  readonly entry: readonly S[];
  /** The allowed moves, from each state. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** What a new event entering each state must carry. */
  readonly requirements: Readonly<Record<S, readonly Requirement[]>>;
  /** The states whose events may name a destination or an origin school. */
  readonly schoolFields: SchoolFieldStates<S>;
  /** The status code of each state. */
  readonly codes: Readonly<Record<S, string>>;
  /** The state a status code records; `undefined` for no code or a code no state maps to. */
  stateOf(code: string | undefined): S | undefined;
  /** Whether a value is one of the machine's states. */
  isState(value: unknown): value is S;
  /** Whether the machine allows moving from `from` (`undefined`: no status yet) to `to`. */
  allows(from: S | undefined, to: S): boolean;
  /** Whether a state allows no move at all. */
  isTerminal(state: S): boolean;
}

/**
 * Options shared by `transition` and the lifecycle rules: status codes replacing those of
 * {@link PUPIL_STATUS_CODES} and {@link STAFF_STATUS_CODES} (the Ministry's codes are unpublished,
 * so the mapping from semantic state to code is data).
 */
export interface LifecycleOptions {
  /** Codes by pupil state, replacing the defaults given; the others stay. */
  readonly pupilStatusCodes?: Partial<Readonly<Record<PupilState, string>>>;
  /** Codes by staff state, replacing the defaults given; the others stay. */
  readonly staffStatusCodes?: Partial<Readonly<Record<StaffState, string>>>;
}

/** The two machines: pupils and staff. */
export interface LifecycleMachines {
  /** The pupils' machine. */
  readonly pupil: LifecycleMachine<PupilState>;
  /** The staff's machine. */
  readonly staff: LifecycleMachine<StaffState>;
}

interface MachineSpec<S extends string> {
  readonly entity: LifecycleEntity;
  readonly subject: LifecycleSubjectKind;
  readonly catalog: LifecycleMachine<S>['catalog'];
  readonly keyField: LifecycleMachine<S>['keyField'];
  readonly statusField: LifecycleMachine<S>['statusField'];
  readonly states: readonly S[];
  readonly entry: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  readonly requirements: Readonly<Record<S, readonly Requirement[]>>;
  readonly schoolFields: SchoolFieldStates<S>;
  readonly defaultCodes: Readonly<Record<S, string>>;
}

function buildMachine<S extends string>(
  spec: MachineSpec<S>,
  overrides: Partial<Readonly<Record<S, string>>> | undefined,
): LifecycleMachine<S> {
  const { codes, stateOf } = resolveStatusCodes(spec.defaultCodes, overrides);
  const states = new Set<string>(spec.states);
  const moves = new Map<S, ReadonlySet<S>>(
    spec.states.map((s) => [s, new Set(spec.transitions[s])] as const),
  );
  const entry = new Set<S>(spec.entry);
  return Object.freeze({
    entity: spec.entity,
    subject: spec.subject,
    catalog: spec.catalog,
    keyField: spec.keyField,
    statusField: spec.statusField,
    states: spec.states,
    entry: spec.entry,
    transitions: spec.transitions,
    requirements: spec.requirements,
    schoolFields: spec.schoolFields,
    codes,
    stateOf,
    isState: (value: unknown): value is S => typeof value === 'string' && states.has(value),
    allows: (from: S | undefined, to: S) =>
      from === undefined ? entry.has(to) : (moves.get(from)?.has(to) ?? false),
    isTerminal: (state: S) => (moves.get(state)?.size ?? 0) === 0,
  });
}

const PUPIL_SPEC: MachineSpec<PupilState> = {
  entity: 'HocSinh',
  subject: 'HOC_SINH',
  catalog: 'DM_TRANG_THAI_HOC_SINH',
  keyField: 'hocSinhId',
  statusField: 'maTrangThaiHienTai',
  states: PUPIL_STATES,
  entry: PUPIL_ENTRY_STATES,
  transitions: PUPIL_TRANSITIONS,
  requirements: PUPIL_REQUIREMENTS,
  schoolFields: PUPIL_SCHOOL_FIELDS,
  defaultCodes: PUPIL_STATUS_CODES,
};

const STAFF_SPEC: MachineSpec<StaffState> = {
  entity: 'CanBo',
  subject: 'CAN_BO',
  catalog: 'DM_TRANG_THAI_CAN_BO',
  keyField: 'giaoVienId',
  statusField: 'maTrangThaiCanBo',
  states: STAFF_STATES,
  entry: STAFF_ENTRY_STATES,
  transitions: STAFF_TRANSITIONS,
  requirements: STAFF_REQUIREMENTS,
  schoolFields: STAFF_SCHOOL_FIELDS,
  defaultCodes: STAFF_STATUS_CODES,
};

let defaults: LifecycleMachines | undefined;

/**
 * The pupil and staff machines, with the status codes of the options. Throws a `RangeError` for an
 * override naming an unknown state, an empty code, or two states of one machine sharing a code.
 *
 * @example
 * ```ts
 * const { pupil } = lifecycleMachines({ pupilStatusCodes: { paused: 'NGHI_TAM_THOI' } });
 * pupil.allows('enrolled', 'paused'); // true
 * pupil.stateOf('NGHI_TAM_THOI'); // 'paused'
 * ```
 */
export function lifecycleMachines(options: LifecycleOptions = {}): LifecycleMachines {
  if (options.pupilStatusCodes === undefined && options.staffStatusCodes === undefined) {
    defaults ??= Object.freeze({
      pupil: buildMachine(PUPIL_SPEC, undefined),
      staff: buildMachine(STAFF_SPEC, undefined),
    });
    return defaults;
  }
  return Object.freeze({
    pupil: buildMachine(PUPIL_SPEC, options.pupilStatusCodes),
    staff: buildMachine(STAFF_SPEC, options.staffStatusCodes),
  });
}

/**
 * The machine of an entity (`'HocSinh'`, `'CanBo'`) or of an event's `doiTuong` (`'HOC_SINH'`,
 * `'CAN_BO'`); `undefined` for anything else.
 */
export function machineFor(
  machines: LifecycleMachines,
  kind: unknown,
): LifecycleMachine<string> | undefined {
  if (kind === 'HocSinh' || kind === 'HOC_SINH') return machines.pupil;
  if (kind === 'CanBo' || kind === 'CAN_BO') return machines.staff;
  return undefined;
}
