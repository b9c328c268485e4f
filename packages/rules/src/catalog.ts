import type { Rule } from './core/rule.ts';
import type { ReadingRuleInfo } from './reading.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const entities = (rule: Rule): string =>
  rule.entity === '*'
    ? 'all'
    : (Array.isArray(rule.entity) ? rule.entity : [rule.entity]).join(', ');

/**
 * The rule catalog in Markdown — id, severity, scope, entities, legal basis, the Vietnamese and
 * English messages and hints, and the reporting periods — as published in `docs/rules.md`, with
 * the reading rules (`READING_RULE_CATALOG`: problems met while reading a file, scope `read`)
 * when given.
 *
 * @example
 * ```ts
 * const md = ruleCatalogMarkdown(BUILT_IN_RULES, READING_RULE_CATALOG);
 * ```
 */
export function ruleCatalogMarkdown(
  rules: readonly Rule[],
  readingRules: readonly ReadingRuleInfo[] = [],
): string {
  const lines = [
    '# Rule catalog — Danh mục quy tắc kiểm tra',
    '',
    'Every rule of `@eduvn/rules`, generated from the code. Ids are stable and never reused',
    '(`AREA.TOPIC.NNN`). An **error** must be fixed; a **query** must be fixed or acknowledged with a',
    'note. Scope: `record` (one record), `dataset` (across records), `change` (previous snapshot vs',
    "this one), `read` (a problem met while reading a file; the reader's code in the Entities",
    'column). Rules with periods run only with `validate(input, { period })`.',
    '',
    '| Id | Severity | Scope | Entities | Basis | Periods | Thông báo (vi) | Message (en) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows: { readonly id: string; readonly line: string }[] = readingRules.map((rule) => ({
    id: rule.id,
    line: `| \`${rule.id}\` | ${rule.severity} | read | ${rule.code === undefined ? 'file' : `\`${rule.code}\``} | ${cell(rule.basis)} |  | ${cell(rule.message.vi)}<br>_${cell(rule.hint.vi)}_ | ${cell(rule.message.en)}<br>_${cell(rule.hint.en)}_ |`,
  }));
  for (const rule of rules) {
    rows.push({
      id: rule.id,
      line: `| \`${rule.id}\` | ${rule.severity} | ${rule.scope} | ${cell(entities(rule))} | ${cell(rule.basis)} | ${rule.periods?.join(', ') ?? ''} | ${cell(rule.message.vi)}<br>_${cell(rule.hint.vi)}_ | ${cell(rule.message.en)}<br>_${cell(rule.hint.en)}_ |`,
    });
  }
  rows.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  for (const row of rows) lines.push(row.line);
  const reading = readingRules.length > 0 ? ` and ${readingRules.length} reading rules` : '';
  lines.push(
    '',
    `${rules.length} rules${reading}. _Generated from \`@eduvn/rules\`; do not edit by hand._`,
    '',
  );
  return lines.join('\n');
}
