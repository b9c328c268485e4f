import { entityByName, type FieldInfo, fieldsOf, maskText } from '@eduvn/standard';
import { type AdminUnitLevel, successors } from '@eduvn/standard/admin-units';
import { perRecord } from '../core/record-scope.ts';
import { defineRule, type RecordContext, type RecordRule } from '../core/rule.ts';
import type { InputRecord, RuleSettings } from '../core/types.ts';

/** The first day of the 2025 administrative reorganisation (QĐ 19/2025/QĐ-TTg). */
export const ADMIN_MERGER_DAY = '2025-07-01';

/** The last day the administrative codes before the reorganisation were valid. */
const LAST_DAY_BEFORE_MERGER = '2025-06-30';

/** The administrative catalogs whose codes {@link successors} maps across the reorganisation. */
const ADMIN_LEVELS: Readonly<Record<string, AdminUnitLevel>> = {
  DM_TINH: 'province',
  DM_XA: 'commune',
};

/** Where a field takes its catalog from: one catalog, or one per value of another field. */
type CatalogSource =
  | { readonly kind: 'fixed'; readonly id: string }
  | { readonly kind: 'by'; readonly field: string; readonly ids: Readonly<Record<string, string>> };

/** One field to check, or a list field whose rows have fields to check. */
interface FieldCheck {
  readonly name: string;
  readonly symbol: string;
  readonly sensitive: boolean;
  readonly source?: CatalogSource;
  readonly rows?: readonly FieldCheck[];
  /** The field's last code, its catalog and verdict, and the run's verdicts they come from. */
  readonly last: LastVerdict;
  /** The run (its verdicts) in which a code of this field last met a catalog without values. */
  unloadedIn: Verdicts | undefined;
}

/**
 * The verdict a field's last code got: a record's neighbours mostly hold the same codes (a
 * school's province and commune, the nationality), which are then not looked up again.
 */
interface LastVerdict {
  verdicts: Verdicts | undefined;
  catalog: string;
  code: string;
  verdict: Verdict | undefined;
}

const lastVerdict = (): LastVerdict => ({
  verdicts: undefined,
  catalog: '',
  code: '',
  verdict: undefined,
});

const plans = new Map<string, readonly FieldCheck[]>();

/** The status catalogs, left to the lifecycle rules. */
const STATUS_CATALOGS: ReadonlySet<string> = new Set([
  'DM_TRANG_THAI_HOC_SINH',
  'DM_TRANG_THAI_CAN_BO',
]);

/** The catalog of a field, or `undefined` when it names none, only `DMDC`, or a closed set. */
function sourceOf(field: FieldInfo): CatalogSource | undefined {
  // A closed set fixed by law (TT27 levels, periods) is checked by the schema rule already.
  if (field.values !== undefined) return undefined;
  // Status codes are the lifecycle rules' (LIFE.STATUS.001, a query: the codes are partly
  // eduvn's): checking them here too would report one unknown status twice.
  if (field.catalogBy) return undefined;
  if (field.catalog !== undefined && STATUS_CATALOGS.has(field.catalog)) return undefined;
  // `DMDC` alone names no catalog (the one coded field §II gives none keeps it).
  if (field.catalog === undefined || field.catalog === 'DMDC') return undefined;
  return { kind: 'fixed', id: field.catalog };
}

/** The fields of an entity to check (cached per entity name; nested lists followed). */
function planOf(entity: string, depth = 0): readonly FieldCheck[] {
  const cached = plans.get(entity);
  if (cached) return cached;
  const schema = entityByName(entity);
  const checks: FieldCheck[] = [];
  if (schema && depth < 4) {
    for (const field of fieldsOf(schema)) {
      const base = {
        name: field.name,
        symbol: field.symbol,
        sensitive: field.sensitivity === 'sensitive',
        last: lastVerdict(),
        unloadedIn: undefined,
      };
      if (field.type === 'list' && field.entity !== undefined) {
        const rows = planOf(field.entity, depth + 1);
        if (rows.length > 0) checks.push({ ...base, rows });
        continue;
      }
      const source = sourceOf(field);
      if (source) checks.push({ ...base, source });
    }
  }
  plans.set(entity, checks);
  return checks;
}

/** What a code turned out to be. */
type Verdict =
  | { readonly kind: 'unknown'; readonly catalog: string; readonly version: string }
  /** The catalog has no values in force on the day: the code cannot be checked. */
  | { readonly kind: 'unloaded'; readonly catalog: string }
  | {
      readonly kind: 'pre-merger';
      readonly catalog: string;
      readonly level: AdminUnitLevel;
      readonly name: string;
    };

/** One code that is not valid on `asOf`, where it is. */
interface CodeFinding {
  readonly field: string;
  readonly symbol: string;
  readonly code: string;
  readonly sensitive: boolean;
  readonly verdict: Verdict;
}

