import type { Unit } from '../store/store.ts';

/**
 * An account's kind (seed regulation Art. 2 cl. 3, Art. 7): `'quan-tri'` (administration: reads
 * and writes within its scope) or `'khai-thac'` (use: reads only).
 */
export type AccountKind = 'quan-tri' | 'khai-thac';

/** The account a request acts as, once its token is verified. */
export interface Account {
  /** The client id. */
  readonly clientId: string;
  /** Its kind. */
  readonly kind: AccountKind;
  /** The unit that issued it and whose schools it reaches. */
  readonly unit: Unit;
  /** The account holder's name. */
  readonly name: string;
}
