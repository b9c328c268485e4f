/**
 * The files of the demonstration, made from one generated school (no real people): what a school
 * office holds on a given day — the national database's pupil export, the TT27 results of a
 * grade ready for upload, the K12Online account file, a CSV nobody described, and a PDF someone
 * saved with an .xlsx name.
 */

import { writeK12Online } from '@eduvn/adapter-k12online';
import { writeXlsx } from '@eduvn/adapter-kit';
import { kqhtAdapter } from '@eduvn/adapter-moet';
import { type GeneratedSchool, generateSchool } from '@eduvn/fixtures';
import type { SchoolFile } from './import.ts';

/** The school year of the demonstration. */
export const SCHOOL_YEAR = '2025-2026';

/** The generated school the files come from. */
export function demoSchool(): GeneratedSchool {
  return generateSchool({ seed: 27, schoolYear: SCHOOL_YEAR, province: '79', pupils: 90 });
}

const SEX: Record<string, string> = { '1': 'Nam', '2': 'Nữ' };
const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/**
 * The sheet row of the C1-HocSinh export whose birth date is the impossible `31/02/2019` (typed by
 * hand, as happens in real files).
 */
export const IMPOSSIBLE_DATE_ROW = 10;

/**
 * The C1-HocSinh export of the national database: title block, header on row 4, a serial date,
 * and an impossible date on row {@link IMPOSSIBLE_DATE_ROW}.
 */
function c1Export(school: GeneratedSchool): Uint8Array {
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
  const rows = school.hocSinhs.map((p, i) => [
    i + 1,
    p.maLop ?? '',
    { text: p.hocSinhId },
    p.hoTen,
    // One pupil's date became an Excel serial, as happens in real files.
    i === 3 && p.ngaySinh
      ? { date: p.ngaySinh }
      : i + 5 === IMPOSSIBLE_DATE_ROW
        ? '31/02/2019'
        : dmy(p.ngaySinh ?? ''),
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

/** An export of a tool nobody wrote an adapter for, as CSV. */
function unknownCsv(school: GeneratedSchool): Uint8Array {
  const lines = [
    'Họ và tên học sinh;Ngày sinh;Giới tính;Lớp;Họ tên mẹ',
    ...school.hocSinhs
      .slice(0, 20)
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

/** The demonstration's files. */
export async function demoFiles(school: GeneratedSchool = demoSchool()): Promise<SchoolFile[]> {
  const truongId = school.truong.truongId;
  const kqht = kqhtAdapter({ khoi: 1, kyDanhGia: 'CN', namHoc: SCHOOL_YEAR, truongId });
  const results = school.danhGias
    .filter((d) => d.khoi === 1 && d.kyDanhGia === 'CN')
    .map(({ nhanXet: _n, khenThuong: _k, hoanThanhChuongTrinhTieuHoc: _h, ...rest }) => rest);
  const kqhtFile = await kqht.write?.({
    entity: 'DanhGiaHocSinh',
    records: results,
    options: { pupils: school.hocSinhs },
  });
  if (!kqhtFile) throw new Error('the KQHT adapter writes');
  return [
    { name: 'C1-HocSinh.xlsx', bytes: c1Export(school) },
    { name: 'KQHT-khoi1-CN.xlsx', bytes: kqhtFile, form: { khoi: 1, kyDanhGia: 'CN' } },
    { name: 'k12online-tai-khoan.xlsx', bytes: await writeK12Online(school.hocSinhs.slice(0, 30)) },
    { name: 'danh-sach-tu-phan-mem-khac.csv', bytes: unknownCsv(school) },
    { name: 'bao-cao.xlsx', bytes: new TextEncoder().encode('%PDF-1.7\n% not a spreadsheet\n') },
  ];
}
