import type {
  Finding,
  InputRecord,
  Localized,
  ReportingPeriod,
  RuleScope,
  RuleSettings,
  Severity,
} from './types.ts';

/** What every rule states, whatever its scope. */
export interface RuleInfo {
  /**
   * A stable identifier, never reused: `AREA.TOPIC.NNN` (`ID.PERSONAL.002`, `TT27.RESULT.001`).
   * See the rule catalog (`docs/rules.md`).
   */
  readonly id: string;
  /** The entities it applies to (`'*'`: every entity). */
  readonly entity: string | readonly string[];
  /** What it looks at. */
  readonly scope: RuleScope;
  /** How serious a finding is (callers may override it per rule). */
  readonly severity: Severity;
  /** The legal citation (`TT 42/2021 Art. 10`) or `eduvn` for data-quality rules. */
  readonly basis: string;
  /** The message, in both languages; `{name}` is replaced by the finding's params. */
  readonly message: Localized;
  /** How to fix it, in both languages; params as in the message. */
  readonly hint: Localized;
  /** The reporting periods whose rule set it belongs to; absent: it always runs. */
  readonly periods?: readonly ReportingPeriod[];
  /**
   * The canonical fields (top-level names) the rule needs as evidence: one list for every entity
   * it applies to, or a list per entity. When a source layout (`layout` option of `validate`) does
   * not carry one of them, the rule cannot conclude — a field the layout lacks is not a field left
   * blank — so it is not run on that entity's records (a dataset or change rule, which compares
   * records, is not run at all) and the report says so once in `notChecked`. Absent: the rule
   * needs no particular field (it checks only values that are there).
   */
  readonly evidence?: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /**
   * For a rule that checks fields one by one and leaves out itself those a layout lacks (the
   * schema rule): which fields of `entity` it cannot check with a layout carrying only `carried`,
   * and why — one `notChecked` entry (without a rule id) per entity. `undefined`: nothing to say.
   */
  readonly layoutGaps?: (entity: string, carried: ReadonlySet<string>) => LayoutGap | undefined;
  /**
   * For a dataset rule that checks references between records: that records of `from` refer to
   * records of `to` present in the input (a pupil's class, an assessment's pupil). Without records
   * of `to` it cannot conclude, without records of `from` it has nothing to check; when the
   * caller says which entities the input holds (`inputEntities` of `validate`) and one of the two
   * is not among them, the rule is not run, and `notChecked` says so once for `from` when `to` is
   * the one missing. Both must be entities the rule applies to.
   */
  readonly references?: RuleReferences;
}

/** The references a dataset rule checks (see `RuleInfo.references`). */
export interface RuleReferences {
  /** The entity whose records refer (a pupil, by its class code). */
  readonly from: string;
  /** The entity referred to (the class). */
  readonly to: string;
}

/** What a rule cannot check with a layout (see `RuleInfo.layoutGaps`). */
export interface LayoutGap {
  /** The fields it cannot check. */
  readonly fields: readonly string[];
  /** Why, in both languages. */
  readonly reason: Localized;
}

/** Reports findings about the record being checked. */
export interface RecordContext {
  /** The resolved settings. */
  readonly settings: RuleSettings;
  /** Reports a problem with the current record. */
  report(finding?: Finding): void;
  /**
   * Whether the source layout of the current record's entity carries a field (its top-level name
   * is taken from a path such as `'monHocs.0.diemKtdk'`); always `true` without a layout, or for
   * an entity the layout does not list.
   */
  carries(field: string): boolean;
  /**
   * Says that the rule could not check these fields of the current record's entity, and why (a
   * catalog without values): gathered once per entity, rule and reason into `Report.notChecked`.
   */
  notChecked(fields: readonly string[], reason: Localized): void;
}

/** Reports findings about any record (dataset and change rules name the record in `target`). */
export interface DatasetContext {
  /** The resolved settings. */
  readonly settings: RuleSettings;
  /** Reports a problem; `finding.target` names the record. */
  report(finding: Finding & { readonly target: NonNullable<Finding['target']> }): void;
}

/** A rule that checks one record at a time (records stream through it). */
export interface RecordRule extends RuleInfo {
  /** Always `'record'`. */
  readonly scope: 'record';
  /** Checks one record; calls `ctx.report` for each problem. */
  check(item: InputRecord, ctx: RecordContext): void;
}

/**
 * A rule across records. It keeps a state of its own — only keys and what it needs, never whole
 * records — fed record by record, and reports when the input ends.
 */
export interface DatasetRule<S = unknown> extends RuleInfo {
  /** Always `'dataset'`. */
  readonly scope: 'dataset';
  /** A fresh state for one run. */
  init(settings: RuleSettings): S;
  /** Takes note of one record. */
  collect(item: InputRecord, state: S, settings: RuleSettings): void;
  /** Reports, once every record has been seen. */
  finish(state: S, ctx: DatasetContext): void;
}

