import { classOf, recordKeyOf } from '../core/keys.ts';
import { type ChangeRule, defineRule, type Rule } from '../core/rule.ts';
import type { InputRecord, Localized } from '../core/types.ts';
import { decodePersonalId, maskPersonalId } from '../identifiers/personal-id.ts';
import { isProvisionalId } from '../identifiers/provisional.ts';
import {
  describePlace,
  exactKeyOf,
  fieldsOfRecord,
  keyFieldsOf,
  type Place,
  personalIdOf,
  placeOf,
  shorten,
} from './identifiers.ts';

const SEED_ART_8 = 'seed regulation Art. 8 cl. 2–3';
const TT42 = 'TT 42/2021 Art. 10';

/**
 * The entities whose records are never deleted: schools, classes, staff and pupils (objects with
 * an identifier, TT 42/2021 Art. 10; leaving is a status change, seed regulation Art. 8 cl. 2–3)
 * and status events (append-only).
 */
const KEPT_ENTITIES = ['Truong', 'Lop', 'CanBo', 'HocSinh', 'SuKienTrangThai'] as const;

const ENTITY_LABEL: Readonly<Record<string, Localized>> = {
  Truong: { vi: 'Trường', en: 'School' },
  Lop: { vi: 'Lớp', en: 'Class' },
  CanBo: { vi: 'Cán bộ', en: 'Staff member' },
  HocSinh: { vi: 'Học sinh', en: 'Pupil' },
  SuKienTrangThai: { vi: 'Sự kiện trạng thái', en: 'Status event' },
};

const labelOf = (entity: string): Localized =>
  Object.hasOwn(ENTITY_LABEL, entity)
    ? (ENTITY_LABEL[entity] as Localized)
    : { vi: entity, en: entity };

/** A person's personal ID, scoped by entity (a pupil's and a staff member's never match). */
const personKeyOf = (item: InputRecord): string | undefined => {
  const id = personalIdOf(item);
  return id === undefined ? undefined : `${item.entity}\u0000${id}`;
};

/** Whether the record is a pupil with a provisional identifier. */
const isProvisionalPupil = (item: InputRecord): boolean =>
  item.entity === 'HocSinh' && isProvisionalId(fieldsOfRecord(item)?.['hocSinhId']);

/**
 * What a finding about a current record needs of it: its key, class, and of its provenance only
 * the file, sheet, row and the column of `field` (not every column of every record kept).
 */
function currentTarget(item: InputRecord, field: string) {
  const classCode = classOf(item);
  const p = item.provenance;
  const column = p?.columns?.[field];
  const provenance =
    p === undefined
      ? undefined
      : {
          ...(p.file === undefined ? {} : { file: p.file }),
          ...(p.sheet === undefined ? {} : { sheet: p.sheet }),
          ...(p.row === undefined ? {} : { row: p.row }),
          ...(typeof column === 'string' ? { columns: { [field]: column } } : {}),
        };
  return {
    entity: item.entity,
    recordKey: recordKeyOf(item),
    ...(provenance === undefined ? {} : { provenance }),
    ...(classCode === undefined ? {} : { classCode }),
  };
}

type Target = ReturnType<typeof currentTarget>;

// ---------------------------------------------------------------------------------------------

interface Kept {
  readonly entity: string;
  readonly recordKey: string;
  readonly classCode?: string;
  readonly person?: string;
  readonly provisional: boolean;
  readonly place: Place;
}

interface MissingState {
  readonly previous: Map<string, Kept>;
  readonly current: Set<string>;
  readonly persons: Set<string>;
  ordinal: number;
}

/**
 * `CHANGE.MISSING.001`: a school, class, staff member, pupil or status event of the previous
 * snapshot is missing from the current data. Records are never deleted: a departure is a status
 * transition. Not reported here: a pupil or staff member found under another identifier by the
 * personal ID (`CHANGE.ID.001`, or an allowed re-key of a provisional identifier) and a vanished
 * provisional identifier (`CHANGE.REKEY.001`).
 */
