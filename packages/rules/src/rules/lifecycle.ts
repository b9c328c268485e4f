import { keyNumbersOf, ownKeyNumber } from '../core/key-numbers.ts';
import { classOf, keyFieldsOfEntity, recordKeyOf } from '../core/keys.ts';
import { perRecord } from '../core/record-scope.ts';
import { type DatasetRule, defineRule, type RecordRule, type Rule } from '../core/rule.ts';
import type { InputRecord, Provenance, RuleSettings } from '../core/types.ts';
import { instantOf, recordedBeforeEffective, vietnamDayOf } from '../lifecycle/dates.ts';
import {
  type LifecycleMachine,
  type LifecycleMachines,
  type LifecycleOptions,
  lifecycleMachines,
  machineFor,
} from '../lifecycle/machine.ts';
import { PersonRecords } from '../lifecycle/person-records.ts';
import {
  misplacedSchoolFields,
  missingRequirements,
  REQUIREMENT_FIELDS,
  type Requirement,
  withoutReasons,
} from '../lifecycle/requirements.ts';

/** Options of {@link createLifecycleRules}. */
export interface LifecycleRuleOptions extends LifecycleOptions {
  /**
   * Demand a reason code of recorded events entering `paused`, `droppedOut`, `resigned` or
   * `onLeave`, as `transition` does of new ones (default `true`; pass `false` for imported history
   * that carries no reasons — the reason catalog has no known values and QĐ 4998 has no such
   * field).
   */
  readonly requireReasons?: boolean;
}

const BASIS_LAW = 'seed regulation Art. 8 cl. 2–3';
const BASIS_GRAPH = 'seed regulation Art. 8 cl. 2–3; allowed transitions: eduvn';
const NONE = '—';
const EVENT = 'SuKienTrangThai';
const PEOPLE = ['HocSinh', 'CanBo'] as const;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const WHAT: Readonly<Record<Requirement, { readonly vi: string; readonly en: string }>> = {
  effectiveDate: { vi: 'ngày hiệu lực (NGAY_HIEU_LUC)', en: 'an effective date (NGAY_HIEU_LUC)' },
  reason: { vi: 'mã lý do (MA_LY_DO)', en: 'a reason code (MA_LY_DO)' },
  destinationOrReason: {
    vi: 'mã trường chuyển đến (TRUONG_DEN_ID) hoặc mã lý do',
    en: 'the destination school (TRUONG_DEN_ID) or a reason code',
  },
  originOrReason: {
    vi: 'mã trường chuyển đi (TRUONG_DI_ID) hoặc mã lý do',
    en: 'the origin school (TRUONG_DI_ID) or a reason code',
  },
};

/** A status code a record carries, with its field and the machine it belongs to. */
interface StatusCode {
  readonly field: string;
  readonly code: string;
  readonly machine: LifecycleMachine<string>;
  /** The settings {@link StatusCode.known} was found for (codes are shared between records). */
  knownFor: RuleSettings | undefined;
  /** Whether the code is in its status catalog on `knownFor.asOf`. */
  known: boolean;
}

const statusCode = (
  field: string,
  code: string,
  machine: LifecycleMachine<string>,
): StatusCode => ({ field, code, machine, knownFor: undefined, known: false });

const NO_CODES: readonly StatusCode[] = [];

/** How many distinct status codes of people's records are kept per machine. */
const MAX_CODES_KEPT = 1000;

/** Whether a status code is in its status catalog on `settings.asOf`, found once per settings. */
function isKnown(status: StatusCode, settings: RuleSettings): boolean {
  if (status.knownFor !== settings) {
    status.known = settings.catalogs.has(status.machine.catalog, status.code, {
      asOf: settings.asOf,
    });
    status.knownFor = settings;
  }
  return status.known;
}

/** The minimal data the sequence rules keep of one event. */
interface EventNote {
  readonly key: string;
  readonly provenance: Provenance | undefined;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly effective: string;
  /** The instant it was recorded; +∞ when `ngayGhiNhan` is malformed. */
  readonly recorded: number;
  readonly index: number;
}

interface Sequences {
  readonly byPerson: Map<string, { machine: LifecycleMachine<string>; events: EventNote[] }>;
  count: number;
}

/** What events are ordered by. */
type Ordered = Pick<EventNote, 'effective' | 'recorded' | 'index'>;

const byEffectiveThenRecorded = (a: Ordered, b: Ordered): number =>
  a.effective < b.effective
    ? -1
    : a.effective > b.effective
      ? 1
      : a.recorded - b.recorded || a.index - b.index;

