import type { z } from 'zod';
import type { EntityPlan, FieldPlan } from '../meta/plan.ts';

/** One problem with a record, located by field. */
export interface RecordIssue {
  /** Path to the value in the canonical record (`['khenThuongs', 0, 'noiDung']`). */
  readonly path: readonly (string | number)[];
  /** The same path with QĐ 4998 symbols (`['LIST_KHEN_THUONG', 0, 'NOI_DUNG']`). */
  readonly symbolPath: readonly (string | number)[];
  /** A stable code: zod's issue code (`too_big`, `invalid_type`, `unrecognized_keys`, …) or the codec's. */
  readonly code: string;
  /** What is wrong, in English. Never contains the offending value (it may be personal data). */
  readonly message: string;
}

/** Translates a canonical path into a path of wire symbols, following list fields into their rows. */
export function symbolPathOf(plan: EntityPlan, path: readonly PropertyKey[]): (string | number)[] {
  const out: (string | number)[] = [];
  let current: EntityPlan | undefined = plan;
  for (const step of path) {
    if (typeof step === 'number') {
      out.push(step);
      continue;
    }
    const field: FieldPlan | undefined = current?.byName.get(String(step));
    out.push(field ? field.info.symbol : String(step));
    current = field?.item;
  }
  return out;
}

/** zod issues as {@link RecordIssue}s (messages kept free of input values). */
export function toRecordIssues(
  plan: EntityPlan,
  issues: readonly z.core.$ZodIssue[],
): RecordIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return {
      path,
      symbolPath: symbolPathOf(plan, issue.path),
      code: issue.code,
      message: issue.message,
    };
  });
}
