import {
  type ColumnSpec,
  column,
  defineMapping,
  type Mapping,
  type MappingTransform,
} from '@eduvn/adapter-kit';
import { matchKey } from '@eduvn/text';
import { KQHT_HEADERS as H, type KqhtLayout, type KqhtTrait } from './layout.ts';
import type { KqhtPeriod } from './options.ts';

/** The end-of-year results, by `matchKey` of their codes and names. */
const RESULTS: ReadonlyMap<string, string> = new Map([
  ['htxs', 'HTXS'],
  ['htt', 'HTT'],
  ['ht', 'HT'],
  ['cht', 'CHT'],
  ['hoan thanh xuat sac', 'HTXS'],
  ['hoan thanh tot', 'HTT'],
  ['hoan thanh', 'HT'],
  ['chua hoan thanh', 'CHT'],
]);

/**
 * An end-of-year result as its code: `HTXS`/`HTT`/`HT`/`CHT` in any case, or the words
 * (`Hoàn thành tốt`). Anything else is kept as written, for schema validation to report.
 */
export function resultCode(value: string): string {
  return RESULTS.get(matchKey(value)) ?? value;
}

/** The extras name of a subject's level. */
export const levelExtra = (code: string): string => `mucDat_${code}`;

/** The extras name of a subject's test score. */
export const testExtra = (code: string): string => `diemKtdk_${code}`;

function levelColumn(layout: KqhtLayout, index: number): ColumnSpec {
  const s = layout.subjects[index];
  if (s === undefined) throw new RangeError('levelColumn: no such subject');
  const names = [s.header, ...s.aliases];
  const paths: string[][] = [
    ...names.map((n) => [n, H.level]),
    ...names.map((n) => [n, 'Mức đạt']),
    // A one-column subject whose header was merged down over the level row.
    ...(s.test ? [] : names.map((n) => [H.subjects, n])),
  ];
  return column({ paths }, 'subjectLevel');
}

function testColumn(layout: KqhtLayout, index: number): ColumnSpec {
  const s = layout.subjects[index];
  if (s === undefined) throw new RangeError('testColumn: no such subject');
  const names = [s.header, ...s.aliases];
  const paths = names.flatMap((n) => [
    [n, H.test],
    [n, 'Điểm kiểm tra định kỳ'],
  ]);
  return column({ paths }, 'integer');
}

function traitColumn(group: string, parent: string | undefined, t: KqhtTrait): ColumnSpec {
  const names = [t.header, ...t.aliases];
  const paths: string[][] = [
    ...names.map((n) => [group, n]),
    ...(parent === undefined ? [] : names.map((n) => [parent, n])),
    // Alone, only a name no subject shares (Khoa học is a subject and a competency).
    ...(t.sharedName === true ? [] : names.map((n) => [n])),
  ];
  return column({ paths }, 'traitLevel');
}

/**
 * The transform hook of a KQHT mapping: the subject columns (extras) become the `monHocs` rows, in
 * the layout's order (a subject with neither a level nor a score is left out; a score without a
 * level is kept, for validation to report the missing level), and `ketQuaCuoiNam` gets its code.
 */
function kqhtTransform(layout: KqhtLayout): MappingTransform {
  return (record, _row, extras) => {
    const monHocs: Record<string, unknown>[] = [];
    for (const s of layout.subjects) {
      const mucDat = extras[levelExtra(s.code)];
      const diemKtdk = s.test ? extras[testExtra(s.code)] : undefined;
      if (mucDat === undefined && diemKtdk === undefined) continue;
      monHocs.push({
        maMonHoc: s.code,
        ...(mucDat === undefined ? {} : { mucDat }),
        ...(diemKtdk === undefined ? {} : { diemKtdk }),
      });
    }
    record['monHocs'] = monHocs;
    const result = record['ketQuaCuoiNam'];
    if (typeof result === 'string') record['ketQuaCuoiNam'] = resultCode(result);
    return record;
  };
}

/**
 * The mapping of a KQHT layout for one period: fields from the pupil, competency, quality and
 * end-of-year columns; subjects through extras and the transform hook. The `x` columns read a
 * blank cell as "no" at the end of the year (`CN`) and as "not given" in the other periods, when
 * they are not filled.
 */
export function kqhtMapping(layout: KqhtLayout, period: KqhtPeriod): Mapping {
  const blank = period === 'CN' ? 'false' : 'absent';
  const columns: Record<string, ColumnSpec> = {
    maLop: column('Mã lớp', 'text', { required: true }),
    hocSinhId: column([...layout.idHeaders], 'code', { required: true }),
  };
  for (const t of layout.generalCompetencies) {
    columns[t.field] = traitColumn(H.general, H.competencies, t);
  }
  for (const t of layout.specificCompetencies) {
    columns[t.field] = traitColumn(H.specific, H.competencies, t);
  }
  for (const t of layout.qualities) columns[t.field] = traitColumn(H.qualities, undefined, t);
  columns['hoanThanhChuongTrinhLopHoc'] = column(
    ['Hoàn thành chương trình lớp học', 'Hoàn thành chương trình', 'Hoàn thành CTLH'],
    'flag',
    { blank },
  );
  columns['lenLop'] = column('Lên lớp', 'flag', { blank });
  columns['ketQuaCuoiNam'] = column(['Xếp loại', 'Kết quả giáo dục'], 'code');

  const extras: Record<string, ColumnSpec> = {
    hoTen: column(['Họ tên', 'Họ và tên'], 'text'),
    ngaySinh: column('Ngày sinh', 'text'),
  };
  layout.subjects.forEach((s, i) => {
    extras[levelExtra(s.code)] = levelColumn(layout, i);
    if (s.test) extras[testExtra(s.code)] = testColumn(layout, i);
  });
  return defineMapping({
    entity: 'DanhGiaHocSinh',
    version: layout.id,
    columns,
    extras,
    rowKey: ['hocSinhId'],
    transform: kqhtTransform(layout),
  });
}
