import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const SOURCE = 'seed regulation Art. 8 cl. 2–3';

const fields = fieldKit(SOURCE, { addedByEduvn: true });

/** The status catalog of an event follows `doiTuong`. */
const STATUS_CATALOGS = {
  field: 'doiTuong',
  catalogs: { HOC_SINH: 'DM_TRANG_THAI_HOC_SINH', CAN_BO: 'DM_TRANG_THAI_CAN_BO' },
} as const;

/**
 * Sự kiện thay đổi trạng thái — one status change of a pupil or a staff member: starting,
 * transferring in or out, pausing, dropping out, returning, leaving, retiring.
 *
 * The seed regulation (Art. 8 cl. 2–3) says that staff who transfer, stop or resign and learners
 * who pause, drop out or transfer only change status: the record and its identifier are never
 * deleted. So the SDK has no delete: a status change is recorded as one of these events, and the
 * events of a person are append-only. A person's current status is the `trangThaiSau` of their
 * latest event (by `ngayHieuLuc`, then `ngayGhiNhan`); to correct an event, record another one
 * (an eduvn convention, not the regulation's text).
 *
 * Status codes come from QĐ 4998's catalogs, `DM_TRANG_THAI_HOC_SINH` for pupils and
 * `DM_TRANG_THAI_CAN_BO` for staff, chosen by `doiTuong`. Neither catalog's values are published:
 * the SDK bundles the known ones under eduvn codes (pupils, 5 of the CSDL export's 12: `DANG_HOC`
 * Đang học, `CHUYEN_DEN` Chuyển đến, `CHUYEN_DI` Chuyển đi, `THOI_HOC` Thôi học, `HOC_LAI` Nghỉ
 * học xin học lại; staff: `DANG_LAM_VIEC` Đang làm việc) and loads the rest from packs.
 *
 * Facts for the rules engine (not checked here): `trangThaiTruoc` should equal the status left by
 * the person's previous event; `truongDenId` belongs to transfers out and `truongDiId` to transfers
 * in; `ngayGhiNhan` is normally on or after `ngayHieuLuc`, and the 48-hour push deadline (seed
 * regulation Art. 6 cl. 2, possibly a local rule) runs from when the change is entered.
 */