/** Classifies a code of a catalog as of `settings.asOf`; `undefined` when nothing is to report. */
function judge(catalog: string, code: string, settings: RuleSettings): Verdict | undefined {
  const { catalogs, asOf } = settings;
  // No version on that day (values not loaded, or a catalog that ended, like the districts): the
  // code cannot be checked, which the report says once (`notChecked`).
  const version = catalogs.version(catalog, { asOf });
  if (!version) return unloaded(catalog);
  if (catalogs.has(catalog, code, { asOf })) return undefined;
  const level = ADMIN_LEVELS[catalog];
  if (level !== undefined && asOf >= ADMIN_MERGER_DAY) {
    const before = catalogs.lookup(catalog, code, { asOf: LAST_DAY_BEFORE_MERGER });
    if (before) return { kind: 'pre-merger', catalog, level, name: before.entry.name };
  }
  return { kind: 'unknown', catalog, version: version.version };
}

const unloadedVerdicts = new Map<string, Verdict>();

/** The one `'unloaded'` verdict of a catalog. */
function unloaded(catalog: string): Verdict {
  let v = unloadedVerdicts.get(catalog);
  if (!v) {
    v = { kind: 'unloaded', catalog };
    if (unloadedVerdicts.size < MAX_CODES_KEPT) unloadedVerdicts.set(catalog, v);
  }
  return v;
}

/** Verdicts by catalog, then code (`null`: nothing to report). */
type Verdicts = Map<string, Map<string, Verdict | null>>;

/**
 * The verdicts of each run: codes repeat from record to record (a province's communes, the ethnic
 * groups, two sexes), so each is judged once per run — up to a bound per catalog, beyond which
 * codes are judged every time.
 */
const verdictsOfRun = new WeakMap<RuleSettings, Verdicts>();
const MAX_CODES_KEPT = 10_000;

/** {@link judge}, remembered in the run's `verdicts`. */
function judgeOnce(
  catalog: string,
  code: string,
  settings: RuleSettings,
  verdicts: Verdicts,
): Verdict | undefined {
  let byCode = verdicts.get(catalog);
  if (!byCode) {
    byCode = new Map();
    verdicts.set(catalog, byCode);
  }
  let verdict = byCode.get(code);
  if (verdict === undefined) {
    verdict = judge(catalog, code, settings) ?? null;
    if (byCode.size < MAX_CODES_KEPT) byCode.set(code, verdict);
  }
  return verdict ?? undefined;
}

/**
 * Reads the fields of a list of checks from a record into `values`, in order: one load per field
 * with its name written out, so that records of one shape are read through inline caches — a
 * record lacks most coded fields, and asking each by a name held in a variable costs a lookup
 * every time. `busy` while its `values` are in use (a list nested in a record of its own entity
 * then reads by name).
 */
interface FieldReader {
  readonly read: ((record: object, values: unknown[]) => void) | undefined;
  readonly values: unknown[];
  busy: boolean;
}

const readers = new WeakMap<readonly FieldCheck[], FieldReader>();

function readerOf(checks: readonly FieldCheck[]): FieldReader {
  let reader = readers.get(checks);
  if (reader === undefined) {
    let read: FieldReader['read'];
    try {
      read = new Function(
        'record',
        'values',
        checks.map((c, k) => `values[${k}] = record[${JSON.stringify(c.name)}];`).join('\n'),
      ) as FieldReader['read'];
    } catch {
      // A Content Security Policy without `unsafe-eval`: fields are read by name.
      read = undefined;
    }
    reader = { read, values: new Array(checks.length).fill(undefined), busy: false };
    readers.set(checks, reader);
  }
  return reader;
}

function collect(
  record: Readonly<Record<string, unknown>>,
  checks: readonly FieldCheck[],
  settings: RuleSettings,
  verdicts: Verdicts,
  path: string,
  symbolPath: string,
  out: CodeFinding[],
): void {
  const reader = readerOf(checks);
  const values = reader.read !== undefined && !reader.busy ? reader.values : undefined;
  if (values !== undefined) {
    (reader.read as NonNullable<FieldReader['read']>)(record, values);
    reader.busy = true;
  }
  try {
    collectValues(record, checks, values, settings, verdicts, path, symbolPath, out);
  } finally {
    // The values stay until the next record's read overwrites every one: one record's at most.
    if (values !== undefined) reader.busy = false;
  }
}

