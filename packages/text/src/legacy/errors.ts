import type { LegacyEncoding } from './types.ts';

/** Formats a code point as `U+XXXX`. */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Thrown by {@link encodeLegacy} when the text contains a character the legacy encoding cannot
 * represent (and `unrepresentable` is `'error'`, the default).
 */
export class LegacyEncodingError extends Error {
  /** Always `'LegacyEncodingError'`. */
  override readonly name = 'LegacyEncodingError';
  /** The character that cannot be encoded (one code point). */
  readonly char: string;
  /** Its UTF-16 index in the NFC form of the input (the input normalized to NFC). */
  readonly index: number;
  /** The encoding that cannot represent it. */
  readonly encoding: LegacyEncoding;

  /**
   * @param char - the character that cannot be encoded
   * @param index - its UTF-16 index in the NFC form of the input
   * @param encoding - the target encoding
   */
  constructor(char: string, index: number, encoding: LegacyEncoding) {
    super(
      `${encoding.toUpperCase()} cannot represent ${JSON.stringify(char)} (${codePoint(char)}) at index ${index}`,
    );
    this.char = char;
    this.index = index;
    this.encoding = encoding;
  }
}
