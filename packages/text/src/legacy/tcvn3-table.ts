/**
 * The TCVN3 (ABC, TCVN 5712:1993 VN3) code table: byte → Unicode letter.
 *
 * Checked in `tcvn3.test.ts` against glibc iconv's `TCVN5712-1` for every lower-case letter and
 * Ă Â Ê Ô Ơ Ư Đ. iconv implements VN1, which also puts upper-case toned letters at 0x01–0x17,
 * 0x80–0x9F and in the gaps of this table; the ABC fonts (VN3) have no such letters, so those bytes
 * are deliberately absent here and decode as Windows-1252 / Latin-1.
 * Also agrees with the TCVN3 tables of lamdao/xvnkb `tcvn.h` and duydev/vietnamese-conversion
 * `src/charsets.ts` (lower-case rows).
 *
 * @internal
 */
export const TCVN3_TABLE: readonly (readonly [byte: number, letter: string])[] = [
  // Shape letters, the only capitals the ABC fonts have, then their lower case.
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'], // the soft hyphen position: 'Tr­êng' is Trường
  [0xae, 'đ'],
  // a
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  // ă
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  // â
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  // e
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  // ê
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  // i
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  // o
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  // ô
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  // ơ
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  // u
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  // ư
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  // y
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];