function collectValues(
  record: Readonly<Record<string, unknown>>,
  checks: readonly FieldCheck[],
  values: readonly unknown[] | undefined,
  settings: RuleSettings,
  verdicts: Verdicts,
  path: string,
  symbolPath: string,
  out: CodeFinding[],
): void {
  for (let k = 0; k < checks.length; k++) {
    const check = checks[k] as FieldCheck;
    const value = values === undefined ? record[check.name] : values[k];
    if (value === undefined || value === null) continue;
    if (check.rows) {
      if (!Array.isArray(value)) continue;
      const field = `${path}${check.name}`;
      const symbol = `${symbolPath}${check.symbol}`;
      for (let i = 0; i < value.length; i++) {
        const row: unknown = value[i];
        if (typeof row === 'object' && row !== null) {
          collect(
            row as Record<string, unknown>,
            check.rows,
            settings,
            verdicts,
            `${field}.${i}.`,
            `${symbol}.${i}.`,
            out,
          );
        }
      }
      continue;
    }
    // A value that is not a non-empty string is a structural problem (STD.SCHEMA.001).
    if (typeof value !== 'string' || value === '' || !check.source) continue;
    const source = check.source;
    let catalog: string | undefined;
    if (source.kind === 'fixed') catalog = source.id;
    else {
      const selector = record[source.field];
      catalog = typeof selector === 'string' ? source.ids[selector] : undefined;
    }
    if (catalog === undefined) continue;
    const last = check.last;
    let verdict: Verdict | undefined;
    if (last.verdicts === verdicts && last.code === value && last.catalog === catalog) {
      verdict = last.verdict;
    } else {
      verdict = judgeOnce(catalog, value, settings, verdicts);
      last.verdicts = verdicts;
      last.catalog = catalog;
      last.code = value;
      last.verdict = verdict;
    }
    if (verdict?.kind === 'unloaded') {
      // Said once per run and field, not once per record.
      if (check.unloadedIn === verdicts) continue;
      check.unloadedIn = verdicts;
    }
    if (verdict) {
      out.push({
        field: `${path}${check.name}`,
        symbol: `${symbolPath}${check.symbol}`,
        code: value,
        sensitive: check.sensitive,
        verdict,
      });
    }
  }
}

const NO_FINDINGS: readonly CodeFinding[] = Object.freeze([]);

/** The settings {@link findingsOf} was last called with, and their run's verdicts. */
let lastSettings: RuleSettings | undefined;
let lastVerdicts: Verdicts | undefined;

/** The codes of a record not valid on `asOf`, found once per record for both rules. */
const findingsOf = perRecord((item: InputRecord, settings: RuleSettings) => {
  let verdicts = settings === lastSettings ? lastVerdicts : verdictsOfRun.get(settings);
  if (!verdicts) {
    verdicts = new Map();
    verdictsOfRun.set(settings, verdicts);
  }
  lastSettings = settings;
  lastVerdicts = verdicts;
  // Most records have no finding: collected into a scratch list, copied only when one is found.
  scratch.length = 0;
  collect(item.record, planOf(item.entity), settings, verdicts, '', '', scratch);
  return scratch.length === 0 ? NO_FINDINGS : scratch.slice();
});

/** The list {@link findingsOf} collects into (records are checked one at a time). */
const scratch: CodeFinding[] = [];

const MAX_SHOWN = 40;

/** A code as a message may show it: masked for a sensitive field, shortened when long. */
function shown(code: string, sensitive: boolean): string {
  if (sensitive) return maskText(code);
  const chars = [...code];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : code;
}

/**
 * `CAT.CODE.001`: a code that is not in its catalog as of `settings.asOf`. Checked for **every**
 * field whose metadata names a real catalog — found by going through the field metadata of each
 * entity, never a list kept here (`DM_DAN_TOC`, `DM_TON_GIAO`, `DM_TINH`, `DM_XA`, …) — rows of sub-tables
 * included, **whenever the loaded catalogs (`settings.catalogs`) hold a version on that day**: a
 * catalog whose values are not loaded (no versions), or with no version then (the districts after
 * 2025-06-30), gives no finding, and the report's `notChecked` names the field and the catalog
 * once (for fields that held a code). Loading a pack, such as the catalog sheets of a Ministry
 * template, switches the check on for its catalogs. Fields with a closed set of values
 * (`values` in the metadata) are left to the schema rule. A pre-merger administrative code is
 * reported by {@link preMergerAdminCode} instead. Codes of sensitive fields (ethnicity) are masked.
 */
