/**
 * The workloads of the proof: a generated school's changes as a school's software would enqueue
 * them — pupils created and updated (and sent again unchanged), status events along the lifecycle's
 * valid transitions, classes, TT27 assessments, and grade-1 newcomers under provisional `TAM-…`
 * identifiers with assessments and events that refer to them — and the model of what the city
 * database must hold once they are delivered: each record's versions in order, each event once.
 *
 * A workload is built from a list of {@link Step}s (fast-check draws them, or {@link fixedSteps}
 * makes them from a seed), so the child processes of the crash tests can build the same one.
 */
import { createHash } from 'node:crypto';
import { generateSchool } from '@eduvn/fixtures';
import {
  PERSONAL_ID_FIELDS,
  PUPIL_REQUIREMENTS,
  PUPIL_STATUS_CODES,
  PUPIL_TRANSITIONS,
  type PupilState,
  provisionalId,
} from '@eduvn/rules';
import type { DanhGiaHocSinh, HocSinh, Lop, SuKienTrangThai } from '@eduvn/standard';
import fc from 'fast-check';
import { recordKeyOf } from '../outbox/keys.ts';
import type { ChangeInput } from '../outbox/outbox.ts';

/** A day of the fixtures' school year (2025-2026): the sandbox's clock. */
export const NOW = Date.parse('2026-03-02T09:00:00+07:00');
/** The Sở every school of the proof belongs to. */
export const SO = '79';

type Rec = Readonly<Record<string, unknown>>;

/** One step of a workload: which record it touches and how. */
export type Step =
  /** Upserts a person (`who`: a pupil, or a newcomer at `who ≥ pupils`): `change` 0 sends it again as it is. */
  | { readonly kind: 'pupil'; readonly who: number; readonly change: number }
  /** A status event of a person: the `choice`-th valid next status. */
  | { readonly kind: 'event'; readonly who: number; readonly choice: number }
  /** Upserts a class: `change` 0 sends it again as it is. */
  | { readonly kind: 'class'; readonly cls: number; readonly change: number }
  /** Upserts an assessment of a person for a period: `change` 0 sends it again as it is. */
  | {
      readonly kind: 'assessment';
      readonly who: number;
      readonly period: number;
      readonly change: number;
    };

/** The people, classes and assessments a workload draws from: one generated school. */
export interface SchoolSource {
  readonly truongId: string;
  /** Pupils studying (DANG_HOC), in class order. */
  readonly pupils: readonly HocSinh[];
  /** Grade-1 pupils kept aside to arrive as newcomers under provisional identifiers. */
  readonly newcomers: readonly HocSinh[];
  readonly lops: readonly Lop[];
  /** Each pupil's assessments, by `hocSinhId`, in period order. */
  readonly assessments: ReadonlyMap<string, readonly DanhGiaHocSinh[]>;
}

/**
 * A generated school (no real people): its studying pupils, a few grade-1 pupils kept aside as
 * newcomers, its classes and its assessments of two periods.
 */
export function schoolSource(
  seed: string | number,
  truongId: string,
  sizes: { readonly pupils: number; readonly newcomers: number },
): SchoolSource {
  const school = generateSchool({
    seed,
    province: SO,
    truongId,
    assessments: ['GK1', 'CK1'],
    stories: { transferredIn: 0, transferredOut: 0, pausedAndReturned: 0 },
  });
  const studying = school.hocSinhs.filter((p) => p.maTrangThaiHienTai === 'DANG_HOC');
  const grade1 = studying.filter((p) => p.maKhoi === '1');
  const newcomers = grade1.slice(0, sizes.newcomers);
  const taken = new Set(newcomers.map((p) => p.hocSinhId));
  const pupils = studying.filter((p) => !taken.has(p.hocSinhId)).slice(-sizes.pupils);
  if (pupils.length < sizes.pupils || newcomers.length < sizes.newcomers)
    throw new Error(`school ${truongId} is too small for ${JSON.stringify(sizes)}`);
  const assessments = new Map<string, DanhGiaHocSinh[]>();
  for (const d of school.danhGias)
    assessments.set(d.hocSinhId, [...(assessments.get(d.hocSinhId) ?? []), d]);
  return { truongId, pupils, newcomers, lops: school.lops, assessments };
}

