import type { EqmsDiemTruongLopHocSinh, EqmsLopHocSinh, Lop } from '@eduvn/standard';
import type { Notes } from './input.ts';
import { GRADES, gradeOf, type PupilFacts } from './people.ts';
import type { Site } from './sites.ts';

type Counts = Record<string, number>;

function zeroed(keys: readonly string[]): Counts {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

const SITE_KEYS = [
  'lopGhep',
  ...GRADES.flatMap((g) => [
    `lop${g}SoLop`,
    `lop${g}HsTongSo`,
    `lop${g}TrongTongSoNu`,
    `lop${g}TrongTongSoDanToc`,
    `lop${g}TrongTongSoNuDanToc`,
    `lop${g}TrongTongSoLopGhep`,
    `lop${g}TrongTongSoKhuyetTat`,
  ]),
];

/**
 * EQMSDN.2.4, one row per site: classes by grade (a mixed-grade class counts once, under its own
 * grade code `Lop.maKhoi`), `LOP_GHEP` the site's mixed-grade classes, pupils by their own grade
 * (`HocSinh.maKhoi`) and, of them, girls, ethnic minority, ethnic-minority girls, pupils in
 * mixed-grade classes and pupils with a disability. The specification does not say whether
 * `LOPn_TRONG_TONG_SO_LOP_GHEP` counts classes or pupils; it sits among the "of the pupils"
 * columns, so it counts pupils.
 */
export function siteClassRows(
  sites: readonly Site[],
  lops: readonly Lop[],
  pupils: Iterable<PupilFacts>,
  notes: Notes,
): EqmsDiemTruongLopHocSinh[] {
  const bySite = new Map<string, Counts>(sites.map((s) => [s.id, zeroed(SITE_KEYS)]));
  for (const lop of lops) {
    const counts = lop.diemTruongId === undefined ? undefined : bySite.get(lop.diemTruongId);
    if (counts === undefined) {
      notes.add(
        'class-without-site',
        'Classes without a known site (diemTruongId) are counted in the school totals only.',
      );
      continue;
    }
    const grade = gradeOf(lop.maKhoi);
    if (grade !== undefined) counts[`lop${grade}SoLop`] = (counts[`lop${grade}SoLop`] ?? 0) + 1;
    if (lop.isLopGhep === true) counts['lopGhep'] = (counts['lopGhep'] ?? 0) + 1;
  }
  for (const p of pupils) {
    const site = p.lop?.diemTruongId;
    const counts = site === undefined ? undefined : bySite.get(site);
    if (counts === undefined) continue;
    const add = (key: string, yes: boolean) => {
      if (yes) counts[`lop${p.grade}${key}`] = (counts[`lop${p.grade}${key}`] ?? 0) + 1;
    };
    add('HsTongSo', true);
    add('TrongTongSoNu', p.female);
    add('TrongTongSoDanToc', p.minority);
    add('TrongTongSoNuDanToc', p.female && p.minority);
    add('TrongTongSoLopGhep', p.mixed);
    add('TrongTongSoKhuyetTat', p.disabled);
  }
  return sites.map(
    (s) =>
      ({
        diemTruongId: s.id,
        ...(s.name === undefined ? {} : { tenDiemTruong: s.name }),
        ...bySite.get(s.id),
      }) as EqmsDiemTruongLopHocSinh,
  );
}

/** A line of EQMSDN.2.5: which classes it counts. */
interface ClassLine {
  readonly code: string;
  readonly text: string;
  readonly takes: (lop: Lop) => boolean;
}

const CLASS_LINES: readonly ClassLine[] = [
  { code: 'TONG_SO', text: 'Tổng số lớp và học sinh', takes: () => true },
  {
    code: 'HOC_2_BUOI_NGAY',
    text: 'Lớp học 2 buổi/ngày',
    takes: (lop) => lop.isDay2BuoiNgay === true,
  },
  { code: 'BAN_TRU', text: 'Lớp có bán trú', takes: (lop) => lop.isBanTru === true },
];

/**
 * EQMSDN.2.5: classes and pupils by grade, on three lines whose codes are eduvn's (the
 * specification gives no line codes): `TONG_SO` every class, `HOC_2_BUOI_NGAY` two-session
 * classes (`Lop.isDay2BuoiNgay`), `BAN_TRU` classes with semi-boarding (`Lop.isBanTru`). A
 * mixed-grade class counts once under its own grade code; its pupils count under their own
 * grades. Pupils without a known class count on `TONG_SO` only.
 */
export function classLines(lops: readonly Lop[], pupils: Iterable<PupilFacts>): EqmsLopHocSinh[] {
  const pupilList = [...pupils];
  return CLASS_LINES.map((line) => {
    const counts = zeroed([
      'tongSoSoLop',
      'tongSoSoHs',
      ...GRADES.flatMap((g) => [`lop${g}SoLop`, `lop${g}SoHs`]),
      'trongTongSoLopGhepSoLop',
      'trongTongSoLopGhepSoHs',
    ]);
    const inc = (key: string) => {
      counts[key] = (counts[key] ?? 0) + 1;
    };
    for (const lop of lops) {
      if (!line.takes(lop)) continue;
      inc('tongSoSoLop');
      const grade = gradeOf(lop.maKhoi);
      if (grade !== undefined) inc(`lop${grade}SoLop`);
      if (lop.isLopGhep === true) inc('trongTongSoLopGhepSoLop');
    }
    for (const p of pupilList) {
      const taken = p.lop === undefined ? line.code === 'TONG_SO' : line.takes(p.lop);
      if (!taken) continue;
      inc('tongSoSoHs');
      inc(`lop${p.grade}SoHs`);
      if (p.mixed) inc('trongTongSoLopGhepSoHs');
    }
    return { maBaoCao: line.code, noiDungTieuChi: line.text, ...counts } as EqmsLopHocSinh;
  });
}
