/**
 * Public types of the legacy-encoding module.
 *
 * @internal
 */

/**
 * A legacy 8-bit Vietnamese font encoding found in old Word and Excel files.
 *
 * - `'tcvn3'`: TCVN 5712:1993 VN3, the "ABC" encoding of the `.VnTime`, `.VnArial`… fonts. One
 *   byte per letter, lower-case toned letters only; upper-case toned letters are drawn by the
 *   `…H` fonts (`.VnTimeH`) at the lower-case codes.
 * - `'vni'`: VNI Windows, the encoding of the `VNI-Times`, `VNI-Helve`… fonts. A letter is an
 *   ASCII base letter followed by a mark character, both cases.
 */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** Options for {@link decodeLegacy}. */
export interface DecodeLegacyOptions {
  /**
   * The text was written in an upper-case TCVN3 font (`.VnTimeH`, `.VnArialH`…), which draws
   * capitals at the lower-case codes: the decoded text is upper-cased. Ignored for VNI, whose
   * fonts have both cases. Default `false`.
   */
  readonly upperCaseFont?: boolean;
}

/** Options for {@link encodeLegacy}. */
export interface EncodeLegacyOptions {
  /**
   * Encode for an upper-case TCVN3 font (`.VnTimeH`…): the text is lower-cased before encoding,
   * so upper-case toned letters become representable (decode with the same option to get them
   * back in upper case). Ignored for VNI. Default `false`.
   */
  readonly upperCaseFont?: boolean;
  /**
   * What to do with a character the encoding cannot represent: `'error'` (the default) throws a
   * {@link LegacyEncodingError}; `'replace'` writes `'?'` instead.
   */
  readonly unrepresentable?: 'error' | 'replace';
}

/** Options for {@link detectLegacy}. */
export interface DetectLegacyOptions {
  /**
   * The font the text is displayed in (from the spreadsheet cell or the document run). A legacy
   * font name decides alone; any other font gives `null` unless {@link DetectLegacyOptions.content}
   * asks for a look at the text.
   */
  readonly fontName?: string;
  /**
   * Guess from the text itself when no legacy font name decided. Off by default because the
   * guess needs enough Vietnamese words to be reliable; see {@link detectLegacy}.
   */
  readonly content?: boolean;
}

/** The encoding a legacy font name implies, as returned by {@link fontEncoding}. */
export interface LegacyFont {
  /** The font's encoding. */
  readonly encoding: LegacyEncoding;
  /**
   * The font draws only capitals (TCVN3 `…H` fonts such as `.VnTimeH`): pass this as
   * {@link DecodeLegacyOptions.upperCaseFont} when decoding.
   */
  readonly upperCaseFont: boolean;
}
