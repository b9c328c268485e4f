/**
 * The canonical (camelCase) name of a QĐ 4998 symbol: `HOC_SINH_ID` → `hocSinhId`,
 * `IS_2_BUOI_NGAY` → `is2BuoiNgay`, `HTvaPHT_HTTH_TONG_SO` → `htvaphtHtthTongSo`.
 */
export function camelFromSymbol(symbol: string): string {
  return symbol
    .toLowerCase()
    .split('_')
    .filter((part) => part !== '')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}
