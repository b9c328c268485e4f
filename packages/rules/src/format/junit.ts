import type { Issue, Report } from '../core/report.ts';
import { describeLocation, labelsOf, type ReportLanguage } from './text.ts';

/** Options of {@link toJUnit}. */
export interface JUnitOptions {
  /** The language of names, messages and hints (default `'vi'`). */
  readonly lang?: ReportLanguage;
  /** The name of the `<testsuites>` element (default `'eduvn'`). */
  readonly name?: string;
}

/**
 * Characters XML 1.0 cannot hold at all, not even as character references (C0 controls other than
 * tab and line breaks, U+FFFE, U+FFFF, unpaired surrogates), plus C1 controls and bidi overrides:
 * they become U+FFFD.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Text content for XML: characters XML cannot hold replaced, `&`, `<`, `>`, CR escaped. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** An attribute value for XML (in double or single quotes); white space kept as references. */
export function xmlAttribute(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const attrs = (pairs: Readonly<Record<string, string | number>>): string =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`)
    .join('');

const NO_ISSUE = { vi: 'không có vấn đề', en: 'no issues' } as const;
const ACKNOWLEDGED = { vi: 'Đã xác nhận', en: 'Acknowledged' } as const;
const NOT_CHECKED = { vi: 'không kiểm tra được', en: 'not checked' } as const;
/** The suite of checks of the standard's structure that were not possible (no rule id). */
const STRUCTURE_SUITE = 'STD.LAYOUT';

/**
 * A report as JUnit XML, for CI servers: a `<testsuite>` per rule that ran (and per rule of any
 * issue), in which each error and each unacknowledged query is a failing `<testcase>` (`<failure
 * type="error|query">` with the location, message and hint), each acknowledged query a skipped one
 * (`<skipped message>` with who acknowledged it and the note), and a rule without issues one
 * passing testcase; a check that was not possible (`notChecked`) is a skipped testcase in its
 * rule's suite (`STD.LAYOUT` for required fields the layout lacks). Every text is XML-escaped, and characters XML 1.0 cannot hold become U+FFFD,
 * so the document is always well-formed.
 *
 * @example
 * ```ts
 * await writeFile('eduvn-junit.xml', toJUnit(report, { lang: 'en', name: 'school 79000701' }));
 * ```
 */
export function toJUnit(report: Report, options: JUnitOptions = {}): string {
  const lang: ReportLanguage = options.lang === 'en' ? 'en' : 'vi';
  const l = labelsOf(lang);
  const byRule = new Map<string, Issue[]>();
  for (const id of report.rules) byRule.set(id, []);
  for (const issue of report.issues) {
    const list = byRule.get(issue.ruleId);
    if (list) list.push(issue);
    else byRule.set(issue.ruleId, [issue]);
  }
  // Checks not possible: a skipped testcase in their rule's suite (the structure's: its own suite).
  const notChecked = new Map<string, Report['notChecked'][number][]>();
  for (const n of report.notChecked) {
    const suite = n.ruleId ?? STRUCTURE_SUITE;
    if (!byRule.has(suite)) byRule.set(suite, []);
    const list = notChecked.get(suite);
    if (list) list.push(n);
    else notChecked.set(suite, [n]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const [ruleId, issues] of byRule) {
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    const skippedChecks = notChecked.get(ruleId) ?? [];
    for (const n of skippedChecks) {
      suiteSkipped++;
      const name = `${n.entity}: ${NOT_CHECKED[lang]} (${n.fields.join(', ')})`;
      cases.push(
        `    <testcase${attrs({ classname: ruleId, name })}>\n      <skipped${attrs({ message: n.reason[lang] })}/>\n    </testcase>`,
      );
    }
    if (issues.length === 0 && skippedChecks.length === 0) {
      cases.push(
        `    <testcase${attrs({ classname: ruleId, name: `${ruleId}: ${NO_ISSUE[lang]}` })}/>`,
      );
    }
    for (const issue of issues) {
      const head = `    <testcase${attrs({ classname: ruleId, name: describeLocation(issue, lang) })}>`;
      if (issue.severity === 'query' && issue.acknowledged) {
        suiteSkipped++;
        const a = issue.acknowledged;
        const message = `${ACKNOWLEDGED[lang]} (${a.by}, ${a.at}): ${a.note}`;
        cases.push(`${head}\n      <skipped${attrs({ message })}/>\n    </testcase>`);
        continue;
      }
      suiteFailures++;
      const body = [
        describeLocation(issue, lang),
        issue.message[lang],
        `${l.hint}: ${issue.hint[lang]}`,
        `${issue.basis}`,
      ].join('\n');
      cases.push(
        `${head}\n      <failure${attrs({ type: issue.severity, message: issue.message[lang] })}>${xmlText(body)}</failure>\n    </testcase>`,
      );
    }
    const count = Math.max(1, issues.length + skippedChecks.length);
    tests += count;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite${attrs({ name: ruleId, tests: count, failures: suiteFailures, errors: 0, skipped: suiteSkipped })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites${attrs({ name: options.name ?? 'eduvn', tests, failures, errors: 0, skipped })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}
