import {
  type BaoCaoEqmsCuoiNam,
  type BaoCaoEqmsDauNam,
  type BaoCaoEqmsGiuaNam,
  type CanBo,
  type CoSoVatChat,
  type DanhGiaHocSinh,
  type EntitySchema,
  entityByName,
  entityOf,
  type HocSinh,
  type KetQuaHocTap,
  type Lop,
  type SuKienTrangThai,
  type TaiChinh,
  type Truong,
} from '@eduvn/standard';

/** The record type of each entity the API takes. */
export interface EntityRecords {
  /** A school and its sites. */
  Truong: Truong;
  /** A class. */
  Lop: Lop;
  /** A staff member. */
  CanBo: CanBo;
  /** A pupil. */
  HocSinh: HocSinh;
  /** QĐ 4998 learning results. */
  KetQuaHocTap: KetQuaHocTap;
  /** A TT27 assessment. */
  DanhGiaHocSinh: DanhGiaHocSinh;
  /** Facilities of a site. */
  CoSoVatChat: CoSoVatChat;
  /** Finance of a fiscal year. */
  TaiChinh: TaiChinh;
  /** The EQMS start-of-year report. */
  BaoCaoEqmsDauNam: BaoCaoEqmsDauNam;
  /** The EQMS mid-year report. */
  BaoCaoEqmsGiuaNam: BaoCaoEqmsGiuaNam;
  /** The EQMS end-of-year report. */
  BaoCaoEqmsCuoiNam: BaoCaoEqmsCuoiNam;
  /** A status event (recorded with `recordEvent`, never upserted). */
  SuKienTrangThai: SuKienTrangThai;
}

/** An entity the API takes. */
export type EntityName = keyof EntityRecords;

/** An entity that is upserted (every one but status events). */
export type UpsertEntity = Exclude<EntityName, 'SuKienTrangThai'>;

/** Where an entity lives in the API: its path segment below the school, and its key fields. */
export interface ResourcePath {
  /** The entity's schema. */
  readonly schema: EntitySchema;
  /** The segment below `/v1/truong/{truongId}` (`''` for the school itself). */
  readonly segment: string;
  /** The key fields after `truongId`, in path order. */
  readonly keyFields: readonly string[];
}

const SEGMENTS: Readonly<Record<EntityName, string>> = {
  Truong: '',
  Lop: 'lop',
  CanBo: 'can-bo',
  HocSinh: 'hoc-sinh',
  KetQuaHocTap: 'ket-qua-hoc-tap',
  DanhGiaHocSinh: 'danh-gia',
  CoSoVatChat: 'co-so-vat-chat',
  TaiChinh: 'tai-chinh',
  BaoCaoEqmsDauNam: 'bao-cao-eqms/dau-nam',
  BaoCaoEqmsGiuaNam: 'bao-cao-eqms/giua-nam',
  BaoCaoEqmsCuoiNam: 'bao-cao-eqms/cuoi-nam',
  SuKienTrangThai: 'su-kien',
};

const cache = new Map<string, ResourcePath>();

/** The resource of an entity; a `TypeError` for one the API does not take. */
export function resourcePath(entity: string): ResourcePath {
  let found = cache.get(entity);
  if (found) return found;
  const schema = Object.hasOwn(SEGMENTS, entity) ? entityByName(entity) : undefined;
  if (!schema) {
    throw new TypeError(
      `The API takes no entity ${JSON.stringify(String(entity).slice(0, 40))}; it takes ${Object.keys(SEGMENTS).join(', ')}`,
    );
  }
  found = {
    schema,
    segment: SEGMENTS[entity as EntityName],
    keyFields: entityOf(schema).key.filter((k) => k !== 'truongId'),
  };
  cache.set(entity, found);
  return found;
}

/** Every entity the API takes. */
export const ENTITY_NAMES: readonly EntityName[] = Object.keys(SEGMENTS) as EntityName[];

const segment = (value: unknown): string => encodeURIComponent(String(value));

/**
 * The path of one record from its school and key values (a canonical record or just its keys);
 * a `TypeError` names a missing key field.
 */
export function recordPath(
  entity: string,
  truongId: string,
  key: Readonly<Record<string, unknown>>,
): string {
  const r = resourcePath(entity);
  const values = r.keyFields.map((f) => {
    const v = key[f];
    if (v === undefined || v === null || v === '')
      throw new TypeError(`${entity}: the key field ${f} is missing`);
    return segment(v);
  });
  return [`/v1/truong/${segment(truongId)}`, r.segment, ...values]
    .filter((s) => s !== '')
    .join('/');
}

/** The path of a school's list of an entity. */
export function listPath(entity: string, truongId: string): string {
  const r = resourcePath(entity);
  if (r.keyFields.length === 0)
    throw new TypeError(`${entity} has one record per school: get it instead of listing`);
  return `/v1/truong/${segment(truongId)}/${r.segment}`;
}
