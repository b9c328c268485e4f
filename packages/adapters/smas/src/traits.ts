/** The `DanhGiaHocSinh` fields of the 10 competencies and 5 qualities (TT27, levels T/Đ/C). */
export type SmasTraitField =
  | 'nlTuChuTuHoc'
  | 'nlGiaoTiepHopTac'
  | 'nlGiaiQuyetVanDeSangTao'
  | 'nlNgonNgu'
  | 'nlTinhToan'
  | 'nlKhoaHoc'
  | 'nlCongNghe'
  | 'nlTinHoc'
  | 'nlThamMi'
  | 'nlTheChat'
  | 'pcYeuNuoc'
  | 'pcNhanAi'
  | 'pcChamChi'
  | 'pcTrungThuc'
  | 'pcTrachNhiem';

/** Which group a quality or competency belongs to, as the two-row header groups them. */
export type SmasTraitGroup = 'general' | 'specific' | 'quality';

/** One quality or competency column of the layout. */
export interface SmasTrait {
  /** The record's field. */
  readonly field: SmasTraitField;
  /** Its group. */
  readonly group: SmasTraitGroup;
  /** The header texts that name it on their own (under a group header or alone), canonical first. */
  readonly names: readonly string[];
  /**
   * Whether its name is also a subject's (`Khoa học`, `Tin học`): then a bare name is the subject,
   * and the trait is only recognised under a group header or with a prefix (`NL Khoa học`).
   */
  readonly sharesSubjectName: boolean;
}

/** The group headers over each group in a two-row header; the first is canonical. */
export const TRAIT_GROUP_HEADERS: Readonly<Record<SmasTraitGroup, readonly string[]>> =
  Object.freeze({
    general: Object.freeze(['Năng lực chung', 'NL chung', 'Năng lực', 'Năng lực cốt lõi']),
    specific: Object.freeze(['Năng lực đặc thù', 'NL đặc thù', 'Năng lực', 'Năng lực cốt lõi']),
    quality: Object.freeze(['Phẩm chất chủ yếu', 'Phẩm chất']),
  });

/** The prefixes that name a trait in one cell (`NL Ngôn ngữ`, `Phẩm chất yêu nước`). */
export const TRAIT_PREFIXES: Readonly<Record<SmasTraitGroup, readonly string[]>> = Object.freeze({
  general: Object.freeze(['NL', 'Năng lực']),
  specific: Object.freeze(['NL', 'Năng lực']),
  quality: Object.freeze(['PC', 'Phẩm chất']),
});

const trait = (
  field: SmasTraitField,
  group: SmasTraitGroup,
  names: readonly string[],
  sharesSubjectName = false,
): SmasTrait =>
  Object.freeze({ field, group, names: Object.freeze([...names]), sharesSubjectName });

/** The 15 qualities and competencies, in the order of the KQHT template (and of the writer). */
export const SMAS_TRAITS: readonly SmasTrait[] = Object.freeze([
  trait('nlTuChuTuHoc', 'general', ['Tự chủ và tự học', 'Tự chủ, tự học']),
  trait('nlGiaoTiepHopTac', 'general', ['Giao tiếp và hợp tác', 'Giao tiếp, hợp tác']),
  trait('nlGiaiQuyetVanDeSangTao', 'general', [
    'Giải quyết vấn đề và sáng tạo',
    'Giải quyết vấn đề, sáng tạo',
    'GQVĐ và sáng tạo',
  ]),
  trait('nlNgonNgu', 'specific', ['Ngôn ngữ']),
  trait('nlTinhToan', 'specific', ['Tính toán']),
  trait('nlKhoaHoc', 'specific', ['Khoa học'], true),
  trait('nlCongNghe', 'specific', ['Công nghệ']),
  trait('nlTinHoc', 'specific', ['Tin học'], true),
  trait('nlThamMi', 'specific', ['Thẩm mĩ', 'Thẩm mỹ']),
  trait('nlTheChat', 'specific', ['Thể chất']),
  trait('pcYeuNuoc', 'quality', ['Yêu nước']),
  trait('pcNhanAi', 'quality', ['Nhân ái']),
  trait('pcChamChi', 'quality', ['Chăm chỉ']),
  trait('pcTrungThuc', 'quality', ['Trung thực']),
  trait('pcTrachNhiem', 'quality', ['Trách nhiệm']),
]);

/**
 * Every way the layout writes a trait's header, as paths for `column({ paths })`, canonical first:
 * its name alone (which also fits it under any group header of a two-row header), and with each
 * prefix in one cell (`NL Ngôn ngữ`). A name that is also a subject's (`Khoa học`, `Tin học`) is
 * never taken alone: only under a group header (`Năng lực đặc thù › Khoa học`, canonical) or with
 * a prefix.
 */
export function traitPaths(t: SmasTrait): string[][] {
  const paths: string[][] = [];
  if (t.sharesSubjectName) {
    for (const name of t.names)
      for (const group of TRAIT_GROUP_HEADERS[t.group]) paths.push([group, name]);
  } else {
    for (const name of t.names) paths.push([name]);
  }
  for (const name of t.names)
    for (const prefix of TRAIT_PREFIXES[t.group]) paths.push([`${prefix} ${name}`]);
  return paths;
}
