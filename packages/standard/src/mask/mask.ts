import type { z } from 'zod';
import type { EntitySchema } from '../meta/entity.ts';
import type { Sensitivity } from '../meta/field-meta.ts';
import { type EntityPlan, planOf } from '../meta/plan.ts';

/** What to do with a field of a given sensitivity: keep it, mask it, or leave it out. */
export type MaskAction = 'keep' | 'mask' | 'drop';

/** One {@link MaskAction} per sensitivity. */
export type MaskPolicy = { readonly [S in Sensitivity]?: MaskAction };

/**
 * The default policy, for logs, errors and reports: sensitive fields (ethnicity, health,
 * disability, policy flags, the personal ID number…) are masked; everything else is kept.
 */
export const DEFAULT_MASK_POLICY: Readonly<Required<MaskPolicy>> = {
  sensitive: 'mask',
  personal: 'keep',
  identifier: 'keep',
  public: 'keep',
};

/** What a masked non-text value (a number, a boolean) is shown as. */
export const MASKED = '***';

/** Whether a text is written with digits and separators only (an ID, a phone number). */
function isNumberLike(chars: readonly string[]): boolean {
  let digits = 0;
  for (const c of chars) {
    if (c >= '0' && c <= '9') digits++;
    else if (c !== ' ' && c !== '.' && c !== '-' && c !== '/') return false;
  }
  return digits > 0;
}

/**
 * Masks a text value. The length is kept so that a reader can tell values apart from blanks
 * without learning them:
 *
 * - a value of digits (and spaces, dots, hyphens or slashes) — a personal ID, a phone number —
 *   keeps at most its last three characters when it has at least seven (`'031216001234'` →
 *   `'*********234'`): the first digits of a personal ID name the province, and with the century,
 *   sex and birth year a record gives away, more would leave few candidates;
 * - other text keeps its first and last three characters when it has at least seven
 *   (`'Nguyễn Văn An'` → `'Ngu******* An'`);
 * - anything shorter is hidden entirely.
 *
 * @param value - the text
 */
export function maskText(value: string): string {
  const chars = [...value];
  if (chars.length < 7) return '*'.repeat(chars.length);
  if (isNumberLike(chars)) return `${'*'.repeat(chars.length - 3)}${chars.slice(-3).join('')}`;
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 6)}${chars.slice(-3).join('')}`;
}

function maskObject(
  plan: EntityPlan,
  record: Record<string, unknown>,
  policy: Required<MaskPolicy>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { info, item } of plan.fields) {
    const value = record[info.name];
    if (value === undefined) continue;
    const action = policy[info.sensitivity];
    if (action === 'drop') continue;
    if (item && Array.isArray(value)) {
      out[info.name] = value.map((row) =>
        typeof row === 'object' && row !== null
          ? maskObject(item, row as Record<string, unknown>, policy)
          : MASKED,
      );
    } else if (action === 'mask') {
      out[info.name] = typeof value === 'string' ? maskText(value) : MASKED;
    } else {
      out[info.name] = value;
    }
  }
  return out;
}

/**
 * A copy of a record for display, logs or export, with each field kept, masked or left out by its
 * sensitivity (see {@link DEFAULT_MASK_POLICY}; pass a policy to opt in to more or less).
 * Sub-table rows are masked field by field. Keys that are not fields of the entity are left out.
 *
 * @example
 * ```ts
 * maskRecord(HocSinh, pupil) // maCongDanId: '*********123', maDanToc: '**', hoTen kept
 * maskRecord(HocSinh, pupil, { personal: 'mask', identifier: 'keep' })
 * maskRecord(HocSinh, pupil, { sensitive: 'drop' }) // an export without sensitive data
 * ```
 */
export function maskRecord<E extends EntitySchema>(
  entity: E,
  record: z.output<E>,
  policy: MaskPolicy = {},
): Record<string, unknown> {
  return maskObject(planOf(entity), record as Record<string, unknown>, {
    ...DEFAULT_MASK_POLICY,
    ...policy,
  });
}