/** fast-check: the steps of a workload over a school of `pupils` pupils and `newcomers` newcomers. */
export function stepsArbitrary(
  source: SchoolSource,
  length: { readonly minLength: number; readonly maxLength: number },
): fc.Arbitrary<Step[]> {
  const people = source.pupils.length + source.newcomers.length;
  const who = fc.nat({ max: people - 1 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('pupil'), who, change: fc.nat(4) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('event'), who, choice: fc.nat(7) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('class'),
        cls: fc.nat({ max: Math.min(3, source.lops.length) - 1 }),
        change: fc.nat(3),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('assessment'),
        who,
        period: fc.nat(1),
        change: fc.nat(3),
      }),
    },
  ) as fc.Arbitrary<Step>;
  return fc.array(step, length);
}

/** A deterministic workload's steps from a seed (for the crash tests and their children). */
export function fixedSteps(source: SchoolSource, seed: number, length: number): Step[] {
  return fc.sample(stepsArbitrary(source, { minLength: length, maxLength: length }), {
    seed,
    numRuns: 1,
  })[0] as Step[];
}

/** What one record must have gone through at the city database. */
export interface ExpectedRecord {
  readonly entity: string;
  readonly truongId: string;
  /** Its versions' contents, in the order enqueued (provisional identifiers as enqueued). */
  readonly history: Rec[];
}

/** A workload: the changes to enqueue, and what the city database must hold after them. */
export interface Workload {
  readonly changes: ChangeInput[];
  /** By the record key of its first change (provisional identifiers as enqueued). */
  readonly records: Map<string, ExpectedRecord>;
  /** Every status event, once. */
  readonly events: SuKienTrangThai[];
  /** The provisional identifiers of the newcomers that were pushed. */
  readonly provisional: string[];
}

const PLACES = ['Huế', 'Cần Thơ', 'Đà Nẵng', 'Vinh', 'Quy Nhơn'];
const COMMENTS = [
  'Em tiến bộ rõ trong học kỳ.',
  'Em cần luyện đọc thêm ở nhà.',
  'Em chăm chỉ, hòa đồng với bạn bè.',
  'Em tính toán nhanh, cẩn thận.',
];
const STATE_OF_CODE = new Map(
  Object.entries(PUPIL_STATUS_CODES).map(([state, code]) => [code, state as PupilState]),
);
/** The school a transfer names (any school code: it need not be one of the sandbox's). */
const OTHER_SCHOOL = '79000999';
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 8, 8);
/** At most this many events per person, so that their dates stay before the sandbox's today. */
const MAX_EVENTS = 15;

/** The valid next statuses of a pupil in `code`, in a stable order (never a terminal state). */
export function nextStatuses(code: string): string[] {
  const state = STATE_OF_CODE.get(code);
  if (!state) throw new Error(`no lifecycle state has the code ${code}`);
  return PUPIL_TRANSITIONS[state]
    .filter((s) => s !== 'completedPrimary')
    .map((s) => PUPIL_STATUS_CODES[s]);
}

/** The fields an event entering `code` must carry (eduvn's requirements of new events). */
function requiredFields(code: string): Partial<SuKienTrangThai> {
  const state = STATE_OF_CODE.get(code) as PupilState;
  const out: Record<string, string> = {};
  for (const r of PUPIL_REQUIREMENTS[state]) {
    if (r === 'reason') out['maLyDo'] = 'SUC_KHOE';
    if (r === 'destinationOrReason') out['truongDenId'] = OTHER_SCHOOL;
    if (r === 'originOrReason') out['truongDiId'] = OTHER_SCHOOL;
  }
  return out as Partial<SuKienTrangThai>;
}

/**
 * Builds a workload from steps: a person's, class's or assessment's first step first pushes it as
 * generated; later steps change it (or send it again). Change ids are stable
 * (`<truongId>:<n>`): enqueuing the workload again after a crash stores nothing twice.
 */
