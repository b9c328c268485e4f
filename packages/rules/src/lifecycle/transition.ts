import { CanBo, HocSinh, SuKienTrangThai } from '@eduvn/standard';
import { isIsoDate } from '@eduvn/text';
import { instantOf } from './dates.ts';
import {
  type LifecycleMachine,
  type LifecycleMachines,
  type LifecycleOptions,
  lifecycleMachines,
} from './machine.ts';
import {
  misplacedSchoolFields,
  missingRequirements,
  REQUIREMENT_FIELDS,
  type Requirement,
} from './requirements.ts';
import type { LifecycleState, PupilState, StaffState } from './states.ts';
import { TransitionError } from './transition-error.ts';

/** A pupil's record, tagged with its entity. */
export interface PupilSubject {
  /** Always `'HocSinh'`. */
  readonly entity: 'HocSinh';
  /** The record. */
  readonly record: HocSinh;
}

/** A staff member's record, tagged with its entity. */
export interface StaffSubject {
  /** Always `'CanBo'`. */
  readonly entity: 'CanBo';
  /** The record. */
  readonly record: CanBo;
}

/** A record whose status can change: a pupil or a staff member (the shape of an `InputRecord`). */
export type LifecycleSubject = PupilSubject | StaffSubject;

/** What a status change needs besides the record and the state it moves to. */
export interface TransitionDetails {
  /** The day the change takes effect, ISO `yyyy-mm-dd` (`ngayHieuLuc`). Always required. */
  readonly effectiveDate: string;
  /**
   * When the change is entered, an RFC 3339 date-time with an offset (`ngayGhiNhan`,
   * `2025-09-05T08:30:00+07:00`); the 48-hour push deadline runs from it.
   */
  readonly recordedAt: string;
  /** The event's id (`suKienId`, at most 36 characters); default: a random UUID. */
  readonly eventId?: string;
  /**
   * The reason code (`maLyDo`, catalog `DM_LY_DO_THAY_DOI_TRANG_THAI`): required to pause, drop
   * out, resign or go on leave, and accepted instead of the school on a transfer.
   */
  readonly reasonCode?: string;
  /** The destination school (`truongDenId`), for a transfer out. */
  readonly destinationSchool?: string;
  /** The origin school (`truongDiId`), for a transfer in (or a staff member's hire or return). */
  readonly originSchool?: string;
  /** Who enters the change (`nguoiGhiNhan`, at most 50 characters). */
  readonly recordedBy?: string;
  /** A note (`ghiChu`, at most 255 characters; sensitive, masked by default). */
  readonly note?: string;
  /** The school recording the event (`truongId`); default: the record's `truongId`. */
  readonly schoolId?: string;
  /**
   * The effective date of the person's latest event at this school, if any: the new one may not
   * take effect before it (dates never go backwards). The record does not carry it, so the caller
   * gives it; without it, that check cannot be made here (the `LIFE.DATE.001` rule still makes it
   * on the recorded events).
   */
  readonly lastEventDate?: string;
}

/** The outcome of an accepted {@link transition}. */
export interface TransitionResult<R> {
  /** The record with its new status code; every other field kept. The input is not modified. */
  readonly record: R;
  /** The event recording the change, valid by the `SuKienTrangThai` schema. */
  readonly event: SuKienTrangThai;
}

const machinesCache = new WeakMap<LifecycleOptions, LifecycleMachines>();

function machinesOf(options: LifecycleOptions): LifecycleMachines {
  if (options.pupilStatusCodes === undefined && options.staffStatusCodes === undefined) {
    return lifecycleMachines();
  }
  let machines = machinesCache.get(options);
  if (!machines) {
    machines = lifecycleMachines(options);
    machinesCache.set(options, machines);
  }
  return machines;
}

const DETAIL_OF: Readonly<Record<Requirement, string>> = {
  effectiveDate: 'the effective date (details.effectiveDate)',
  reason: 'a reason code (details.reasonCode)',
  destinationOrReason:
    'the destination school (details.destinationSchool) or a reason code (details.reasonCode)',
  originOrReason: 'the origin school (details.originSchool) or a reason code (details.reasonCode)',
};

