import { IntColumn } from '../core/int-column.ts';
import { keyNumbersOf, ownKeyNumber } from '../core/key-numbers.ts';
import { classOf, recordKeyOf } from '../core/keys.ts';
import { TextNumbers } from '../core/places.ts';
import {
  type DatasetContext,
  type DatasetRule,
  defineRule,
  type RecordContext,
  type RecordRule,
  type Rule,
} from '../core/rule.ts';
import { StringIndex } from '../core/string-index.ts';
import { TargetColumns } from '../core/targets.ts';
import type { Finding, InputRecord, RuleSettings } from '../core/types.ts';
import { appendMatchKey, UnitBuffer } from '../text/match-key-units.ts';
import { isNormalizedText } from '../text/normalized.ts';

/** The record a dataset rule reports on. */
type Target = NonNullable<Finding['target']>;

/** The target of a finding about `item`, kept instead of the record itself. */
function targetOf(item: InputRecord): Target {
  const classCode = classOf(item);
  return {
    entity: item.entity,
    recordKey: recordKeyOf(item),
    ...(item.provenance === undefined ? {} : { provenance: item.provenance }),
    ...(classCode === undefined ? {} : { classCode }),
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The name fields checked by {@link nameNotNormalized}, per entity. */
export const NAME_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  HocSinh: ['hoTen', 'tenCha', 'tenMe', 'tenNguoiDd'],
  CanBo: ['hoTen'],
});

const INVISIBLE_OR_ODD_SPACE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/u;

/** What is wrong with a name that `normalizeText` would change, in both languages. */
function problemsOf(value: string): { readonly vi: string; readonly en: string } {
  const vi: string[] = [];
  const en: string[] = [];
  if (value !== value.normalize('NFC')) {
    vi.push('chữ ở dạng Unicode tổ hợp (NFD), không phải NFC');
    en.push('letters in decomposed Unicode (NFD), not NFC');
  }
  if (INVISIBLE_OR_ODD_SPACE.test(value)) {
    vi.push('có ký tự ẩn hoặc khoảng trắng đặc biệt');
    en.push('invisible characters or special white space');
  }
  if (/ {2}/.test(value)) {
    vi.push('có hai khoảng trắng liền nhau');
    en.push('two spaces in a row');
  }
  if (/^\s|\s$/u.test(value)) {
    vi.push('có khoảng trắng ở đầu hoặc cuối');
    en.push('white space at the start or end');
  }
  return { vi: vi.join(', ') || 'cần chuẩn hoá', en: en.join(', ') || 'needs normalizing' };
}

/**
 * `DQ.NAME.001`: a person's name (a pupil's `hoTen` and its parents' and guardian's names, a staff
 * member's `hoTen`; see {@link NAME_FIELDS}) that `normalizeText` from `@eduvn/text` would change:
 * decomposed Unicode (NFD), invisible characters, runs of white space, white space at the ends.
 * The name itself is never put in the message.
 */
export const nameNotNormalized: RecordRule = defineRule({
  id: 'DQ.NAME.001',
  entity: Object.keys(NAME_FIELDS),
  scope: 'record',
  severity: 'query',
  basis: 'eduvn',
  message: {
    vi: 'Trường {field} chưa được chuẩn hoá: {problemVi}',
    en: 'Field {field} is not normalized: {problemEn}',
  },
  hint: {
    vi: 'Chuẩn hoá tên (Unicode NFC, bỏ ký tự ẩn và khoảng trắng thừa), ví dụ bằng normalizeText của @eduvn/text',
    en: 'Normalize the name (Unicode NFC, no invisible characters or extra white space), e.g. with normalizeText from @eduvn/text',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const fields = Object.hasOwn(NAME_FIELDS, item.entity) ? NAME_FIELDS[item.entity] : undefined;
    if (fields === undefined) return;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as string;
      const value = item.record[field];
      if (typeof value !== 'string' || isNormalizedText(value)) continue;
      const p = problemsOf(value);
      ctx.report({ field, params: { field, problemVi: p.vi, problemEn: p.en } });
    }
  },
});

/** Where {@link probableDuplicatePerson} composes a pupil's key (records come one at a time). */
const scratch = new UnitBuffer();

interface DuplicateState {
  /** The keys `matchKey(hoTen)|ngaySinh` met, numbered. */
  readonly keys: StringIndex;
  /** By key number: the first pupil's `hocSinhId`, by its number (`ownKeyNumber`) + 1. */
  readonly first: IntColumn;
  /** The later records found, with the earlier pupil's id. */
  readonly found: { readonly target: Target; readonly earlier: string }[];
}

