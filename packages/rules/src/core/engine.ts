import { batchesOf } from './batches.ts';
import { classOf, maskRecordKey, recordKeyOf, symbolOf } from './keys.ts';
import {
  evidenceOf,
  missingEvidence,
  missingEvidenceReason,
  type NotChecked,
  type ResolvedLayout,
  resolveLayout,
  type SourceLayout,
} from './layout.ts';
import { localize } from './localize.ts';
import { closeRecordScope, openRecordScope } from './record-scope.ts';
import type { Acknowledgement, Issue, IssueCounts, Report } from './report.ts';
import { locate } from './report.ts';
import type {
  ChangeRule,
  DatasetContext,
  DatasetRule,
  RecordContext,
  RecordRule,
  Rule,
} from './rule.ts';
import { resolveSettings, type SettingsInput } from './settings.ts';
import { needsSync } from './sync-gate.ts';
import type { Finding, InputRecord, Localized, RuleSettings, Severity } from './types.ts';

/** Which rules run, and how serious their findings are. */
export interface RuleSelection {
  /** Run only these rules: ids, or prefixes ending in `.` (`'TT27.'`). */
  readonly only?: readonly string[];
  /** Do not run these rules: ids or prefixes as in `only`. */
  readonly skip?: readonly string[];
  /** Severity overrides by rule id (a query made an error, or the reverse). */
  readonly severity?: Readonly<Record<string, Severity>>;
}

/** Options of {@link runRules}. */
export interface EngineOptions extends SettingsInput {
  /** The previous snapshot, for change rules (identifiers changed, records disappeared). */
  readonly previous?: Iterable<InputRecord> | AsyncIterable<InputRecord>;
  /** Recorded acknowledgements of queries (see `acknowledge`). */
  readonly acknowledgements?: readonly Acknowledgement[];
  /** Rule selection and severity overrides. */
  readonly rules?: RuleSelection;
  /**
   * What the source layout can hold: per entity, the canonical fields (top-level names) it
   * carries; an entity not listed carries everything. A rule whose `evidence` the layout does not
   * carry is not run on that entity's records, schema issues about a field the layout lacks (and
   * the record does not hold) are not reported per record, and `Report.notChecked` says once per
   * entity which checks were not possible and why. A field present but blank is still reported
   * per record. With a layout listing every field, the report is the one without a layout.
   */
  readonly layout?: SourceLayout;
  /**
   * Every entity the input holds records of, when known before the records are read (`checkFiles`
   * of `@eduvn/check` knows it from the files' adapters). A rule checking references between
   * records (`RuleInfo.references`) whose referenced entity is not listed cannot conclude and is
   * not run — `notChecked` says so once — nor one whose referencing entity is not listed (nothing
   * to check). Absent: any entity may come, and such rules run on what comes. A record of an
   * entity not listed is an error (`TypeError`): a rule it concerns may not have run. At most
   * 1,000 names.
   */
  readonly inputEntities?: readonly string[];
}

const matches = (id: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => (p.endsWith('.') ? id.startsWith(p) : id === p));

/** The rules that run with these settings and this selection. */
export function selectRules(
  rules: readonly Rule[],
  settings: RuleSettings,
  selection: RuleSelection = {},
): Rule[] {
  return rules.filter(
    (rule) =>
      (selection.only === undefined || matches(rule.id, selection.only)) &&
      !matches(rule.id, selection.skip ?? []) &&
      (rule.periods === undefined ||
        (settings.period !== undefined && rule.periods.includes(settings.period))),
  );
}

/**
 * The rules that apply to one entity, each with its function at hand (entries of one shape, so
 * that the loop over them reads no rule object's properties) and, for dataset and change rules,
 * its state.
 */
interface EntityPlan {
  readonly record: readonly { readonly rule: RecordRule; readonly check: RecordRule['check'] }[];
  /** The record rules for a record without sync bookkeeping: those not marked `onlyWithSync`. */
  readonly recordWithoutSync: EntityPlan['record'];
  readonly dataset: readonly {
    readonly rule: DatasetRule;
    readonly collect: DatasetRule['collect'];
    readonly state: unknown;
  }[];
  readonly change: readonly { readonly rule: ChangeRule; readonly state: unknown }[];
  /** The fields the entity's source layout carries; `undefined`: every field. */
  readonly carried: ReadonlySet<string> | undefined;
}

