import { entityByName, entityOf, fieldsOf } from '@eduvn/standard';
import { FirstSeen } from '../core/first-seen.ts';
import { keyNumbersOf, ownKeyNumber } from '../core/key-numbers.ts';
import { classOf, recordKeyOf } from '../core/keys.ts';
import { describePlace, shorten } from '../core/place.ts';
import { perRecord } from '../core/record-scope.ts';
import { type DatasetRule, defineRule, type RecordRule, type Rule } from '../core/rule.ts';
import { StringIndex } from '../core/string-index.ts';
import type { InputRecord, Localized, RuleSettings } from '../core/types.ts';
import {
  CENTURY_SEX_DIGITS,
  decodePersonalId,
  maskPersonalId,
  type SexCode,
} from '../identifiers/personal-id.ts';
import { identifierFormProblem, isProvisionalId } from '../identifiers/provisional.ts';

const TT42 = 'TT 42/2021 Art. 10';
const TT59 = 'TT 59/2021/TT-BCA Art. 4';

// ---------------------------------------------------------------------------------------------
// Helpers shared with the change rules

export { describePlace, type Place, placeOf, shorten } from '../core/place.ts';

/** A record's fields, or `undefined` when the record is not an object (hostile input). */
export function fieldsOfRecord(item: InputRecord): Readonly<Record<string, unknown>> | undefined {
  const record = item?.record as unknown;
  return typeof record === 'object' && record !== null
    ? (record as Record<string, unknown>)
    : undefined;
}

const keyFieldsCache = new Map<string, readonly string[]>();

/** The key fields of an entity (none for an unknown entity or a sub-table row). */
export function keyFieldsOf(entity: string): readonly string[] {
  let fields = keyFieldsCache.get(entity);
  if (fields === undefined) {
    const schema = typeof entity === 'string' ? entityByName(entity) : undefined;
    fields = schema ? entityOf(schema).key : [];
    keyFieldsCache.set(entity, fields);
  }
  return fields;
}

/**
 * An exact, unambiguous map key for a record (its entity and key values), or `undefined` when the
 * entity has no key or a key value is missing or not a text or number (the schema reports those).
 */
export function exactKeyOf(item: InputRecord): string | undefined {
  const record = fieldsOfRecord(item);
  const fields = keyFieldsOf(item?.entity);
  if (!record || fields.length === 0) return undefined;
  const values: (string | number)[] = [];
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      values.push(value);
    else return undefined;
  }
  return JSON.stringify([item.entity, ...values]);
}

/** The field holding a person's personal ID: a pupil's `maCongDanId`, a staff member's `soCmtnd`. */
export const PERSONAL_ID_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  HocSinh: 'maCongDanId',
  CanBo: 'soCmtnd',
});

