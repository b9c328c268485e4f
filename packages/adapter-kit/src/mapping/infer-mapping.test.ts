import { generateSchool } from '@eduvn/fixtures';
import type { HocSinh } from '@eduvn/standard';
import { formatVnDate, isoToExcelSerial } from '@eduvn/text';
import { describe, expect, it } from 'vitest';
import { findHeader } from '../layout/find-header.ts';
import { kqhtData, kqhtHeader, row } from '../layout/rows.test-helper.ts';
import type { HeaderMatch, HeaderTerm } from '../layout/types.ts';
import type { Cell, Row } from '../workbook/types.ts';
import { HEADER_ALIASES } from './aliases.ts';
import { bindMapping } from './bind-mapping.ts';
import { defineMapping } from './define-mapping.ts';
import { inferMapping } from './infer-mapping.ts';
import { mapRow } from './map-row.ts';

/**
 * The national database's "C1-HocSinh" export as vendor formats describe it, plus the columns
 * whose headers are unknown there (parents, address, phone) under common names, and a column a
 * newer template version added (`Mã BHYT`), which no field holds.
 */
const COLUMNS: readonly {
  header: string;
  field: string | null;
  cell: (p: HocSinh, i: number) => Cell | undefined;
}[] = [
  { header: 'STT', field: 'thuTu', cell: (_p, i) => ({ value: i + 1 }) },
  { header: 'Mã lớp', field: 'maLop', cell: (p) => ({ value: p.maLop ?? '' }) },
  { header: 'Mã học sinh', field: 'hocSinhId', cell: (p) => ({ value: p.hocSinhId }) },
  { header: 'Họ tên'.normalize('NFD'), field: 'hoTen', cell: (p) => ({ value: p.hoTen }) },
  {
    header: 'Ngày sinh',
    field: 'ngaySinh',
    // Mostly dd/mm/yyyy text; every fifth an Excel serial, as real files have.
    cell: (p, i) =>
      p.ngaySinh === undefined
        ? undefined
        : i % 5 === 0
          ? { value: isoToExcelSerial(p.ngaySinh) }
          : { value: formatVnDate(p.ngaySinh) },
  },
  {
    header: 'Giới tính',
    field: 'maGioiTinh',
    cell: (p, i) => ({ value: p.maGioiTinh === '1' ? (i % 7 === 0 ? 'NAM' : 'Nam') : 'Nữ' }),
  },
  { header: 'Trạng thái HS', field: 'maTrangThaiHienTai', cell: () => ({ value: 'Đang học' }) },
  { header: 'Ngày nhập trạng thái', field: null, cell: () => ({ value: '05/09/2024' }) },
  {
    header: 'Dân tộc',
    field: 'maDanToc',
    cell: (p) => ({ value: p.danTocTheoGiayKhaiSinh ?? 'Kinh' }),
  },
  { header: 'Loại khuyết tật', field: 'maLoaiKhuyetTat', cell: () => undefined },
  {
    header: 'Số định danh cá nhân',
    field: 'maCongDanId',
    cell: (p) => ({ value: p.maCongDanId ?? '' }),
  },
  {
    header: 'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)'.normalize('NFD'),
    field: 'tinhThanhId',
    cell: (p) => ({ value: p.tinhThanhId ?? '' }),
  },
  { header: 'Xã/Phường', field: 'xaPhuongId', cell: (p) => ({ value: p.xaPhuongId ?? '' }) },
  { header: 'Nơi sinh', field: 'noiSinh', cell: (p) => ({ value: p.noiSinh ?? '' }) },
  { header: 'Quốc tịch', field: 'quocTichId', cell: () => ({ value: 'Việt Nam' }) },
  { header: 'Họ tên cha', field: 'tenCha', cell: (p) => ({ value: p.tenCha ?? '' }) },
  { header: 'Năm sinh cha', field: 'namSinhCha', cell: (p) => ({ value: p.namSinhCha ?? '' }) },
  {
    header: 'Nghề nghiệp cha',
    field: 'ngheNghiepCha',
    cell: (p) => ({ value: p.ngheNghiepCha ?? '' }),
  },
  { header: 'Họ và tên mẹ (*)', field: 'tenMe', cell: (p) => ({ value: p.tenMe ?? '' }) },
  {
    header: 'Năm sinh mẹ',
    field: 'namSinhMe',
    cell: (p) => ({ value: String(p.namSinhMe ?? '') }),
  },
  {
    header: 'Nghề nghiệp mẹ',
    field: 'ngheNghiepMe',
    cell: (p) => ({ value: p.ngheNghiepMe ?? '' }),
  },
  {
    header: 'Số điện thoại',
    field: 'dienThoaiLienHe',
    cell: (p) => ({ value: p.dienThoaiLienHe ?? '' }),
  },
  { header: 'Mã BHYT', field: null, cell: (_p, i) => ({ value: `HS40${String(1000 + i)}` }) },
];