const appliesTo = (rule: Rule, entity: string): boolean =>
  rule.entity === '*' ||
  rule.entity === entity ||
  (Array.isArray(rule.entity) && rule.entity.includes(entity));

/**
 * Feeds every item to `visit`: synchronously for a synchronous source, no promise per record; a
 * batch at a time for records streamed in batches (`inBatches`).
 */
async function forEach<T>(
  input: Iterable<T> | AsyncIterable<T>,
  visit: (item: T) => void,
): Promise<void> {
  const batches = batchesOf(input) as AsyncIterable<readonly T[]> | undefined;
  if (batches !== undefined) {
    // Records in batches (`inBatches`): one wait per batch.
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i++) visit(batch[i] as T);
    }
  } else if (Symbol.asyncIterator in input) {
    for await (const item of input as AsyncIterable<T>) visit(item);
  } else if (Array.isArray(input)) {
    // An array, read by index: what its iterator would give, without an iterator.
    for (let i = 0; i < input.length; i++) visit(input[i] as T);
  } else {
    for (const item of input as Iterable<T>) visit(item);
  }
}

/** Visits every item of a synchronous source, an array by index (no iterator). */
function forEachSync<T>(input: Iterable<T>, visit: (item: T) => void): void {
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) visit(input[i] as T);
  } else {
    for (const item of input) visit(item);
  }
}

/**
 * Runs rules over records (an array, any iterable, or an `AsyncIterable` streamed from a reader):
 * record rules as the records stream by, dataset and change rules on the keys they keep, then
 * localizes, locates and counts every finding into a {@link Report}. The built-in rule set is run
 * by `validate`; this is the engine for any rule set.
 */
export async function runRules(
  input: Iterable<InputRecord> | AsyncIterable<InputRecord>,
  rules: readonly Rule[],
  options: EngineOptions = {},
): Promise<Report> {
  const run = startRun(rules, options);
  if (options.previous && run.comparesPrevious) await forEach(options.previous, run.previous);
  await forEach(input, run.visit);
  return run.finish();
}

/** {@link EngineOptions} for a synchronous run: the previous snapshot, if any, is an iterable too. */
export interface SyncEngineOptions extends Omit<EngineOptions, 'previous'> {
  /** The previous snapshot, for change rules. */
  readonly previous?: Iterable<InputRecord>;
}

/**
 * {@link runRules} over records already in memory (an array or any iterable), synchronously: the
 * same rules, findings and report, without a promise — for a server checking one write inside a
 * database transaction, or a test matcher.
 */
export function runRulesSync(
  input: Iterable<InputRecord>,
  rules: readonly Rule[],
  options: SyncEngineOptions = {},
): Report {
  const run = startRun(rules, options);
  if (options.previous && run.comparesPrevious) forEachSync(options.previous, run.previous);
  forEachSync(input, run.visit);
  return run.finish();
}

/** One run of the engine: feed the previous snapshot, then the records, then finish. */
interface Run {
  /** Whether change rules run (a previous snapshot was given and change rules are selected). */
  readonly comparesPrevious: boolean;
  /** Feeds a record of the previous snapshot. */
  readonly previous: (item: InputRecord) => void;
  /** Feeds a record. */
  readonly visit: (item: InputRecord) => void;
  /** Runs dataset and change rules and builds the report. */
  readonly finish: () => Report;
}

/** The most `notChecked` entries a run gathers (entities × rules × reasons); later ones are merged away. */
const MAX_NOT_CHECKED = 1_000;
/** The most fields one `notChecked` entry lists. */
const MAX_NOT_CHECKED_FIELDS = 1_000;

/**
 * What a layout rules out before any record is read: for each entity it lists, the fields the
 * rules with `layoutGaps` cannot check, and the rules whose evidence it lacks — record rules not
 * run on that entity, dataset and change rules (which compare records) not run at all.
 */