export const recordMissing: ChangeRule = defineRule<ChangeRule<MissingState>>({
  id: 'CHANGE.MISSING.001',
  entity: [...KEPT_ENTITIES],
  scope: 'change',
  evidence: Object.fromEntries(KEPT_ENTITIES.map((e) => [e, keyFieldsOf(e)])),
  severity: 'error',
  basis: SEED_ART_8,
  message: {
    vi: '{entityVi} {key} có trong lần dữ liệu trước ({whereVi}) nhưng không còn trong dữ liệu này',
    en: '{entityEn} {key} was in the previous snapshot ({whereEn}) and is missing now',
  },
  hint: {
    vi: 'Không xoá hồ sơ: học sinh hay cán bộ chuyển đi, thôi học, nghỉ việc chỉ đổi trạng thái (ghi một sự kiện trạng thái). Đưa bản ghi trở lại',
    en: 'Records are never deleted: a pupil or staff member who transfers, drops out or leaves only changes status (record a status event). Restore the record',
  },
  init: () => ({ previous: new Map(), current: new Set(), persons: new Set(), ordinal: 0 }),
  previous(item, state) {
    state.ordinal++;
    const key = exactKeyOf(item);
    if (key === undefined || state.previous.has(key)) return;
    const classCode = classOf(item);
    const person = personKeyOf(item);
    state.previous.set(key, {
      entity: item.entity,
      recordKey: recordKeyOf(item),
      ...(classCode === undefined ? {} : { classCode }),
      ...(person === undefined ? {} : { person }),
      provisional: isProvisionalPupil(item),
      place: placeOf(item.provenance, state.ordinal),
    });
  },
  current(item, state) {
    const key = exactKeyOf(item);
    if (key !== undefined) state.current.add(key);
    const person = personKeyOf(item);
    if (person !== undefined) state.persons.add(person);
  },
  finish(state, ctx) {
    for (const [key, kept] of state.previous) {
      if (state.current.has(key) || kept.provisional) continue;
      if (kept.person !== undefined && state.persons.has(kept.person)) continue;
      const label = labelOf(kept.entity);
      const where = describePlace(kept.place);
      ctx.report({
        target: {
          entity: kept.entity,
          recordKey: kept.recordKey,
          ...(kept.classCode === undefined ? {} : { classCode: kept.classCode }),
        },
        params: {
          entityVi: label.vi,
          entityEn: label.en,
          key: shorten(kept.recordKey, 60),
          whereVi: where.vi,
          whereEn: where.en,
        },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------

interface Previously {
  readonly recordKey: string;
  readonly person: string;
  readonly provisional: boolean;
}

interface RenamedState {
  readonly previous: Map<string, Previously>;
  readonly current: Set<string>;
  /** The first current record of each person. */
  readonly persons: Map<string, Target>;
}

/**
 * `CHANGE.ID.001`: a pupil or staff member of the previous snapshot — matched by the personal ID
 * — is in the current data under another `hocSinhId`/`giaoVienId`, the old one gone. Identifiers
 * never change (TT 42/2021 Art. 10). A provisional pupil identifier replaced this way is a re-key,
 * which is allowed: nothing is reported (the audit event of `rekey` records it).
 */
export const identifierChanged: ChangeRule = defineRule<ChangeRule<RenamedState>>({
  id: 'CHANGE.ID.001',
  entity: ['HocSinh', 'CanBo'],
  scope: 'change',
  evidence: { HocSinh: ['hocSinhId', 'maCongDanId'], CanBo: ['giaoVienId', 'soCmtnd'] },
  severity: 'error',
  basis: TT42,
  message: {
    vi: '{entityVi} {key} là cùng một người với {old} của lần dữ liệu trước (cùng số định danh cá nhân) nhưng mang mã khác',
    en: '{entityEn} {key} is the same person as {old} in the previous snapshot (same personal ID) under another identifier',
  },
  hint: {
    vi: 'Mã định danh không bao giờ thay đổi: dùng lại mã {old}. Chỉ mã tạm (TAM-…) mới được đổi, bằng thao tác rekey có ghi nhật ký',
    en: 'Identifiers never change: keep {old}. Only a provisional identifier (TAM-…) is re-keyed, with the audited rekey operation',
  },
  init: () => ({ previous: new Map(), current: new Set(), persons: new Map() }),
  previous(item, state) {
    const key = exactKeyOf(item);
    const person = personKeyOf(item);
    if (key === undefined || person === undefined || state.previous.has(key)) return;
    state.previous.set(key, {
      recordKey: recordKeyOf(item),
      person,
      provisional: isProvisionalPupil(item),
    });
  },
  current(item, state) {
    const key = exactKeyOf(item);
    if (key !== undefined) state.current.add(key);
    const person = personKeyOf(item);
    if (person !== undefined && !state.persons.has(person))
      state.persons.set(
        person,
        currentTarget(item, item.entity === 'HocSinh' ? 'hocSinhId' : 'giaoVienId'),
      );
  },
  finish(state, ctx) {
    for (const [key, before] of state.previous) {
      if (state.current.has(key) || before.provisional) continue;
      const now = state.persons.get(before.person);
      if (!now || now.recordKey === before.recordKey) continue;
      const label = labelOf(now.entity);
      ctx.report({
        target: now,
        field: now.entity === 'HocSinh' ? 'hocSinhId' : 'giaoVienId',
        params: {
          entityVi: label.vi,
          entityEn: label.en,
          key: shorten(now.recordKey, 60),
          old: shorten(before.recordKey, 60),
        },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------

interface Watched {
  readonly field: string;
  readonly symbol: string;
  /** A personal ID: masked in messages. */
  readonly personal?: boolean;
  /** A change from `before` to `after` that is allowed. */
  readonly allowed?: (
    before: string,
    after: string | undefined,
    record: Readonly<Record<string, unknown>>,
  ) => boolean;
}

/**
 * The identifiers other than the key that never change for a given key: a pupil's personal ID,
 * a staff member's ID document number (unless an old ID card or passport number gives way to a
 * 12-digit personal ID), and what a status event is about (except a provisional pupil identifier
 * re-keyed).
 */
const WATCHED: Readonly<Record<string, readonly Watched[]>> = {
  HocSinh: [{ field: 'maCongDanId', symbol: 'MA_CONG_DAN_ID', personal: true }],
  CanBo: [
    {
      field: 'soCmtnd',
      symbol: 'SO_CMTND',
      personal: true,
      allowed: (before, after) =>
        !decodePersonalId(before).ok && after !== undefined && decodePersonalId(after).ok,
    },
  ],
  SuKienTrangThai: [
    { field: 'truongId', symbol: 'TRUONG_ID' },
    { field: 'doiTuong', symbol: 'DOI_TUONG' },
    {
      field: 'maDoiTuong',
      symbol: 'MA_DOI_TUONG',
      allowed: (before, after, record) =>
        isProvisionalId(before) && after !== undefined && record['doiTuong'] === 'HOC_SINH',
    },
  ],
};

interface ValueChange {
  readonly target: Target;
  readonly field: string;
  readonly params: Readonly<Record<string, string | number>>;
}

interface ValuesState {
  /** For each key, the watched values of the previous snapshot. */
  readonly previous: Map<string, readonly (string | undefined)[]>;
  readonly changes: ValueChange[];
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * `CHANGE.ID.002`: a record kept under the same key whose other identifier changed — a pupil's
 * personal ID (`maCongDanId`), a staff member's ID number (`soCmtnd`, except an old ID card or
 * passport number replaced by a 12-digit personal ID), or the school, kind or person of a status
 * event (except a provisional pupil identifier re-keyed). Filling in a value that was absent is
 * not a change; removing one is.
 */
export const otherIdentifierChanged: ChangeRule = defineRule<ChangeRule<ValuesState>>({
  id: 'CHANGE.ID.002',
  entity: Object.keys(WATCHED),
  scope: 'change',
  evidence: Object.fromEntries(Object.keys(WATCHED).map((e) => [e, keyFieldsOf(e)])),
  severity: 'error',
  basis: TT42,
  message: {
    vi: '{symbol} của {key} đã đổi từ {before} thành {after}',
    en: '{symbol} of {key} changed from {before} to {after}',
  },
  hint: {
    vi: 'Mã định danh không được sửa sau khi đã ghi nhận: khôi phục giá trị cũ; nếu giá trị cũ bị nhập sai, điều chỉnh qua cơ quan quản lý cơ sở dữ liệu thay vì sửa trực tiếp',
    en: 'An identifier is not edited once recorded: restore the earlier value; if that was entered wrongly, have it corrected through the database authority rather than in place',
  },
  init: () => ({ previous: new Map(), changes: [] }),
  previous(item, state) {
    const key = exactKeyOf(item);
    const record = fieldsOfRecord(item);
    const watched = Object.hasOwn(WATCHED, item.entity) ? WATCHED[item.entity] : undefined;
    if (key === undefined || !record || !watched || state.previous.has(key)) return;
    state.previous.set(
      key,
      watched.map((w) => textOf(record[w.field])),
    );
  },
  current(item, state) {
    const key = exactKeyOf(item);
    const record = fieldsOfRecord(item);
    const watched = Object.hasOwn(WATCHED, item.entity) ? WATCHED[item.entity] : undefined;
    const before = key === undefined ? undefined : state.previous.get(key);
    if (!record || !watched || !before) return;
    watched.forEach((w, i) => {
      const old = before[i];
      const now = textOf(record[w.field]);
      if (old === undefined || old === now || w.allowed?.(old, now, record)) return;
      const show = (v: string | undefined): string =>
        v === undefined ? '—' : w.personal ? maskPersonalId(v) : JSON.stringify(shorten(v));
      state.changes.push({
        target: currentTarget(item, w.field),
        field: w.field,
        params: {
          symbol: w.symbol,
          key: shorten(recordKeyOf(item), 60),
          before: show(old),
          after: show(now),
        },
      });
    });
  },
  finish(state, ctx) {
    for (const c of state.changes)
      ctx.report({ target: c.target, field: c.field, params: c.params });
  },
});

// ---------------------------------------------------------------------------------------------

interface ProvisionalState {
  readonly previous: Map<
    string,
    { readonly person?: string; readonly classCode?: string; readonly place: Place }
  >;
  readonly current: Set<string>;
  readonly persons: Set<string>;
  ordinal: number;
}

/**
 * `CHANGE.REKEY.001` (query): a provisional pupil identifier of the previous snapshot is gone and
 * no current pupil has the same personal ID, so the engine cannot tell a re-key from a deletion:
 * check the `rekey` audit event and acknowledge, or restore the record. (A provisional identifier
 * replaced by a pupil with the same personal ID is a re-key and is not reported.)
 */
export const provisionalVanished: ChangeRule = defineRule<ChangeRule<ProvisionalState>>({
  id: 'CHANGE.REKEY.001',
  entity: 'HocSinh',
  scope: 'change',
  evidence: ['hocSinhId', 'maCongDanId'],
  severity: 'query',
  basis: TT42,
  message: {
    vi: 'Mã tạm {key} của lần dữ liệu trước ({whereVi}) không còn, và không có học sinh nào cùng số định danh cá nhân',
    en: 'The provisional identifier {key} of the previous snapshot ({whereEn}) is gone, and no pupil has the same personal ID',
  },
  hint: {
    vi: 'Nếu học sinh đã được đổi sang mã do cơ sở dữ liệu cấp, đối chiếu nhật ký đổi mã (sự kiện rekey) rồi xác nhận kèm ghi chú; nếu không, đưa bản ghi trở lại — hồ sơ không bao giờ bị xoá',
    en: 'If the pupil was re-keyed to the issued code, check the re-key audit event and acknowledge with a note; otherwise restore the record — records are never deleted',
  },
  init: () => ({ previous: new Map(), current: new Set(), persons: new Set(), ordinal: 0 }),
  previous(item, state) {
    state.ordinal++;
    const id = fieldsOfRecord(item)?.['hocSinhId'];
    if (!isProvisionalId(id) || state.previous.has(id)) return;
    const person = personKeyOf(item);
    const classCode = classOf(item);
    state.previous.set(id, {
      ...(person === undefined ? {} : { person }),
      ...(classCode === undefined ? {} : { classCode }),
      place: placeOf(item.provenance, state.ordinal),
    });
  },
  current(item, state) {
    const id = fieldsOfRecord(item)?.['hocSinhId'];
    if (typeof id === 'string') state.current.add(id);
    const person = personKeyOf(item);
    if (person !== undefined) state.persons.add(person);
  },
  finish(state, ctx) {
    for (const [id, before] of state.previous) {
      if (
        state.current.has(id) ||
        (before.person !== undefined && state.persons.has(before.person))
      )
        continue;
      const where = describePlace(before.place);
      ctx.report({
        target: {
          entity: 'HocSinh',
          recordKey: id,
          ...(before.classCode === undefined ? {} : { classCode: before.classCode }),
        },
        field: 'hocSinhId',
        params: { key: id, whereVi: where.vi, whereEn: where.en },
      });
    }
  },
});

/**
 * The change rules, between the previous snapshot and the current data: nothing disappears, and
 * identifiers never change — except the audited re-key of a provisional pupil identifier.
 */
export const changeRules: readonly Rule[] = [
  recordMissing,
  identifierChanged,
  otherIdentifierChanged,
  provisionalVanished,
];
