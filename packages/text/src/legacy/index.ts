/**
 * Legacy Vietnamese font encodings: TCVN3 (ABC, `.VnTime`…) and VNI Windows (`VNI-Times`…), as
 * found in old Word and Excel files. Decode them to Unicode, encode Unicode back, and detect them
 * from the font name or the text.
 *
 * @module
 */
export { decodeLegacy, encodeLegacy } from './codec.ts';
export { detectLegacy, fontEncoding } from './detect.ts';
export { LegacyEncodingError } from './errors.ts';
export type {
  DecodeLegacyOptions,
  DetectLegacyOptions,
  EncodeLegacyOptions,
  LegacyEncoding,
  LegacyFont,
} from './types.ts';