function planLayout(
  layout: ResolvedLayout,
  selected: readonly Rule[],
): {
  readonly entries: NotChecked[];
  readonly offRecord: Set<string>;
  readonly offWhole: Set<Rule>;
} {
  const entries: NotChecked[] = [];
  const offRecord = new Set<string>();
  const offWhole = new Set<Rule>();
  for (const [entity, carried] of layout) {
    for (const rule of selected) {
      if (!appliesTo(rule, entity)) continue;
      const gap = rule.layoutGaps?.(entity, carried);
      if (gap && gap.fields.length > 0)
        entries.push({ entity, fields: [...gap.fields], reason: gap.reason });
    }
    for (const rule of selected) {
      if (!appliesTo(rule, entity)) continue;
      const missing = missingEvidence(rule, entity, carried);
      if (missing.length === 0) continue;
      entries.push({
        entity,
        ruleId: rule.id,
        fields: missing,
        reason: missingEvidenceReason(rule, missing),
      });
      if (rule.scope === 'record') offRecord.add(`${rule.id}\u0000${entity}`);
      else offWhole.add(rule);
    }
  }
  return { entries, offRecord, offWhole };
}

/** The most names `inputEntities` may list. */
const MAX_INPUT_ENTITIES = 1_000;

/** Checks and indexes `inputEntities` (`undefined`: not given). */
function resolveInputEntities(entities: unknown): ReadonlySet<string> | undefined {
  if (entities === undefined) return undefined;
  if (!Array.isArray(entities) || entities.some((e) => typeof e !== 'string'))
    throw new TypeError('inputEntities: expected an array of entity names');
  if (entities.length > MAX_INPUT_ENTITIES)
    throw new RangeError(`inputEntities: more than ${MAX_INPUT_ENTITIES} names`);
  return new Set(entities as readonly string[]);
}

/**
 * The reference rules that cannot run on an input holding only `held`: those whose referenced or
 * referencing entity is absent, with a `notChecked` entry when records that refer are present
 * and what they refer to is not.
 */
function planReferences(
  held: ReadonlySet<string>,
  selected: readonly Rule[],
): { readonly entries: NotChecked[]; readonly off: Set<Rule> } {
  const entries: NotChecked[] = [];
  const off = new Set<Rule>();
  for (const rule of selected) {
    const refs = rule.references;
    if (refs === undefined || (held.has(refs.from) && held.has(refs.to))) continue;
    off.add(rule);
    if (!held.has(refs.from)) continue;
    entries.push({
      entity: refs.from,
      ruleId: rule.id,
      fields: [...evidenceOf(rule, refs.from)],
      reason: {
        vi: `Dữ liệu đầu vào không có bản ghi ${refs.to}: không đối chiếu được tham chiếu tới các bản ghi này nên quy tắc không chạy`,
        en: `The input holds no ${refs.to} records: references to them cannot be checked, so the rule was not run`,
      },
    });
  }
  return { entries, off };
}

