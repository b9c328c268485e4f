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
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

interface BrowserCheck {
  /** The package folder under the repository root. */
  dir: string;
  /** The ESM entry the page imports, from the package folder (default `dist/index.js`). */
  entry?: string;
  /**
   * A file made in Node, handed to the probe as `source`: in the page a `File` (as a browser's
   * file input gives it), in Node the same bytes as a `Uint8Array`.
   */
  file?: () => Promise<{ name: string; bytes: Uint8Array }>;
  /**
   * Its runtime dependencies, mapped in the page's import map to their ESM entries; `name@dir`
   * resolves `name` from the package folder `dir` (a dependency of a dependency).
   */
  dependencies: readonly string[];
  /**
   * A function body run in the page with the module as `m` (and `source`, see `file`); returns
   * JSON-serializable results.
   */
  probe: string;
  /** What the probe must return (computed in Node from the same bundle). */
  expected: () => Promise<unknown>;
  /** Text Node's answer must contain (so that two empty answers do not pass as the same). */
  mustContain?: string;
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

const clientProbe = `return (async () => {
  const calls = [];
  const json = (body, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchStub = async (request) => {
    const path = new URL(request.url).pathname;
    calls.push([request.method, path, request.headers.get('idempotency-key') !== null]);
    if (path === '/v1/token') return json({ access_token: 'evs1.a.b', token_type: 'Bearer', expires_in: 3600 });
    if (calls.length === 2) return json({ type: 'urn:eduvn:problem:unavailable', title: 'down', status: 503 }, 503);
    return json({
      outcome: 'created', entity: 'HocSinh', truongId: '79000701', key: { HOC_SINH_ID: 'HS1' }, version: 1,
      data: { TRUONG_ID: '79000701', HOC_SINH_ID: 'HS1', HO_TEN: 'Nguyễn Văn An' },
      occurredAt: '2026-01-01T00:00:00Z', receivedAt: '2026-01-01T00:00:00Z', late: false, warnings: [],
    }, 201);
  };
  const client = m.createClient({
    baseUrl: 'https://csdl.test',
    credentials: { clientId: 'a', clientSecret: 'b' },
    fetch: fetchStub,
    retry: { retries: 2, baseDelayMs: 1 },
  });
  const r = await client.upsert('HocSinh', { truongId: '79000701', hocSinhId: 'HS1', hoTen: 'Nguyễn Văn An' });
  const e = await client.upsert('HocSinh', { truongId: 'x', hocSinhId: 'y', bogus: 1 }).catch((x) => x.name);
  return [r.outcome, r.record, r.$metadata.attempts, calls, e, m.redact('so 079216001234')];
})();`;

/** Reads every sheet of the workbook in `source` (a File in the page, bytes in Node). */
const adapterKitProbe = `return (async () => {
  const book = await m.openWorkbook(source, { file: 'C1-HocSinh.xlsx' });
  const sheets = [];
  try {
    for (const sheet of book.sheets) {
      const rows = [];
      for await (const row of book.rows(sheet.index)) rows.push([row.row, row.cells.map((c) => c && [c.value, c.date ?? null])]);
      sheets.push([sheet, rows, await book.merges(sheet.index)]);
    }
  } finally {
    await book.close();
  }
  const csv = new TextEncoder().encode('Mã học sinh;Họ tên\\r\\n0123;Nguyễn Văn An\\r\\n');
  const csvBook = await m.openWorkbook(typeof Blob === 'function' && source instanceof Blob ? new Blob([csv]) : csv);
  const csvRows = [];
  for await (const row of csvBook.rows(0)) csvRows.push(row.cells.map((c) => c?.value));
  const limited = await (async () => {
    const b = await m.openWorkbook(source, { limits: { maxInflatedBytes: 4096 } });
    try { for await (const _ of b.rows(0)); return 'read'; }
    catch (e) { return [e.name, e.code, e.limit?.name, e.limit?.max]; }
    finally { await b.close(); }
  })();
  return [book.format, book.file, sheets, csvRows, limited];
})();`;

/** Checks the workbook in `source` with the one-call check, as the browser example does. */
const checkProbe = `return (async () => {
  const report = await m.checkFiles([{ source, name: 'C1-HocSinh.xlsx' }], {
    asOf: '2026-05-31',
    hints: { truongId: '79279777', namHoc: '2025-2026' },
  });
  return [report.summary, report.files, report.issues];
})();`;

/** A pupil export as the national database gives it, one impossible birth date planted (row 7). */
async function pupilExport(): Promise<{ name: string; bytes: Uint8Array }> {
  const kit = await import(join(root, 'packages/adapter-kit/dist/index.js'));
  const fixtures = await import(join(root, 'packages/fixtures/dist/index.js'));
  const school = fixtures.generateSchool({
    seed: 27,
    schoolYear: '2025-2026',
    province: '79',
    pupils: 40,
    assessments: false,
  });
  const dmy = (iso: string): string => iso.split('-').reverse().join('/');
  const pupils = school.hocSinhs as {
    maLop?: string;
    hocSinhId: string;
    hoTen: string;
    ngaySinh?: string;
    maGioiTinh?: string;
  }[];
  const rows = pupils.map((p, i) => [
    i + 1,
    p.maLop ?? '',
    { text: p.hocSinhId },
    p.hoTen,
    i === 2 ? '31/02/2019' : dmy(p.ngaySinh ?? ''),
    p.maGioiTinh === '2' ? 'Nữ' : 'Nam',
    'Kinh',
    'Đang học',
  ]);
  const header = ['STT', 'Mã lớp', 'Mã học sinh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Dân tộc'];
  const bytes: Uint8Array = kit.writeXlsx([
    {
      name: 'Sheet1',
      rows: [['DANH SÁCH HỌC SINH'], [], [], [...header, 'Trạng thái\nhọc sinh'], ...rows],
      merges: ['A1:H1'],
    },
    { name: 'GIOI_TINH', state: 'hidden', rows: [['Nam'], ['Nữ']] },
  ]);
  return { name: 'C1-HocSinh.xlsx', bytes };
}

/** Runs a probe in Node on the Node build, with the file's bytes as `source`. */
async function inNode(
  entry: string,
  probe: string,
  file: () => Promise<{ bytes: Uint8Array }>,
): Promise<unknown> {
  const m = await import(join(root, entry));
  const source = (await file()).bytes;
  return new Function('m', 'source', probe)(m, source);
}

const ADAPTERS = [
  '@eduvn/adapter-csv',
  '@eduvn/adapter-k12online',
  '@eduvn/adapter-misa',
  '@eduvn/adapter-moet',
  '@eduvn/adapter-smas',
];

const checks: BrowserCheck[] = [
  {
    dir: 'packages/adapter-kit',
    entry: 'dist/browser/index.js',
    file: pupilExport,
    dependencies: ['@eduvn/standard', '@eduvn/text', 'zod@packages/standard'],
    probe: adapterKitProbe,
    expected: () => inNode('packages/adapter-kit/dist/index.js', adapterKitProbe, pupilExport),
    mustContain: '"31/02/2019"',
  },
  {
    dir: 'packages/check',
    file: pupilExport,
    dependencies: [
      '@eduvn/adapter-kit',
      ...ADAPTERS,
      '@eduvn/rules',
      '@eduvn/standard',
      '@eduvn/standard/admin-units',
      '@eduvn/text',
      'zod@packages/standard',
    ],
    probe: checkProbe,
    expected: () => inNode('packages/check/dist/index.js', checkProbe, pupilExport),
    mustContain: '"READ.DATE.001"',
  },
  {
    dir: 'packages/client',
    dependencies: [
      'ky',
      'p-retry',
      'is-network-error@node_modules/p-retry',
      'zod@packages/standard',
      '@eduvn/standard',
      '@eduvn/text',
    ],
    probe: clientProbe,
    expected: async () => {
      const m = await import(join(root, 'packages/client/dist/index.js'));
      return new Function('m', clientProbe)(m);
    },
  },
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

/**
 * The real path of a dependency's package.json as Node would find it from a package folder:
 * `node_modules/<name>` in the folder or above it (works for packages whose `exports` hide
 * their package.json).
 */
function manifestOf(packageDir: string, name: string): string {
  let dir = dirname(realpathSync(join(root, packageDir, 'package.json')));
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`check-browser: ${name} not found from ${packageDir}`);
    dir = parent;
  }
}

