import type {
  BaoCaoEqmsCuoiNam,
  BaoCaoEqmsDauNam,
  BaoCaoEqmsGiuaNam,
  CanBo,
  CoSoVatChat,
  DanhGiaHocSinh,
  HocSinh,
  Lop,
  Truong,
} from '@eduvn/standard';

/**
 * The three EQMS reports of QĐ 4998 §2.5: start of year (`'dau-nam'`, EQMSDN), mid-year
 * (`'giua-nam'`, EQMSGN) and end of year (`'cuoi-nam'`, EQMSCN).
 */
export type EqmsPeriod = 'dau-nam' | 'giua-nam' | 'cuoi-nam';

/** Every {@link EqmsPeriod}, in the order of the school year. */
export const EQMS_PERIODS: readonly EqmsPeriod[] = Object.freeze([
  'dau-nam',
  'giua-nam',
  'cuoi-nam',
] as const);

/** One canonical record tagged with its entity's name, as adapters and `@eduvn/fixtures` give them. */
export interface EqmsTaggedRecord {
  /** The entity's name as `@eduvn/standard` exports its schema (`'HocSinh'`, `'Lop'`, …). */
  readonly entity: string;
  /** The canonical record. */
  readonly record: unknown;
}

/** The canonical records of one school that the EQMS reports are computed from, by entity. */
export interface EqmsRecords {
  /** The school (its sites give the site names). */
  readonly truong?: Truong | undefined;
  /** Its classes. */
  readonly lops?: readonly Lop[] | undefined;
  /** Its pupils. */
  readonly hocSinhs?: readonly HocSinh[] | undefined;
  /** Its staff. */
  readonly canBos?: readonly CanBo[] | undefined;
  /** TT27 assessments (any periods and years: the report picks its own). */
  readonly danhGias?: readonly DanhGiaHocSinh[] | undefined;
  /** Facilities, one record per site and school year. */
  readonly coSoVatChats?: readonly CoSoVatChat[] | undefined;
}

/** Where a qualification code (`maTrinhDoChuyenMon`) is counted in EQMSDN.2.1. */
export type EqmsQualification =
  | 'trenDaiHoc'
  | 'daiHoc'
  | 'caoDang'
  | 'th12Cong2'
  | 'th9Cong3'
  | 'duoiThsp';

/** Where a contract code (`maHinhThucHopDong`) is counted in EQMSDN.2.1 and 2.2. */
export type EqmsEmployment = 'bienChe' | 'hopDong' | 'thinhGiang';

/** Options of {@link computeEqms}. */
export interface EqmsOptions {
  /** Which report. */
  readonly period: EqmsPeriod;
  /**
   * The day the report is made, ISO `yyyy-mm-dd` (default: today). It chooses the school year
   * (from 1 August to 31 July) of the facility records and assessments, unless
   * {@link EqmsOptions.namHoc} is given, and leaves out staff recruited or moved in after it.
   */
  readonly asOf?: string | undefined;
  /** The school year `yyyy-yyyy`; default: the one {@link EqmsOptions.asOf} falls in. */
  readonly namHoc?: string | undefined;
  /** The school, when the records hold several; default: the only school in the records. */
  readonly truongId?: string | undefined;
  /**
   * Qualification codes and where they count. Default: `TIEN_SI`/`THAC_SI` above bachelor's,
   * `DAI_HOC` bachelor's, `CAO_DANG` college, `TRUNG_CAP` 12 + 2 (the Ministry's codes are
   * unpublished: these are the eduvn placeholders). Merged over the default.
   */
  readonly qualifications?: Readonly<Record<string, EqmsQualification>> | undefined;
  /**
   * Contract codes and where they count. Default: the two work contracts of public employees
   * (`HOP_DONG_LAM_VIEC_KHONG_XAC_DINH_THOI_HAN`, `…_XAC_DINH_THOI_HAN`) and `BIEN_CHE` as
   * permanent staff (biên chế), `HOP_DONG_LAO_DONG`/`HOP_DONG` contract, `THINH_GIANG` visiting.
   * An unsure reading (the Ministry's codes are unpublished). Merged over the default.
   */
  readonly employment?: Readonly<Record<string, EqmsEmployment>> | undefined;
  /** The sex code of women and girls (default `'2'`, DM_GIOI_TINH as bundled). */
  readonly femaleCode?: string | undefined;
  /** The ethnic-group code of the majority (default `'01'`, Kinh): any other code is a minority. */
  readonly majorityEthnicCode?: string | undefined;
  /**
   * Pupil status codes (`maTrangThaiHienTai`) of pupils no longer at the school (default
   * `CHUYEN_DI`, `THOI_HOC`, `HOAN_THANH_TIEU_HOC`, as `@eduvn/rules` maps them).
   */
  readonly inactivePupilStatuses?: readonly string[] | undefined;
  /** Staff status codes (`maTrangThaiCanBo`) of staff at work (default `DANG_LAM_VIEC`; none: at work). */
  readonly workingStaffStatuses?: readonly string[] | undefined;
  /** Staff group codes (`maNhomCanBo`) counted as teachers (default `GIAO_VIEN`). */
  readonly teacherGroups?: readonly string[] | undefined;
  /**
   * The TT27 period whose assessments make the mid-year and end-of-year reports: default `CK1`
   * (end of semester 1) for `'giua-nam'` — the mid-year EQMS report is made after the first
   * semester, an unsure reading — and `CN` (end of year) for `'cuoi-nam'`.
   */
  readonly kyDanhGia?: 'GK1' | 'CK1' | 'GK2' | 'CN' | undefined;
  /** Subject codes (`maMonDay`) of English teachers (default `NGOAI_NGU_1`, `TIENG_ANH`). */
  readonly englishSubjects?: readonly string[] | undefined;
}

/** Something the records did not let the computation count, said once per kind. */
export interface EqmsNote {
  /** A stable code (`'pupil-without-class'`, `'unmapped-qualification'`, …). */
  readonly code: string;
  /** What was left out or assumed, in English. */
  readonly message: string;
  /** How many records it concerned. */
  readonly count: number;
}

/** What every EQMS result holds besides its report. */
interface EqmsResultBase {
  /** The school year the report is for (`'2025-2026'`). */
  readonly namHoc: string;
  /** What the records did not let the computation count, once per kind. */
  readonly notes: readonly EqmsNote[];
}

/** The start-of-year report and its notes. */
export interface EqmsDauNamResult extends EqmsResultBase {
  /** Always `'dau-nam'`. */
  readonly period: 'dau-nam';
  /** The report (EQMSDN.1.1). */
  readonly report: BaoCaoEqmsDauNam;
}

/** The mid-year report and its notes. */
export interface EqmsGiuaNamResult extends EqmsResultBase {
  /** Always `'giua-nam'`. */
  readonly period: 'giua-nam';
  /** The report (EQMSGN.1.1). */
  readonly report: BaoCaoEqmsGiuaNam;
}

/** The end-of-year report and its notes. */
export interface EqmsCuoiNamResult extends EqmsResultBase {
  /** Always `'cuoi-nam'`. */
  readonly period: 'cuoi-nam';
  /** The report (EQMSCN.1.1). */
  readonly report: BaoCaoEqmsCuoiNam;
}

/** What {@link computeEqms} returns: the report of the period, and what it could not count. */
export type EqmsResult = EqmsDauNamResult | EqmsGiuaNamResult | EqmsCuoiNamResult;
