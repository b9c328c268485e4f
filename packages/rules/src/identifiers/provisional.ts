/**
 * Provisional pupil identifiers and the audited re-key to the code the Ministry issues.
 *
 * At grade-1 intake the Ministry's database issues a pupil's `HOC_SINH_ID` only after the school
 * uploads the new pupil, so school software needs a key of its own until then and must re-key the
 * pupil — and every record referring to it — once the code arrives (usually matched by the
 * personal ID number). Identifiers are otherwise immutable (TT 42/2021 Art. 10), so the re-key is
 * an explicit operation that returns an audit event.
 *
 * **The eduvn provisional format**: `TAM-` ("tạm", provisional) followed by 1 to 16 capital
 * letters or digits — at most 20 characters, the length of `HOC_SINH_ID` (QĐ 4998). Ministry codes
 * are opaque (only their maximum length is known) but are issued by the database and are not
 * expected to start with `TAM-` (those seen are digits); eduvn reserves the prefix. Should a real
 * code ever look provisional, nothing is merged silently: {@link rekey} refuses it as a target and
 * the dataset rule `ID.UNIQUE.001` reports any two records with the same key.
 *
 * @module
 */

import { ENTITIES, entityByName, entityOf, fieldsOf } from '@eduvn/standard';
import type { InputRecord } from '../core/types.ts';

/** The prefix every provisional identifier starts with. */
export const PROVISIONAL_PREFIX = 'TAM-';

/** The longest `HOC_SINH_ID` (QĐ 4998 HSC1.1.1): 20 characters. */
export const PUPIL_ID_MAX_LENGTH = 20;

/**
 * The eduvn provisional pupil identifier: `TAM-` and 1 to 16 of `[A-Z0-9]`, so at most 20
 * characters, the length of `HOC_SINH_ID`.
 */
export const PROVISIONAL_ID_PATTERN: RegExp = /^TAM-[A-Z0-9]{1,16}$/;

/** Whether `id` is an eduvn provisional identifier ({@link PROVISIONAL_ID_PATTERN}). */
export function isProvisionalId(id: unknown): id is string {
  // Most identifiers are the Ministry's: the prefix tells them apart before the pattern runs.
  return (
    typeof id === 'string' && id.startsWith(PROVISIONAL_PREFIX) && PROVISIONAL_ID_PATTERN.test(id)
  );
}

/**
 * A provisional identifier for the `seq`-th new pupil of a school: `TAM-`, the school code
 * (`TRUONG_ID`, letters upper-cased) and `seq` zero-padded so that the part after `TAM-` is always
 * 16 characters (`provisionalId('79000701', 12)` → `'TAM-7900070100000012'`). With a fixed width,
 * the identifiers of schools whose codes have the same length never meet.
 *
 * Throws a `RangeError` when the school code is not 1–12 letters or digits (a longer one leaves
 * fewer than four digits for the sequence: make your own `TAM-` identifier then), or when `seq`
 * is not a whole number ≥ 0 that fits.
 */
export function provisionalId(truongId: string, seq: number): string {
  if (typeof truongId !== 'string' || !/^[A-Za-z0-9]{1,12}$/.test(truongId)) {
    throw new RangeError(
      'provisionalId: the school code must be 1 to 12 letters or digits to leave room for a sequence',
    );
  }
  const width = 16 - truongId.length;
  if (!Number.isSafeInteger(seq) || seq < 0 || String(seq).length > width) {
    throw new RangeError(
      `provisionalId: seq must be a whole number from 0 to ${'9'.repeat(width)} for this school code, got ${String(seq)}`,
    );
  }
  return `${PROVISIONAL_PREFIX}${truongId.toUpperCase()}${String(seq).padStart(width, '0')}`;
}

/** What is wrong with the form of an identifier ({@link identifierFormProblem}). */
export interface IdentifierFormProblem {
  /**
   * `'blank'`: empty or only white space; `'white-space'`: a space, tab, line break or other
   * white space inside; `'control-character'`: an invisible format or control character (a
   * zero-width space, a byte-order mark, NUL…) or a broken surrogate.
   */
  readonly problem: 'blank' | 'white-space' | 'control-character';
  /** The 0-based index (in UTF-16 code units) of the first offending character (0 when blank). */
  readonly index: number;
  /** The offending character as `U+XXXX` (absent when blank). */
  readonly codePoint?: string;
}

