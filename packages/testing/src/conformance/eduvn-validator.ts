import { validate } from '@eduvn/rules';
import type { ConformanceValidator } from './check.ts';
import { inputRecordOf } from './decode.ts';

/**
 * eduvn's own implementation as a {@link ConformanceValidator}: each wire record decoded with
 * {@link inputRecordOf}, then `validate` of @eduvn/rules with the case's options. The reference
 * the published sets are generated with — and a model for wrapping an implementation of yours.
 *
 * @example
 * ```ts
 * await checkConformance(conformanceSet('records'), eduvnValidator) // []
 * ```
 */
export const eduvnValidator: ConformanceValidator = (records, options) =>
  validate(records.map(inputRecordOf), options);