export const SuKienTrangThai = defineEntity(
  {
    name: 'SuKienTrangThai',
    code: 'EDUVN.SKTT.1.1',
    label: { vi: 'Sự kiện thay đổi trạng thái', en: 'Status change event' },
    source: `${SOURCE} (not in QĐ 4998; fields are eduvn)`,
    key: ['suKienId'],
    kind: 'record',
    note: 'Append-only: events are never edited or deleted; a correction is a new event.',
  },
  {
    suKienId: fields.text(36, {
      symbol: 'SU_KIEN_ID',
      vi: 'Mã sự kiện',
      en: 'Event ID',
      sensitivity: 'identifier',
      required: true,
      source: 'eduvn',
      note: 'Opaque, unique, made by the system that records the event (a UUID fits in 36 characters). Also the idempotency key when the event is pushed.',
    }),
    doiTuong: fields.oneOf(['HOC_SINH', 'CAN_BO'], {
      symbol: 'DOI_TUONG',
      vi: 'Đối tượng',
      en: 'Subject kind',
      required: true,
      source: 'eduvn',
      note: 'HOC_SINH = a pupil (maDoiTuong is a HOC_SINH_ID); CAN_BO = a staff member (maDoiTuong is a GIAO_VIEN_ID).',
    }),
    truongId: fields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 TRC1.1.1',
      note: 'The school that records the event.',
    }),
    maDoiTuong: fields.text(20, {
      symbol: 'MA_DOI_TUONG',
      vi: 'Mã học sinh / mã cán bộ',
      en: 'Pupil or staff code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 HSC1.1.1 HOC_SINH_ID / GVC1.1.1 GIAO_VIEN_ID',
      note: 'The HOC_SINH_ID of a pupil or the GIAO_VIEN_ID of a staff member (both at most 20 characters).',
    }),
    trangThaiTruoc: fields.code('DM_TRANG_THAI_HOC_SINH', {
      catalogBy: STATUS_CATALOGS,
      symbol: 'TRANG_THAI_TRUOC',
      vi: 'Trạng thái trước',
      en: 'Status before',
      sensitivity: 'personal',
      source: 'eduvn; codes from QĐ 4998 DM_TRANG_THAI_HOC_SINH / DM_TRANG_THAI_CAN_BO',
      note: 'DM_TRANG_THAI_HOC_SINH when doiTuong is HOC_SINH, DM_TRANG_THAI_CAN_BO when CAN_BO. Absent for a first event (a new pupil or hire).',
    }),
    trangThaiSau: fields.code('DM_TRANG_THAI_HOC_SINH', {
      catalogBy: STATUS_CATALOGS,
      symbol: 'TRANG_THAI_SAU',
      vi: 'Trạng thái sau',
      en: 'Status after',
      sensitivity: 'personal',
      required: true,
      source: 'eduvn; codes from QĐ 4998 DM_TRANG_THAI_HOC_SINH / DM_TRANG_THAI_CAN_BO',
      note: 'DM_TRANG_THAI_HOC_SINH when doiTuong is HOC_SINH, DM_TRANG_THAI_CAN_BO when CAN_BO.',
    }),
    ngayHieuLuc: fields.date({
      symbol: 'NGAY_HIEU_LUC',
      vi: 'Ngày hiệu lực',
      en: 'Effective date',
      sensitivity: 'personal',
      required: true,
      note: 'The day the new status takes effect (e.g. the transfer date), ISO yyyy-mm-dd.',
    }),
    maLyDo: fields.code('DM_LY_DO_THAY_DOI_TRANG_THAI', {
      symbol: 'MA_LY_DO',
      vi: 'Mã lý do',
      en: 'Reason code',
      sensitivity: 'personal',
      source: 'eduvn',
      note: "eduvn catalog, values unknown; for pupils who drop out, QĐ 4998's DM_LY_DO_THOI_HOC codes are the natural content.",
    }),
    truongDenId: fields.text(15, {
      symbol: 'TRUONG_DEN_ID',
      vi: 'Mã trường chuyển đến',
      en: 'Destination school code',
      sensitivity: 'personal',
      source: 'eduvn; a QĐ 4998 TRUONG_ID',
      note: 'For transfers out: the school the person moves to. Personal here, as it tells where a person went.',
    }),
    truongDiId: fields.text(15, {
      symbol: 'TRUONG_DI_ID',
      vi: 'Mã trường chuyển đi',
      en: 'Origin school code',
      sensitivity: 'personal',
      source: 'eduvn; a QĐ 4998 TRUONG_ID',
      note: 'For transfers in: the school the person comes from.',
    }),
    ghiChu: fields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Note',
      sensitivity: 'sensitive',
      note: 'Free text about why a child or a staff member left can mention health or family circumstances: masked by default.',
    }),
    ngayGhiNhan: fields.dateTime({
      symbol: 'NGAY_GHI_NHAN',
      vi: 'Thời điểm ghi nhận',
      en: 'Recorded at',
      required: true,
      source: 'eduvn',
      note: 'When the event was entered: an RFC 3339 / ISO 8601 date-time with an offset, e.g. 2025-09-05T08:30:00+07:00 or 2025-09-05T01:30:00.250Z.',
    }),
    nguoiGhiNhan: fields.text(50, {
      symbol: 'NGUOI_GHI_NHAN',
      vi: 'Người ghi nhận',
      en: 'Recorded by',
      sensitivity: 'personal',
      source: 'eduvn',
      note: 'The account or name of the person who entered the event (part of the audit trail).',
    }),
  },
);
/** A record of {@link SuKienTrangThai}. */
export type SuKienTrangThai = z.output<typeof SuKienTrangThai>;
