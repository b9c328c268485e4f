import { BUILT_IN_RULES, type Rule, ruleCatalogMarkdown } from '@eduvn/rules';
import type { CliIo } from '../io.ts';

/** Options of `eduvn rules`. */
export interface RulesOptions {
  /** `'text'` (default), `'json'` or `'markdown'`. */
  readonly format?: 'text' | 'json' | 'markdown' | undefined;
  /** The language of messages in text (default `'en'`). */
  readonly lang?: 'vi' | 'en' | undefined;
}

/** `eduvn rules`: the rule catalog of `@eduvn/rules` — id, severity, scope, basis, message. */
export function rulesCommand(
  io: CliIo,
  options: RulesOptions,
  rules: readonly Rule[] = BUILT_IN_RULES,
): number {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id, 'en'));
  if (options.format === 'markdown') {
    io.stdout.write(ruleCatalogMarkdown(sorted));
    return 0;
  }
  if (options.format === 'json') {
    const list = sorted.map((r) => ({
      id: r.id,
      severity: r.severity,
      scope: r.scope,
      basis: r.basis,
      message: r.message,
      hint: r.hint,
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const lang = options.lang ?? 'en';
  const width = Math.max(...sorted.map((r) => r.id.length));
  for (const r of sorted) {
    io.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.message[lang]}\n`);
  }
  io.stdout.write(
    `\n${sorted.length} rules. An error must be fixed; a query must be fixed or acknowledged (eduvn validate --ack).\n`,
  );
  return 0;
}