/**
 * `DQ.PERSON.001`: a probable duplicate person — a pupil with the same name (by `matchKey`: case,
 * diacritics, tone placement, NFC/NFD and spacing ignored) and the same `ngaySinh` as an earlier
 * pupil of the input under another `hocSinhId`. Reported on the later record, naming the earlier
 * one's `hocSinhId` (never the name). A query: twins or namesakes born the same day exist.
 * Keeps only `key → hocSinhId` in memory.
 */
export const probableDuplicatePerson: DatasetRule = defineRule<DatasetRule<DuplicateState>>({
  id: 'DQ.PERSON.001',
  entity: 'HocSinh',
  scope: 'dataset',
  evidence: ['hoTen', 'ngaySinh'],
  severity: 'query',
  basis: 'eduvn',
  message: {
    vi: 'Có thể trùng người: cùng họ tên và ngày sinh với học sinh {earlier}',
    en: 'Probably the same person as pupil {earlier}: same name and date of birth',
  },
  hint: {
    vi: 'Nếu là một người, giữ một mã học sinh và chuyển trạng thái bản ghi kia (không xoá); nếu là hai người, xác nhận kèm ghi chú',
    en: 'If it is one person, keep one pupil code and change the status of the other record (never delete it); if two people, acknowledge with a note',
  },
  init: () => ({ keys: new StringIndex(), first: new IntColumn(), found: [] }),
  collect(item: InputRecord, state: DuplicateState, settings: RuleSettings) {
    const id = text(item.record['hocSinhId']);
    const name = text(item.record['hoTen']);
    const born = text(item.record['ngaySinh']);
    if (id === undefined || name === undefined || born === undefined) return;
    // The key `${matchKey(name)}|${born}`, composed in a scratch buffer and numbered from there:
    // no string is made for it.
    scratch.length = 0;
    if (appendMatchKey(name, scratch) === 0) return;
    scratch.push(0x7c);
    scratch.pushText(born);
    const n = state.keys.addUnits(scratch.units, scratch.length);
    // The same hocSinhId exactly when the same number in the run's numbering of pupils.
    const own = ownKeyNumber(item, settings);
    const earlier = state.first.get(n) - 1;
    if (earlier < 0) state.first.set(n, own + 1);
    else if (earlier !== own) {
      const ids = keyNumbersOf(settings, item.entity);
      state.found.push({ target: targetOf(item), earlier: ids.keyAt(earlier) as string });
    }
  },
  finish(state: DuplicateState, ctx: DatasetContext) {
    for (const { target, earlier } of state.found) ctx.report({ target, params: { earlier } });
  },
});

/** The keys the referenced records of a reference rule are known under. */
interface KnownKeys {
  /** Notes the keys a referenced record is known under. */
  note(item: InputRecord): void;
  /** Whether a referenced record known under `key` was noted. */
  has(key: string): boolean;
}

/** Keys composed from a referenced record's fields by `addKeys`, kept in a table. */
const composedKeys =
  (addKeys: (record: Readonly<Record<string, unknown>>, keys: StringIndex) => void) =>
  (): KnownKeys => {
    const keys = new StringIndex();
    return {
      note: (item) => addKeys(item.record, keys),
      has: (key) => keys.indexOf(key) >= 0,
    };
  };

/**
 * A referenced record's own key (a pupil's `hocSinhId`, when not empty), by its number in the
 * run's numbering of `entity` (`ownKeyNumber`), shared with the other rules that key on it.
 */
const ownKeys =
  (entity: string, field: string) =>
  (settings: RuleSettings): KnownKeys => {
    const noted = new IntColumn();
    return {
      note: (item) => {
        if (text(item.record[field]) !== undefined) noted.set(ownKeyNumber(item, settings), 1);
      },
      has: (key) => {
        const n = keyNumbersOf(settings, entity).indexOf(key);
        return n >= 0 && noted.get(n) === 1;
      },
    };
  };