/** A rule between the previous snapshot and this one. */
export interface ChangeRule<S = unknown> extends RuleInfo {
  /** Always `'change'`. */
  readonly scope: 'change';
  /** A fresh state for one run. */
  init(settings: RuleSettings): S;
  /** Takes note of one record of the previous snapshot. */
  previous(item: InputRecord, state: S, settings: RuleSettings): void;
  /** Takes note of one record of the current data. */
  current(item: InputRecord, state: S, settings: RuleSettings): void;
  /** Reports, once both snapshots have been seen. */
  finish(state: S, ctx: DatasetContext): void;
}

/** Any rule. */
// biome-ignore lint/suspicious/noExplicitAny: rules keep states of their own types.
export type Rule = RecordRule | DatasetRule<any> | ChangeRule<any>;

const ID = /^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*\.\d{3}$/;

/**
 * Defines a rule, checking what can be checked at definition time: the id's form
 * (`AREA.TOPIC.NNN`), both languages of the message and hint, and a basis.
 *
 * @example
 * ```ts
 * const nameTrimmed = defineRule({
 *   id: 'DQ.NAME.001', entity: 'HocSinh', scope: 'record', severity: 'query', basis: 'eduvn',
 *   message: { vi: 'Họ tên chưa chuẩn hoá', en: 'The name is not normalized' },
 *   hint: { vi: 'Bỏ khoảng trắng thừa', en: 'Remove extra white space' },
 *   check(item, ctx) { if (item.record['hoTen'] !== normalizeText(String(item.record['hoTen']))) ctx.report({ field: 'hoTen' }); },
 * });
 * ```
 */
export function defineRule<R extends Rule>(rule: R): R {
  if (!ID.test(rule.id)) {
    throw new TypeError(
      `defineRule: id ${JSON.stringify(rule.id)} is not of the form AREA.TOPIC.NNN`,
    );
  }
  for (const [what, text] of [
    ['message', rule.message],
    ['hint', rule.hint],
  ] as const) {
    if (!text?.vi?.trim() || !text.en?.trim()) {
      throw new TypeError(
        `defineRule ${rule.id}: the ${what} needs both a Vietnamese and an English text`,
      );
    }
  }
  if (!rule.basis.trim())
    throw new TypeError(`defineRule ${rule.id}: a basis is required (a citation or 'eduvn')`);
  if (rule.evidence !== undefined) checkEvidence(rule);
  if (rule.references !== undefined) checkReferences(rule);
  return rule;
}

const isFieldList = (v: unknown): v is readonly string[] =>
  Array.isArray(v) && v.every((f) => typeof f === 'string' && /^[A-Za-z_$][\w$]*$/.test(f));

/** Checks a rule's evidence: field names, and entities the rule applies to. */
function checkEvidence(rule: Rule): void {
  const e: unknown = rule.evidence;
  if (isFieldList(e)) return;
  const bad = (): never => {
    throw new TypeError(
      `defineRule ${rule.id}: evidence must be a list of field names, or such lists by entity`,
    );
  };
  if (typeof e !== 'object' || e === null || Array.isArray(e)) bad();
  const entities =
    rule.entity === '*' ? undefined : Array.isArray(rule.entity) ? rule.entity : [rule.entity];
  for (const [entity, fields] of Object.entries(e as Record<string, unknown>)) {
    if (!isFieldList(fields)) bad();
    if (entities !== undefined && !entities.includes(entity)) {
      throw new TypeError(
        `defineRule ${rule.id}: evidence names entity ${JSON.stringify(entity)}, which the rule does not apply to`,
      );
    }
  }
}

/** Checks a rule's `references`: two entity names the rule applies to, on a dataset rule. */
function checkReferences(rule: Rule): void {
  const r: unknown = rule.references;
  const from = (r as { from?: unknown } | null)?.from;
  const to = (r as { to?: unknown } | null)?.to;
  if (typeof r !== 'object' || r === null || typeof from !== 'string' || typeof to !== 'string') {
    throw new TypeError(`defineRule ${rule.id}: references must be { from, to }, two entity names`);
  }
  if (rule.scope !== 'dataset') {
    throw new TypeError(`defineRule ${rule.id}: only a dataset rule checks references`);
  }
  const entities =
    rule.entity === '*' ? undefined : Array.isArray(rule.entity) ? rule.entity : [rule.entity];
  for (const entity of [from, to]) {
    if (entities !== undefined && !entities.includes(entity)) {
      throw new TypeError(
        `defineRule ${rule.id}: references names entity ${JSON.stringify(entity.slice(0, 60))}, which the rule does not apply to`,
      );
    }
  }
}
