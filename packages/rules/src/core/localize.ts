import type { Finding, Localized } from './types.ts';

/**
 * A template cut at its `{name}` placeholders: `texts[0]`, then for each placeholder its name and
 * the text after it (`texts[i + 1]`).
 */
interface Compiled {
  readonly texts: readonly string[];
  readonly names: readonly string[];
  /** The placeholders as written (`{name}`), for those without a value. */
  readonly wholes: readonly string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Templates cut once: rules' messages and hints are few and worded again for every finding. */
const compiledTemplates = new Map<string, Compiled>();
/** The most templates kept cut (a caller's own templates are not kept past it). */
const MAX_COMPILED = 10_000;

function compile(template: string): Compiled {
  let compiled = compiledTemplates.get(template);
  if (compiled) return compiled;
  const texts: string[] = [];
  const names: string[] = [];
  const wholes: string[] = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(from, m.index));
    names.push(m[1] as string);
    wholes.push(m[0]);
    from = m.index + m[0].length;
  }
  texts.push(template.slice(from));
  compiled = { texts, names, wholes };
  if (compiledTemplates.size < MAX_COMPILED) compiledTemplates.set(template, compiled);
  return compiled;
}

/**
 * One template with its `{name}` placeholders filled from `params` (a placeholder without a value
 * is left as written): `template.replace(/\{(\w+)\}/g, …)` with the template cut once.
 */
export function render(template: string, params: Finding['params']): string {
  if (!params) return template;
  const { texts, names, wholes } = compile(template);
  let out = texts[0] as string;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    out += Object.hasOwn(params, name) ? String(params[name]) : (wholes[i] as string);
    out += texts[i + 1] as string;
  }
  return out;
}

/**
 * A rule's message or hint template with its `{name}` placeholders filled from `params` (a
 * placeholder without a value is left as written). The engine words every issue this way; a
 * server or tool that reports a rule's finding outside a `validate` run (an API refusing one
 * write, say) uses it to say exactly what the rule catalog says.
 *
 * @example
 * ```ts
 * localize(otherIdentifierChanged.message, { symbol: 'HOC_SINH_ID', key: 'A', before: '"A"', after: '"B"' }).en
 * // 'HOC_SINH_ID of A changed from "A" to "B"'
 * ```
 */
export function localize(text: Localized, params: Finding['params']): Localized {
  return { vi: render(text.vi, params), en: render(text.en, params) };
}
