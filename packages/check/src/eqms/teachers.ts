import type { CanBo, EqmsGiaoVien, EqmsGiaoVienTiengAnh } from '@eduvn/standard';
import type { Notes } from './input.ts';
import { own } from './own.ts';
import { type PersonCodes, personFlags } from './people.ts';
import type { EqmsEmployment, EqmsQualification } from './types.ts';

/** Default qualification mapping (eduvn placeholder codes; see `EqmsOptions.qualifications`). */
export const DEFAULT_QUALIFICATIONS: Readonly<Record<string, EqmsQualification>> = Object.freeze({
  TIEN_SI: 'trenDaiHoc',
  THAC_SI: 'trenDaiHoc',
  DAI_HOC: 'daiHoc',
  CAO_DANG: 'caoDang',
  TRUNG_CAP: 'th12Cong2',
});

/** Default contract mapping (an unsure reading; see `EqmsOptions.employment`). */
export const DEFAULT_EMPLOYMENT: Readonly<Record<string, EqmsEmployment>> = Object.freeze({
  BIEN_CHE: 'bienChe',
  HOP_DONG_LAM_VIEC_KHONG_XAC_DINH_THOI_HAN: 'bienChe',
  HOP_DONG_LAM_VIEC_XAC_DINH_THOI_HAN: 'bienChe',
  HOP_DONG_LAO_DONG: 'hopDong',
  HOP_DONG: 'hopDong',
  THINH_GIANG: 'thinhGiang',
});

const QUALIFICATION_COLUMN: Readonly<Record<EqmsQualification, keyof EqmsGiaoVien>> = {
  trenDaiHoc: 'tddtTrenDaiHoc',
  daiHoc: 'tddtDaiHoc',
  caoDang: 'tddtCaoDang',
  th12Cong2: 'tddtTh12Cong2',
  th9Cong3: 'tddtTh9Cong3',
  duoiThsp: 'tddtDuoiThsp',
};

/** What the teacher tables read. */
export interface TeacherCodes extends PersonCodes {
  readonly qualifications: Readonly<Record<string, EqmsQualification>>;
  readonly employment: Readonly<Record<string, EqmsEmployment>>;
  readonly englishSubjects: ReadonlySet<string>;
}

function employmentOf(t: CanBo, codes: TeacherCodes, notes: Notes): EqmsEmployment | undefined {
  const code = t.maHinhThucHopDong;
  const kind = own(codes.employment, code);
  if (kind === undefined) {
    notes.add(
      'unmapped-contract',
      'Teachers whose contract code (maHinhThucHopDong) is missing or unmapped count in the totals but in no employment column.',
    );
  }
  return kind;
}

/**
 * EQMSDN.2.1: teachers by qualification (`maTrinhDoChuyenMon`) and employment
 * (`maHinhThucHopDong`), women, ethnic minority and ethnic-minority women. Line `TONG_SO` counts
 * every teacher, then one line per subject taught (`MON_DAY.<maMonDay>`): the specification gives
 * no line codes, these are eduvn's.
 */
export function teacherLines(
  teachers: readonly CanBo[],
  codes: TeacherCodes,
  notes: Notes,
): EqmsGiaoVien[] {
  const lines = new Map<string, EqmsGiaoVien>();
  const line = (code: string, text: string): EqmsGiaoVien => {
    let l = lines.get(code);
    if (l === undefined) {
      l = {
        maBaoCao: code,
        noiDungTieuChi: text,
        tongSo: 0,
        tddtTrenDaiHoc: 0,
        tddtDaiHoc: 0,
        tddtCaoDang: 0,
        tddtTh12Cong2: 0,
        tddtTh9Cong3: 0,
        tddtDuoiThsp: 0,
        cdldBienChe: 0,
        cdldHopDong: 0,
        cdldThinhGiang: 0,
        trongTongSoNu: 0,
        trongTongSoDanToc: 0,
        trongTongSoNuDanToc: 0,
      };
      lines.set(code, l);
    }
    return l;
  };
  line('TONG_SO', 'Tổng số giáo viên');
  for (const t of teachers) {
    const q = own(codes.qualifications, t.maTrinhDoChuyenMon);
    if (q === undefined) {
      notes.add(
        'unmapped-qualification',
        'Teachers whose qualification code (maTrinhDoChuyenMon) is missing or unmapped count in the totals but in no qualification column.',
      );
    }
    const e = employmentOf(t, codes, notes);
    const { female, minority } = personFlags(t, codes);
    const targets = [line('TONG_SO', 'Tổng số giáo viên')];
    if (t.maMonDay !== undefined && t.maMonDay !== '') {
      targets.push(line(`MON_DAY.${t.maMonDay}`.slice(0, 50), `Giáo viên dạy ${t.maMonDay}`));
    }
    for (const l of targets) {
      const counts = l as unknown as Record<string, number>;
      counts['tongSo'] = (counts['tongSo'] ?? 0) + 1;
      if (q !== undefined)
        counts[QUALIFICATION_COLUMN[q]] = (counts[QUALIFICATION_COLUMN[q]] ?? 0) + 1;
      if (e === 'bienChe') counts['cdldBienChe'] = (counts['cdldBienChe'] ?? 0) + 1;
      if (e === 'hopDong') counts['cdldHopDong'] = (counts['cdldHopDong'] ?? 0) + 1;
      if (e === 'thinhGiang') counts['cdldThinhGiang'] = (counts['cdldThinhGiang'] ?? 0) + 1;
      if (female) counts['trongTongSoNu'] = (counts['trongTongSoNu'] ?? 0) + 1;
      if (minority) counts['trongTongSoDanToc'] = (counts['trongTongSoDanToc'] ?? 0) + 1;
      if (female && minority)
        counts['trongTongSoNuDanToc'] = (counts['trongTongSoNuDanToc'] ?? 0) + 1;
    }
  }
  return [...lines.values()];
}