/** What {@link note} reads of an event: an {@link EventNote} but its index. */
type EventFields = Omit<EventNote, 'index'>;

function note(item: InputRecord): EventFields | undefined {
  const r = item.record;
  const effective = text(r['ngayHieuLuc']);
  if (effective === undefined) return undefined;
  return {
    key: recordKeyOf(item),
    provenance: item.provenance,
    before: text(r['trangThaiTruoc']),
    after: text(r['trangThaiSau']),
    effective,
    recorded: instantOf(r['ngayGhiNhan']) ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * The person (at one school) an event belongs to: `doiTuong`, `truongId`, `maDoiTuong`. A
 * lifecycle is followed per school — a transfer closes one school's sequence and opens another's
 * (eduvn's choice).
 */
function personOf(item: InputRecord): string | undefined {
  const r = item.record;
  const subject = text(r['doiTuong']);
  const id = text(r['maDoiTuong']);
  if (subject === undefined || id === undefined) return undefined;
  return `${subject}\u0000${text(r['truongId']) ?? ''}\u0000${id}`;
}

/** What the three sequence rules read of an event: its machine, person and fields. */
interface SequenceEntry {
  readonly machine: LifecycleMachine<string> | undefined;
  readonly person: string | undefined;
  readonly event: EventFields | undefined;
}

/** The sequence entry of an event, read once for the three rules that order events. */
const sequenceEntryOf = (machines: LifecycleMachines) =>
  perRecord(
    (item: InputRecord): SequenceEntry => ({
      machine: machineFor(machines, item.record['doiTuong']),
      person: personOf(item),
      event: note(item),
    }),
  );

function collectSequence(entry: SequenceEntry, state: Sequences): void {
  const index = state.count++;
  const { machine, person, event } = entry;
  if (machine === undefined || person === undefined || event === undefined) return;
  let found = state.byPerson.get(person);
  if (!found) {
    found = { machine, events: [] };
    state.byPerson.set(person, found);
  }
  found.events.push({
    key: event.key,
    provenance: event.provenance,
    before: event.before,
    after: event.after,
    effective: event.effective,
    recorded: event.recorded,
    index,
  });
}

const eventTarget = (event: EventNote) => ({
  entity: EVENT,
  recordKey: event.key,
  ...(event.provenance === undefined ? {} : { provenance: event.provenance }),
});

const newSequences = (): Sequences => ({ byPerson: new Map(), count: 0 });

/**
 * Whether the key of `entity`'s records is its one field `field`, so that a record whose `field`
 * holds a non-empty text has that text as its key (`recordKeyOf`) and needs no other.
 */
const keyIsId = (entity: string, field: string): boolean => {
  const fields = keyFieldsOfEntity(entity);
  return fields !== null && fields.length === 1 && fields[0] === field;
};

/**
 * Makes the lifecycle rules with the given status-code mapping (see `LifecycleOptions`) — the
 * same machines `transition` uses:
 *
 * - `LIFE.STATUS.001` (query): a status code not in its status catalog valid on `asOf`;
 * - `LIFE.STATUS.002` (query): a status code of the catalog that no lifecycle state maps to;
 * - `LIFE.TRANSITION.001` (error): a person's events, in order, make a move the machine does not
 *   allow (or start in a state that is not an entry state);
 * - `LIFE.TRANSITION.002` (error): an event's `trangThaiTruoc` differs from the `trangThaiSau` of
 *   the person's previous event;
 * - `LIFE.FIELDS.001` (error): an event lacks a field its move needs;
 * - `LIFE.FIELDS.002` (query): a destination school on an event that is not a transfer out, or an
 *   origin school on one that is not a transfer in;
 * - `LIFE.DATE.001` (error): dates went backwards — an event takes effect before an event of the
 *   same person recorded on an earlier day;
 * - `LIFE.DATE.002` (query): an event recorded before the day it takes effect (Vietnam time);
 * - `LIFE.CURRENT.001` (error): a record's current status differs from its latest event's.
 *
 * Events are ordered by `ngayHieuLuc`, then `ngayGhiNhan`, then input order; the input need not
 * be sorted. A person without events is not checked against events (their status may predate the
 * data).
 *
 * @example
 * ```ts
 * const rules = createLifecycleRules({ pupilStatusCodes: { paused: 'NGHI_TAM_THOI' } });
 * const report = await runRules(records, rules, { asOf: '2026-05-31' });
 * ```
 */
export function createLifecycleRules(options: LifecycleRuleOptions = {}): readonly Rule[] {
  const machines = lifecycleMachines(options);
  const entryOf = sequenceEntryOf(machines);
  const recorded: Readonly<Record<string, Readonly<Record<string, readonly Requirement[]>>>> = {
    HOC_SINH:
      options.requireReasons !== false
        ? machines.pupil.requirements
        : withoutReasons(machines.pupil.requirements),
    CAN_BO:
      options.requireReasons !== false
        ? machines.staff.requirements
        : withoutReasons(machines.staff.requirements),
  };

  /**
   * The status codes of people's records met so far, by machine and code: a province's pupils
   * share a handful of codes, so each record's list is one of these (bounded for hostile input).
   */
  const personCodes = new Map<LifecycleMachine<string>, Map<string, readonly StatusCode[]>>();

  /** Each status code a record carries, with its field and machine (once per record). */
  const codesOf = perRecord((item: InputRecord): readonly StatusCode[] => {
    const r = item.record;
    if (item.entity === EVENT) {
      const machine = machineFor(machines, r['doiTuong']);
      if (!machine) return [];
      return (['trangThaiTruoc', 'trangThaiSau'] as const).flatMap((field) => {
        const code = text(r[field]);
        return code === undefined ? [] : [statusCode(field, code, machine)];
      });
    }
    const machine = machineFor(machines, item.entity);
    const code = machine && text(r[machine.statusField]);
    if (!machine || code === undefined) return NO_CODES;
    let byCode = personCodes.get(machine);
    if (!byCode) {
      byCode = new Map();
      personCodes.set(machine, byCode);
    }
    let codes = byCode.get(code);
    if (!codes) {
      codes = [statusCode(machine.statusField, code, machine)];
      if (byCode.size < MAX_CODES_KEPT) byCode.set(code, codes);
    }
    return codes;
  });

  const unknownCode: RecordRule = defineRule({
    id: 'LIFE.STATUS.001',
    entity: [...PEOPLE, EVENT],
    scope: 'record',
    severity: 'query',
    basis: 'eduvn (status catalogs of QĐ 4998 §II with eduvn codes)',
    message: {
      vi: 'Mã trạng thái "{code}" không có trong danh mục {catalog} hiệu lực ngày {asOf}',
      en: 'Status code "{code}" is not in the catalog {catalog} valid on {asOf}',
    },
    hint: {
      vi: 'Dùng một mã của danh mục; nếu mã đúng theo danh mục của Bộ, nạp danh mục đó (gói danh mục)',
      en: "Use a code of the catalog; if the code is right by the Ministry's catalog, load that catalog (a catalog pack)",
    },
    check(item, ctx) {
      const { asOf } = ctx.settings;
      const codes = codesOf(item, ctx.settings);
      for (let i = 0; i < codes.length; i++) {
        const status = codes[i] as StatusCode;
        const { field, code, machine } = status;
        if (!isKnown(status, ctx.settings)) {
          ctx.report({
            field,
            params: { code: code.slice(0, 40), catalog: machine.catalog, asOf },
          });
        }
      }
    },
  });

  const unmappedCode: RecordRule = defineRule({
    id: 'LIFE.STATUS.002',
    entity: [...PEOPLE, EVENT],
    scope: 'record',
    severity: 'query',
    basis: 'eduvn',
    message: {
      vi: 'Mã trạng thái "{code}" chưa được gán với trạng thái nào của vòng đời {who}',
      en: 'Status code "{code}" is mapped to no state of the {whoEn} lifecycle',
    },
    hint: {
      vi: 'Gán mã cho một trạng thái bằng tuỳ chọn {option} (createLifecycleRules, transition)',
      en: 'Map the code to a state with the {option} option (createLifecycleRules, transition)',
    },
    check(item, ctx) {
      const codes = codesOf(item, ctx.settings);
      for (let i = 0; i < codes.length; i++) {
        const status = codes[i] as StatusCode;
        const { field, code, machine } = status;
        if (machine.stateOf(code) === undefined && isKnown(status, ctx.settings)) {
          const pupil = machine.entity === 'HocSinh';
          ctx.report({
            field,
            params: {
              code: code.slice(0, 40),
              who: pupil ? 'học sinh' : 'cán bộ',
              whoEn: pupil ? 'pupil' : 'staff',
              option: pupil ? 'pupilStatusCodes' : 'staffStatusCodes',
            },
          });
        }
      }
    },
  });

  const missingFields: RecordRule = defineRule({
    id: 'LIFE.FIELDS.001',
    entity: EVENT,
    scope: 'record',
    severity: 'error',
    basis: 'eduvn (status changes are recorded with dates; seed regulation Art. 8 cl. 2–3)',
    message: {
      vi: 'Sự kiện chuyển sang trạng thái {to} thiếu {what}',
      en: 'The event moving to status {to} lacks {whatEn}',
    },
    hint: {
      vi: 'Bổ sung {what} bằng một sự kiện điều chỉnh',
      en: 'Supply {whatEn} (record a correcting event)',
    },
    check(item, ctx) {
      const r = item.record;
      const machine = machineFor(machines, r['doiTuong']);
      if (!machine) return;
      const to = text(r['trangThaiSau']);
      const state = machine.stateOf(to);
      const requirements: readonly Requirement[] = (state === undefined
        ? undefined
        : recorded[machine.subject]?.[state]) ?? ['effectiveDate'];
      for (const requirement of missingRequirements(requirements, r)) {
        ctx.report({
          field: REQUIREMENT_FIELDS[requirement],
          params: {
            to: to ?? NONE,
            what: WHAT[requirement].vi,
            whatEn: WHAT[requirement].en,
          },
        });
      }
    },
  });

  const misplacedSchool: RecordRule = defineRule({
    id: 'LIFE.FIELDS.002',
    entity: EVENT,
    scope: 'record',
    severity: 'query',
    basis: 'eduvn (SuKienTrangThai: truongDenId for transfers out, truongDiId for transfers in)',
    message: {
      vi: 'Trường {field} không dùng cho sự kiện chuyển sang trạng thái {to}',
      en: '{field} does not belong to an event moving to status {to}',
    },
    hint: {
      vi: 'Mã trường chuyển đến chỉ ghi khi chuyển đi, mã trường chuyển đi chỉ ghi khi chuyển đến',
      en: 'A destination school goes with a transfer out, an origin school with a transfer in',
    },
    check(item, ctx) {
      const r = item.record;
      const machine = machineFor(machines, r['doiTuong']);
      const to = text(r['trangThaiSau']);
      const state = machine?.stateOf(to);
      if (!machine || state === undefined) return;
      for (const field of misplacedSchoolFields(machine.schoolFields, state, r)) {
        ctx.report({
          field,
          params: {
            field: field === 'truongDenId' ? 'TRUONG_DEN_ID' : 'TRUONG_DI_ID',
            to: to ?? NONE,
          },
        });
      }
    },
  });

  const recordedEarly: RecordRule = defineRule({
    id: 'LIFE.DATE.002',
    entity: EVENT,
    scope: 'record',
    severity: 'query',
    basis: 'eduvn',
    message: {
      vi: 'Sự kiện được ghi nhận ({recorded}) trước ngày hiệu lực ({date})',
      en: 'The event was recorded ({recorded}) before the day it takes effect ({date})',
    },
    hint: {
      vi: 'Kiểm tra ngày hiệu lực và thời điểm ghi nhận; nếu ghi trước là đúng, xác nhận kèm ghi chú',
      en: 'Check the effective date and the recording time; if recording in advance is right, acknowledge it with a note',
    },
    check(item, ctx) {
      const { ngayHieuLuc, ngayGhiNhan } = item.record;
      if (recordedBeforeEffective(ngayHieuLuc, ngayGhiNhan)) {
        ctx.report({
          field: 'ngayGhiNhan',
          params: { recorded: String(ngayGhiNhan), date: String(ngayHieuLuc) },
        });
      }
    },
  });

  const badTransition: DatasetRule<Sequences> = defineRule({
    id: 'LIFE.TRANSITION.001',
    entity: EVENT,
    scope: 'dataset',
    severity: 'error',
    basis: BASIS_GRAPH,
    message: {
      vi: 'Chuyển trạng thái không hợp lệ: {from} → {to}',
      en: 'Status change not allowed: {from} → {to}',
    },
    hint: {
      vi: 'Từ {from} chỉ được chuyển sang: {allowed}. Bổ sung sự kiện còn thiếu hoặc ghi sự kiện điều chỉnh',
      en: 'From {from} the allowed statuses are: {allowed}. Record the missing events, or correct with a new event',
    },
    init: newSequences,
    collect: (item, state, settings) => collectSequence(entryOf(item, settings), state),
    finish(state, ctx) {
      for (const { machine, events } of state.byPerson.values()) {
        events.sort(byEffectiveThenRecorded);
        let previous: EventNote | undefined;
        for (const event of events) {
          const fromCode = previous === undefined ? event.before : previous.after;
          const from = machine.stateOf(fromCode);
          const to = machine.stateOf(event.after);
          previous = event;
          // Unmapped codes are LIFE.STATUS.002's: no move from or to them can be judged.
          if (to === undefined || (fromCode !== undefined && from === undefined)) continue;
          if (machine.allows(from, to)) continue;
          const allowed = from === undefined ? machine.entry : (machine.transitions[from] ?? []);
          ctx.report({
            target: eventTarget(event),
            field: 'trangThaiSau',
            params: {
              from: fromCode ?? NONE,
              to: event.after ?? NONE,
              allowed: allowed.map((s) => machine.codes[s] ?? s).join(', ') || NONE,
            },
          });
        }
      }
    },
  });

  const brokenChain: DatasetRule<Sequences> = defineRule({
    id: 'LIFE.TRANSITION.002',
    entity: EVENT,
    scope: 'dataset',
    severity: 'error',
    basis: 'eduvn (SuKienTrangThai: the status before is the status the previous event left)',
    message: {
      vi: 'Trạng thái trước ({before}) khác trạng thái sau của sự kiện liền trước ({previous})',
      en: 'The status before ({before}) differs from the status the previous event left ({previous})',
    },
    hint: {
      vi: 'Trạng thái trước phải là {previous}; nếu thiếu một sự kiện ở giữa, hãy bổ sung',
      en: 'The status before must be {previous}; if an event between them is missing, record it',
    },
    init: newSequences,
    collect: (item, state, settings) => collectSequence(entryOf(item, settings), state),
    finish(state, ctx) {
      for (const { events } of state.byPerson.values()) {
        events.sort(byEffectiveThenRecorded);
        for (let i = 1; i < events.length; i++) {
          const previous = events[i - 1] as EventNote;
          const event = events[i] as EventNote;
          if (event.before === previous.after) continue;
          ctx.report({
            target: eventTarget(event),
            field: 'trangThaiTruoc',
            params: { before: event.before ?? NONE, previous: previous.after ?? NONE },
          });
        }
      }
    },
  });

  const backwards: DatasetRule<Sequences> = defineRule({
    id: 'LIFE.DATE.001',
    entity: EVENT,
    scope: 'dataset',
    severity: 'error',
    basis: 'eduvn (status changes are recorded with dates, never rewritten)',
    message: {
      vi: 'Ngày hiệu lực {date} lùi về trước sự kiện đã ghi nhận từ ngày trước đó (hiệu lực {latest})',
      en: 'Effective date {date} goes back before an event recorded on an earlier day (effective {latest})',
    },
    hint: {
      vi: 'Một thay đổi không được có hiệu lực trước thay đổi đã ghi; sửa ngày hoặc ghi sự kiện điều chỉnh',
      en: 'A change may not take effect before a change already recorded; correct the date or record a correcting event',
    },
    init: newSequences,
    collect: (item, state, settings) => collectSequence(entryOf(item, settings), state),
    finish(state, ctx) {
      for (const { events } of state.byPerson.values()) {
        // Recording order, by Vietnam day: within one day, the order of entry does not matter.
        const dated = events
          .filter((e) => Number.isFinite(e.recorded))
          .map((e) => ({ event: e, day: vietnamDayOf(e.recorded) }))
          .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.event.index - b.event.index));
        let latest: string | undefined;
        for (let i = 0; i < dated.length; ) {
          const day = (dated[i] as (typeof dated)[number]).day;
          let j = i;
          let dayLatest = latest;
          for (; j < dated.length && (dated[j] as (typeof dated)[number]).day === day; j++) {
            const { event } = dated[j] as (typeof dated)[number];
            if (latest !== undefined && event.effective < latest) {
              ctx.report({
                target: eventTarget(event),
                field: 'ngayHieuLuc',
                params: { date: event.effective, latest },
              });
            }
            if (dayLatest === undefined || event.effective > dayLatest) dayLatest = event.effective;
          }
          latest = dayLatest;
          i = j;
        }
      }
    },
  });

  interface Latest {
    after: string | undefined;
    effective: string;
    recorded: number;
    index: number;
  }
  interface CurrentState {
    /**
     * The latest event of each person at each school: by the person's entity (the machine's),
     * then person number (`keyNumbersOf`), then school.
     */
    readonly latest: Map<string, Map<number, Map<string, Latest>>>;
    readonly records: PersonRecords;
    count: number;
  }

  const staleStatus: DatasetRule<CurrentState> = defineRule({
    id: 'LIFE.CURRENT.001',
    entity: [...PEOPLE, EVENT],
    scope: 'dataset',
    evidence: {
      [machines.pupil.entity]: [machines.pupil.keyField, machines.pupil.statusField],
      [machines.staff.entity]: [machines.staff.keyField, machines.staff.statusField],
    },
    severity: 'error',
    basis: BASIS_LAW,
    message: {
      vi: 'Trạng thái hiện tại ({status}) khác trạng thái của sự kiện mới nhất ({latest}, hiệu lực {date})',
      en: "The current status ({status}) differs from the latest event's ({latest}, effective {date})",
    },
    hint: {
      vi: 'Trạng thái chỉ thay đổi qua sự kiện: đặt trạng thái là {latest}, hoặc ghi sự kiện dẫn tới {status}',
      en: 'A status changes only through events: set it to {latest}, or record the event that led to {status}',
    },
    init: () => ({ latest: new Map(), records: new PersonRecords(), count: 0 }),
    collect(item, state, settings) {
      const r = item.record;
      const index = state.count++;
      if (item.entity === EVENT) {
        const machine = machineFor(machines, r['doiTuong']);
        const id = text(r['maDoiTuong']);
        const effective = text(r['ngayHieuLuc']);
        if (!machine || id === undefined || effective === undefined) return;
        const school = text(r['truongId']) ?? '';
        const person = keyNumbersOf(settings, machine.entity).add(id);
        let people = state.latest.get(machine.entity);
        if (!people) {
          people = new Map();
          state.latest.set(machine.entity, people);
        }
        let schools = people.get(person);
        if (!schools) {
          schools = new Map();
          people.set(person, schools);
        }
        const candidate: Latest = {
          after: text(r['trangThaiSau']),
          effective,
          recorded: instantOf(r['ngayGhiNhan']) ?? Number.POSITIVE_INFINITY,
          index,
        };
        const known = schools.get(school);
        if (!known || byEffectiveThenRecorded(known, candidate) < 0) {
          schools.set(school, candidate);
        }
        return;
      }
      const machine = machineFor(machines, item.entity);
      const id = machine && text(r[machine.keyField]);
      if (!machine || id === undefined) return;
      // The key field is the entity's own key: its number is the run's, shared with other rules,
      // and the record key is that identifier (kept apart only should it ever differ).
      const key = keyIsId(item.entity, machine.keyField) ? id : recordKeyOf(item);
      state.records.add(
        item.entity,
        ownKeyNumber(item, settings),
        key === id ? undefined : key,
        text(r['truongId']),
        text(r[machine.statusField]),
        item.provenance,
        classOf(item),
      );
    },
    finish(state, ctx) {
      const people = function* () {
        for (const [entity, persons] of state.latest)
          for (const [person, schools] of persons) yield { entity, person, schools };
      };
      // Only people with events are checked, in the order their first records came.
      for (const { of, records } of state.records.recordsOf(people())) {
        const { entity, person, schools } = of;
        const field = (machineFor(machines, entity) as LifecycleMachine<string>).statusField;
        const id = keyNumbersOf(ctx.settings, entity).keyAt(person) as string;
        for (const record of records) {
          // A record without a school is matched to the events when they come from one school only.
          const latest =
            record.school !== undefined
              ? schools.get(record.school)
              : schools.size === 1
                ? [...schools.values()][0]
                : undefined;
          if (!latest || latest.after === record.status) continue;
          ctx.report({
            target: {
              entity,
              recordKey: record.key ?? id,
              ...(record.provenance === undefined ? {} : { provenance: record.provenance }),
              ...(record.classCode === undefined ? {} : { classCode: record.classCode }),
            },
            field,
            params: {
              status: record.status ?? NONE,
              latest: latest.after ?? NONE,
              date: latest.effective,
            },
          });
        }
      }
    },
  });

  return Object.freeze([
    unknownCode,
    unmappedCode,
    badTransition,
    brokenChain,
    missingFields,
    misplacedSchool,
    backwards,
    recordedEarly,
    staleStatus,
  ]);
}

/**
 * The lifecycle rules with the default status codes (`PUPIL_STATUS_CODES`,
 * `STAFF_STATUS_CODES`); see {@link createLifecycleRules} for each rule and for other mappings.
 */
export const lifecycleRules: readonly Rule[] = createLifecycleRules();
