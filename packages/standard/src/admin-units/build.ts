/**
 * The conversion from the reference files of `../shared/reference/admin-units/` to the generated
 * data modules of `src/admin-units/data/`. Pure (texts in, texts out) so that the generator script
 * (`scripts/build-admin-units.ts`) and the staleness test run the very same code. Not part of the
 * public API and never imported by the subpath's runtime code.
 *
 * Every check here throws: a source that changes shape must stop the build, not produce a
 * half-converted catalog.
 *
 * @internal
 * @module
 */
import { matchKey, normalizeText } from '@eduvn/text';

/** The reference files the generator reads, by role. */
export const ADMIN_UNIT_SOURCE_FILES = {
  gso: 'units-2025-03-01-gso.json',
  provinces2025: 'provinces-2025-07-01-915-CTK-CSCL.csv',
  communes2025: 'communes-2025-07-01-1027-CTK-CSCL.md',
  snapshot2026: 'units-2026-07-25.json',
  oldToNew: 'mapping-2025-07-01-old-to-new.json',
  newToOld: 'mapping-2025-07-01-new-to-old.json',
} as const;

/** The text of each reference file, by role. */
export type AdminUnitSources = { readonly [K in keyof typeof ADMIN_UNIT_SOURCE_FILES]: string };

/** A generated module: its file name under `src/admin-units/data/` and its whole text. */
export interface GeneratedModule {
  /** File name, e.g. `'units-gso-2025-03-01.ts'`. */
  readonly file: string;
  /** The module's text, exactly as committed. */
  readonly text: string;
}

/** A unit as written to a data line: `code|name|parent|type`, or `code|name|parent|type|nameEn`. */
interface Row {
  readonly code: string;
  readonly name: string;
  readonly parent: string;
  readonly type: string;
  readonly nameEn?: string;
}

/** The province type of the 6 (later 7) centrally-run cities, in the GSO list's own words. */
const CITY = 'Thành phố Trung ương';
const PROVINCE = 'Tỉnh';
/** Commune-level types, as the sources spell them (checked against the name's first words). */
const COMMUNE_TYPES = ['Phường', 'Xã', 'Thị trấn', 'Đặc khu'] as const;

const GENERATOR = 'packages/standard/scripts/build-admin-units.ts';
const SOURCE_DIR = '../shared/reference/admin-units';

// ---------------------------------------------------------------------------------------------
// Small checked readers for parsed JSON.