/** The state of a reference rule: the keys seen, and the references not yet resolved. */
interface ReferenceState {
  /** Whether any record of the referenced entity appeared. */
  seen: boolean;
  /** Keys of the referenced records. */
  readonly keys: KnownKeys;
  /**
   * The reference fields of the last record found resolved: a record with the same values refers
   * to the same key, resolved too (keys are only ever added). Pupils of a class come together.
   */
  lastResolved: readonly unknown[] | undefined;
  /**
   * References not resolved when met (the referenced record may come later), in columns: most
   * records of a file without the referenced entity are pending, and are kept as a few numbers
   * each — the record's target, the key's and the value shown's numbers.
   */
  readonly pending: TargetColumns;
  /** By pending number: the number of the key it refers to, in `pendingKeys`. */
  readonly pendingKey: IntColumn;
  /** By pending number: the number of the value shown, in `shownValues`. */
  readonly pendingShown: IntColumn;
  readonly pendingKeys: StringIndex;
  readonly shownValues: TextNumbers;
  /**
   * The reference fields of the last record found pending, and its key's and value's numbers: the
   * next pupils of the class refer to the same key.
   */
  lastPending: readonly unknown[] | undefined;
  lastPendingKey: number;
  lastPendingShown: number;
}

/** What a reference rule needs to know. */
interface ReferenceSpec {
  /** The referencing entity. */
  readonly from: string;
  /** The referenced entity. */
  readonly to: string;
  /** The referencing field. */
  readonly field: string;
  /** The referenced entity's field a reference names (`ma` of a class). */
  readonly toKey: string;
  /**
   * The fields {@link ReferenceSpec.refOf} reads, `field` among them: records with the same values
   * in them refer to the same key and show the same value.
   */
  readonly refFields: readonly string[];
  /** The keys the referenced records are known under, for a run. */
  readonly known: (settings: RuleSettings) => KnownKeys;
  /** The key a reference resolves to, or `undefined` for no reference. */
  readonly refOf: (record: Readonly<Record<string, unknown>>) => string | undefined;
}

/** Whether `record` holds `values` in `fields`, one for one. */
function sameValues(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  values: readonly unknown[],
): boolean {
  for (let i = 0; i < fields.length; i++) {
    if (record[fields[i] as string] !== values[i]) return false;
  }
  return true;
}

function referenceRule(
  info: Pick<DatasetRule, 'id' | 'message' | 'hint'>,
  spec: ReferenceSpec,
): DatasetRule {
  return defineRule<DatasetRule<ReferenceState>>({
    ...info,
    entity: [spec.from, spec.to],
    scope: 'dataset',
    // The reference and the referenced record's key: without either nothing can be resolved.
    evidence: { [spec.from]: spec.refFields.slice(0, 1), [spec.to]: [spec.toKey] },
    references: { from: spec.from, to: spec.to },
    severity: 'error',
    basis: 'eduvn',
    init: (settings) => ({
      seen: false,
      keys: spec.known(settings),
      lastResolved: undefined,
      pending: new TargetColumns(settings),
      pendingKey: new IntColumn(),
      pendingShown: new IntColumn(),
      pendingKeys: new StringIndex(),
      shownValues: new TextNumbers(),
      lastPending: undefined,
      lastPendingKey: 0,
      lastPendingShown: 0,
    }),
    collect(item: InputRecord, state: ReferenceState) {
      if (item.entity === spec.to) {
        state.seen = true;
        state.keys.note(item);
      }
      if (item.entity === spec.from) {
        const r = item.record;
        const last = state.lastResolved;
        if (last !== undefined && sameValues(r, spec.refFields, last)) return;
        let keyNumber: number;
        let shownNumber: number;
        const pending = state.lastPending;
        if (pending !== undefined && sameValues(r, spec.refFields, pending)) {
          // The same key as the last pending record's: pending too, or resolved since, which the
          // end tells (keys are only ever added).
          keyNumber = state.lastPendingKey;
          shownNumber = state.lastPendingShown;
        } else {
          const key = spec.refOf(r);
          if (key === undefined) return;
          if (state.keys.has(key)) {
            state.lastResolved = spec.refFields.map((f) => r[f]);
            return;
          }
          keyNumber = state.pendingKeys.add(key);
          shownNumber = state.shownValues.numberOf(String(item.record[spec.field]).slice(0, 40));
          state.lastPending = spec.refFields.map((f) => r[f]);
          state.lastPendingKey = keyNumber;
          state.lastPendingShown = shownNumber;
        }
        const n = state.pending.add(item);
        state.pendingKey.set(n, keyNumber);
        state.pendingShown.set(n, shownNumber);
      }
    },
    finish(state: ReferenceState, ctx: DatasetContext) {
      // A file without any record of the referenced entity (pupils alone) cannot be checked.
      if (!state.seen) return;
      // By key number: 1 resolved at the end, 2 not, 0 not asked yet.
      const verdicts = new Uint8Array(state.pendingKeys.size);
      for (let n = 0; n < state.pending.size; n++) {
        const k = state.pendingKey.get(n);
        if (verdicts[k] === 0)
          verdicts[k] = state.keys.has(state.pendingKeys.keyAt(k) as string) ? 1 : 2;
        if (verdicts[k] === 1) continue;
        ctx.report({
          target: state.pending.targetAt(n),
          field: spec.field,
          params: { value: state.shownValues.textOf(state.pendingShown.get(n)) as string },
        });
      }
    },
  });
}

