import type { CodeSystem } from '../types.ts';

/** Province prefixes of personal identification numbers (data: eduvn reference `catalogs/personal-id-province-prefixes-2016.csv`). */
const PREFIXES: readonly (readonly [prefix: string, province: string])[] = [
  ['001', 'Hà Nội'],
  ['002', 'Hà Giang'],
  ['004', 'Cao Bằng'],
  ['006', 'Bắc Kạn'],
  ['008', 'Tuyên Quang'],
  ['010', 'Lào Cai'],
  ['011', 'Điện Biên'],
  ['012', 'Lai Châu'],
  ['014', 'Sơn La'],
  ['015', 'Yên Bái'],
  ['017', 'Hòa Bình'],
  ['019', 'Thái Nguyên'],
  ['020', 'Lạng Sơn'],
  ['022', 'Quảng Ninh'],
  ['024', 'Bắc Giang'],
  ['025', 'Phú Thọ'],
  ['026', 'Vĩnh Phúc'],
  ['027', 'Bắc Ninh'],
  ['030', 'Hải Dương'],
  ['031', 'Hải Phòng'],
  ['033', 'Hưng Yên'],
  ['034', 'Thái Bình'],
  ['035', 'Hà Nam'],
  ['036', 'Nam Định'],
  ['037', 'Ninh Bình'],
  ['038', 'Thanh Hóa'],
  ['040', 'Nghệ An'],
  ['042', 'Hà Tĩnh'],
  ['044', 'Quảng Bình'],
  ['045', 'Quảng Trị'],
  ['046', 'Thừa Thiên Huế'],
  ['048', 'Đà Nẵng'],
  ['049', 'Quảng Nam'],
  ['051', 'Quảng Ngãi'],
  ['052', 'Bình Định'],
  ['054', 'Phú Yên'],
  ['056', 'Khánh Hòa'],
  ['058', 'Ninh Thuận'],
  ['060', 'Bình Thuận'],
  ['062', 'Kon Tum'],
  ['064', 'Gia Lai'],
  ['066', 'Đắk Lắk'],
  ['067', 'Đắk Nông'],
  ['068', 'Lâm Đồng'],
  ['070', 'Bình Phước'],
  ['072', 'Tây Ninh'],
  ['074', 'Bình Dương'],
  ['075', 'Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu'],
  ['079', 'Hồ Chí Minh'],
  ['080', 'Long An'],
  ['082', 'Tiền Giang'],
  ['083', 'Bến Tre'],
  ['084', 'Trà Vinh'],
  ['086', 'Vĩnh Long'],
  ['087', 'Đồng Tháp'],
  ['089', 'An Giang'],
  ['091', 'Kiên Giang'],
  ['092', 'Cần Thơ'],
  ['093', 'Hậu Giang'],
  ['094', 'Sóc Trăng'],
  ['095', 'Bạc Liêu'],
  ['096', 'Cà Mau'],
];

/**
 * `DM_MA_TINH_DINH_DANH`: the first three digits (`PPP`) of a 12-digit personal identification
 * number — the province where the birth was registered (TT 59/2021/TT-BCA Art. 4): `0` + the
 * province's pre-2025 GSO code. Numbers are never re-issued, so these 63 prefixes stay valid after
 * the 2025 merger; never check a prefix against the 34-province list. Prefixes for births abroad
 * exist but are not bundled.
 */
export const DM_MA_TINH_DINH_DANH: CodeSystem = {
  id: 'DM_MA_TINH_DINH_DANH',
  name: {
    vi: 'Mã tỉnh trong số định danh cá nhân',
    en: 'Province prefixes of personal identification numbers',
  },
  source: 'TT 59/2021/TT-BCA Art. 4; Luật Căn cước 2023 Art. 12',
  versions: [
    {
      version: '2016',
      source: 'Province codes of the personal identification number (63 provinces, pre-2025)',
      note: 'Country codes for births abroad are not included.',
      entries: PREFIXES.map(([code, name]) => ({ code, name })),
    },
  ],
};