const DETAIL_OF_FIELD: Readonly<Record<string, string>> = {
  suKienId: 'details.eventId',
  truongId: 'details.schoolId (or the record’s truongId)',
  maDoiTuong: 'the record’s identifier',
  ngayHieuLuc: 'details.effectiveDate',
  ngayGhiNhan: 'details.recordedAt',
  maLyDo: 'details.reasonCode',
  truongDenId: 'details.destinationSchool',
  truongDiId: 'details.originSchool',
  ghiChu: 'details.note',
  nguoiGhiNhan: 'details.recordedBy',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Changes the status of a pupil (`HocSinh`) or a staff member (`CanBo`) — the only way a status
 * changes: there is no delete, a person who transfers, pauses, drops out, resigns or retires keeps
 * their record and identifier (seed regulation Art. 8 cl. 2–3). Returns the record with its new
 * status code (a copy; every other field kept) and the `SuKienTrangThai` event that records the
 * change, valid by the standard's schema.
 *
 * Throws a {@link TransitionError} — and nothing else — when the change breaks a lifecycle rule:
 * a move the machine does not allow or a first status that is not an entry state
 * (`LIFE.TRANSITION.001`), a missing effective date, reason or school (`LIFE.FIELDS.001`), a school
 * on an event that is not a transfer (`LIFE.FIELDS.002`), an effective date before the last event's
 * (`LIFE.DATE.001`), a current status code no state maps to (`LIFE.STATUS.002`), or an event that
 * would not pass the schema (`STD.SCHEMA.001`).
 *
 * @example
 * ```ts
 * const { record, event } = transition({ entity: 'HocSinh', record: pupil }, 'transferredOut', {
 *   effectiveDate: '2025-11-03',
 *   recordedAt: '2025-11-03T09:15:00+07:00',
 *   destinationSchool: '79000123',
 * });
 * record.maTrangThaiHienTai; // 'CHUYEN_DI'
 * event.trangThaiTruoc; // 'DANG_HOC'
 * ```
 */
export function transition(
  subject: PupilSubject,
  to: PupilState,
  details: TransitionDetails,
  options?: LifecycleOptions,
): TransitionResult<HocSinh>;
export function transition(
  subject: StaffSubject,
  to: StaffState,
  details: TransitionDetails,
  options?: LifecycleOptions,
): TransitionResult<CanBo>;
export function transition(
  subject: LifecycleSubject,
  to: LifecycleState,
  details: TransitionDetails,
  options: LifecycleOptions = {},
): TransitionResult<HocSinh | CanBo> {
  const entity: unknown = subject?.entity;
  const machines = machinesOf(options);
  const machine: LifecycleMachine<string> | undefined =
    entity === 'HocSinh' ? machines.pupil : entity === 'CanBo' ? machines.staff : undefined;
  const record: unknown = subject?.record;
  if (machine === undefined || typeof record !== 'object' || record === null) {
    throw new TransitionError(
      `transition needs { entity: 'HocSinh' | 'CanBo', record }, got entity ${JSON.stringify(String(entity))}`,
      { ruleId: 'LIFE.TRANSITION.001', entity: String(entity), from: undefined, to: String(to) },
    );
  }
  const fields = record as Readonly<Record<string, unknown>>;
  const id = text(fields[machine.keyField]) ?? '?';
  const current = fields[machine.statusField];
  const fromCode = text(current);
  const from = machine.stateOf(fromCode);
  const statusOption = machine.entity === 'HocSinh' ? 'pupilStatusCodes' : 'staffStatusCodes';
  const fail = (ruleId: string, message: string, field?: string): TransitionError =>
    new TransitionError(`${machine.entity} ${id}: ${message}`, {
      ruleId,
      entity: machine.entity,
      from,
      ...(fromCode === undefined ? {} : { fromCode }),
      to: String(to),
      ...(field === undefined ? {} : { field }),
    });

  if (!machine.isState(to)) {
    throw fail(
      'LIFE.TRANSITION.001',
      `${JSON.stringify(String(to))} is not a state of ${machine.entity}; expected one of ${machine.states.join(', ')}`,
    );
  }
  if (current !== undefined && current !== '' && fromCode === undefined) {
    throw fail(
      'STD.SCHEMA.001',
      `the current status ${machine.statusField} is not a text code`,
      machine.statusField,
    );
  }
  if (fromCode !== undefined && from === undefined) {
    throw fail(
      'LIFE.STATUS.002',
      `the current status code ${JSON.stringify(fromCode)} has no lifecycle state; map it with the ${statusOption} option`,
      machine.statusField,
    );
  }
  if (!machine.allows(from, to)) {
    const allowed = from === undefined ? machine.entry : (machine.transitions[from] ?? []);
    throw fail(
      'LIFE.TRANSITION.001',
      from === undefined
        ? `a first status may only be ${allowed.join(' or ')}, not ${to}`
        : allowed.length === 0
          ? `${from} is a final state: it allows no change (asked for ${to})`
          : `moving from ${from} to ${to} is not allowed; from ${from} it may go to ${allowed.join(', ')}`,
    );
  }

  if (typeof details !== 'object' || details === null) {
    throw fail(
      'LIFE.FIELDS.001',
      'the details of the change (effectiveDate, recordedAt, …) are missing',
    );
  }
  const eventFields = {
    ngayHieuLuc: details.effectiveDate,
    maLyDo: details.reasonCode,
    truongDenId: details.destinationSchool,
    truongDiId: details.originSchool,
  };
  const missing = missingRequirements(machine.requirements[to] ?? ['effectiveDate'], eventFields);
  const first = missing[0];
  if (first !== undefined) {
    throw fail(
      'LIFE.FIELDS.001',
      `moving to ${to} needs ${missing.map((r) => DETAIL_OF[r]).join('; ')}`,
      REQUIREMENT_FIELDS[first],
    );
  }
  if (!isIsoDate(details.effectiveDate)) {
    throw fail(
      'STD.SCHEMA.001',
      'details.effectiveDate must be an ISO date yyyy-mm-dd',
      'ngayHieuLuc',
    );
  }
  if (text(details.recordedAt) === undefined) {
    throw fail(
      'LIFE.FIELDS.001',
      'the time the change is entered (details.recordedAt) is required',
      'ngayGhiNhan',
    );
  }
  if (instantOf(details.recordedAt) === undefined) {
    throw fail(
      'STD.SCHEMA.001',
      'details.recordedAt must be a date-time with an offset, e.g. 2025-09-05T08:30:00+07:00',
      'ngayGhiNhan',
    );
  }
  const misplaced = misplacedSchoolFields(machine.schoolFields, to, eventFields)[0];
  if (misplaced !== undefined) {
    const states = machine.schoolFields[misplaced];
    throw fail(
      'LIFE.FIELDS.002',
      `${DETAIL_OF_FIELD[misplaced]} belongs to a move to ${states.join(' or ')}, not to ${to}`,
      misplaced,
    );
  }
  if (details.lastEventDate !== undefined) {
    if (!isIsoDate(details.lastEventDate)) {
      throw fail(
        'LIFE.DATE.001',
        'details.lastEventDate must be an ISO date yyyy-mm-dd',
        'ngayHieuLuc',
      );
    }
    if (details.effectiveDate < details.lastEventDate) {
      throw fail(
        'LIFE.DATE.001',
        `the change would take effect on ${details.effectiveDate}, before the latest event (${details.lastEventDate}): dates never go backwards`,
        'ngayHieuLuc',
      );
    }
  }
  if (id === '?') {
    throw fail(
      'LIFE.FIELDS.001',
      `the record has no identifier (${machine.keyField})`,
      machine.keyField,
    );
  }
  const schoolId = details.schoolId ?? text(fields['truongId']);
  if (schoolId === undefined) {
    throw fail(
      'LIFE.FIELDS.001',
      'the school is unknown: give details.schoolId or set the record’s truongId',
      'truongId',
    );
  }

  const candidate: SuKienTrangThai = {
    suKienId: details.eventId ?? crypto.randomUUID(),
    doiTuong: machine.subject,
    truongId: schoolId,
    maDoiTuong: id,
    ...(fromCode === undefined ? {} : { trangThaiTruoc: fromCode }),
    trangThaiSau: machine.codes[to] ?? '',
    ngayHieuLuc: details.effectiveDate,
    ...(details.reasonCode === undefined ? {} : { maLyDo: details.reasonCode }),
    ...(details.destinationSchool === undefined ? {} : { truongDenId: details.destinationSchool }),
    ...(details.originSchool === undefined ? {} : { truongDiId: details.originSchool }),
    ...(details.note === undefined ? {} : { ghiChu: details.note }),
    ngayGhiNhan: details.recordedAt,
    ...(details.recordedBy === undefined ? {} : { nguoiGhiNhan: details.recordedBy }),
  };
  const parsed = SuKienTrangThai.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw fail(
      'STD.SCHEMA.001',
      `the event would not pass the schema: ${DETAIL_OF_FIELD[field] ?? (field || 'the event')}: ${issue?.message ?? 'invalid'}`,
      field === '' ? undefined : field,
    );
  }
  const status =
    machine.entity === 'HocSinh' ? HocSinh.shape.maTrangThaiHienTai : CanBo.shape.maTrangThaiCanBo;
  const code = parsed.data.trangThaiSau;
  if (!status.safeParse(code).success) {
    throw fail(
      'STD.SCHEMA.001',
      `the status code ${JSON.stringify(code)} does not fit ${machine.statusField}; map ${to} to another code with the ${statusOption} option`,
      machine.statusField,
    );
  }
  return {
    record: { ...(record as HocSinh | CanBo), [machine.statusField]: code } as HocSinh | CanBo,
    event: parsed.data,
  };
}
