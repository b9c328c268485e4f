import { type Issue, type Report, type ValidateOptions, validate } from '@eduvn/rules';
import { describeValue } from './describe-value.ts';
import type { MatcherResult } from './types.ts';

/** How many of a rule's issues a `.not` failure shows. */
const SHOWN_ISSUES = 5;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is a `Report` of @eduvn/rules (issues, summary, the rules that ran). */
function isReport(value: unknown): value is Report {
  return (
    isObject(value) &&
    Array.isArray(value['issues']) &&
    Array.isArray(value['rules']) &&
    isObject(value['summary'])
  );
}

function checkInput(received: unknown): void {
  if (!Array.isArray(received)) {
    throw new TypeError(
      `toFailRule: expected an array of { entity, record } or a Report of @eduvn/rules, got ${describeValue(received)}`,
    );
  }
  received.forEach((item: unknown, i) => {
    if (!isObject(item) || typeof item['entity'] !== 'string' || !isObject(item['record'])) {
      throw new TypeError(
        `toFailRule: item ${i} is not { entity: string, record: object } (got ${describeValue(item)})`,
      );
    }
  });
}

/** `'TT28.AGE.002 (1 query), DQ.NAME.001 (2 queries)'`: the rules that fired, with counts. */
function fired(report: Report): string {
  const counts = new Map<string, { error: number; query: number }>();
  for (const issue of report.issues) {
    const c = counts.get(issue.ruleId) ?? { error: 0, query: 0 };
    c[issue.severity]++;
    counts.set(issue.ruleId, c);
  }
  if (counts.size === 0) return 'none';
  return [...counts]
    .map(([id, c]) => {
      const parts = [
        c.error > 0 ? `${c.error} error${c.error === 1 ? '' : 's'}` : '',
        c.query > 0 ? `${c.query} quer${c.query === 1 ? 'y' : 'ies'}` : '',
      ].filter((p) => p !== '');
      return `${id} (${parts.join(', ')})`;
    })
    .join(', ');
}

/** One issue on one line: severity, record, field, English message (masked by the engine). */
const issueLine = (i: Issue): string =>
  `  - ${i.severity} on ${i.entity} ${i.recordKey}${i.symbol === undefined ? '' : ` (${i.symbol})`}: ${i.message.en}`;

/**
 * The matcher behind `await expect(records).toFailRule(ruleId, options)`: passes when the rule
 * reported at least one issue. `received` is an array of `{ entity, record }` (the `InputRecord`s
 * of @eduvn/rules), validated with `validate(received, options)`, or a `Report` already made (then
 * `options` must be left out). Async: the assertion must be awaited.
 *
 * The failure message names the rules that did fire (or, under `.not`, the rule's first issues
 * with their English messages, which the engine keeps free of personal IDs and sensitive values).
 * Throws a `TypeError` for input of another shape, and when the rule did not run at all — a
 * mistyped id, a period rule without `period`, a change rule without `previous` — so that `.not`
 * never passes by accident.
 *
 * @example
 * ```ts
 * expect.extend({ toFailRule });
 * await expect(records).toFailRule('ID.UNIQUE.001', { asOf: '2026-05-31' });
 * ```
 */
export async function toFailRule(
  received: unknown,
  ruleId: string,
  options?: ValidateOptions,
): Promise<MatcherResult> {
  if (typeof ruleId !== 'string' || ruleId === '') {
    throw new TypeError(
      `toFailRule: the rule id must be a non-empty string, got ${describeValue(ruleId)}`,
    );
  }
  let report: Report;
  if (isReport(received)) {
    if (options !== undefined) {
      throw new TypeError(
        'toFailRule: options apply only to records; this Report was already validated with its own',
      );
    }
    report = received;
  } else {
    checkInput(received);
    report = await validate(received as never, options);
  }
  if (!report.rules.includes(ruleId)) {
    throw new TypeError(
      `toFailRule: rule ${describeValue(ruleId)} did not run (${report.rules.length} rules did). Check the id against the rule catalog; period rules run only with \`period\`, change rules only with \`previous\`.`,
    );
  }
  const matching = report.issues.filter((i) => i.ruleId === ruleId);
  if (matching.length === 0) {
    return {
      pass: false,
      message: () =>
        `expected rule ${ruleId} to report an issue on the ${report.summary.records} records, but it reported none. Rules that fired: ${fired(report)}`,
    };
  }
  return {
    pass: true,
    message: () =>
      [
        `expected rule ${ruleId} to report nothing, but it reported ${matching.length} issue${matching.length === 1 ? '' : 's'}:`,
        ...matching.slice(0, SHOWN_ISSUES).map(issueLine),
        ...(matching.length > SHOWN_ISSUES
          ? [`  … and ${matching.length - SHOWN_ISSUES} more`]
          : []),
      ].join('\n'),
  };
}