const CEFR = ['C2', 'C1', 'B2', 'B1'] as const;
const CEFR_RANK: Readonly<Record<string, number>> = { C2: 6, C1: 5, B2: 4, B1: 3, A2: 2, A1: 1 };

/** The best English CEFR level on a staff record, or `undefined`. */
function englishLevel(t: CanBo): string | undefined {
  let best: string | undefined;
  const consider = (language: string | undefined, level: string | undefined) => {
    if (own(CEFR_RANK, level) === undefined) return;
    if (language !== undefined && language !== 'TIENG_ANH') return;
    if (best === undefined || (own(CEFR_RANK, level) ?? 0) > (own(CEFR_RANK, best) ?? 0))
      best = level;
  };
  for (const n of t.nhanSuQuaTrinhNgoaiNgus ?? []) consider(n.maNgoaiNgu, n.maTrinhDoNgoaiNgu);
  consider(t.maNgoaiNgu, t.maTrinhDoNgoaiNgu);
  return best;
}

/**
 * EQMSDN.2.2, one line `TONG_SO`: English teachers (subject taught among `englishSubjects`) by
 * their best English CEFR level (from `nhanSuQuaTrinhNgoaiNgus` and `maTrinhDoNgoaiNgu`; A1/A2
 * count as below B1, no level in no column), employment, women and ethnic minority.
 * `CHUNG_CHI_SP` (teaching certificate) is left out: no record field holds it.
 */
export function englishTeacherLines(
  teachers: readonly CanBo[],
  codes: TeacherCodes,
  notes: Notes,
): EqmsGiaoVienTiengAnh[] {
  const c: Record<string, number> = {
    tongSo: 0,
    c2: 0,
    c1: 0,
    b2: 0,
    b1: 0,
    duoiB1: 0,
    bienChe: 0,
    hopDong: 0,
    thinhGiang: 0,
    nu: 0,
    danToc: 0,
    nuDanToc: 0,
  };
  const inc = (k: string) => {
    c[k] = (c[k] ?? 0) + 1;
  };
  for (const t of teachers) {
    if (t.maMonDay === undefined || !codes.englishSubjects.has(t.maMonDay)) continue;
    if (t.maNgoaiNgu !== undefined && t.maNgoaiNgu !== 'TIENG_ANH') continue;
    inc('tongSo');
    const level = englishLevel(t);
    if (level === undefined) {
      notes.add(
        'english-level-unknown',
        'English teachers without an English CEFR level count in the total but in no level column.',
      );
    } else if ((CEFR as readonly string[]).includes(level)) inc(level.toLowerCase());
    else inc('duoiB1');
    const e = employmentOf(t, codes, notes);
    if (e !== undefined) inc(e);
    const { female, minority } = personFlags(t, codes);
    if (female) inc('nu');
    if (minority) inc('danToc');
    if (female && minority) inc('nuDanToc');
  }
  notes.add(
    'no-teaching-certificate',
    'CHUNG_CHI_SP (English teachers with a teaching certificate) is not reported: no record field holds it.',
    0,
  );
  return [
    { maBaoCao: 'TONG_SO', noiDungTieuChi: 'Giáo viên tiếng Anh', ...c } as EqmsGiaoVienTiengAnh,
  ];
}
