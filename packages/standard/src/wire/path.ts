import type { EntitySchema } from '../meta/entity.ts';
import { planOf } from '../meta/plan.ts';
import { symbolPathOf } from '../validate/issues.ts';

/**
 * A path into a canonical record (`['khenThuongs', 0, 'noiDung']`, or the dotted
 * `'khenThuongs.0.noiDung'` that rule findings use) as the path into its wire object
 * (`['LIST_KHEN_THUONG', 0, 'NOI_DUNG']`), following list fields into their rows. A step that is
 * not a field is kept as written.
 *
 * @example
 * ```ts
 * wirePathOf(HocSinh, 'hoTen') // ['HO_TEN']
 * ```
 */
export function wirePathOf(
  entity: EntitySchema,
  path: string | readonly (string | number)[],
): (string | number)[] {
  const steps =
    typeof path === 'string'
      ? path === ''
        ? []
        : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))
      : path;
  return symbolPathOf(planOf(entity), steps);
}

/**
 * A wire path as an RFC 6901 JSON Pointer (`['LIST_MON_HOC', 0, 'DIEM_KTDK']` →
 * `'/LIST_MON_HOC/0/DIEM_KTDK'`; the empty path is `''`, the whole document), escaping `~` and `/`.
 */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
