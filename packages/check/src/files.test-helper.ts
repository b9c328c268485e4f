/**
 * Files for the tests, made from one generated school (no real people): what a school office
 * holds — the national database's pupil export with an impossible date planted, the TT27 results
 * of a grade, the K12Online account file, a CSV and a workbook nobody described, and files that
 * cannot be read.
 */
import { writeK12Online } from '@eduvn/adapter-k12online';
import { type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { kqhtAdapter } from '@eduvn/adapter-moet';
import { type GeneratedSchool, generateSchool } from '@eduvn/fixtures';

/** The school year of the files. */
export const SCHOOL_YEAR = '2025-2026';

/** The day the files are checked as of. */
export const AS_OF = '2026-05-31';

/** The generated school. */
export const school: GeneratedSchool = generateSchool({
  seed: 27,
  schoolYear: SCHOOL_YEAR,
  province: '79',
  pupils: 60,
});

const SEX: Record<string, string> = { '1': 'Nam', '2': 'Nữ' };
const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** The row (1-based) of the pupil whose birth date is 31/02/2019 in {@link c1Export}. */
export const IMPOSSIBLE_DATE_ROW = 7;

/** The C1-HocSinh export: title block, header on row 4; row 7 holds the impossible date. */
export function c1Export(s: GeneratedSchool = school): Uint8Array {
  const header = [
    'STT',
    'Mã lớp',
    'Mã học sinh',
    'Họ tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Trạng thái\nhọc sinh',
    'Số định danh\ncá nhân',
  ];
  const rows: CellInput[][] = s.hocSinhs.map((p, i) => [
    i + 1,
    p.maLop ?? '',
    { text: p.hocSinhId },
    p.hoTen,
    i + 5 === IMPOSSIBLE_DATE_ROW ? '31/02/2019' : dmy(p.ngaySinh ?? ''),
    SEX[p.maGioiTinh ?? ''] ?? '',
    'Kinh',
    'Đang học',
    { text: p.maCongDanId ?? '' },
  ]);
  return writeXlsx([
    {
      name: 'Sheet1',
      rows: [['BỘ GIÁO DỤC VÀ ĐÀO TẠO'], ['DANH SÁCH HỌC SINH'], [], header, ...rows],
    },
    { name: 'GIOI_TINH', state: 'hidden', rows: [['Nam'], ['Nữ']] },
    { name: 'DAN_TOC', state: 'hidden', rows: [['Kinh']] },
  ]);
}

/** The KQHT results of grade 1 at the year end, as the national database's import takes them. */
export async function kqhtFile(s: GeneratedSchool = school): Promise<Uint8Array> {
  const kqht = kqhtAdapter({
    khoi: 1,
    kyDanhGia: 'CN',
    namHoc: SCHOOL_YEAR,
    truongId: s.truong.truongId,
  });
  const results = s.danhGias
    .filter((d) => d.khoi === 1 && d.kyDanhGia === 'CN')
    .map(({ nhanXet: _n, khenThuong: _k, hoanThanhChuongTrinhTieuHoc: _h, ...rest }) => rest);
  const bytes = await kqht.write?.({
    entity: 'DanhGiaHocSinh',
    records: results,
    options: { pupils: s.hocSinhs },
  });
  if (!bytes) throw new Error('the KQHT adapter writes');
  return bytes;
}

/** The K12Online account template, 20 pupils. */
export function k12File(s: GeneratedSchool = school): Promise<Uint8Array> {
  return writeK12Online(s.hocSinhs.slice(0, 20));
}

/** A CSV of a tool nobody described: a mapping must be proposed. */
export function unknownCsv(s: GeneratedSchool = school, count = 15): Uint8Array {
  const lines = [
    'Họ và tên học sinh;Ngày sinh;Giới tính;Lớp;Họ tên mẹ',
    ...s.hocSinhs
      .slice(0, count)
      .map((p) =>
        [
          p.hoTen,
          dmy(p.ngaySinh ?? ''),
          SEX[p.maGioiTinh ?? ''] ?? '',
          p.maLop ?? '',
          p.tenMe ?? '',
        ].join(';'),
      ),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** A workbook nobody described (no adapter's layout): a mapping must be proposed. */
export function unknownWorkbook(s: GeneratedSchool = school, count = 12): Uint8Array {
  return writeXlsx([
    {
      name: 'Danh sách',
      rows: [
        ['DANH SÁCH HỌC SINH NĂM HỌC 2025-2026'],
        [],
        ['Họ và tên', 'Ngày sinh', 'Giới tính'],
        ...s.hocSinhs
          .slice(0, count)
          .map((p) => [p.hoTen, dmy(p.ngaySinh ?? ''), SEX[p.maGioiTinh ?? ''] ?? '']),
      ],
    },
  ]);
}

/** A PDF saved with an .xlsx name. */
export const pdfFile: Uint8Array = new TextEncoder().encode('%PDF-1.7\n% not a spreadsheet\n');
