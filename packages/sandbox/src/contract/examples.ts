import { generateSchool } from '@eduvn/fixtures';
import {
  CanBo,
  CoSoVatChat,
  DanhGiaHocSinh,
  encodeWire,
  HocSinh,
  Lop,
  SuKienTrangThai,
  TaiChinh,
  Truong,
  type WireObject,
} from '@eduvn/standard';

/** Example wire objects for the contract document: a generated school (no real people). */
export interface ContractExamples {
  /** Its TRUONG_ID. */
  readonly truongId: string;
  /** One record per entity name. */
  readonly byEntity: Readonly<Record<string, WireObject>>;
}

let cached: ContractExamples | undefined;

/**
 * The examples of the contract document, from a generated Ho Chi Minh City primary school: the
 * same every time (a fixed seed), realistic Vietnamese names and codes, generated people only.
 */
export function contractExamples(): ContractExamples {
  if (cached) return cached;
  const school = generateSchool({ seed: 2026, province: '79', pupils: 40 });
  const pupil = school.hocSinhs[0];
  const event = school.suKiens[0];
  const byEntity: Record<string, WireObject> = {
    Truong: encodeWire(Truong, {
      ...school.truong,
      diemTruongs: school.truong.diemTruongs?.slice(0, 1),
    } as Truong),
    Lop: encodeWire(Lop, school.lops[0] as Lop),
    CanBo: encodeWire(CanBo, school.canBos[0] as CanBo),
    HocSinh: encodeWire(HocSinh, pupil as HocSinh),
    DanhGiaHocSinh: encodeWire(DanhGiaHocSinh, school.danhGias[0] as DanhGiaHocSinh),
    CoSoVatChat: encodeWire(CoSoVatChat, school.coSoVatChats[0] as CoSoVatChat),
    TaiChinh: encodeWire(TaiChinh, school.taiChinh),
    SuKienTrangThai: encodeWire(SuKienTrangThai, event as SuKienTrangThai),
  };
  cached = { truongId: school.truong.truongId, byEntity };
  return cached;
}
