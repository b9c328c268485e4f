import { column } from './column.ts';
import { defineMapping } from './define-mapping.ts';

/** The national database's "C1-HocSinh" pupils export, as a mapping. */
export const pupils = defineMapping({
  entity: 'HocSinh',
  version: 'C1-HocSinh',
  columns: {
    maLop: column(['Mã lớp'], 'code'),
    hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
    ngaySinh: column(['Ngày sinh'], 'date'),
    maGioiTinh: column(['Giới tính'], 'sex'),
    maDanToc: column(['Dân tộc'], 'code', { pad: 2 }),
    maCongDanId: column(['Số định danh cá nhân', 'Số ĐDCN'], 'code', { pad: 12 }),
    tinhThanhId: column(['Tỉnh/Thành phố'], 'code', { pad: 2 }),
    namSinhMe: column(['Năm sinh mẹ'], 'integer'),
    chieuCao: column(['Chiều cao'], 'decimal'),
    isHoNgheo: column(['Hộ nghèo'], 'flag'),
  },
});
