/**
 * Loads every browser-capable package's built ESM bundle into headless Chromium and checks that it
 * imports (no Node built-ins) and gives the same answers as in Node. Part of `pnpm test`, after
 * `pnpm build`.
 *
 * Chromium comes from the system (Debian's `chromium` package; `.ci/run` installs it) — browsers
 * are never downloaded. Set `CHROMIUM_PATH` to use another binary. Without Chromium the check
 * fails under CI (`CI=true`) and warns elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

interface BrowserCheck {
  /** The package folder under the repository root. */
  dir: string;
  /** Its runtime dependencies, mapped in the page's import map to their ESM entries. */
  dependencies: readonly string[];
  /** A function body run in the page with the module as `m`; returns JSON-serializable results. */
  probe: string;
  /** What the probe must return (computed in Node from the same bundle). */
  expected: () => Promise<unknown>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

const textProbe = `return [
  m.normalizeText('  Nguye\\u0302\\u0303n\\u00a0 Văn\\nAn '),
  m.matchKey('THANH HÓA'),
  m.placeTones('Khánh Hòa, Thủy', 'new'),
  m.formatPersonName("h'hen NIÊ"),
  m.decodeLegacy('Hµ Néi', 'tcvn3'),
  m.encodeLegacy('Việt Nam', 'vni'),
  m.detectLegacy('Tr\\u00adêng TiÓu häc Kim §ång', { content: true }),
  m.parseVnDate('44096'),
  m.parseVnDate(new Date(Date.UTC(2016, 8, 5))),
  m.parseVnDate('31/02/2017').reason,
  m.formatVnDate('2016-09-05'),
];`;

const standardProbe = `
  const pupil = { hocSinhId: 'HS0001', hoTen: 'Nguyễn Văn An', ngaySinh: '2016-09-05', maCongDanId: '031216001234' };
  const wire = m.encodeWire(m.HocSinh, pupil);
  return [
    wire,
    m.decodeWire(m.HocSinh, wire),
    m.compileValidator(m.HocSinh)({ hocSinhId: 'HS0001', hoTen: 'x'.repeat(51) }).ok,
    m.maskRecord(m.HocSinh, pupil),
    m.fieldsOf(m.HocSinh).length,
    m.bundledCatalogs().lookup('DM_DAN_TOC', '01')?.entry.name,
  ];`;

const checks: BrowserCheck[] = [
  {
    dir: 'packages/standard',
    dependencies: ['zod', '@eduvn/text'],
    probe: standardProbe,
    expected: async () => {
      const m = await import(join(root, 'packages/standard/dist/index.js'));
      return new Function('m', standardProbe)(m);
    },
  },
  {
    dir: 'packages/text',
    dependencies: [],
    probe: textProbe,
    expected: async () => {
      const m = await import(join(root, 'packages/text/dist/index.js'));
      return new Function('m', textProbe)(m);
    },
  },
];

function findChromium(): string | null {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

/** The URL path (from the repository root) of a dependency's browser ESM entry, as its package resolves it. */
function esmEntry(packageDir: string, name: string): string {
  const require = createRequire(join(root, packageDir, 'package.json'));
  const manifestPath = realpathSync(require.resolve(`${name}/package.json`));
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const main = manifest.exports?.['.'] ?? manifest.module ?? manifest.main;
  const pick = (e: unknown): string | undefined =>
    typeof e === 'string'
      ? e
      : typeof e === 'object' && e !== null
        ? pick(
            (e as Record<string, unknown>)['browser'] ??
              (e as Record<string, unknown>)['import'] ??
              (e as Record<string, unknown>)['default'],
          )
        : undefined;
  const entry = pick(main);
  if (!entry) throw new Error(`check-browser: no ESM entry for ${name}`);
  const file = realpathSync(join(dirname(manifestPath), entry));
  return `/${relative(root, file).split(sep).join('/')}`;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    const message =
      'check-browser: Chromium not found. Install Debian\'s "chromium" package or set CHROMIUM_PATH.';
    if (process.env['CI']) throw new Error(message);
    console.warn(`WARNING: ${message} The browser check did NOT run.`);
    return;
  }
  // Serves the repository read-only on 127.0.0.1, so the page imports the bundles by URL.
  const server = createServer(async (req, res) => {
    const path = normalize(
      join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  let failed = 0;
  try {
    for (const check of checks) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${port}/package.json`);
      const imports: Record<string, string> = {};
      for (const dep of check.dependencies) {
        imports[dep] = dep.startsWith('@eduvn/')
          ? `/packages/${dep.slice('@eduvn/'.length)}/dist/index.js`
          : esmEntry(check.dir, dep);
      }
      await page.setContent(
        `<!doctype html><script type="importmap">${JSON.stringify({ imports })}</script>`,
      );
      const url = `http://127.0.0.1:${port}/${check.dir}/dist/index.js`;
      const actual = await page.evaluate(
        async ([u, probe]) => {
          const m = await import(u);
          return new Function('m', probe)(m);
        },
        [url, check.probe] as const,
      );
      const expected = await check.expected();
      const same = JSON.stringify(actual) === JSON.stringify(expected);
      if (!same || errors.length > 0) {
        failed++;
        console.error(
          `✗ ${check.dir} in Chromium\n  got      ${JSON.stringify(actual)}\n  expected ${JSON.stringify(expected)}\n  ${errors.join('\n  ')}`,
        );
      } else {
        console.log(
          `✓ ${check.dir} imports and answers the same in Chromium (${await browser.version()})`,
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failed > 0) process.exitCode = 1;
}

await main();
