import { Catalogs } from '@eduvn/standard';
import { defaultCatalogs } from '../catalog-options.ts';
import { KQHT_LAYOUTS, type KqhtLayout, type KqhtLayoutId, kqhtLayoutForGrade } from './layout.ts';

/** A TT27 assessment period, as `DanhGiaHocSinh.kyDanhGia` codes it. */
export type KqhtPeriod = 'GK1' | 'CK1' | 'GK2' | 'CN';

/** The periods, as the upload form (`KetQuaHocTapImportExcel.aspx`) names them. */
export const KQHT_PERIODS: Readonly<Record<KqhtPeriod, string>> = Object.freeze({
  GK1: 'Giữa học kỳ 1',
  CK1: 'Cuối học kỳ 1',
  GK2: 'Giữa học kỳ 2',
  CN: 'Cuối năm học',
});

/**
 * What the KQHT upload form chooses — the file itself does not say it — and how to read and write
 * the file. Every record read gets `khoi`, `kyDanhGia`, `namHoc` and `truongId` from here.
 */
export interface KqhtOptions {
  /** The grade, 1–5 (chosen in the form). */
  readonly khoi: number;
  /** The period (chosen in the form). */
  readonly kyDanhGia: KqhtPeriod;
  /** The school year, `'yyyy-yyyy'` (`'2024-2025'`). */
  readonly namHoc: string;
  /** The school's code in the national database. */
  readonly truongId: string;
  /** The layout version (default: by grade, see `kqhtLayoutForGrade`). */
  readonly layout?: KqhtLayoutId;
  /**
   * Where the writer learns which grades take periodic tests in which subject and period: the
   * `testGrades` and `midTermTestGrades` attributes of `DM_MON_HOC_TIEU_HOC` (default
   * `bundledCatalogs()`; that placement is unsure in law, so replace it with a pack if yours
   * differs).
   */
  readonly catalogs?: Catalogs;
  /**
   * Whether the writer refuses a `Điểm KTĐK` in a period or grade without a periodic test in that
   * subject (by {@link KqhtOptions.catalogs}); default `true`. The reader never refuses one.
   */
  readonly checkTests?: boolean;
}

/** A pupil's name and birth date, for the writer's `Họ tên` and `Ngày sinh` columns. */
export interface KqhtPupil {
  /** The pupil code (`HocSinh.hocSinhId`). */
  readonly hocSinhId: string;
  /** The full name. */
  readonly hoTen?: string;
  /** The birth date, ISO `yyyy-mm-dd` (written `dd/mm/yyyy`). */
  readonly ngaySinh?: string;
}

/**
 * The writer's options (`WriteRequest.options`): any of {@link KqhtOptions} to override the
 * adapter's, and the pupils whose names and birth dates fill `Họ tên` and `Ngày sinh`
 * (`DanhGiaHocSinh` has neither; without them the two columns stay blank).
 */
export interface KqhtWriteOptions extends Partial<KqhtOptions> {
  /** The pupils (`HocSinh` records fit). */
  readonly pupils?: Iterable<KqhtPupil>;
}

/** Checked options. */
export interface KqhtContext {
  /** The grade. */
  readonly khoi: number;
  /** The period. */
  readonly kyDanhGia: KqhtPeriod;
  /** The school year. */
  readonly namHoc: string;
  /** The school code. */
  readonly truongId: string;
  /** The layout. */
  readonly layout: KqhtLayout;
  /** The catalogs for the test check. */
  readonly catalogs: Catalogs;
  /** Whether the writer checks test periods. */
  readonly checkTests: boolean;
}

const isPeriod = (value: unknown): value is KqhtPeriod =>
  typeof value === 'string' && Object.hasOwn(KQHT_PERIODS, value);

/**
 * Checks KQHT options.
 *
 * @throws TypeError naming the option and what it must be
 */
export function checkKqhtOptions(options: unknown, caller: string): KqhtContext {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `${caller}: options must be an object { khoi, kyDanhGia, namHoc, truongId } (the values chosen in the upload form)`,
    );
  }
  const o = options as Partial<Record<keyof KqhtOptions, unknown>>;
  const { khoi, kyDanhGia, namHoc, truongId, layout, catalogs, checkTests } = o;
  if (typeof khoi !== 'number' || !Number.isInteger(khoi) || khoi < 1 || khoi > 5) {
    throw new TypeError(`${caller}: khoi must be the grade, a whole number from 1 to 5`);
  }
  if (!isPeriod(kyDanhGia)) {
    throw new TypeError(
      `${caller}: kyDanhGia must be one of ${Object.entries(KQHT_PERIODS)
        .map(([code, name]) => `'${code}' (${name})`)
        .join(', ')}`,
    );
  }
  const years = typeof namHoc === 'string' ? /^(\d{4})-(\d{4})$/.exec(namHoc) : null;
  if (years === null || Number(years[2]) !== Number(years[1]) + 1) {
    throw new TypeError(`${caller}: namHoc must be a school year like '2024-2025'`);
  }
  if (typeof truongId !== 'string' || truongId.trim() === '') {
    throw new TypeError(`${caller}: truongId must be the school's code in the national database`);
  }
  let chosen: KqhtLayout;
  if (layout === undefined) {
    chosen = kqhtLayoutForGrade(khoi);
  } else if (typeof layout === 'string' && Object.hasOwn(KQHT_LAYOUTS, layout)) {
    chosen = KQHT_LAYOUTS[layout as KqhtLayoutId];
    if (!chosen.grades.includes(khoi)) {
      throw new TypeError(
        `${caller}: layout '${chosen.id}' is for grades ${chosen.grades.join(', ')}, not grade ${khoi}`,
      );
    }
  } else {
    throw new TypeError(
      `${caller}: layout must be one of ${Object.keys(KQHT_LAYOUTS)
        .map((id) => `'${id}'`)
        .join(', ')}`,
    );
  }
  if (catalogs !== undefined && !(catalogs instanceof Catalogs)) {
    throw new TypeError(`${caller}: catalogs must be a Catalogs set from @eduvn/standard`);
  }
  if (checkTests !== undefined && typeof checkTests !== 'boolean') {
    throw new TypeError(`${caller}: checkTests must be true or false`);
  }
  return {
    khoi,
    kyDanhGia,
    namHoc: namHoc as string,
    truongId,
    layout: chosen,
    catalogs: (catalogs as Catalogs | undefined) ?? defaultCatalogs(),
    checkTests: checkTests ?? true,
  };
}