function startRun(rules: readonly Rule[], options: EngineOptions | SyncEngineOptions): Run {
  const settings = resolveSettings(options);
  const layout = resolveLayout(options.layout);
  const held = resolveInputEntities(options.inputEntities);
  const chosen = selectRules(rules, settings, options.rules);
  const layoutPlan = layout ? planLayout(layout, chosen) : undefined;
  const referencePlan = held ? planReferences(held, chosen) : undefined;
  const selected = chosen.filter((r) => !layoutPlan?.offWhole.has(r) && !referencePlan?.off.has(r));
  const notChecked = new Map<string, { entry: NotChecked; fields: Set<string> }>();
  for (const entry of [...(layoutPlan?.entries ?? []), ...(referencePlan?.entries ?? [])]) {
    notChecked.set(`${entry.entity}\u0000${entry.ruleId ?? ''}\u0000${entry.reason.en}`, {
      entry,
      fields: new Set(entry.fields),
    });
  }
  const noteNotChecked = (
    entity: string,
    ruleId: string,
    fields: readonly string[],
    reason: Localized,
  ): void => {
    const key = `${entity}\u0000${ruleId}\u0000${reason.en}`;
    let found = notChecked.get(key);
    if (!found) {
      if (notChecked.size >= MAX_NOT_CHECKED) return;
      found = { entry: { entity, ruleId, fields: [], reason }, fields: new Set() };
      notChecked.set(key, found);
    }
    for (const field of fields)
      if (found.fields.size < MAX_NOT_CHECKED_FIELDS) found.fields.add(field);
  };
  const overrides = options.rules?.severity ?? {};
  const acks = new Map(
    (options.acknowledgements ?? []).map((a) => [`${a.ruleId}|${a.recordKey}`, a]),
  );
  const issues: Issue[] = [];

  const emit = (
    rule: Rule,
    finding: Finding,
    entity: string,
    recordKey: string,
    provenance: InputRecord['provenance'],
    classCode: string | undefined,
  ): void => {
    const severity = overrides[rule.id] ?? rule.severity;
    const ack =
      severity === 'query'
        ? (acks.get(`${rule.id}|${recordKey}`) ??
          acks.get(`${rule.id}|${maskRecordKey(recordKey)}`))
        : undefined;
    const field = finding.field;
    const symbol = symbolOf(entity, field);
    const location = locate(provenance, field);
    // Built property by property (no spreads, which cost more than the rest of the issue), in the
    // order reports have always shown.
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = {
      ruleId: rule.id,
      severity,
      basis: rule.basis,
      entity,
      recordKey,
    } as Issue;
    if (field !== undefined) issue.field = field;
    if (symbol !== undefined) issue.symbol = symbol;
    if (classCode !== undefined) issue.classCode = classCode;
    if (location !== undefined) issue.location = location;
    issue.message = localize(rule.message, finding.params);
    issue.hint = localize(rule.hint, finding.params);
    if (ack) issue.acknowledged = { note: ack.note, by: ack.by, at: ack.at };
    issues.push(issue);
  };

  const recordRules = selected.filter((r): r is RecordRule => r.scope === 'record');
  const datasetRules = selected.filter((r): r is DatasetRule => r.scope === 'dataset');
  // Change rules compare with a previous snapshot: without one there is nothing to compare.
  const changeRules = options.previous
    ? selected.filter((r): r is ChangeRule => r.scope === 'change')
    : [];
  const datasetStates = new Map<Rule, unknown>(datasetRules.map((r) => [r, r.init(settings)]));
  const changeStates = new Map<Rule, unknown>(changeRules.map((r) => [r, r.init(settings)]));
  const byEntity = new Map<string, EntityPlan>();
  const rulesFor = (entity: string): EntityPlan => {
    let found = byEntity.get(entity);
    if (!found) {
      const off = layoutPlan?.offRecord;
      const record = recordRules
        .filter((r) => appliesTo(r, entity) && !off?.has(`${r.id}\u0000${entity}`))
        .map((rule) => ({ rule, check: rule.check }));
      found = {
        record,
        recordWithoutSync: record.filter(({ rule }) => !needsSync(rule)),
        dataset: datasetRules
          .filter((r) => appliesTo(r, entity))
          .map((rule) => ({ rule, collect: rule.collect, state: datasetStates.get(rule) })),
        change: changeRules
          .filter((r) => appliesTo(r, entity))
          .map((rule) => ({ rule, state: changeStates.get(rule) })),
        carried: layout?.get(entity),
      };
      byEntity.set(entity, found);
    }
    return found;
  };

  const previous = (item: InputRecord): void => {
    for (const { rule, state } of rulesFor(item.entity).change)
      rule.previous(item, state, settings);
  };

  let current: InputRecord | undefined;
  let currentRule: Rule | undefined;
  // The current record's key, computed when a finding needs it (most records have none).
  let currentKey: string | undefined;
  const keyOfCurrent = (item: InputRecord): string => {
    currentKey ??= recordKeyOf(item);
    return currentKey;
  };
  // The fields the current record's layout carries (`undefined`: every field).
  let carried: ReadonlySet<string> | undefined;
  const recordContext: RecordContext = {
    settings,
    carries(field) {
      if (carried === undefined) return true;
      const dot = field.indexOf('.');
      return carried.has(dot < 0 ? field : field.slice(0, dot));
    },
    notChecked(fields, reason) {
      if (!current || !currentRule) return;
      noteNotChecked(current.entity, currentRule.id, fields, reason);
    },
    report(finding = {}) {
      if (!current || !currentRule) return;
      const t = finding.target;
      if (t) emit(currentRule, finding, t.entity, t.recordKey, t.provenance, t.classCode);
      else
        emit(
          currentRule,
          finding,
          current.entity,
          keyOfCurrent(current),
          current.provenance,
          classOf(current),
        );
    },
  };
  let records = 0;
  // Records usually come grouped by entity: the last entity's plan is kept at hand.
  let lastEntity: string | undefined;
  let lastPlan: EntityPlan | undefined;
  const visit = (item: InputRecord): void => {
    records++;
    let applicable = lastPlan;
    if (applicable === undefined || item.entity !== lastEntity) {
      if (held !== undefined && !held.has(item.entity)) {
        throw new TypeError(
          `A record of ${JSON.stringify(String(item.entity).slice(0, 60))}, an entity inputEntities does not list: rules about it may not have run`,
        );
      }
      applicable = rulesFor(item.entity);
      lastEntity = item.entity;
      lastPlan = applicable;
    }
    current = item;
    currentKey = undefined;
    carried = applicable.carried;
    openRecordScope();
    try {
      const record = item.sync ? applicable.record : applicable.recordWithoutSync;
      for (let i = 0; i < record.length; i++) {
        const { rule, check } = record[i] as EntityPlan['record'][number];
        currentRule = rule;
        try {
          check.call(rule, item, recordContext);
        } catch (error) {
          throw new Error(
            `Rule ${rule.id} failed on ${item.entity} ${keyOfCurrent(item)}: ${(error as Error).message}`,
            { cause: error },
          );
        }
      }
      const dataset = applicable.dataset;
      for (let i = 0; i < dataset.length; i++) {
        const { rule, collect, state } = dataset[i] as EntityPlan['dataset'][number];
        collect.call(rule, item, state, settings);
      }
      const change = applicable.change;
      for (let i = 0; i < change.length; i++) {
        const { rule, state } = change[i] as EntityPlan['change'][number];
        rule.current(item, state, settings);
      }
    } finally {
      closeRecordScope();
    }
  };

  const finish = (): Report => {
    current = undefined;
    for (const rule of [...datasetRules, ...changeRules]) {
      const ctx: DatasetContext = {
        settings,
        report: (finding) =>
          emit(
            rule,
            finding,
            finding.target.entity,
            finding.target.recordKey,
            finding.target.provenance,
            finding.target.classCode,
          ),
      };
      rule.finish((rule.scope === 'dataset' ? datasetStates : changeStates).get(rule), ctx);
    }
    const gathered = [...notChecked.values()].map(({ entry, fields }) => ({
      ...entry,
      fields: [...fields],
    }));
    return buildReport(
      issues,
      records,
      settings,
      [...recordRules, ...datasetRules, ...changeRules],
      gathered,
    );
  };

  return { comparesPrevious: changeRules.length > 0, previous, visit, finish };
}

