/**
 * The page in headless Chromium (Debian's `chromium`, or `CHROMIUM_PATH`; browsers are never
 * downloaded): built with Vite from the workspace's sources, served from 127.0.0.1, given a
 * generated pupil export with an impossible birth date on its file input. The report must show
 * the issue at its cell, and the page must request nothing but its own files. Without Chromium
 * the test is skipped with a warning — and fails under CI (`CI=true`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { generateSchool } from '@eduvn/fixtures';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  'Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH. The browser example test did NOT run.';
if (!executablePath && !process.env['CI']) console.warn(`WARNING: ${MISSING}`);

const root = fileURLToPath(new URL('..', import.meta.url));

/** A generated school (no real people). */
const school = generateSchool({ seed: 31, schoolYear: '2025-2026', province: '79', pupils: 40 });

/** The row (1-based) where the export holds the impossible birth date 31/02/2019. */
const IMPOSSIBLE_DATE_ROW = 7;

/** The national database's C1 pupil export: a title block, the header on row 4, data below. */
function pupilExport(): Uint8Array {
  const dmy = (iso: string): string => iso.split('-').reverse().join('/');
  const rows: CellInput[][] = school.hocSinhs.map((p, i) => [
    i + 1,
    p.maLop ?? '',
    { text: p.hocSinhId },
    p.hoTen,
    i + 5 === IMPOSSIBLE_DATE_ROW ? '31/02/2019' : dmy(p.ngaySinh ?? ''),
    p.maGioiTinh === '2' ? 'Nữ' : 'Nam',
    'Kinh',
    'Đang học',
  ]);
  const header = ['STT', 'Mã lớp', 'Mã học sinh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Dân tộc'];
  return writeXlsx([
    {
      name: 'Sheet1',
      rows: [
        ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'],
        ['DANH SÁCH HỌC SINH'],
        [],
        [...header, 'Trạng thái\nhọc sinh'],
        ...rows,
      ],
    },
    { name: 'GIOI_TINH', state: 'hidden', rows: [['Nam'], ['Nữ']] },
  ]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves a folder read-only. */
function serve(dir: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!executablePath && !process.env['CI'])(
  'the browser-validate page in Chromium',
  () => {
    const out = mkdtempSync(join(tmpdir(), 'eduvn-browser-validate-'));
    let server: Server;
    let browser: Browser;
    let page: Page;
    let origin: string;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      if (!executablePath) throw new Error(`${MISSING} (CI is set: failing)`);
      await build({
        root,
        configFile: join(root, 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir: out, emptyOutDir: true },
      });
      server = await serve(out);
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      });
      page = await browser.newPage();
      page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      // Anything leaving for another origin would be stopped here (and still be listed above).
      await page.route('**/*', (route) =>
        route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
      );
      await page.goto(`${origin}/`, { waitUntil: 'load' });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      server?.close();
      rmSync(out, { recursive: true, force: true });
    });

    it('says that the data never leaves the machine', async () => {
      await expect(page.locator('#privacy').textContent()).resolves.toContain(
        'Dữ liệu không rời khỏi máy của bạn',
      );
    });

    it('checks a dropped-in workbook in the page and shows the impossible date at its cell', async () => {
      await page.fill('#truongId', school.truong.truongId);
      await page.fill('#namHoc', '2025-2026');
      await page.fill('#asOf', '2026-05-31');
      await page.setInputFiles('#file', {
        name: 'C1-HocSinh.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(pupilExport()),
      });
      await page.waitForSelector('#status[data-state="done"], #status[data-state="failed"]', {
        timeout: 45_000,
      });
      expect(await page.locator('#status').getAttribute('data-state')).toBe('done');
      const files = await page.locator('#files tbody tr td').allTextContents();
      expect(files).toEqual([
        'C1-HocSinh.xlsx',
        'đã đọc',
        'moet-c1-hocsinh',
        String(school.hocSinhs.length),
      ]);
      const date = page.locator(`#issues tr[data-rule="READ.DATE.001"]`);
      expect(await date.count()).toBe(1);
      expect(await date.getAttribute('data-cell')).toBe(`E${IMPOSSIBLE_DATE_ROW}`);
      const cells = await date.locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual(['Lỗi', `E${IMPOSSIBLE_DATE_ROW}`, 'Sheet1', 'ngaySinh']);
      expect(cells[4]).toContain('31/02/2019');
      expect(await page.locator('#summary').textContent()).toContain('Chưa đạt');

      await page.click('#lang-en');
      expect(await date.locator('td').first().textContent()).toBe('Error');
      expect(await date.locator('td').nth(4).textContent()).toMatch(/Impossible date/);
      expect(problems).toEqual([]);
    });

    it('requested nothing but its own files', () => {
      expect(requests.length).toBeGreaterThan(1);
      const foreign = requests.filter((r) => !r.startsWith(`GET ${origin}/`));
      expect(foreign).toEqual([]);
      // The workbook was read from the File: no request carries it or follows the check.
      const own = requests.map((r) => new URL(r.slice('GET '.length)).pathname);
      expect(own.filter((p) => p !== '/' && !p.startsWith('/assets/'))).toEqual([]);
    });
  },
);