const WHITE_SPACE = /\s/u;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Whether `value` is one or more printable ASCII characters other than the space (`!` to `~`):
 * the usual identifier, with nothing {@link identifierFormProblem} would find, told apart without
 * a regular expression per character.
 */
function isPrintableAscii(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/**
 * What is wrong with the form of a Ministry identifier (`TRUONG_ID`, `DIEM_TRUONG_ID`, a class
 * `MA`, `GIAO_VIEN_ID`, `HOC_SINH_ID`…), or `undefined` when nothing is. These codes are opaque:
 * only that they are not blank and hold no white space or invisible character is checked here —
 * no structure is invented, and lengths are the schema's.
 */
export function identifierFormProblem(value: string): IdentifierFormProblem | undefined {
  if (isPrintableAscii(value)) return undefined;
  if (!VISIBLE.test(value)) return { problem: 'blank', index: 0 };
  let index = 0;
  for (const char of value) {
    const problem = WHITE_SPACE.test(char)
      ? 'white-space'
      : INVISIBLE.test(char)
        ? 'control-character'
        : undefined;
    if (problem) {
      const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return { problem, index, codePoint: `U+${code}` };
    }
    index += char.length;
  }
  return undefined;
}

/** How {@link rekey} is told what to do. */
export interface RekeyOptions {
  /** The pupil's provisional identifier ({@link isProvisionalId}). */
  readonly from: string;
  /** The `HOC_SINH_ID` the Ministry issued. */
  readonly to: string;
  /** Who re-keys (an account or a name), for the audit. */
  readonly by: string;
  /** When, as an ISO 8601 date-time (default: now). */
  readonly at?: string;
}

/** The audit record of one re-key: keep it with the data (an append-only log). */
export interface RekeyEvent {
  /** Always `'rekey'`. */
  readonly type: 'rekey';
  /** The entity re-keyed: a pupil. */
  readonly entity: 'HocSinh';
  /** The provisional identifier. */
  readonly from: string;
  /** The issued identifier. */
  readonly to: string;
  /** Who re-keyed. */
  readonly by: string;
  /** When (ISO 8601 date-time). */
  readonly at: string;
  /** How many records were changed: the pupil and every record referring to it. */
  readonly count: number;
  /** The same count by entity (`{ HocSinh: 1, DanhGiaHocSinh: 4, … }`). */
  readonly byEntity: Readonly<Record<string, number>>;
}

/** What {@link rekey} returns. */
export interface RekeyResult {
  /** The records, in order: changed ones are new objects, the others are the input's own. */
  readonly records: InputRecord[];
  /** The audit event. */
  readonly event: RekeyEvent;
}

/** Why {@link rekey} refused. */
export type RekeyErrorReason =
  | 'not-provisional'
  | 'invalid-target'
  | 'not-found'
  | 'target-exists'
  | 'invalid-audit';

/**
 * A re-key {@link rekey} refused, with the `reason`: `'not-provisional'` (`from` is not a
 * provisional identifier — an issued identifier never changes), `'invalid-target'` (`to` is blank,
 * longer than 20 characters, holds white space or an invisible character, or is provisional
 * itself), `'not-found'` (no pupil has `from`), `'target-exists'` (a pupil or a record referring
 * to a pupil already has `to`), `'invalid-audit'` (`by` is blank or `at` is not a date-time).
 */
export class RekeyError extends Error {
  /** Always `'RekeyError'`. */
  override readonly name = 'RekeyError';
  /** Why the re-key was refused. */
  readonly reason: RekeyErrorReason;

  constructor(reason: RekeyErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

let pupilIdFields: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * For each entity, its top-level fields holding a pupil's `HOC_SINH_ID` (from the standard's
 * metadata: the pupil's own key, and the references of results and assessments).
 */
function pupilIdFieldsByEntity(): ReadonlyMap<string, readonly string[]> {
  pupilIdFields ??= new Map(
    ENTITIES.filter((e) => entityOf(e).kind === 'record')
      .map(
        (e) =>
          [
            entityOf(e).name,
            fieldsOf(e)
              .filter((f) => f.symbol === 'HOC_SINH_ID')
              .map((f) => f.name),
          ] as const,
      )
      .filter(([, fields]) => fields.length > 0),
  );
  return pupilIdFields;
}

/**
 * The fields of a record that hold a pupil identifier: the `HOC_SINH_ID` fields of its entity,
 * and `maDoiTuong` of a status event about a pupil (`doiTuong: 'HOC_SINH'`).
 */
export function pupilReferenceFields(item: InputRecord): readonly string[] {
  const record = item.record as Readonly<Record<string, unknown>> | null | undefined;
  if (typeof record !== 'object' || record === null) return [];
  if (item.entity === 'SuKienTrangThai')
    return record['doiTuong'] === 'HOC_SINH' ? ['maDoiTuong'] : [];
  return entityByName(item.entity) ? (pupilIdFieldsByEntity().get(item.entity) ?? []) : [];
}

const shown = (id: string): string => JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Re-keys a pupil from its provisional identifier to the one the Ministry issued: the pupil
 * (`HocSinh.hocSinhId`) and every record referring to it (`DanhGiaHocSinh.hocSinhId`,
 * `KetQuaHocTap.hocSinhId`, `SuKienTrangThai.maDoiTuong` of a pupil's event…). The input is never
 * mutated: the changed records are new objects (provenance kept), the others are passed through.
 * Returns the records and an audit {@link RekeyEvent} to keep.
 *
 * Throws a {@link RekeyError} — and changes nothing — when `from` is not provisional, `to` is not
 * a valid identifier, no pupil has `from`, or `to` is already in use; see its `reason`.
 *
 * @example
 * ```ts
 * const { records, event } = rekey(records, { from: 'TAM-7900070100000012', to: '7900070125001', by: 'van.thu' });
 * auditLog.push(event); // { type: 'rekey', entity: 'HocSinh', from, to, by, at, count: 6, … }
 * ```
 */
export function rekey(records: readonly InputRecord[], options: RekeyOptions): RekeyResult {
  const { from, to, by } = options;
  if (!isProvisionalId(from)) {
    throw new RekeyError(
      'not-provisional',
      `rekey: ${typeof from === 'string' ? shown(from) : 'from'} is not a provisional identifier (TAM- and 1–16 of A-Z, 0-9); issued identifiers never change`,
    );
  }
  if (typeof to !== 'string')
    throw new RekeyError('invalid-target', 'rekey: the new identifier must be a text');
  const form = identifierFormProblem(to);
  const invalid =
    form !== undefined
      ? `it is ${form.problem === 'blank' ? 'blank' : `holds ${form.problem === 'white-space' ? 'white space' : 'an invisible character'} (${form.codePoint ?? ''})`}`
      : to.length > PUPIL_ID_MAX_LENGTH
        ? `it has ${to.length} characters, more than the ${PUPIL_ID_MAX_LENGTH} of HOC_SINH_ID`
        : to.startsWith(PROVISIONAL_PREFIX)
          ? 'it is provisional itself'
          : undefined;
  if (invalid !== undefined) {
    throw new RekeyError(
      'invalid-target',
      `rekey: the new identifier ${shown(to)} is not valid: ${invalid}`,
    );
  }
  if (typeof by !== 'string' || by.trim() === '') {
    throw new RekeyError('invalid-audit', 'rekey: say who re-keys (by) for the audit');
  }
  const at = options.at ?? new Date().toISOString();
  if (typeof at !== 'string' || !DATE_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    throw new RekeyError('invalid-audit', 'rekey: at must be an ISO 8601 date-time with an offset');
  }

  let found = false;
  const changes: (readonly string[] | undefined)[] = [];
  for (const item of records) {
    const fields: string[] = [];
    for (const field of pupilReferenceFields(item)) {
      const value = item.record[field];
      if (value === to) {
        throw new RekeyError(
          'target-exists',
          `rekey: ${shown(to)} is already in use (${item.entity}.${field}); an identifier identifies one pupil only`,
        );
      }
      if (value === from) fields.push(field);
    }
    if (item.entity === 'HocSinh' && fields.includes('hocSinhId')) found = true;
    changes.push(fields.length > 0 ? fields : undefined);
  }
  if (!found)
    throw new RekeyError('not-found', `rekey: no pupil has the identifier ${shown(from)}`);

  const byEntity: Record<string, number> = Object.create(null);
  let count = 0;
  const out = records.map((item, i) => {
    const fields = changes[i];
    if (!fields) return item;
    const record: Record<string, unknown> = { ...item.record };
    for (const f of fields) record[f] = to;
    count++;
    byEntity[item.entity] = (byEntity[item.entity] ?? 0) + 1;
    return { ...item, record };
  });
  return {
    records: out,
    event: {
      type: 'rekey',
      entity: 'HocSinh',
      from,
      to,
      by: by.trim(),
      at,
      count,
      byEntity: { ...byEntity },
    },
  };
}
