/**
 * The records or options cannot make an EQMS report: no school, several schools without
 * `truongId`, an unknown period, a malformed date. `code` says which.
 */
export class EqmsError extends Error {
  /** `'no-school'`, `'several-schools'`, `'bad-option'`. */
  readonly code: 'no-school' | 'several-schools' | 'bad-option';

  /**
   * @param code - what is wrong
   * @param message - the English explanation
   */
  constructor(code: EqmsError['code'], message: string) {
    super(message);
    this.name = 'EqmsError';
    this.code = code;
  }
}