export const codeNotInCatalog: RecordRule = defineRule({
  id: 'CAT.CODE.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: 'QĐ 4998/QĐ-BGDĐT §II',
  message: {
    vi: 'Mã "{code}" của trường {symbol} không có trong danh mục {catalog} (phiên bản {version}) có hiệu lực ngày {asOf}',
    en: 'Code "{code}" of field {symbol} is not in catalog {catalog} (version {version}) in force on {asOf}',
  },
  hint: {
    vi: 'Chọn một mã của danh mục {catalog} có hiệu lực ngày {asOf}, hoặc nạp phiên bản danh mục mà dữ liệu dùng',
    en: 'Use a code of catalog {catalog} in force on {asOf}, or load the catalog version the data use',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const findings = findingsOf(item, ctx.settings);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i] as CodeFinding;
      if (f.verdict.kind === 'unloaded') {
        ctx.notChecked(
          [f.field.replace(/\.\d+\./g, '.')],
          unloadedReason(f.verdict.catalog, ctx.settings.asOf),
        );
        continue;
      }
      if (f.verdict.kind !== 'unknown') continue;
      ctx.report({
        field: f.field,
        params: {
          code: shown(f.code, f.sensitive),
          symbol: f.symbol,
          catalog: f.verdict.catalog,
          version: f.verdict.version,
          asOf: ctx.settings.asOf,
        },
      });
    }
  },
});

/** Why the codes of a catalog without values on `asOf` were not checked. */
function unloadedReason(
  catalog: string,
  asOf: string,
): { readonly vi: string; readonly en: string } {
  return {
    vi: `Danh mục ${catalog} không có giá trị hiệu lực ngày ${asOf} (chưa nạp): không kiểm tra được mã của trường này; nạp danh mục (ví dụ các sheet danh mục của mẫu nhập liệu của Bộ) để kiểm tra`,
    en: `Catalog ${catalog} has no values in force on ${asOf} (not loaded): the codes of this field were not checked; load the catalog (e.g. the catalog sheets of a Ministry template) to check them`,
  };
}

const LEVEL_NAMES: Readonly<Record<AdminUnitLevel, { readonly vi: string; readonly en: string }>> =
  {
    province: { vi: 'tỉnh', en: 'province' },
    commune: { vi: 'xã/phường', en: 'commune' },
  };

/**
 * `CAT.ADMIN.001`: an administrative code of the list before 2025-07-01 — valid on 2025-06-30, not
 * valid on `settings.asOf` — on data as of 2025-07-01 or later. A **query**, never a silent fix: the
 * message names the candidate new codes from `successors(level, code)` with their coverage
 * (`whole`: the old unit went wholly into that one; `part`: it was split and a person must decide
 * from the address). The correspondence itself is a spot-checked suggestion (dvhcvn/20250701).
 *
 * Codes were reused with another meaning on 2025-07-01: an old code that is also a valid code of
 * the new list cannot be told apart from it and is not reported.
 */
export const preMergerAdminCode: RecordRule = defineRule({
  id: 'CAT.ADMIN.001',
  entity: '*',
  scope: 'record',
  severity: 'query',
  basis: 'QĐ 19/2025/QĐ-TTg; Công văn 915/CTK-CSCL, 1027/CTK-CSCL',
  message: {
    vi: 'Mã {levelVi} "{code}" ({name}) ở trường {symbol} là mã trước ngày 01/07/2025, không còn hiệu lực ngày {asOf}; mã mới có thể là: {candidatesVi}',
    en: 'The {levelEn} code "{code}" ({name}) of field {symbol} is from before 2025-07-01 and not valid on {asOf}; the new code may be: {candidatesEn}',
  },
  hint: {
    vi: 'Đối chiếu với địa chỉ thực tế rồi sửa thành một mã mới; bảng chuyển đổi chỉ là gợi ý, không tự động thay thế',
    en: 'Check the actual address and change it to a new code yourself; the correspondence is a suggestion and is never applied automatically',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const findings = findingsOf(item, ctx.settings);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i] as CodeFinding;
      const v = f.verdict;
      if (v.kind !== 'pre-merger') continue;
      const candidates = f.sensitive ? [] : successors(v.level, f.code);
      const list = (lang: 'vi' | 'en'): string =>
        candidates.length === 0
          ? lang === 'vi'
            ? '(không rõ)'
            : '(none known)'
          : candidates
              .map((c) => {
                const coverage =
                  c.coverage === 'full'
                    ? lang === 'vi'
                      ? 'toàn bộ'
                      : 'whole'
                    : lang === 'vi'
                      ? 'một phần'
                      : 'part';
                return `${c.code} ${c.name} (${coverage})`;
              })
              .join('; ');
      ctx.report({
        field: f.field,
        params: {
          code: shown(f.code, f.sensitive),
          name: f.sensitive ? '…' : v.name,
          symbol: f.symbol,
          levelVi: LEVEL_NAMES[v.level].vi,
          levelEn: LEVEL_NAMES[v.level].en,
          asOf: ctx.settings.asOf,
          candidatesVi: list('vi'),
          candidatesEn: list('en'),
        },
      });
    }
  },
});

/**
 * The catalog rules: {@link codeNotInCatalog} (`CAT.CODE.001`, error) and
 * {@link preMergerAdminCode} (`CAT.ADMIN.001`, query). Both read catalogs as of `settings.asOf`.
 */
export const catalogRules: readonly RecordRule[] = [codeNotInCatalog, preMergerAdminCode];
