import type { Finding, Localized } from './types.ts';

const render = (template: string, params: Finding['params']): string =>
  params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      )
    : template;

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
