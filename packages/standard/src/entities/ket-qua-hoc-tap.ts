import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const diemMonFields = fieldKit('QĐ 4998 KQHTC1.2.1');

/** Điểm môn (KQHTC1.2.1). */
export const DiemMon = defineEntity(
  {
    name: 'DiemMon',
    code: 'KQHTC1.2.1',
    label: { vi: 'Điểm môn', en: 'TODO' },
    source: 'QĐ 4998 §2.4, KQHTC1.2.1',
    key: [],
    kind: 'row',
  },
  {
    maMonHoc: diemMonFields.code('DMDC', {
      symbol: 'MA_MON_HOC',
      vi: 'Mã môn học',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diem: diemMonFields.decimal({
      symbol: 'DIEM',
      vi: 'Điểm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link DiemMon}. */
export type DiemMon = z.output<typeof DiemMon>;

const ketQuaHocTapFields = fieldKit('QĐ 4998 KQHTC1');

/** Kết quả học tập (KQHTC1). */
export const KetQuaHocTap = defineEntity(
  {
    name: 'KetQuaHocTap',
    code: 'KQHTC1',
    label: { vi: 'Kết quả học tập', en: 'TODO' },
    source: 'QĐ 4998 §2.4, KQHTC1',
    key: ['hocSinhId', 'hocKy'],
    kind: 'record',
  },
  {
    truongId: ketQuaHocTapFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    maKhoi: ketQuaHocTapFields.code('DMDC', {
      symbol: 'MA_KHOI',
      vi: 'Mã khối',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maLop: ketQuaHocTapFields.text(10, {
      symbol: 'MA_LOP',
      vi: 'Mã lớp',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    hocSinhId: ketQuaHocTapFields.text(20, {
      symbol: 'HOC_SINH_ID',
      vi: 'Mã học sinh',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    hoTen: ketQuaHocTapFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngaySinh: ketQuaHocTapFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    hocKy: ketQuaHocTapFields.text(1, {
      symbol: 'HOC_KY',
      vi: 'Học kỳ',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    diemTongKet: ketQuaHocTapFields.text(4, {
      symbol: 'DIEM_TONG_KET',
      vi: 'Điểm tổng kết',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maHocLuc: ketQuaHocTapFields.code('DMDC', {
      symbol: 'MA_HOC_LUC',
      vi: 'Mã học lực',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maHanhKiem: ketQuaHocTapFields.code('DMDC', {
      symbol: 'MA_HANH_KIEM',
      vi: 'Mã hạnh kiểm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maDanhHieu: ketQuaHocTapFields.code('DMDC', {
      symbol: 'MA_DANH_HIEU',
      vi: 'Mã danh hiệu',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    soNgayNghi: ketQuaHocTapFields.text(10, {
      symbol: 'SO_NGAY_NGHI',
      vi: 'Số ngày nghỉ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhanXet: ketQuaHocTapFields.text(255, {
      symbol: 'NHAN_XET',
      vi: 'Nhận xét',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    khenThuong: ketQuaHocTapFields.text(255, {
      symbol: 'KHEN_THUONG',
      vi: 'Khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    kyLuat: ketQuaHocTapFields.text(255, {
      symbol: 'KY_LUAT',
      vi: 'Kỷ luật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isLenLop: ketQuaHocTapFields.bool({
      symbol: 'IS_LEN_LOP',
      vi: 'Được lên lớp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isRenLuyenLai: ketQuaHocTapFields.bool({
      symbol: 'IS_REN_LUYEN_LAI',
      vi: 'Rèn luyện lại',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diemMons: ketQuaHocTapFields.list(DiemMon, {
      symbol: 'DIEM_MONS',
      vi: 'Danh sách điểm môn',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHoanThanhChuongTrinhTieuHoc: ketQuaHocTapFields.bool({
      symbol: 'IS_HOAN_THANH_CHUONG_TRINH_TIEU_HOC',
      vi: 'Hoàn thành chương trình tiểu học',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link KetQuaHocTap}. */
export type KetQuaHocTap = z.output<typeof KetQuaHocTap>;