const zero = (): { error: number; query: number; acknowledged: number } => ({
  error: 0,
  query: 0,
  acknowledged: 0,
});

function count(target: { error: number; query: number; acknowledged: number }, issue: Issue): void {
  if (issue.severity === 'error') target.error++;
  else if (issue.acknowledged) target.acknowledged++;
  else target.query++;
}

function buildReport(
  issues: Issue[],
  records: number,
  settings: RuleSettings,
  rules: readonly Rule[],
  notChecked: readonly NotChecked[],
): Report {
  const bySeverity = zero();
  const byRule: Record<string, IssueCounts> = Object.create(null);
  const byClass: Record<string, IssueCounts> = Object.create(null);
  for (const issue of issues) {
    count(bySeverity, issue);
    byRule[issue.ruleId] ??= zero();
    count(byRule[issue.ruleId] as ReturnType<typeof zero>, issue);
    if (issue.classCode !== undefined) {
      byClass[issue.classCode] ??= zero();
      count(byClass[issue.classCode] as ReturnType<typeof zero>, issue);
    }
  }
  return {
    issues,
    summary: { records, bySeverity, byRule: { ...byRule }, byClass: { ...byClass } },
    passes: bySeverity.error === 0 && bySeverity.query === 0,
    asOf: settings.asOf,
    ...(settings.period === undefined ? {} : { period: settings.period }),
    rules: rules.map((r) => r.id),
    notChecked,
  };
}
