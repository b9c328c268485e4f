/**
 * The VNI Windows code table: Unicode letter → VNI spelling, lower case.
 *
 * A VNI letter is an ASCII base letter followed by one mark character (ơ, ư, đ and the toned i
 * and ỵ are single characters). Upper case is the same spelling in upper case: every character
 * here is ASCII or Latin-1, whose capitals are 0x20 below (`'aù'` → `'AÙ'` is Á, `'ô'` → `'Ô'` is
 * Ơ), so the upper-case table is derived rather than written out.
 *
 * Verified entry by entry against two independent open-source converters, which agree with each
 * other and with this table (both cases; no entry needed correcting):
 * - lamdao/xvnkb `vni.h` (VNI spellings) read in the order of its `utf8.h` (the Unicode letters),
 * - duydev/vietnamese-conversion `src/charsets.ts` (`UNICODE` and `VNI` arrays).
 *
 * Rows list a vowel with the tones level, huyền, hỏi, ngã, sắc, nặng.
 *
 * @internal
 */
export const VNI_TABLE: readonly (readonly [letter: string, vni: string])[] = [
  // a: marks ø û õ ù ï
  ['à', 'aø'],
  ['ả', 'aû'],
  ['ã', 'aõ'],
  ['á', 'aù'],
  ['ạ', 'aï'],
  // ă: breve ê, breve + tone è ú ü é ë
  ['ă', 'aê'],
  ['ằ', 'aè'],
  ['ẳ', 'aú'],
  ['ẵ', 'aü'],
  ['ắ', 'aé'],
  ['ặ', 'aë'],
  // â: circumflex â, circumflex + tone à å ã á ä
  ['â', 'aâ'],
  ['ầ', 'aà'],
  ['ẩ', 'aå'],
  ['ẫ', 'aã'],
  ['ấ', 'aá'],
  ['ậ', 'aä'],
  // e
  ['è', 'eø'],
  ['ẻ', 'eû'],
  ['ẽ', 'eõ'],
  ['é', 'eù'],
  ['ẹ', 'eï'],
  // ê
  ['ê', 'eâ'],
  ['ề', 'eà'],
  ['ể', 'eå'],
  ['ễ', 'eã'],
  ['ế', 'eá'],
  ['ệ', 'eä'],
  // i: single characters
  ['ì', 'ì'],
  ['ỉ', 'æ'],
  ['ĩ', 'ó'],
  ['í', 'í'],
  ['ị', 'ò'],
  // o
  ['ò', 'oø'],
  ['ỏ', 'oû'],
  ['õ', 'oõ'],
  ['ó', 'où'],
  ['ọ', 'oï'],
  // ô
  ['ô', 'oâ'],
  ['ồ', 'oà'],
  ['ổ', 'oå'],
  ['ỗ', 'oã'],
  ['ố', 'oá'],
  ['ộ', 'oä'],
  // ơ: the single character ô, then the tone marks
  ['ơ', 'ô'],
  ['ờ', 'ôø'],
  ['ở', 'ôû'],
  ['ỡ', 'ôõ'],
  ['ớ', 'ôù'],
  ['ợ', 'ôï'],
  // u
  ['ù', 'uø'],
  ['ủ', 'uû'],
  ['ũ', 'uõ'],
  ['ú', 'uù'],
  ['ụ', 'uï'],
  // ư: the single character ö, then the tone marks
  ['ư', 'ö'],
  ['ừ', 'öø'],
  ['ử', 'öû'],
  ['ữ', 'öõ'],
  ['ứ', 'öù'],
  ['ự', 'öï'],
  // y: ỵ is a single character
  ['ỳ', 'yø'],
  ['ỷ', 'yû'],
  ['ỹ', 'yõ'],
  ['ý', 'yù'],
  ['ỵ', 'î'],
  // đ
  ['đ', 'ñ'],
];