/** A pupil sheet: a title block, the header on row 5, one class's caption and its pupils. */
function pupilSheet(): { rows: Row[]; header: HeaderMatch } {
  const school = generateSchool({ seed: 7, assessments: false });
  const pupils = school.hocSinhs.slice(0, 60);
  const rows: Row[] = [
    row(1, ['SỞ GIÁO DỤC VÀ ĐÀO TẠO']),
    row(2, ['DANH SÁCH HỌC SINH']),
    row(
      5,
      COLUMNS.map((c) => c.header),
    ),
    ...pupils.map((p, i) => ({ row: 6 + i, cells: COLUMNS.map((c) => c.cell(p, i)) })),
  ];
  const vocabulary: HeaderTerm[] = HEADER_ALIASES.filter((a) => a.entity === 'HocSinh').map(
    (a) => ({
      label: a.field,
      aliases: a.headers.filter((h): h is string => typeof h === 'string'),
    }),
  );
  const header = findHeader(rows.slice(0, 30), vocabulary);
  if (header === undefined) throw new Error('no header');
  return { rows, header };
}

describe('inferMapping', () => {
  it('proposes the right field for every known column of a realistic pupil sheet', () => {
    const { rows, header } = pupilSheet();
    expect(header.firstRow).toBe(5);
    const inferred = inferMapping({ header, rows: rows.slice(0, 40) }, 'HocSinh');
    expect(inferred.columns).toHaveLength(COLUMNS.length);
    for (const [i, c] of COLUMNS.entries()) {
      const proposal = inferred.columns[i];
      expect(proposal?.field, `${c.header}: ${proposal?.reasons.join('; ')}`).toBe(c.field);
      if (c.field !== null) expect(proposal?.confidence, c.header).toBeGreaterThan(0.7);
    }
    const byField = Object.fromEntries(inferred.columns.map((c) => [c.field, c]));
    expect(byField['ngaySinh']?.kind).toBe('date');
    expect(byField['maGioiTinh']?.kind).toBe('sex');
    expect(byField['hoTen']?.kind).toBe('name');
    expect(byField['maCongDanId']?.kind).toBe('code');
    expect(byField['namSinhMe']?.kind).toBe('integer');
    expect(byField['ngaySinh']?.reasons).toEqual([
      "the header is a known one ('Ngày sinh')",
      'the values look like dates',
    ]);
    expect(byField['tinhThanhId']?.reasons).toEqual([
      "the header is a known one ('Tỉnh/Thành phố (Theo địa chỉ thường trú)')",
    ]);
    expect(byField['maCongDanId']?.confidence).toBeGreaterThan(0.95);
  });

  it('reports an unknown column with no field and low confidence', () => {
    const { rows, header } = pupilSheet();
    const inferred = inferMapping({ header, rows }, 'HocSinh');
    const added = inferred.columns.find((c) => c.label === 'Mã BHYT');
    expect(added).toMatchObject({ field: null, kind: null, confidence: 0 });
    expect(added?.reasons).toEqual(['no field of HocSinh resembles this header']);
    const status = inferred.columns.find((c) => c.label === 'Ngày nhập trạng thái');
    expect(status?.field).toBeNull();
    expect(status?.reasons.join(' ')).toContain('maTrangThaiHienTai went to column G');
  });

  it('drafts a mapping that defines, binds and maps the sheet', () => {
    const { rows, header } = pupilSheet();
    const inferred = inferMapping({ header, rows }, 'HocSinh');
    const mapping = defineMapping(inferred.mapping);
    expect(Object.keys(mapping.columns)).toHaveLength(
      COLUMNS.filter((c) => c.field !== null).length,
    );
    expect(mapping.columns['maDanToc']?.options).toEqual({ pad: 2 });
    expect(mapping.columns['hocSinhId']?.options).toEqual({ required: true });
    const bound = bindMapping(mapping, header);
    expect(bound.problems).toEqual([]);
    const first = rows.find((r) => r.row === 6);
    if (first === undefined) throw new Error('no data');
    const mapped = mapRow(bound, first);
    expect(mapped.issues).toEqual([]);
    expect(mapped.record).toMatchObject({ thuTu: 1, maGioiTinh: expect.stringMatching(/^[12]$/) });
    expect(mapped.record['ngaySinh']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never maps two columns to one field, keeping the better one', () => {
    const rows = [
      row(1, ['Họ tên', 'Ngày sinh', 'Ngày sinh (dd/mm/yyyy)', 'Họ tên học sinh']),
      row(2, ['Lê Văn An', 'chưa rõ', '01/02/2018', 'Lê Văn An']),
      row(3, ['Đỗ Thị Hà', 'chưa rõ', '11/12/2017', 'Đỗ Thị Hà']),
    ];
    const header = findHeader(rows, [{ label: 'Họ tên' }, { label: 'Ngày sinh' }]);
    if (header === undefined) throw new Error('no header');
    const inferred = inferMapping({ header, rows }, 'HocSinh');
    expect(inferred.columns.map((c) => c.field)).toEqual(['hoTen', null, 'ngaySinh', null]);
    expect(inferred.columns[1]?.reasons.at(-1)).toContain('ngaySinh went to column C');
    expect(inferred.columns[3]?.reasons.at(-1)).toContain('hoTen went to column A');
  });

  it('uses values when the header says nothing, and lowers confidence when they disagree', () => {
    const rows = [
      row(1, ['Mã học sinh', 'Họ tên', 'Cột 3', 'Ngày sinh', 'Giới tính']),
      row(2, ['001', 'Lê An', '079123456789', 'không rõ', 'Nam']),
      row(3, ['002', 'Hà Bình', '001234567890', 'chưa có', 'Nữ']),
    ];
    const header = findHeader(rows, [{ label: 'Mã học sinh' }, { label: 'Họ tên' }]);
    if (header === undefined) throw new Error('no header');
    const inferred = inferMapping({ header, rows }, 'HocSinh');
    expect(inferred.columns[2]).toMatchObject({ field: 'maCongDanId', confidence: 0.6 });
    expect(inferred.columns[3]).toMatchObject({ field: 'ngaySinh', confidence: 0.475 });
    expect(inferred.columns[3]?.reasons).toContain('but the values do not look like dates');
    expect(inferred.columns[4]).toMatchObject({
      field: 'maGioiTinh',
      kind: 'sex',
      confidence: 0.975,
    });
    expect(Object.keys(inferred.mapping.columns)).not.toContain('ngaySinh');
  });

  it('reads the KQHT template for TT27 results: paths, competencies, qualities, marks', () => {
    const { rows: headerRows, merges } = kqhtHeader(1);
    const rows = [
      ...headerRows,
      kqhtData(4, { code: '01', name: 'An' }),
      kqhtData(5, { code: '02', name: 'Bình' }),
    ];
    const header = findHeader(rows, [{ label: 'Mã học sinh' }, { label: 'Họ tên' }], { merges });
    if (header === undefined) throw new Error('no header');
    const inferred = inferMapping({ header, rows }, 'DanhGiaHocSinh');
    const byLetter = Object.fromEntries(inferred.columns.map((c) => [c.letter, c]));
    expect(byLetter['C']?.field).toBe('hocSinhId');
    expect(byLetter['S']).toMatchObject({ field: 'nlTuChuTuHoc', kind: 'traitLevel' });
    expect(byLetter['X']).toMatchObject({ field: 'nlKhoaHoc', kind: 'traitLevel' });
    expect(byLetter['AA']).toMatchObject({ field: 'pcYeuNuoc', kind: 'traitLevel' });
    expect(byLetter['AF']).toMatchObject({ field: 'hoanThanhChuongTrinhLopHoc', kind: 'flag' });
    expect(byLetter['AH']).toMatchObject({ field: 'ketQuaCuoiNam', kind: 'code' });
    expect(byLetter['F']?.field).toBeNull(); // subjects are rows of monHocs: a transform's job
    for (const letter of ['S', 'X', 'AA', 'AF'])
      expect(byLetter[letter]?.confidence).toBeGreaterThan(0.9);
  });

  it('rejects an unknown entity and survives hostile headers', () => {
    const rows = [
      row(1, ['__proto__', 'constructor', 'Mã HS', 'Họ tên', 'ấ'.repeat(10_000)]),
      row(2, ['a', 'b', '1', 'An', 'c']),
    ];
    const header = findHeader(rows, [{ label: 'Mã HS' }, { label: 'Họ tên' }]);
    if (header === undefined) throw new Error('no header');
    expect(() => inferMapping({ header, rows }, 'Nope')).toThrow(TypeError);
    const inferred = inferMapping({ header, rows }, 'HocSinh');
    expect(inferred.columns.map((c) => c.field)).toEqual([null, null, 'hocSinhId', 'hoTen', null]);
    expect(Object.keys(inferred.mapping.columns)).toEqual(['hocSinhId', 'hoTen']);
  });
});