/**
 * `DQ.REF.001`: a pupil's `maLop` names no class of the input (a `Lop` of the pupil's school with
 * that `ma`; of any school when the pupil has no `truongId`). Checked only when the input holds at
 * least one class: a file of pupils alone is not a file with missing classes.
 */
export const pupilClassExists: DatasetRule = referenceRule(
  {
    id: 'DQ.REF.001',
    message: {
      vi: 'Lớp "{value}" của học sinh không có trong dữ liệu lớp học',
      en: 'The pupil\'s class "{value}" is not among the classes of the data',
    },
    hint: {
      vi: 'Sửa mã lớp của học sinh, hoặc bổ sung lớp vào dữ liệu lớp học',
      en: "Correct the pupil's class code, or add the class to the class data",
    },
  },
  {
    from: 'HocSinh',
    to: 'Lop',
    field: 'maLop',
    toKey: 'ma',
    refFields: ['maLop', 'truongId'],
    known: composedKeys((r, keys) => {
      const ma = text(r['ma']);
      if (ma === undefined) return;
      keys.add(`${text(r['truongId']) ?? ''}/${ma}`);
      keys.add(`*/${ma}`);
    }),
    refOf: (r) => {
      const ma = text(r['maLop']);
      if (ma === undefined) return undefined;
      const school = text(r['truongId']);
      return school === undefined ? `*/${ma}` : `${school}/${ma}`;
    },
  },
);

/**
 * `DQ.REF.002`: a class's `giaoVienId` (homeroom teacher) names no staff member of the input.
 * Checked only when the input holds at least one staff member.
 */
export const classTeacherExists: DatasetRule = referenceRule(
  {
    id: 'DQ.REF.002',
    message: {
      vi: 'Giáo viên chủ nhiệm "{value}" của lớp không có trong dữ liệu cán bộ',
      en: 'The homeroom teacher "{value}" of the class is not among the staff of the data',
    },
    hint: {
      vi: 'Sửa mã giáo viên của lớp, hoặc bổ sung giáo viên vào dữ liệu cán bộ',
      en: "Correct the class's teacher code, or add the teacher to the staff data",
    },
  },
  {
    from: 'Lop',
    to: 'CanBo',
    field: 'giaoVienId',
    toKey: 'giaoVienId',
    refFields: ['giaoVienId'],
    known: ownKeys('CanBo', 'giaoVienId'),
    refOf: (r) => text(r['giaoVienId']),
  },
);

/**
 * `DQ.REF.003`: an assessment's `hocSinhId` names no pupil of the input. Checked only when the
 * input holds at least one pupil.
 */
export const assessmentPupilExists: DatasetRule = referenceRule(
  {
    id: 'DQ.REF.003',
    message: {
      vi: 'Học sinh "{value}" của bản đánh giá không có trong dữ liệu học sinh',
      en: 'The pupil "{value}" of the assessment is not among the pupils of the data',
    },
    hint: {
      vi: 'Sửa mã học sinh của bản đánh giá, hoặc bổ sung học sinh vào dữ liệu học sinh',
      en: "Correct the assessment's pupil code, or add the pupil to the pupil data",
    },
  },
  {
    from: 'DanhGiaHocSinh',
    to: 'HocSinh',
    field: 'hocSinhId',
    toKey: 'hocSinhId',
    refFields: ['hocSinhId'],
    known: ownKeys('HocSinh', 'hocSinhId'),
    refOf: (r) => text(r['hocSinhId']),
  },
);

/**
 * The data-quality rules (basis `eduvn`): names normalized (`DQ.NAME.001`, query), probable
 * duplicate people (`DQ.PERSON.001`, query), and references that resolve (`DQ.REF.001` pupil →
 * class, `DQ.REF.002` class → homeroom teacher, `DQ.REF.003` assessment → pupil; errors).
 *
 * The reference rules keep sets of keys and report only when the referenced entity **appeared at
 * all** in the input: a file of pupils alone does not fail for missing classes, but a file with
 * classes does fail for a pupil of a class it lacks.
 */
export const qualityRules: readonly Rule[] = [
  nameNotNormalized,
  probableDuplicatePerson,
  pupilClassExists,
  classTeacherExists,
  assessmentPupilExists,
];
