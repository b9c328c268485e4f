import type { Rule } from './core/rule.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const entities = (rule: Rule): string =>
  rule.entity === '*'
    ? 'all'
    : (Array.isArray(rule.entity) ? rule.entity : [rule.entity]).join(', ');

/**
 * The rule catalog in Markdown — id, severity, scope, entities, legal basis, the Vietnamese and
 * English messages and hints, and the reporting periods — as published in `docs/rules.md`.
 */
export function ruleCatalogMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rule catalog — Danh mục quy tắc kiểm tra',
    '',
    'Every rule of `@eduvn/rules`, generated from the code. Ids are stable and never reused',
    '(`AREA.TOPIC.NNN`). An **error** must be fixed; a **query** must be fixed or acknowledged with a',
    'note. Scope: `record` (one record), `dataset` (across records), `change` (previous snapshot vs',
    'this one). Rules with periods run only with `validate(input, { period })`.',
    '',
    '| Id | Severity | Scope | Entities | Basis | Periods | Thông báo (vi) | Message (en) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    lines.push(
      `| \`${rule.id}\` | ${rule.severity} | ${rule.scope} | ${cell(entities(rule))} | ${cell(rule.basis)} | ${rule.periods?.join(', ') ?? ''} | ${cell(rule.message.vi)}<br>_${cell(rule.hint.vi)}_ | ${cell(rule.message.en)}<br>_${cell(rule.hint.en)}_ |`,
    );
  }
  lines.push(
    '',
    `${rules.length} rules. _Generated from \`@eduvn/rules\`; do not edit by hand._`,
    '',
  );
  return lines.join('\n');
}