function fail(message: string): never {
  throw new Error(`build-admin-units: ${message}`);
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where}: expected an object`);
  return v as Record<string, unknown>;
}

function list(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) fail(`${where}: expected an array`);
  return v;
}

function text(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') fail(`${where}: expected a non-empty string`);
  return v;
}

function code(v: unknown, digits: number, where: string): string {
  const s = text(v, where);
  if (!new RegExp(`^\\d{${digits}}$`).test(s))
    fail(`${where}: code ${JSON.stringify(s)} is not ${digits} digits`);
  return s;
}

/**
 * A unit's name as the source writes it: `<br>` (a line break in the official table) becomes a
 * space, then white space is collapsed and trimmed and the text composed to NFC. Spelling, case
 * and tone placement are kept.
 */
export function cleanName(raw: string): string {
  return normalizeText(raw.replace(/<br\s*\/?>/gi, ' '));
}

function name(v: unknown, where: string): string {
  const s = cleanName(text(v, where));
  if (s === '') fail(`${where}: empty name`);
  return s;
}

/** The commune-level type a name starts with (`'xã Bắc Sơn'` → `'Xã'`). */
function communeType(unitName: string, where: string): string {
  const lower = unitName.toLowerCase();
  const type = COMMUNE_TYPES.find((t) => lower.startsWith(`${t.toLowerCase()} `));
  if (type === undefined)
    fail(`${where}: no unit type at the start of ${JSON.stringify(unitName)}`);
  return type;
}

function provinceType(unitName: string, where: string): string {
  if (unitName.startsWith('Thành phố ')) return CITY;
  if (unitName.startsWith('Tỉnh ')) return PROVINCE;
  fail(`${where}: no unit type at the start of ${JSON.stringify(unitName)}`);
}

function unique(rows: readonly Row[], what: string): void {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.code)) fail(`${what}: code ${r.code} appears twice`);
    seen.add(r.code);
  }
}

// ---------------------------------------------------------------------------------------------
// The sources.

interface GsoUnits {
  readonly provinces: Row[];
  readonly districts: Row[];
  readonly communes: Row[];
}

/** `units-2025-03-01-gso.json`: provinces → districts → communes, each with its own type. */
function readGso(json: string): GsoUnits {
  const root = record(JSON.parse(json), 'gso');
  const provinces: Row[] = [];
  const districts: Row[] = [];
  const communes: Row[] = [];
  for (const [i, p] of list(root['data'], 'gso.data').entries()) {
    const pr = record(p, `gso.data[${i}]`);
    const pc = code(pr['level1_id'], 2, `gso province ${i}`);
    provinces.push({
      code: pc,
      name: name(pr['name'], pc),
      parent: '',
      type: text(pr['type'], pc),
    });
    for (const d of list(pr['level2s'], `gso ${pc}.level2s`)) {
      const dr = record(d, `gso ${pc} district`);
      const dc = code(dr['level2_id'], 3, `gso district of ${pc}`);
      districts.push({
        code: dc,
        name: name(dr['name'], dc),
        parent: pc,
        type: text(dr['type'], dc),
      });
      for (const c of list(dr['level3s'], `gso ${dc}.level3s`)) {
        const cr = record(c, `gso ${dc} commune`);
        const cc = code(cr['level3_id'], 5, `gso commune of ${dc}`);
        communes.push({
          code: cc,
          name: name(cr['name'], cc),
          parent: dc,
          type: text(cr['type'], cc),
        });
      }
    }
  }
  const stats = record(root['stats'], 'gso.stats');
  const expect = (n: number, key: string) => {
    if (stats[key] !== n) fail(`gso: ${n} units read but stats.${key} is ${String(stats[key])}`);
  };
  expect(provinces.length, 'level1_count');
  expect(districts.length, 'level2_count');
  expect(communes.length, 'level3_count');
  unique(provinces, 'gso provinces');
  unique(districts, 'gso districts');
  unique(communes, 'gso communes');
  return { provinces, districts, communes };
}

/** `provinces-2025-07-01-915-CTK-CSCL.csv`: `Stt,Mã số,Tên`. */
function readProvinces2025(csv: string): Row[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== 3)
      fail(`915/CTK-CSCL line ${i + 2}: expected 3 cells, got ${cells.length}`);
    const c = code(cells[1], 2, `915/CTK-CSCL line ${i + 2}`);
    const n = name(cells[2], c);
    // The list writes "Thành phố Hà Nội" but "Cao Bằng" (no "Tỉnh").
    return { code: c, name: n, parent: '', type: n.startsWith('Thành phố ') ? CITY : PROVINCE };
  });
  unique(rows, '915/CTK-CSCL');
  return rows;
}

/**
 * `communes-2025-07-01-1027-CTK-CSCL.md`: a markdown table `| Stt | Mã số | Tên | Tỉnh |`, split
 * by page breaks, with province heading rows (no Stt) that are skipped. The province column is
 * matched to the 915 list by name (`Tp Hồ Chí Minh`, `Tỉnh<br>Phú Thọ`).
 */
function readCommunes2025(md: string, provinces: readonly Row[]): Row[] {
  const byKey = new Map(provinces.map((p) => [matchKey(p.name), p.code]));
  const rows: Row[] = [];
  for (const line of md.split(/\r?\n/)) {
    if (!/^\|\s*\d+\s*\|/.test(line)) continue;
    const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
    if (cells.length !== 4) fail(`1027/CTK-CSCL: expected 4 cells in ${JSON.stringify(line)}`);
    const c = code(cells[1]?.trim(), 5, '1027/CTK-CSCL');
    const n = name(cells[2], c);
    const province = cleanName(cells[3] ?? '')
      .replace(/^Tp\.? /, 'Thành phố ')
      .replace(/^Tỉnh /, '');
    const parent = byKey.get(matchKey(province));
    if (parent === undefined)
      fail(`1027/CTK-CSCL ${c}: unknown province ${JSON.stringify(province)}`);
    rows.push({ code: c, name: n, parent, type: communeType(n, c) });
  }
  unique(rows, '1027/CTK-CSCL');
  return rows;
}

interface Snapshot {
  readonly provinces: Row[];
  readonly communes: Row[];
}

/** `units-2026-07-25.json` (thanglequoc/vietnamese-provinces-database): provinces → wards. */
function readSnapshot(json: string): Snapshot {
  const provinces: Row[] = [];
  const communes: Row[] = [];
  for (const [i, p] of list(JSON.parse(json), 'snapshot').entries()) {
    const pr = record(p, `snapshot[${i}]`);
    const pc = code(pr['Code'], 2, `snapshot province ${i}`);
    const pn = name(pr['FullName'], pc);
    provinces.push({
      code: pc,
      name: pn,
      parent: '',
      type: provinceType(pn, pc),
      nameEn: name(pr['FullNameEn'], pc),
    });
    for (const w of list(pr['Wards'], `snapshot ${pc}.Wards`)) {
      const wr = record(w, `snapshot ${pc} ward`);
      const wc = code(wr['Code'], 5, `snapshot ward of ${pc}`);
      if (wr['ProvinceCode'] !== pc) fail(`snapshot ${wc}: ProvinceCode is not ${pc}`);
      const wn = name(wr['FullName'], wc);
      communes.push({ code: wc, name: wn, parent: pc, type: communeType(wn, wc) });
    }
  }
  unique(provinces, 'snapshot provinces');
  unique(communes, 'snapshot communes');
  return { provinces, communes };
}

/** Old code → new codes, in the order the mapping lists them. */
type Links = Map<string, string[]>;

interface Mapping {
  readonly provinces: Links;
  /** The island districts that had no communes and became special zones (đặc khu). */
  readonly districts: Links;
  readonly communes: Links;
}

function splits(v: unknown, digits: number, where: string): string[] {
  const out = list(v, where).map((s, i) =>
    code(record(s, `${where}[${i}]`)['new_id'], digits, `${where}[${i}].new_id`),
  );
  if (out.length === 0) fail(`${where}: no successor`);
  if (new Set(out).size !== out.length) fail(`${where}: a successor appears twice`);
  return out;
}

/**
 * `mapping-2025-07-01-old-to-new.json` (dvhcvn), checked against `…-new-to-old.json`: the two
 * must hold the same pairs, and the reverse file's `type` must be `'partial'` exactly when the old
 * unit has several successors (the rule the API uses for coverage).
 */
function readMapping(oldToNew: string, newToOld: string): Mapping {
  const provinces: Links = new Map();
  const districts: Links = new Map();
  const communes: Links = new Map();
  for (const [i, p] of list(
    record(JSON.parse(oldToNew), 'old-to-new')['data'],
    'old-to-new.data',
  ).entries()) {
    const pr = record(p, `old-to-new[${i}]`);
    const pc = code(pr['level1_id'], 2, `old-to-new province ${i}`);
    provinces.set(pc, splits(pr['splits'], 2, `old-to-new ${pc}.splits`));
    for (const d of pr['level2s'] === undefined
      ? []
      : list(pr['level2s'], `old-to-new ${pc}.level2s`)) {
      const dr = record(d, `old-to-new ${pc} district`);
      const dc = code(dr['level2_id'], 3, `old-to-new district of ${pc}`);
      districts.set(dc, splits(dr['splits'], 5, `old-to-new ${dc}.splits`));
    }
    for (const c of list(pr['level3s'], `old-to-new ${pc}.level3s`)) {
      const cr = record(c, `old-to-new ${pc} commune`);
      const cc = code(cr['level3_id'], 5, `old-to-new commune of ${pc}`);
      if (communes.has(cc)) fail(`old-to-new: commune ${cc} appears twice`);
      communes.set(cc, splits(cr['splits'], 5, `old-to-new ${cc}.splits`));
    }
  }

  // The reverse file: every (old, new, type) pair.
  const reverse = new Map<string, string>();
  const note = (old: string, now: string, type: unknown, where: string) => {
    if (type !== 'full' && type !== 'partial') fail(`${where}: type ${String(type)}`);
    reverse.set(`${old}>${now}`, type);
  };
  for (const [i, p] of list(
    record(JSON.parse(newToOld), 'new-to-old')['data'],
    'new-to-old.data',
  ).entries()) {
    const pr = record(p, `new-to-old[${i}]`);
    const pc = code(pr['level1_id'], 2, `new-to-old province ${i}`);
    for (const m of list(pr['merges'], `new-to-old ${pc}.merges`)) {
      const mr = record(m, `new-to-old ${pc} merge`);
      note(code(mr['old_id'], 2, `new-to-old ${pc}`), pc, mr['type'], `new-to-old ${pc}`);
    }
    for (const c of list(pr['level2s'], `new-to-old ${pc}.level2s`)) {
      const cr = record(c, `new-to-old ${pc} commune`);
      const cc = code(cr['level2_id'], 5, `new-to-old commune of ${pc}`);
      for (const m of list(cr['merges'], `new-to-old ${cc}.merges`)) {
        const mr = record(m, `new-to-old ${cc} merge`);
        const old = text(mr['old_id'], `new-to-old ${cc}`);
        note(old, cc, mr['type'], `new-to-old ${cc} ← ${old}`);
      }
    }
  }
  let pairs = 0;
  for (const links of [provinces, districts, communes]) {
    for (const [old, news] of links) {
      for (const now of news) {
        pairs++;
        const type = reverse.get(`${old}>${now}`);
        if (type === undefined) fail(`mapping: ${old} → ${now} is missing from new-to-old`);
        const expected = news.length > 1 ? 'partial' : 'full';
        if (type !== expected)
          fail(`mapping: ${old} → ${now} is ${type} in new-to-old, expected ${expected}`);
      }
    }
  }
  if (pairs !== reverse.size)
    fail(`mapping: new-to-old has ${reverse.size} pairs, old-to-new ${pairs}`);
  return { provinces, districts, communes };
}

// ---------------------------------------------------------------------------------------------
// Cross-checks between the sources.

function checkMapping(
  gso: GsoUnits,
  provinces2025: readonly Row[],
  communes2025: readonly Row[],
  mapping: Mapping,
): void {
  const codes = (rows: readonly Row[]) => new Set(rows.map((r) => r.code));
  const check = (links: Links, olds: Set<string>, news: Set<string>, what: string) => {
    for (const [old, targets] of links) {
      if (!olds.has(old)) fail(`mapping ${what}: old code ${old} is not in the GSO list`);
      for (const t of targets) {
        if (!news.has(t)) fail(`mapping ${what}: new code ${t} is not in the 2025-07-01 list`);
      }
    }
  };
  const newCommunes = codes(communes2025);
  check(mapping.provinces, codes(gso.provinces), codes(provinces2025), 'provinces');
  check(mapping.districts, codes(gso.districts), newCommunes, 'districts');
  check(mapping.communes, codes(gso.communes), newCommunes, 'communes');
  for (const c of gso.communes) {
    if (!mapping.communes.has(c.code)) fail(`mapping: GSO commune ${c.code} has no successor`);
  }
  for (const p of gso.provinces) {
    if (!mapping.provinces.has(p.code)) fail(`mapping: GSO province ${p.code} has no successor`);
  }
  const covered = new Set([...mapping.communes.values(), ...mapping.districts.values()].flat());
  for (const c of communes2025) {
    if (!covered.has(c.code)) fail(`mapping: 2025-07-01 commune ${c.code} has no predecessor`);
  }
}

// ---------------------------------------------------------------------------------------------
// The modules.

const UNSAFE = /[|\n\r`\\]|\$\{/;

function line(r: Row): string {
  for (const field of [r.code, r.name, r.parent, r.type, r.nameEn ?? '']) {
    if (UNSAFE.test(field))
      fail(`${r.code}: ${JSON.stringify(field)} holds a character the data format reserves`);
  }
  return [r.code, r.name, r.parent, r.type, ...(r.nameEn === undefined ? [] : [r.nameEn])].join(
    '|',
  );
}

interface Export {
  readonly name: string;
  readonly doc: string;
  readonly lines: readonly string[];
}

function module(header: readonly string[], exports: readonly Export[]): string {
  const head = header.map((h) => (h === '' ? '//' : `// ${h}`)).join('\n');
  const body = exports
    .map((e) => `/** ${e.doc} */\nexport const ${e.name} = \`\n${e.lines.join('\n')}\n\`;\n`)
    .join('\n');
  return `${head}\n\n${body}`;
}

const UNIT_FORMAT = [
  '',
  'One unit per line: code|name|parent code|type (the parent is empty for a province).',
  'Names are kept as the source writes them (NFC; a <br> in a table cell became a space).',
];

const generatedBy = (sources: readonly string[]): string[] => [
  `Generated by ${GENERATOR} — do not edit by hand;`,
  'run `pnpm exec tsx scripts/build-admin-units.ts` in packages/standard to regenerate.',
  ...sources.map((s) => `Source: ${SOURCE_DIR}/${s}`),
  'Sources, licences and attribution: src/admin-units/ATTRIBUTION.md.',
];

/**
 * Converts the reference files to the data modules of `src/admin-units/data/`. The result is
 * deterministic: the same sources always give byte-identical modules.
 */
export function buildAdminUnitModules(sources: AdminUnitSources): GeneratedModule[] {
  const gso = readGso(sources.gso);
  const provinces2025 = readProvinces2025(sources.provinces2025);
  const communes2025 = readCommunes2025(sources.communes2025, provinces2025);
  const snapshot = readSnapshot(sources.snapshot2026);
  const mapping = readMapping(sources.oldToNew, sources.newToOld);
  checkMapping(gso, provinces2025, communes2025, mapping);

  const links = (m: Links) => [...m].map(([old, news]) => `${old}|${news.join(',')}`);
  return [
    {
      file: 'units-gso-2025-03-01.ts',
      text: module(
        [
          ...generatedBy([ADMIN_UNIT_SOURCE_FILES.gso]),
          'The GSO (Tổng cục Thống kê) list of administrative units as of 01/03/2025: 63 provinces,',
          '696 districts, 10,047 communes; valid until 30/06/2025. Public administrative data.',
          ...UNIT_FORMAT,
        ],
        [
          {
            name: 'provinces',
            doc: 'Provinces (DM_TINH), GSO 01/03/2025.',
            lines: gso.provinces.map(line),
          },
          {
            name: 'districts',
            doc: 'Districts (DM_HUYEN), GSO 01/03/2025; parent: province.',
            lines: gso.districts.map(line),
          },
          {
            name: 'communes',
            doc: 'Communes (DM_XA), GSO 01/03/2025; parent: district.',
            lines: gso.communes.map(line),
          },
        ],
      ),
    },
    {
      file: 'units-2025-07-01.ts',
      text: module(
        [
          ...generatedBy([
            ADMIN_UNIT_SOURCE_FILES.provinces2025,
            ADMIN_UNIT_SOURCE_FILES.communes2025,
          ]),
          'The administrative units from 01/07/2025 (QĐ 19/2025/QĐ-TTg): 34 provinces (Công văn',
          '915/CTK-CSCL) and 3,321 communes (Công văn 1027/CTK-CSCL, 25/06/2025) of the Cục Thống kê;',
          'no district level. Public administrative data.',
          ...UNIT_FORMAT,
          'A province type is read from its name ("Thành phố …" or not); a commune type likewise.',
        ],
        [
          {
            name: 'provinces',
            doc: 'Provinces (DM_TINH) from 2025-07-01, Công văn 915/CTK-CSCL.',
            lines: provinces2025.map(line),
          },
          {
            name: 'communes',
            doc: 'Communes (DM_XA) from 2025-07-01, Công văn 1027/CTK-CSCL; parent: province.',
            lines: communes2025.map(line),
          },
        ],
      ),
    },
    {
      file: 'units-snapshot-2026-07-25.ts',
      text: module(
        [
          ...generatedBy([ADMIN_UNIT_SOURCE_FILES.snapshot2026]),
          'A snapshot taken 2026-07-25 of thanglequoc/vietnamese-provinces-database (MIT License,',
          'Copyright (c) 2021 Thang Le Quoc; see ../ATTRIBUTION.md), after Nghị quyết 30/2026/QH16',
          'and 237/NQ-UBTVQH16 (effective 30/04/2026). Names are its FullName; a province line adds',
          'its FullNameEn as a 5th field.',
          ...UNIT_FORMAT,
        ],
        [
          {
            name: 'provinces',
            doc: 'Provinces (DM_TINH), snapshot 2026-07-25.',
            lines: snapshot.provinces.map(line),
          },
          {
            name: 'communes',
            doc: 'Communes (DM_XA), snapshot 2026-07-25; parent: province.',
            lines: snapshot.communes.map(line),
          },
        ],
      ),
    },
    {
      file: 'mapping-2025-07-01.ts',
      text: module(
        [
          ...generatedBy([ADMIN_UNIT_SOURCE_FILES.oldToNew, ADMIN_UNIT_SOURCE_FILES.newToOld]),
          'The old → new mapping of the 01/07/2025 reorganisation from dvhcvn/20250701 (MIT License,',
          'Copyright (c) 2025 dvhcvn; see ../ATTRIBUTION.md). Many-to-many, built with LLM help and',
          'spot-checked: a suggestion to confirm.',
          '',
          'One old unit per line: old code|new code,new code,… (several new codes: the old unit was',
          'split). The generator checked it against the new-to-old file: same pairs, and "partial"',
          'exactly where an old unit has several successors.',
        ],
        [
          {
            name: 'provinces',
            doc: 'Old province (GSO) → new provinces.',
            lines: links(mapping.provinces),
          },
          {
            name: 'districts',
            doc: 'Old island districts without communes (GSO DM_HUYEN) → the special zone (DM_XA) each became.',
            lines: links(mapping.districts),
          },
          {
            name: 'communes',
            doc: 'Old commune (GSO) → new communes.',
            lines: links(mapping.communes),
          },
        ],
      ),
    },
  ];
}