/** The browser ESM target of an `exports` entry: `browser`, else `import`, else `default`. */
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

/** The workspace's package folders by package name. */
function workspacePackages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const parent of ['packages', 'packages/adapters']) {
    for (const dir of readdirSync(join(root, parent))) {
      const manifest = join(root, parent, dir, 'package.json');
      if (!existsSync(manifest)) continue;
      found.set(JSON.parse(readFileSync(manifest, 'utf8')).name, `${parent}/${dir}`);
    }
  }
  return found;
}

/**
 * The URL path of a workspace package's built browser ESM entry (`@eduvn/x` or a subpath
 * `@eduvn/x/y`), from its `exports` (the `browser` condition first).
 */
function workspaceEntry(spec: string): string {
  const [scope, name, ...rest] = spec.split('/');
  const dir = workspacePackages().get(`${scope}/${name}`);
  if (dir === undefined) throw new Error(`check-browser: no workspace package ${spec}`);
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const entry = pick(manifest.exports?.[rest.length === 0 ? '.' : `./${rest.join('/')}`]);
  if (entry === undefined) throw new Error(`check-browser: no ESM entry for ${spec}`);
  return `/${dir}/${entry.replace(/^\.\//, '')}`;
}

/** The URL path (from the repository root) of a dependency's browser ESM entry, as its package resolves it. */
function esmEntry(packageDir: string, name: string): string {
  const manifestPath = manifestOf(packageDir, name);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const exports = manifest.exports;
  // `exports` is either a map of subpaths ('.', './x') or the conditions of '.' themselves.
  const conditions =
    typeof exports === 'object' &&
    exports !== null &&
    !Object.keys(exports).some((k) => k.startsWith('.'))
      ? exports
      : exports?.['.'];
  const main = conditions ?? manifest.module ?? manifest.main;
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
      for (const spec of check.dependencies) {
        const [dep, from] = spec.startsWith('@') ? [spec, undefined] : spec.split('@');
        if (dep === undefined) continue;
        imports[dep] = dep.startsWith('@eduvn/')
          ? workspaceEntry(dep)
          : esmEntry(
              from === undefined
                ? check.dir
                : from.startsWith('node_modules/')
                  ? join(check.dir, from)
                  : from,
              dep,
            );
      }
      await page.setContent(
        `<!doctype html><script type="importmap">${JSON.stringify({ imports })}</script>`,
      );
      const url = `http://127.0.0.1:${port}/${check.dir}/${check.entry ?? 'dist/index.js'}`;
      const file = check.file === undefined ? undefined : await check.file();
      const actual = await page.evaluate(
        async ([u, probe, name, base64]) => {
          const m = await import(u);
          const source =
            base64 === ''
              ? undefined
              : new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name);
          return new Function('m', 'source', probe)(m, source);
        },
        [
          url,
          check.probe,
          file?.name ?? '',
          file === undefined ? '' : Buffer.from(file.bytes).toString('base64'),
        ] as const,
      );
      const expected = await check.expected();
      const same =
        JSON.stringify(actual) === JSON.stringify(expected) &&
        (check.mustContain === undefined || JSON.stringify(expected).includes(check.mustContain));
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
