/**
 * Sheet layout: where the header is, what its columns are (multi-row merged headers flattened
 * into paths), and what each row below it is.
 *
 * @module
 */
export { cellText, hasValue, MAX_HEADER_TEXT } from './cell-text.ts';
export {
  type ClassifyRowOptions,
  classifyRow,
  type RowClass,
  type RowKind,
} from './classify-row.ts';
export { type FindHeaderOptions, findHeader } from './find-header.ts';
export { type HeaderColumnsOptions, headerColumns } from './header-columns.ts';
export { looseHeaderKey } from './header-key.ts';
export { type MatchQuality, matchTerms, type TermMatch } from './match-terms.ts';
export type { HeaderColumn, HeaderMatch, HeaderTerm } from './types.ts';