export function buildWorkload(
  source: SchoolSource,
  steps: readonly Step[],
  options: {
    /**
     * Whether newcomers get assessments (records of another entity that refer to a provisional
     * identifier; default `true`). The crash tests leave them out: the fault properties and
     * `provisional.test.ts` cover them, and the outbox does not yet order them after their
     * pupil (see there).
     */
    readonly provisionalReferences?: boolean;
  } = {},
): Workload {
  const { truongId } = source;
  const changes: ChangeInput[] = [];
  const records = new Map<string, ExpectedRecord>();
  const events: SuKienTrangThai[] = [];
  const provisional: string[] = [];
  const current = new Map<string, Rec>();
  const eventCount = new Map<string, number>();
  const occurredAt = (n: number) => new Date(NOW - 6 * 3_600_000 + n * 1_000).toISOString();

  const push = (entity: ChangeInput['entity'], record: Rec): void => {
    const recordKey = recordKeyOf(entity, record);
    changes.push({
      id: `${truongId}:${changes.length}`,
      entity,
      record,
      occurredAt: occurredAt(changes.length),
    });
    const expected = records.get(recordKey) ?? { entity, truongId, history: [] };
    expected.history.push(record);
    records.set(recordKey, expected);
    current.set(recordKey, record);
  };

  /** The person's current record, pushing them first if they are new. */
  const person = (who: number): Rec => {
    const isNewcomer = who >= source.pupils.length;
    const base = isNewcomer
      ? source.newcomers[who - source.pupils.length]
      : source.pupils[who % source.pupils.length];
    if (!base) throw new Error(`no person ${who}`);
    const hocSinhId = isNewcomer
      ? provisionalId(truongId, who - source.pupils.length + 1)
      : base.hocSinhId;
    const key = recordKeyOf('HocSinh', { truongId, hocSinhId });
    const known = current.get(key);
    if (known) return known;
    const record = { ...base, hocSinhId };
    if (isNewcomer) provisional.push(hocSinhId);
    push('HocSinh', record);
    return record;
  };
  const baseOf = (who: number): HocSinh =>
    (who >= source.pupils.length
      ? source.newcomers[who - source.pupils.length]
      : source.pupils[who]) as HocSinh;

  for (const step of steps) {
    switch (step.kind) {
      case 'pupil': {
        const p = person(step.who);
        push(
          'HocSinh',
          step.change === 0 ? { ...p } : { ...p, noiSinh: PLACES[step.change % PLACES.length] },
        );
        break;
      }
      case 'event': {
        const p = person(step.who);
        const id = p['hocSinhId'] as string;
        const n = eventCount.get(id) ?? 0;
        if (n >= MAX_EVENTS) break;
        eventCount.set(id, n + 1);
        const before = p['maTrangThaiHienTai'] as string;
        const options = nextStatuses(before);
        const after = options[step.choice % options.length] as string;
        const day = new Date(FIRST_DAY + (n * 11 + 1) * DAY).toISOString().slice(0, 10);
        const event: SuKienTrangThai = {
          suKienId: `EV-${truongId}-${events.length + 1}`,
          doiTuong: 'HOC_SINH',
          truongId,
          maDoiTuong: id,
          trangThaiTruoc: before,
          trangThaiSau: after,
          ngayHieuLuc: day,
          ngayGhiNhan: `${day}T10:00:00+07:00`,
          nguoiGhiNhan: 'Văn thư nhà trường',
          ...requiredFields(after),
        };
        events.push(event);
        changes.push({
          id: `${truongId}:${changes.length}`,
          entity: 'SuKienTrangThai',
          record: event,
        });
        // The database sets the person's status: a new version of the pupil.
        const key = recordKeyOf('HocSinh', p);
        const updated = { ...p, maTrangThaiHienTai: after };
        records.get(key)?.history.push(updated);
        current.set(key, updated);
        break;
      }
      case 'class': {
        const lop = source.lops[step.cls] as Lop;
        const key = recordKeyOf('Lop', lop);
        const known = current.get(key);
        if (!known) push('Lop', lop);
        const now = current.get(key) as Rec;
        push('Lop', step.change === 0 ? { ...now } : { ...now, thuTu: 10 + step.change });
        break;
      }
      case 'assessment': {
        const p = person(step.who);
        const base = source.assessments.get(baseOf(step.who).hocSinhId)?.[step.period];
        if (!base) break;
        if (options.provisionalReferences === false && step.who >= source.pupils.length) break;
        const record = { ...base, hocSinhId: p['hocSinhId'] as string };
        const key = recordKeyOf('DanhGiaHocSinh', record);
        const now = current.get(key);
        if (!now) push('DanhGiaHocSinh', record);
        else
          push(
            'DanhGiaHocSinh',
            step.change === 0
              ? { ...now }
              : { ...now, nhanXet: COMMENTS[step.change % COMMENTS.length] },
          );
        break;
      }
    }
  }
  return { changes, records, events, provisional };
}

/**
 * A record with its personal ID replaced by a digest, for comparisons whose diffs may be printed:
 * never a full personal ID in a test's output.
 */
export function masked(entity: string, record: Rec | undefined): Rec | undefined {
  if (!record) return record;
  const field = Object.hasOwn(PERSONAL_ID_FIELDS, entity) ? PERSONAL_ID_FIELDS[entity] : undefined;
  if (!field || typeof record[field] !== 'string') return record;
  const digest = createHash('sha256')
    .update(record[field] as string)
    .digest('hex')
    .slice(0, 12);
  return { ...record, [field]: `sha256:${digest}` };
}
