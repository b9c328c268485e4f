import {
  BaoCaoEqmsCuoiNam,
  BaoCaoEqmsDauNam,
  BaoCaoEqmsGiuaNam,
  type Bilingual,
  CanBo,
  CoSoVatChat,
  DanhGiaHocSinh,
  type EntitySchema,
  entityOf,
  HocSinh,
  KetQuaHocTap,
  Lop,
  SuKienTrangThai,
  TaiChinh,
  Truong,
} from '@eduvn/standard';

/** A kind of person whose status changes through events (`DOI_TUONG` of a status event). */
export type Subject = 'HOC_SINH' | 'CAN_BO';

/** One resource of the API: an entity of the standard, where it lives, and how it is keyed. */
export interface Resource {
  /** The entity's name (`'HocSinh'`). */
  readonly entity: string;
  /** The entity's schema. */
  readonly schema: EntitySchema;
  /** The path below `/v1/truong/{truongId}` (`'hoc-sinh'`); `''` for the school itself. */
  readonly segment: string;
  /** The key fields after `truongId`, in path order (canonical names: `['hocSinhId']`). */
  readonly keyFields: readonly string[];
  /** The resource's name in Vietnamese and English, for the documentation. */
  readonly label: Bilingual;
  /** For pupils and staff: the `DOI_TUONG` of their status events (`POST …/su-kien`). */
  readonly subject?: Subject;
  /** Status events are append-only: recorded through `POST …/su-kien`, never `PUT`. */
  readonly appendOnly?: boolean;
}

const resource = (
  schema: EntitySchema,
  segment: string,
  label: Bilingual,
  extra: Partial<Pick<Resource, 'subject' | 'appendOnly'>> = {},
): Resource => {
  const meta = entityOf(schema);
  return {
    entity: meta.name,
    schema,
    segment,
    keyFields: meta.key.filter((k) => k !== 'truongId'),
    label,
    ...extra,
  };
};

/**
 * Every resource of a school, under `/v1/truong/{truongId}/…`. The key of a record is its
 * entity's key (QĐ 4998 and eduvn metadata) within the school: a pupil who changes school has a
 * record at each school, under the same `HOC_SINH_ID`.
 */
export const RESOURCES: readonly Resource[] = [
  resource(Truong, '', { vi: 'Trường và điểm trường', en: 'School and its sites' }),
  resource(Lop, 'lop', { vi: 'Lớp học', en: 'Classes' }),
  resource(
    CanBo,
    'can-bo',
    { vi: 'Cán bộ, giáo viên, nhân viên', en: 'Staff' },
    {
      subject: 'CAN_BO',
    },
  ),
  resource(HocSinh, 'hoc-sinh', { vi: 'Học sinh', en: 'Pupils' }, { subject: 'HOC_SINH' }),
  resource(KetQuaHocTap, 'ket-qua-hoc-tap', {
    vi: 'Kết quả học tập (QĐ 4998 KQHTC1)',
    en: 'Learning results (QĐ 4998 KQHTC1)',
  }),
  resource(DanhGiaHocSinh, 'danh-gia', {
    vi: 'Đánh giá học sinh theo TT 27',
    en: 'TT27 assessments',
  }),
  resource(CoSoVatChat, 'co-so-vat-chat', { vi: 'Cơ sở vật chất', en: 'Facilities' }),
  resource(TaiChinh, 'tai-chinh', { vi: 'Tài chính', en: 'Finance' }),
  resource(BaoCaoEqmsDauNam, 'bao-cao-eqms/dau-nam', {
    vi: 'Báo cáo EQMS đầu năm',
    en: 'EQMS start-of-year report',
  }),
  resource(BaoCaoEqmsGiuaNam, 'bao-cao-eqms/giua-nam', {
    vi: 'Báo cáo EQMS giữa năm',
    en: 'EQMS mid-year report',
  }),
  resource(BaoCaoEqmsCuoiNam, 'bao-cao-eqms/cuoi-nam', {
    vi: 'Báo cáo EQMS cuối năm',
    en: 'EQMS end-of-year report',
  }),
  resource(
    SuKienTrangThai,
    'su-kien',
    { vi: 'Sự kiện trạng thái', en: 'Status events' },
    {
      appendOnly: true,
    },
  ),
];

const byEntity = new Map(RESOURCES.map((r) => [r.entity, r]));

/** The resource of an entity (`'HocSinh'`), or `undefined` for an entity the API does not take. */
export function resourceOf(entity: string): Resource | undefined {
  return byEntity.get(entity);
}

/** The resource of a subject kind (`'HOC_SINH'` → pupils). */
export function subjectResource(subject: Subject): Resource {
  return RESOURCES.find((r) => r.subject === subject) as Resource;
}

/**
 * The path of a record (OpenAPI style, `{name}` for parameters, or with values filled in): the
 * school, then the resource's segment and key.
 */
export function itemPath(r: Resource, values?: readonly string[], truongId?: string): string {
  const school = `/v1/truong/${truongId === undefined ? '{truongId}' : encodeURIComponent(truongId)}`;
  const keys = r.keyFields.map((f, i) =>
    values === undefined ? `{${f}}` : encodeURIComponent(values[i] ?? ''),
  );
  return [school, r.segment, ...keys].filter((s) => s !== '').join('/');
}

/** The path of a school's list of a resource (`/v1/truong/{truongId}/hoc-sinh`). */
export function collectionPath(r: Resource, truongId?: string): string {
  const school = `/v1/truong/${truongId === undefined ? '{truongId}' : encodeURIComponent(truongId)}`;
  return `${school}/${r.segment}`;
}
