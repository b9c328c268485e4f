/**
 * The HTML report in headless Chromium (Debian's `chromium`, or `CHROMIUM_PATH`; browsers are
 * never downloaded): it renders offline, draws its charts, filters, and logs no error. Without
 * Chromium the test is skipped with a warning — and fails under CI (`CI=true`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHtml } from '../index.ts';
import { HOSTILE, sampleReport } from './report.test-helper.ts';

function findChromium(): string | null {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    return (
      execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
        encoding: 'utf8',
      }).trim() || null
    );
  } catch {
    return null;
  }
}

const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH. The HTML report browser test did NOT run.';
if (!executablePath && !process.env['CI']) console.warn(`WARNING: ${MISSING}`);

/** Where the test saves its screenshot (the OS temp dir, never the repository). */
export const SCREENSHOT = join(tmpdir(), 'eduvn-check-html-report.png');

describe.skipIf(!executablePath && !process.env['CI'])('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-html-'));
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!executablePath) throw new Error(`${MISSING} (CI is set: failing)`);
    const file = join(dir, 'report.html');
    writeFileSync(file, await toHtml(sampleReport(), { lang: 'en', title: HOSTILE }));
    const url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders offline, the hostile title as text, with no error, dialog or request', async () => {
    expect(await page.title()).toBe(HOSTILE);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('#issues tbody tr').count()).toBe(5);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws the three charts with Chart.js', async () => {
    const drawn = await page.evaluate(() => {
      const g = globalThis as unknown as { Chart: { getChart(el: Element): unknown } };
      return ['chart-rule', 'chart-class', 'chart-severity'].map((id) => {
        const canvas = document.getElementById(id) as HTMLCanvasElement | null;
        if (!canvas) return { id, chart: false, painted: 0 };
        const ctx = canvas.getContext('2d');
        const pixels = ctx?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
        return { id, chart: g.Chart.getChart(canvas) !== undefined, painted, w: canvas.width };
      });
    });
    for (const c of drawn) {
      expect(c.chart, c.id).toBe(true);
      expect(c.painted, c.id).toBeGreaterThan(500);
    }
  });

  it('filters by severity, by rule and by text', async () => {
    const visible = () =>
      page.$$eval('#issues tbody tr', (rows) =>
        rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-severity')),
      );
    await page.selectOption('#filter-severity', 'query');
    expect(await visible()).toEqual(['query']);
    expect(await page.locator('#shown-count').textContent()).toBe('1');
    await page.selectOption('#filter-severity', 'error');
    expect(await visible()).toEqual(['error', 'error', 'error']);
    await page.selectOption('#filter-rule', 'HS.NGAY_SINH.001');
    expect(await visible()).toEqual(['error', 'error']);
    await page.fill('#filter-text', 'e8');
    expect(await visible()).toEqual(['error']);
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-rule', '');
    await page.fill('#filter-text', '__proto__');
    expect(await visible()).toEqual(['error']);
    await page.fill('#filter-text', '');
    expect(await visible()).toHaveLength(5);
    expect(problems).toEqual([]);
  });

  it('saves a screenshot under the OS temp dir', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });
});