/** A pupil's or staff member's personal ID as recorded (trimmed, non-empty), or `undefined`. */
export function personalIdOf(item: InputRecord): string | undefined {
  const field = Object.hasOwn(PERSONAL_ID_FIELDS, item?.entity)
    ? PERSONAL_ID_FIELDS[item.entity]
    : undefined;
  const value = field === undefined ? undefined : fieldsOfRecord(item)?.[field];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The target of a finding about this record. */
function targetOf(item: InputRecord) {
  const classCode = classOf(item);
  return {
    entity: item.entity,
    recordKey: recordKeyOf(item),
    ...(item.provenance === undefined ? {} : { provenance: item.provenance }),
    ...(classCode === undefined ? {} : { classCode }),
  };
}

// ---------------------------------------------------------------------------------------------
// The form of Ministry identifiers

/**
 * The symbols of Ministry identifiers and of references to them: school, site, staff and pupil
 * codes, class codes referred to from pupils, results and mixed classes, the schools of a
 * transfer and the person of a status event. The class's own code (`Lop.ma`, symbol `MA`) is
 * added by entity, as `MA` means other things elsewhere.
 */
const MOET_ID_SYMBOLS: ReadonlySet<string> = new Set([
  'TRUONG_ID',
  'DIEM_TRUONG_ID',
  'GIAO_VIEN_ID',
  'HOC_SINH_ID',
  'MA_LOP',
  'MA_LOP_GHEP',
  'TRUONG_DEN_ID',
  'TRUONG_DI_ID',
  'MA_DOI_TUONG',
]);

interface IdField {
  readonly name: string;
  readonly symbol: string;
  /** For a list field: the identifier fields of its rows. */
  readonly rows?: readonly IdField[];
  /**
   * The last value of the field found well-formed: a class's pupils share their school and class
   * codes, which are then not read again.
   */
  lastWellFormed: string | undefined;
}

const idFieldsCache = new Map<string, readonly IdField[]>();

/** The identifier fields of an entity, with those of its sub-table rows, from the metadata. */
function idFieldsOf(entity: string, depth = 0): readonly IdField[] {
  const cached = idFieldsCache.get(entity);
  if (cached) return cached;
  const schema = entityByName(entity);
  const out: IdField[] = [];
  for (const f of schema ? fieldsOf(schema) : []) {
    if (f.type === 'list') {
      const rows = f.entity !== undefined && depth < 3 ? idFieldsOf(f.entity, depth + 1) : [];
      if (rows.length > 0)
        out.push({ name: f.name, symbol: f.symbol, rows, lastWellFormed: undefined });
    } else if (MOET_ID_SYMBOLS.has(f.symbol) || (entity === 'Lop' && f.name === 'ma')) {
      out.push({ name: f.name, symbol: f.symbol, lastWellFormed: undefined });
    }
  }
  idFieldsCache.set(entity, out);
  return out;
}

interface FormHit {
  readonly path: string;
  readonly symbol: string;
  readonly value: string;
  readonly problem: NonNullable<ReturnType<typeof identifierFormProblem>>;
}

const NO_HITS: readonly FormHit[] = Object.freeze([]);

/**
 * Every identifier of a record (sub-table rows included) whose form is wrong, found once per record
 * for both form rules.
 */
const formProblems = perRecord((item: InputRecord): readonly FormHit[] => {
  const record = fieldsOfRecord(item);
  if (!record || typeof item.entity !== 'string') return NO_HITS;
  // Most records have none: collected into a scratch list, copied only when one is found.
  scratchHits.length = 0;
  walkIdentifiers(idFieldsOf(item.entity), record, '', scratchHits);
  return scratchHits.length === 0 ? NO_HITS : scratchHits.slice();
});

/** The list {@link formProblems} collects into (records are checked one at a time). */
const scratchHits: FormHit[] = [];

/** Collects the identifiers of `row` whose form is wrong, paths prefixed with `prefix`. */
function walkIdentifiers(
  fields: readonly IdField[],
  row: Readonly<Record<string, unknown>>,
  prefix: string,
  hits: FormHit[],
): void {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k] as IdField;
    const value = row[f.name];
    if (f.rows) {
      if (!Array.isArray(value)) continue;
      for (let i = 0; i < value.length; i++) {
        const r: unknown = value[i];
        if (typeof r === 'object' && r !== null)
          walkIdentifiers(f.rows, r as Record<string, unknown>, `${prefix}${f.name}.${i}.`, hits);
      }
    } else if (typeof value === 'string' && value !== f.lastWellFormed) {
      const problem = identifierFormProblem(value);
      if (problem) hits.push({ path: `${prefix}${f.name}`, symbol: f.symbol, value, problem });
      else f.lastWellFormed = value;
    }
  }
}

