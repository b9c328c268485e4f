import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, HtmlReportError, loadChartSource, toHtml } from '../index.ts';
import { HOSTILE, reportOf, sampleReport } from './report.test-helper.ts';

const chartSource = await loadChartSource();

/** The page without the inlined Chart.js (the part this package writes). */
function ownPart(html: string): string {
  const start = html.indexOf('<script>') + '<script>'.length;
  const end = html.indexOf('</script>', start);
  return html.slice(0, start) + html.slice(end);
}

function dataOf(html: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="eduvn-data">([^<]*)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no data element');
  return JSON.parse(m[1]);
}

function issueRows(html: string): string[] {
  const body = /<table id="issues">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.match(/<tr [^>]*>/g) ?? [];
}

describe('toHtml', () => {
  it('escapes every text of the report: hostile messages, files, rule ids, __proto__', async () => {
    const html = await toHtml(sampleReport(), { lang: 'en', title: HOSTILE });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<!--');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;!-- __proto__',
    );
    // Exactly the page's three scripts: the data, Chart.js, the page's own.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain(`<title>${escapeHtml(HOSTILE)}</title>`);
    expect(html).toContain(`${escapeHtml(HOSTILE)} en`); // the hint
    // The chart data keep the hostile names as data, the class `__proto__` included.
    const data = dataOf(html) as { byRule: [string, unknown][]; byClass: [string, unknown][] };
    expect(data.byClass.map(([k]) => k).sort()).toEqual(['1A', '1B', '__proto__']);
    expect(data.byRule.map(([k]) => k)).toContain(`__proto__${HOSTILE}`);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('never shows a full personal ID: record keys and values are masked', async () => {
    const html = await toHtml(sampleReport());
    expect(html).not.toContain('079216001234');
    expect(html).toContain('*********234');
  });

  it('loads nothing from anywhere: no URL outside the inlined library, no src/href, a strict CSP', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const html = await toHtml(sampleReport(), { lang });
      const own = ownPart(html);
      expect(own).not.toMatch(/:\/\//);
      // The markup is all in the page's own part (the library is script text).
      const markup = own.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
      expect(markup).not.toMatch(
        /<[a-z][^>]*\s(src|href|srcset|action|poster|data|formaction)\s*=/i,
      );
      expect(own).not.toMatch(/url\(|@import/i);
      expect(html).not.toContain('sourceMappingURL');
      expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'`);
      // The library's own text mentions URLs only in its licence comment.
      const lib = html.slice(
        html.indexOf('<script>') + 8,
        html.indexOf('</script>', html.indexOf('<script>')),
      );
      expect(lib.replace(/\/\*![\s\S]*?\*\//g, '')).not.toMatch(/https?:\/\//);
      expect(lib.length).toBeGreaterThan(100_000);
    }
  });

  it('lists every issue with its file, sheet, cell and hint, counted by severity', async () => {
    const html = await toHtml(sampleReport(), { lang: 'vi' });
    const rows = issueRows(html);
    expect(rows).toHaveLength(5);
    const by = (s: string) => rows.filter((r) => r.includes(`data-severity="${s}"`)).length;
    expect([by('error'), by('query'), by('acknowledged')]).toEqual([3, 1, 1]);
    expect(html).toContain('<td>C1-HocSinh.xlsx</td><td>Học sinh</td><td>E7</td>');
    expect(html).toContain('Nhập ngày sinh dạng dd/mm/yyyy');
    expect(html).not.toContain('Enter the date of birth');
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/id="total-error">3</);
    expect(html).toMatch(/id="total-query">1</);
    expect(html).toMatch(/id="total-acknowledged">1</);
    expect(html).toContain('<canvas id="chart-rule">');
    expect(html).toContain('<canvas id="chart-class">');
    expect(html).toContain('<canvas id="chart-severity">');
    // One option per rule, plus "all".
    const options = /<select id="filter-rule">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    expect(options.match(/<option/g)).toHaveLength(4);
    const en = await toHtml(sampleReport(), { lang: 'en' });
    expect(en).toContain('Enter the date of birth as dd/mm/yyyy');
    expect(en).toContain('<th>How to fix</th>');
  });

  it('lists at most maxRows issues and says how many are not listed; charts count all', async () => {
    const html = await toHtml(sampleReport(), { lang: 'en', maxRows: 2 });
    expect(issueRows(html)).toHaveLength(2);
    expect(html).toMatch(/id="rows-omitted">3 more issue\(s\) are not listed/);
    expect(html).toMatch(/id="total-error">3</);
  });

  it('shows an empty report without charts or rows', async () => {
    const html = await toHtml(reportOf([]), { lang: 'en' });
    expect(issueRows(html)).toHaveLength(0);
    expect(html).not.toContain('<canvas');
    expect(html).toContain('No issues.');
  });

  it('takes the chart library as an option (no fs) and refuses bad options with a typed error', async () => {
    const html = await toHtml(sampleReport(), {
      chartSource: 'window.Chart = function () {};</script>',
    });
    expect(html).toContain('window.Chart = function () {};<\\/script>');
    expect(html).not.toContain(chartSource.slice(0, 200));
    await expect(toHtml(sampleReport(), { maxRows: -1 })).rejects.toMatchObject({
      name: 'HtmlReportError',
      code: 'INVALID_OPTION',
    });
    await expect(
      toHtml(sampleReport(), { lang: 'fr' as 'en', chartSource: '' }),
    ).rejects.toBeInstanceOf(HtmlReportError);
  });

  it('keeps the page structure whatever the texts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (message, file, rule) => {
        const base = sampleReport();
        const first = base.issues[0];
        if (!first) throw new Error('sample has issues');
        const report = reportOf([
          {
            ...first,
            ruleId: rule,
            message: { vi: message, en: message },
            location: { file, sheet: message },
          },
          ...base.issues.slice(1),
        ]);
        const html = await toHtml(report, { lang: 'en', chartSource: 'void 0' });
        expect(html.match(/<script/g)).toHaveLength(3);
        expect(issueRows(html)).toHaveLength(5);
        expect(html).toContain(`<td>${escapeHtml(file)}</td><td>${escapeHtml(message)}</td>`);
        expect(dataOf(html)).toBeTypeOf('object');
      }),
      { numRuns: 200 },
    );
  });
});

describe('escapeHtml', () => {
  it('leaves no markup character and decodes back to the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        const back = e
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(s);
      }),
    );
  });
});
