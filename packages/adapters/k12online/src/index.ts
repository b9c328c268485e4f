/**
 * Writes and reads K12Online's (Viettel) pupil-account import template as `@eduvn/standard`
 * `HocSinh` records: `k12OnlineAdapter` for `readAll`/`detectAdapter`, `writeK12Online` to fill
 * the template. The layout follows the template's described column list, versioned as
 * {@link VERSION}.
 *
 * @packageDocumentation
 */

export { k12OnlineAdapter } from './adapter.ts';
export {
  K12ONLINE_FIELDS,
  K12ONLINE_HEADERS,
  type K12OnlineField,
  k12OnlineMapping,
  VERSION,
} from './layout.ts';
export { type WriteK12OnlineOptions, writeK12Online } from './write.ts';