/** `ID.FORM.001`: a Ministry identifier, or a reference to one, is blank. */
export const identifierBlank: RecordRule = defineRule({
  id: 'ID.FORM.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: TT42,
  message: {
    vi: 'Mã định danh {symbol} để trống',
    en: 'The identifier {symbol} is blank',
  },
  hint: {
    vi: 'Điền đúng mã do cơ sở dữ liệu ngành cấp, hoặc bỏ hẳn trường nếu chưa có mã; mã định danh không bao giờ để trống',
    en: 'Enter the code the education database issued, or leave the field out while there is none; an identifier is never blank',
  },
  check(item, ctx) {
    const hits = formProblems(item, ctx.settings);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i] as FormHit;
      if (hit.problem.problem === 'blank')
        ctx.report({ field: hit.path, params: { symbol: hit.symbol } });
    }
  },
});

/** `ID.FORM.002`: a Ministry identifier holds white space or an invisible character. */
export const identifierWhiteSpace: RecordRule = defineRule({
  id: 'ID.FORM.002',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: TT42,
  message: {
    vi: 'Mã định danh {symbol} chứa khoảng trắng hoặc ký tự ẩn ({char} ở vị trí {position}): {value}',
    en: 'The identifier {symbol} holds white space or an invisible character ({char} at position {position}): {value}',
  },
  hint: {
    vi: 'Xoá khoảng trắng, dấu xuống dòng và ký tự ẩn (thường lẫn vào khi sao chép từ Excel); mã phải đúng từng ký tự như cơ sở dữ liệu đã cấp',
    en: 'Remove spaces, line breaks and invisible characters (often pasted in from Excel); the code must be exactly as the database issued it',
  },
  check(item, ctx) {
    const hits = formProblems(item, ctx.settings);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i] as FormHit;
      if (hit.problem.problem === 'blank') continue;
      ctx.report({
        field: hit.path,
        params: {
          symbol: hit.symbol,
          char: hit.problem.codePoint ?? '?',
          position: hit.problem.index + 1,
          value: JSON.stringify(shorten(hit.value)),
        },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// Uniqueness

interface Duplicate {
  readonly target: ReturnType<typeof targetOf>;
  readonly field?: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What a uniqueness rule keeps of one entity. */
interface EntityKeys {
  /** Keys numbered by the run (`ownKeyNumber`): an entity's one text key field. */
  readonly own: FirstSeen;
  /** Other keys, numbered here: a number (its text) or the JSON of several fields. */
  readonly other: StringIndex;
  /** The first records under the other keys, by their number in `other`. */
  readonly otherSeen: FirstSeen;
}

interface UniqueState {
  /** By entity: keys and places only, never records. */
  readonly byEntity: Map<string, EntityKeys>;
  readonly duplicates: Duplicate[];
  ordinal: number;
  /** The entity {@link keysOf} was last asked about, and its keys (records come by entity). */
  lastEntity: string | undefined;
  lastKeys: EntityKeys | undefined;
}

const newUniqueState = (): UniqueState => ({
  byEntity: new Map(),
  duplicates: [],
  ordinal: 0,
  lastEntity: undefined,
  lastKeys: undefined,
});

/** What the rule keeps of an entity. */
function keysOf(state: UniqueState, entity: string): EntityKeys {
  if (entity === state.lastEntity) return state.lastKeys as EntityKeys;
  let keys = state.byEntity.get(entity);
  if (!keys) {
    keys = { own: new FirstSeen(), other: new StringIndex(), otherSeen: new FirstSeen() };
    state.byEntity.set(entity, keys);
  }
  state.lastEntity = entity;
  state.lastKeys = keys;
  return keys;
}

/**
 * The key of a record that `ownKeyNumber` does not number, as exact among its entity's records as
 * {@link exactKeyOf} (the same key here exactly when the same `exactKeyOf`): for one key field
 * holding a number, its text; for several fields, the JSON of the values (which starts with `[`,
 * as no number's text does); `undefined` as for `exactKeyOf`.
 */
function otherKeyOf(item: InputRecord): string | undefined {
  const record = fieldsOfRecord(item);
  const fields = keyFieldsOf(item?.entity);
  if (!record || fields.length === 0) return undefined;
  const values: (string | number)[] = [];
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      values.push(value);
    else return undefined;
  }
  return fields.length === 1 ? String(values[0]) : JSON.stringify(values);
}

/**
 * `ID.UNIQUE.001`: a record key used by two records of the same entity — two pupils with one
 * `hocSinhId`, two staff with one `giaoVienId`, two classes with one `truongId/ma`, two schools
 * with one `truongId`, and likewise for every entity with a key. Reported on each record after
 * the first, with the first's place.
 */
export const duplicateKey: DatasetRule = defineRule<DatasetRule<UniqueState>>({
  id: 'ID.UNIQUE.001',
  entity: '*',
  scope: 'dataset',
  severity: 'error',
  basis: TT42,
  message: {
    vi: 'Khoá {key} của {entity} bị trùng: đã có ở {firstVi}',
    en: 'The key {key} of {entity} is used twice: it first appears at {firstEn}',
  },
  hint: {
    vi: 'Mỗi mã định danh chỉ gắn với một bản ghi: nếu là một thì gộp hai bản ghi, nếu khác thì dùng đúng mã đã cấp cho bản ghi này',
    en: 'An identifier names one record only: merge the two records if they are one, or give this record the code issued to it',
  },
  init: newUniqueState,
  collect(item, state, settings) {
    state.ordinal++;
    // A text key is numbered once per run for the rules that keep something per pupil.
    const own = ownKeyNumber(item, settings);
    let seen: FirstSeen;
    let n: number;
    if (own >= 0) {
      seen = keysOf(state, item.entity).own;
      n = own;
    } else {
      const key = otherKeyOf(item);
      if (key === undefined) return;
      const keys = keysOf(state, item.entity);
      seen = keys.otherSeen;
      n = keys.other.add(key);
    }
    if (!seen.has(n)) {
      seen.add(n, state.ordinal, item.provenance);
      return;
    }
    const fields = keyFieldsOf(item.entity);
    const where = describePlace(seen.placeAt(n));
    state.duplicates.push({
      target: targetOf(item),
      ...(fields.length === 1 && fields[0] !== undefined ? { field: fields[0] } : {}),
      params: {
        key: shorten(recordKeyOf(item), 60),
        entity: item.entity,
        firstVi: where.vi,
        firstEn: where.en,
      },
    });
  },
  finish(state, ctx) {
    for (const d of state.duplicates)
      ctx.report({
        target: d.target,
        ...(d.field === undefined ? {} : { field: d.field }),
        params: d.params,
      });
  },
});

/**
 * The number, in the run's numbering of its entity (`labels`), of a record's key shortened to 40
 * characters: for a record whose own key is numbered already (`ownKeyNumber`: one text key field)
 * and no longer than that, the same number, found without writing the key again.
 */
function labelOf(item: InputRecord, settings: RuleSettings, labels: StringIndex): number {
  const own = ownKeyNumber(item, settings);
  if (own >= 0) {
    const value = item.record[keyFieldsOf(item.entity)[0] as string];
    if (typeof value === 'string' && value.length <= 40) return own;
  }
  return labels.add(shorten(recordKeyOf(item), 40));
}

const WHO: Readonly<Record<string, Localized>> = {
  HocSinh: { vi: 'học sinh', en: 'pupil' },
  CanBo: { vi: 'cán bộ', en: 'staff member' },
};

/**
 * `ID.UNIQUE.002`: one personal ID on two pupils (`maCongDanId`) or on two staff members
 * (`soCmtnd`): one person recorded twice under two identifiers, or a wrong number. Reported on
 * each record after the first, with the first's identifier and place; the personal ID is masked.
 */
export const duplicatePersonalId: DatasetRule = defineRule<DatasetRule<UniqueState>>({
  id: 'ID.UNIQUE.002',
  entity: ['HocSinh', 'CanBo'],
  scope: 'dataset',
  severity: 'error',
  basis: TT42,
  message: {
    vi: 'Số định danh cá nhân {id} đã có ở {whoVi} {firstKey} ({firstVi})',
    en: 'The personal ID {id} is already on {whoEn} {firstKey} ({firstEn})',
  },
  hint: {
    vi: 'Mỗi người chỉ có một hồ sơ và một mã: nếu là cùng một người thì chỉ giữ một hồ sơ; nếu khác người thì sửa số định danh theo giấy khai sinh hoặc thẻ căn cước',
    en: 'One person has one record and one code: if this is the same person keep one record; if not, correct the personal ID from the birth certificate or ID card',
  },
  init: newUniqueState,
  collect(item, state, settings) {
    state.ordinal++;
    const id = personalIdOf(item);
    if (id === undefined) return;
    const keys = keysOf(state, item.entity);
    const n = keys.other.add(id);
    // The first record's key, numbered in the run's numbering of its entity: for a pupil it is
    // its hocSinhId, numbered already (`ownKeyNumber`).
    const labels = keyNumbersOf(settings, item.entity);
    if (!keys.otherSeen.has(n)) {
      keys.otherSeen.add(n, state.ordinal, item.provenance, labelOf(item, settings, labels));
      return;
    }
    const where = describePlace(keys.otherSeen.placeAt(n));
    const who = WHO[item.entity] ?? { vi: item.entity, en: item.entity };
    state.duplicates.push({
      target: targetOf(item),
      field: PERSONAL_ID_FIELDS[item.entity] as string,
      params: {
        id: maskPersonalId(id),
        whoVi: who.vi,
        whoEn: who.en,
        firstKey: labels.keyAt(keys.otherSeen.labelAt(n)) ?? '?',
        firstVi: where.vi,
        firstEn: where.en,
      },
    });
  },
  finish(state, ctx) {
    for (const d of state.duplicates)
      ctx.report({
        target: d.target,
        ...(d.field === undefined ? {} : { field: d.field }),
        params: d.params,
      });
  },
});

// ---------------------------------------------------------------------------------------------
// The personal ID number

/** The birth year of an ISO `ngaySinh`, or `undefined`. */
function birthYearOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  // The shape /^\d{4}-\d{2}-\d{2}$/, read character by character.
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 0x2d : code < 0x30 || code > 0x39) return undefined;
  }
  return (
    1000 * (value.charCodeAt(0) - 0x30) +
    100 * (value.charCodeAt(1) - 0x30) +
    10 * (value.charCodeAt(2) - 0x30) +
    (value.charCodeAt(3) - 0x30)
  );
}

/** What the personal-ID rules read of a decoded personal ID (see `decodePersonalId`). */
interface DecodedId {
  /** The field holding it. */
  field: string;
  /** The personal ID: 12 ASCII digits. */
  value: string;
  /** The birth year it encodes. */
  birthYear: number;
  /** The sex it encodes. */
  sex: SexCode;
}

/**
 * The one {@link DecodedId} {@link decodedIdOf} fills: records are checked one at a time, and each
 * rule reads it before the next record is decoded.
 */
const decodedId: DecodedId = { field: '', value: '', birthYear: 0, sex: '1' };

/**
 * The personal ID of a pupil or staff member to check, decoded as `decodePersonalId` does (12
 * ASCII digits; the century and sex from the fourth, the year from the fifth and sixth), without
 * allocating. A pupil's `maCongDanId` must be a personal ID; a staff member's `soCmtnd` may also
 * be an old 9-digit ID card or a passport number, so it is decoded only when it has 12 digits.
 */
const decodedIdOf = perRecord((item: InputRecord): DecodedId | undefined => {
  const field = Object.hasOwn(PERSONAL_ID_FIELDS, item?.entity)
    ? PERSONAL_ID_FIELDS[item.entity]
    : undefined;
  const value = field === undefined ? undefined : fieldsOfRecord(item)?.[field];
  if (field === undefined || typeof value !== 'string' || value.length !== 12) return undefined;
  for (let i = 0; i < 12; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
  }
  const centurySex = CENTURY_SEX_DIGITS[value.charCodeAt(3) - 0x30] as readonly [number, SexCode];
  decodedId.field = field;
  decodedId.value = value;
  decodedId.birthYear =
    centurySex[0] + 10 * (value.charCodeAt(4) - 0x30) + value.charCodeAt(5) - 0x30;
  decodedId.sex = centurySex[1];
  return decodedId;
});

/** `ID.PERSONAL.001`: a pupil's personal ID (`maCongDanId`) is not 12 digits. */
export const personalIdForm: RecordRule = defineRule({
  id: 'ID.PERSONAL.001',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['maCongDanId'],
  severity: 'error',
  basis: TT59,
  message: {
    vi: 'Số định danh cá nhân {id} không gồm đúng 12 chữ số ({length} ký tự)',
    en: 'The personal ID {id} is not exactly 12 digits ({length} characters)',
  },
  hint: {
    vi: 'Nhập đủ 12 chữ số theo giấy khai sinh hoặc thẻ căn cước, dạng văn bản để giữ các số 0 ở đầu',
    en: 'Enter all 12 digits from the birth certificate or ID card, as text so that leading zeros are kept',
  },
  check(item, ctx) {
    // A pupil's decoded ID is its maCongDanId's: decoded once for the four personal-ID rules.
    if (decodedIdOf(item, ctx.settings) !== undefined) return;
    const value = fieldsOfRecord(item)?.['maCongDanId'];
    if (typeof value !== 'string' || decodePersonalId(value).ok) return;
    ctx.report({
      field: 'maCongDanId',
      params: { id: maskPersonalId(value), length: [...value].length },
    });
  },
});

/** `ID.PERSONAL.002`: the birth year a personal ID encodes is not the year of `ngaySinh`. */
export const personalIdYear: RecordRule = defineRule({
  id: 'ID.PERSONAL.002',
  entity: ['HocSinh', 'CanBo'],
  scope: 'record',
  evidence: { HocSinh: ['maCongDanId', 'ngaySinh'], CanBo: ['soCmtnd', 'ngaySinh'] },
  severity: 'error',
  basis: TT59,
  message: {
    vi: 'Số định danh cá nhân {id} ghi năm sinh {decoded}, khác năm sinh {year} của ngày sinh',
    en: 'The personal ID {id} encodes birth year {decoded}, not {year} as the birth date says',
  },
  hint: {
    vi: 'Đối chiếu ngày sinh và số định danh với giấy khai sinh; sai lệch làm hồ sơ không khớp được với Cơ sở dữ liệu quốc gia về dân cư',
    en: 'Check the birth date and the personal ID against the birth certificate; a mismatch stops the record matching the national population database',
  },
  check(item, ctx) {
    const id = decodedIdOf(item, ctx.settings);
    const year = birthYearOf(fieldsOfRecord(item)?.['ngaySinh']);
    if (!id || year === undefined || id.birthYear === year) return;
    ctx.report({
      field: id.field,
      params: { id: maskPersonalId(id.value), decoded: id.birthYear, year },
    });
  },
});

const SEX: Readonly<Record<'1' | '2', Localized>> = {
  '1': { vi: 'Nam', en: 'male' },
  '2': { vi: 'Nữ', en: 'female' },
};

/** `ID.PERSONAL.003`: the sex a personal ID encodes is not `maGioiTinh`. */
export const personalIdSex: RecordRule = defineRule({
  id: 'ID.PERSONAL.003',
  entity: ['HocSinh', 'CanBo'],
  scope: 'record',
  evidence: { HocSinh: ['maCongDanId', 'maGioiTinh'], CanBo: ['soCmtnd', 'maGioiTinh'] },
  severity: 'error',
  basis: TT59,
  message: {
    vi: 'Số định danh cá nhân {id} ghi giới tính {decodedVi}, khác giới tính đã khai ({recordedVi})',
    en: 'The personal ID {id} encodes the sex {decodedEn}, not {recordedEn} as recorded',
  },
  hint: {
    vi: 'Đối chiếu giới tính và số định danh với giấy khai sinh; sai lệch làm hồ sơ không khớp được với Cơ sở dữ liệu quốc gia về dân cư',
    en: 'Check the sex and the personal ID against the birth certificate; a mismatch stops the record matching the national population database',
  },
  check(item, ctx) {
    const id = decodedIdOf(item, ctx.settings);
    const recorded = fieldsOfRecord(item)?.['maGioiTinh'];
    if (!id || (recorded !== '1' && recorded !== '2') || id.sex === recorded) return;
    ctx.report({
      field: id.field,
      params: {
        id: maskPersonalId(id.value),
        decodedVi: SEX[id.sex].vi,
        decodedEn: SEX[id.sex].en,
        recordedVi: SEX[recorded].vi,
        recordedEn: SEX[recorded].en,
      },
    });
  },
});

const PREFIXES = 'DM_MA_TINH_DINH_DANH';

/**
 * By run (its settings), whether each prefix `000`–`999` passes `ID.PERSONAL.004`: 0 not asked
 * yet, 1 it passes, 2 it does not.
 */
const prefixVerdicts = new WeakMap<RuleSettings, Uint8Array>();

/**
 * Whether the three-digit prefix of a personal ID (12 ASCII digits) raises no `ID.PERSONAL.004`:
 * the catalogs in use have no `DM_MA_TINH_DINH_DANH`, or it holds the prefix. Asked once per
 * prefix and run.
 */
function prefixPasses(settings: RuleSettings, id: string): boolean {
  let verdicts = prefixVerdicts.get(settings);
  if (!verdicts) {
    verdicts = new Uint8Array(1000);
    prefixVerdicts.set(settings, verdicts);
  }
  const n =
    100 * (id.charCodeAt(0) - 0x30) + 10 * (id.charCodeAt(1) - 0x30) + id.charCodeAt(2) - 0x30;
  let verdict = verdicts[n] as number;
  if (verdict === 0) {
    const { catalogs } = settings;
    const prefix = id.slice(0, 3);
    verdict = catalogs.version(PREFIXES) === undefined || catalogs.has(PREFIXES, prefix) ? 1 : 2;
    verdicts[n] = verdict;
  }
  return verdict === 1;
}

/**
 * `ID.PERSONAL.004` (query): a personal ID's birth-registration prefix is not in
 * `DM_MA_TINH_DINH_DANH`. Checked without a date — prefixes are never retired (births before the
 * 2025 merger keep their old province's prefix), so never against the 34-province list — and a
 * query, not an error: prefixes of births abroad are not bundled. Skipped when the catalogs in
 * use have no `DM_MA_TINH_DINH_DANH`.
 */
export const personalIdPrefix: RecordRule = defineRule({
  id: 'ID.PERSONAL.004',
  entity: ['HocSinh', 'CanBo'],
  scope: 'record',
  evidence: { HocSinh: ['maCongDanId'], CanBo: ['soCmtnd'] },
  severity: 'query',
  basis: TT59,
  message: {
    vi: 'Mã nơi đăng ký khai sinh {prefix} của số định danh cá nhân {id} không có trong danh mục mã tỉnh',
    en: 'The birth-registration prefix {prefix} of the personal ID {id} is not a known province prefix',
  },
  hint: {
    vi: 'Kiểm tra 3 chữ số đầu theo giấy khai sinh; mã tỉnh cũ (trước sáp nhập 2025) vẫn luôn hợp lệ, người đăng ký khai sinh ở nước ngoài có mã quốc gia: nếu đúng thì xác nhận kèm ghi chú',
    en: 'Check the first three digits against the birth certificate; old province prefixes (before the 2025 merger) stay valid and births registered abroad carry a country code: if it is right, acknowledge with a note',
  },
  check(item, ctx) {
    const id = decodedIdOf(item, ctx.settings);
    if (!id || prefixPasses(ctx.settings, id.value)) return;
    ctx.report({
      field: id.field,
      params: { id: maskPersonalId(id.value), prefix: id.value.slice(0, 3) },
    });
  },
});

// ---------------------------------------------------------------------------------------------
// Provisional identifiers

/** The grade 1–9 of `maKhoi` (`'1'`, `'01'`, `'K1'`, `'Khối 1'`), or `undefined`. */
function gradeOf(maKhoi: unknown): number | undefined {
  if (typeof maKhoi !== 'string') return undefined;
  const m = /^\D{0,10}?0*([1-9])\s*$/u.exec(maKhoi.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * `ID.PROVISIONAL.001` (query): a grade-1 pupil (or one of unknown grade) with a provisional
 * identifier — allowed at intake, a reminder to re-key once the Ministry issues the code.
 */
export const provisionalGradeOne: RecordRule = defineRule({
  id: 'ID.PROVISIONAL.001',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['hocSinhId'],
  severity: 'query',
  basis: TT42,
  message: {
    vi: 'Học sinh đang dùng mã tạm {id}: cần đổi sang mã học sinh do cơ sở dữ liệu ngành cấp',
    en: 'The pupil has the provisional identifier {id}: re-key it to the code the education database issues',
  },
  hint: {
    vi: 'Khi đã có mã học sinh (tra theo số định danh cá nhân), đổi mã bằng thao tác rekey có ghi nhật ký để mọi bản ghi liên quan cùng đổi theo',
    en: 'Once the pupil code is issued (found by the personal ID), re-key with the audited rekey operation so that every related record follows',
  },
  check(item, ctx) {
    const record = fieldsOfRecord(item);
    const id = record?.['hocSinhId'];
    if (!isProvisionalId(id)) return;
    const grade = gradeOf(record?.['maKhoi']);
    if (grade === undefined || grade === 1) ctx.report({ field: 'hocSinhId', params: { id } });
  },
});

/** `ID.PROVISIONAL.002`: a pupil above grade 1 still has a provisional identifier. */
export const provisionalAboveGradeOne: RecordRule = defineRule({
  id: 'ID.PROVISIONAL.002',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['hocSinhId', 'maKhoi'],
  severity: 'error',
  basis: TT42,
  message: {
    vi: 'Học sinh khối {grade} vẫn dùng mã tạm {id}: mã tạm chỉ dành cho học sinh lớp 1 mới nhập học',
    en: 'A grade-{grade} pupil still has the provisional identifier {id}: provisional identifiers are for new grade-1 pupils only',
  },
  hint: {
    vi: 'Tra mã học sinh do cơ sở dữ liệu ngành đã cấp (theo số định danh cá nhân) rồi đổi mã bằng thao tác rekey có ghi nhật ký',
    en: 'Find the pupil code the education database issued (by the personal ID) and re-key with the audited rekey operation',
  },
  check(item, ctx) {
    const record = fieldsOfRecord(item);
    const id = record?.['hocSinhId'];
    if (!isProvisionalId(id)) return;
    const grade = gradeOf(record?.['maKhoi']);
    if (grade !== undefined && grade > 1) ctx.report({ field: 'hocSinhId', params: { id, grade } });
  },
});

/**
 * The identifier rules: the form of Ministry identifiers, uniqueness of record keys and personal
 * IDs, the personal ID's agreement with birth year and sex, and provisional pupil identifiers.
 */
export const identifierRules: readonly Rule[] = [
  identifierBlank,
  identifierWhiteSpace,
  duplicateKey,
  duplicatePersonalId,
  personalIdForm,
  personalIdYear,
  personalIdSex,
  personalIdPrefix,
  provisionalGradeOne,
  provisionalAboveGradeOne,
];
