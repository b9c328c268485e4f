import { type CellInput, readAll, writeXlsx } from '@eduvn/adapter-kit';
import { bundledCatalogs, type CatalogPack } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { createCsdlGiaoVien, csdlGiaoVien } from './csdl-giao-vien.ts';
import {
  fixtureSchool,
  STAFF_CORE_HEADERS,
  staffHeaders,
  staffXls,
  staffXlsx,
} from './fixtures.test-helper.ts';

/** A one-sheet staff file with the known and assumed headers, one row per object. */
function sheet(
  rows: readonly Readonly<Record<string, CellInput>>[],
  headers: readonly string[] = STAFF_CORE_HEADERS,
): Uint8Array {
  return writeXlsx([
    { name: 'Sheet1', rows: [[...headers], ...rows.map((r) => headers.map((h) => r[h] ?? null))] },
  ]);
}

describe('csdlGiaoVien', () => {
  it('decodes the TCVN3 text of the legacy .xls (.VnTime) and reads every staff member', async () => {
    const staff = fixtureSchool().canBos.slice(0, 2);
    const result = await readAll(csdlGiaoVien, staffXls(2), { file: 'CSDL_GiaoVien.xls' });
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.record['hoTen'])).toEqual(staff.map((s) => s.hoTen));
    expect(result.records.map((r) => r.record['giaoVienId'])).toEqual(
      staff.map((s) => s.giaoVienId),
    );
    expect(result.records.map((r) => r.record['ngaySinh'])).toEqual(staff.map((s) => s.ngaySinh));
    expect(result.records.every((r) => r.issues.length === 0)).toBe(true);
    expect(result.records[0]?.provenance.row).toBe(4);
  });

  it('reads the 72-column export, ignoring the columns it does not know', async () => {
    expect(staffHeaders()).toHaveLength(72);
    const staff = fixtureSchool().canBos;
    const result = await readAll(csdlGiaoVien, staffXlsx());
    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(staff.length);
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
    expect(Object.keys(result.records[0]?.record ?? {}).sort()).toEqual(
      [
        'email',
        'giaoVienId',
        'hoTen',
        'maDanToc',
        'maGioiTinh',
        'maTrangThaiCanBo',
        'ngaySinh',
      ].sort(),
    );
  });

  it('codes statuses that contain "Đang làm việc", and never guesses other ones', async () => {
    const file = sheet([
      { 'Họ tên': 'Lê Văn Tám', 'Trạng thái CB': 'Đang làm việc' },
      { 'Họ tên': 'Lê Thị Sáu', 'Trạng thái CB': 'Đang làm việc (hợp đồng)' },
      { 'Họ tên': 'Vũ Văn Năm', 'Trạng thái CB': 'Nghỉ không lương' },
    ]);
    const { records } = await readAll(csdlGiaoVien, file);
    expect(records.map((r) => r.record['maTrangThaiCanBo'])).toEqual([
      'DANG_LAM_VIEC',
      'DANG_LAM_VIEC',
      undefined,
    ]);
    expect(records[2]?.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        problem: expect.stringContaining(
          'Trạng thái CB "Nghỉ không lương" is not in DM_TRANG_THAI_CAN_BO',
        ),
      }),
    ]);
  });

  it('keeps the Email as written (often wrong) and never uses it as a key', async () => {
    const shared = 'vanphong@example.edu.vn';
    const file = sheet([
      { 'Mã cán bộ': 'GV1', 'Họ tên': 'Lê Văn Tám', Email: shared },
      { 'Mã cán bộ': 'GV2', 'Họ tên': 'Lê Thị Sáu', Email: shared },
    ]);
    const { records } = await readAll(csdlGiaoVien, file);
    expect(records.map((r) => [r.record['giaoVienId'], r.record['email']])).toEqual([
      ['GV1', shared],
      ['GV2', shared],
    ]);
    expect(csdlGiaoVien.entities[0]?.mapping.rowKey).toEqual(['giaoVienId', 'hoTen']);
  });

  it('finds Vị trí việc làm but keeps nothing of it (CanBo has no such field)', async () => {
    const file = sheet([{ 'Họ tên': 'Lê Văn Tám', 'Vị trí việc làm': 'Giáo viên tiểu học' }]);
    const [record] = (await readAll(csdlGiaoVien, file)).records;
    expect(record?.record).toEqual({ hoTen: 'Lê Văn Tám' });
    expect(record?.issues).toEqual([]);
  });

  it('codes Nhóm chức vụ and Môn dạy once their catalogs are given', async () => {
    const pack: CatalogPack = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'staff-groups',
      codeSystems: [
        {
          id: 'DM_NHOM_CAN_BO',
          name: { vi: 'Nhóm cán bộ', en: 'Staff groups' },
          source: 'test',
          versions: [
            {
              version: 'test',
              source: 'test',
              entries: [
                { code: 'GIAO_VIEN', name: 'Giáo viên' },
                { code: 'NHAN_VIEN', name: 'Nhân viên' },
              ],
            },
          ],
        },
      ],
    };
    const reader = createCsdlGiaoVien({ catalogs: bundledCatalogs(pack) });
    const file = sheet([
      { 'Họ tên': 'Lê Văn Tám', 'Nhóm chức vụ': 'Giáo viên', 'Môn dạy': 'Toán' },
      { 'Họ tên': 'Lê Thị Sáu', 'Nhóm chức vụ': 'Bảo vệ' },
    ]);
    const { records } = await readAll(reader, file);
    expect(records[0]?.record['maNhomCanBo']).toBe('GIAO_VIEN');
    // DM_MON_HOC is not loaded: Môn dạy is found but not coded.
    expect(records[0]?.record['maMonDay']).toBeUndefined();
    expect(records[1]?.issues[0]?.problem).toContain(
      'Nhóm chức vụ "Bảo vệ" is not in DM_NHOM_CAN_BO',
    );
    // Without the catalog the group is found but not kept.
    const plain = await readAll(csdlGiaoVien, file);
    expect(plain.records[0]?.record['maNhomCanBo']).toBeUndefined();
  });

  it('names a missing Họ tên column in an error issue', async () => {
    const file = sheet(
      [{ Email: 'a@example.edu.vn' }],
      STAFF_CORE_HEADERS.filter((h) => h !== 'Họ tên'),
    );
    const result = await readAll(csdlGiaoVien, file);
    expect(result.records).toEqual([]);
    expect(result.issues.some((i) => i.severity === 'error' && i.problem.includes('hoTen'))).toBe(
      true,
    );
  });

  it('reports an impossible birth date and a sex it cannot read, keeping the rest of the row', async () => {
    const file = sheet([{ 'Họ tên': 'Lê Văn Tám', 'Ngày sinh': '30/02/1980', 'Giới tính': 'X' }]);
    const [record] = (await readAll(csdlGiaoVien, file)).records;
    expect(record?.record).toEqual({ hoTen: 'Lê Văn Tám' });
    expect(record?.issues.map((i) => [i.field, i.severity])).toEqual([
      ['ngaySinh', 'error'],
      ['maGioiTinh', 'error'],
    ]);
  });
});
