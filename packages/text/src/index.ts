/**
 * Vietnamese text as real school files contain it: Unicode normalization and white space, tone
 * placement, match keys for names and headers, person names, the legacy TCVN3 and VNI encodings,
 * and Vietnamese and Excel dates. Pure functions, no dependencies, for Node and browsers.
 *
 * @packageDocumentation
 */

export * from './date/index.ts';
export * from './legacy/index.ts';
export { matchKey } from './match-key.ts';
export { normalizeText } from './normalize.ts';
export { formatPersonName } from './person-name.ts';
export { placeTones, type ToneStyle } from './tones.ts';
