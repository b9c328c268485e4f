import { entityByName, type FieldInfo, fieldsOf } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';
import { classifyRow } from '../layout/classify-row.ts';
import { looseHeaderKey } from '../layout/header-key.ts';
import { type MatchQuality, termMatcher } from '../layout/match-terms.ts';
import type { HeaderColumn, HeaderMatch, HeaderTerm } from '../layout/types.ts';
import type { Row } from '../workbook/types.ts';
import { aliasesOf, type HeaderAlias } from './aliases.ts';
import { type ColumnOptions, type ColumnSpec, column, type HeaderSpec } from './column.ts';
import type { MappingInput } from './define-mapping.ts';
import { defaultKind, kindsForType } from './field-kinds.ts';
import { headerSimilarity } from './similarity.ts';
import type { ConvertOptions, ValueKind } from './value-kind.ts';
import { profileValues, type ValueProfile, type ValueShape } from './value-shape.ts';

/** What {@link inferMapping} proposes for one header column. */
export interface InferredColumn {
  /** The 0-based column index. */
  readonly index: number;
  /** The column letters. */
  readonly letter: string;
  /** The column's header ({@link HeaderColumn.label}). */
  readonly label: string;
  /** The proposed field, or `null` when none fits (or a better column took it). */
  readonly field: string | null;
  /** How to read the column, or `null` without a field. */
  readonly kind: ValueKind | null;
  /** How sure the proposal is, from 0 to 1 (0 without a field). */
  readonly confidence: number;
  /** Why, in English: which header or label matched, what the values look like, what lost. */
  readonly reasons: readonly string[];
}

/** What {@link inferMapping} returns. */
export interface InferredMapping {
  /** One proposal per header column, left to right. */
  readonly columns: readonly InferredColumn[];
  /**
   * A draft for {@link defineMapping} with the proposals of at least
   * {@link InferMappingOptions.minConfidence}, each column found by the sheet's own header text
   * (its path for multi-row headers). Review it, name a version, and define it.
   */
  readonly mapping: MappingInput;
}

/** Options of {@link inferMapping}. */
export interface InferMappingOptions {
  /** The lowest confidence that goes into the draft mapping (default `0.5`). */
  readonly minConfidence?: number;
  /** The alias dictionary (default {@link HEADER_ALIASES}' entries of the entity). */
  readonly aliases?: readonly HeaderAlias[];
}

/** Below this, a candidate is not proposed at all. */
const FLOOR = 0.3;
/** Header similarity below this is no evidence. */
const MIN_SIMILARITY = 0.6;
/** At most this many data rows are profiled. */
const SAMPLE_ROWS = 500;

/** Fields that values alone may suggest, when no header resembles any field. */
const BY_SHAPE: readonly {
  shape: ValueShape;
  fields: readonly string[];
  confidence: number;
  what: string;
}[] = [
  {
    shape: 'personalId',
    fields: ['maCongDanId', 'soCmtnd'],
    confidence: 0.6,
    what: '12-digit personal IDs',
  },
  { shape: 'sex', fields: ['maGioiTinh'], confidence: 0.6, what: 'Nam/Nữ' },
  { shape: 'date', fields: ['ngaySinh'], confidence: 0.45, what: 'dates' },
];

const SHAPE_NAMES: Readonly<Record<ValueShape, string>> = {
  date: 'dates',
  personalId: '12-digit personal IDs',
  sex: 'Nam/Nữ',
  subjectLevel: 'subject levels (T/H/C)',
  traitLevel: 'quality and competency levels (T/Đ/C)',
  flag: 'marks (x)',
  year: 'years from 1950 to 2020',
  phone: 'phone numbers',
  integer: 'whole numbers',
  decimal: 'numbers',
  name: 'names',
  code: 'codes',
  text: 'text',
};

/** One way a field's header may be written, with the confidence an exact or loose match gives. */
interface ProbeTerm {
  readonly term: HeaderTerm;
  /** Known texts from the alias dictionary (cited in reasons). */
  readonly alias: boolean;
  readonly exact: number;
  readonly loose: number;
  readonly reason: string;
}

/** A field prepared for matching: its header terms by strength, and keys for similarity. */
interface FieldProbe {
  readonly field: FieldInfo;
  readonly alias: HeaderAlias | undefined;
  readonly aliasTexts: readonly string[];
  readonly terms: readonly ProbeTerm[];
  readonly match: (
    columns: readonly HeaderColumn[],
  ) => { term: HeaderTerm; quality: MatchQuality }[];
  readonly fuzzyKeys: readonly { key: string; text: string }[];
}

function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

function probeOf(field: FieldInfo, alias: HeaderAlias | undefined): FieldProbe {
  const aliasTexts = (alias?.headers ?? []).filter((h): h is string => typeof h === 'string');
  const aliasPaths = (alias?.headers ?? []).filter(
    (h): h is readonly string[] => typeof h !== 'string',
  );
  const terms: ProbeTerm[] = [];
  const [firstPath] = aliasPaths;
  if (firstPath !== undefined) {
    terms.push({
      term: { label: firstPath.join(' › '), paths: aliasPaths },
      alias: false,
      exact: 0.97,
      loose: 0.9,
      reason: 'the header path is a known one',
    });
  }
  const [firstText, ...otherTexts] = aliasTexts;
  if (firstText !== undefined) {
    terms.push({
      term: { label: firstText, aliases: otherTexts },
      alias: true,
      exact: 0.95,
      loose: 0.88,
      reason: 'the header is a known one',
    });
  }
  terms.push({
    term: { label: field.label.vi },
    alias: false,
    exact: 0.9,
    loose: 0.85,
    reason: `the header is the field's label '${field.label.vi}'`,
  });
  const short = field.label.vi.replace(/^(Mã|Số)\s+/u, '');
  if (short !== field.label.vi && matchKey(short) !== '') {
    terms.push({
      term: { label: short },
      alias: false,
      exact: 0.85,
      loose: 0.8,
      reason: `the header is the field's label without '${field.label.vi.slice(0, field.label.vi.length - short.length).trim()}'`,
    });
  }
  terms.push({
    term: { label: field.label.en, aliases: [field.symbol, words(field.name)] },
    alias: false,
    exact: 0.85,
    loose: 0.8,
    reason: "the header is the field's English label or symbol",
  });
  const matcher = termMatcher(terms.map((t) => t.term));
  const fuzzyKeys = [...aliasTexts, field.label.vi, field.label.en]
    .map((text) => ({ key: matchKey(text), text }))
    .filter((k) => k.key !== '');
  return { field, alias, aliasTexts, terms, match: matcher, fuzzyKeys };
}

/** The header evidence for one field in one column. */
function headerScore(
  probe: FieldProbe,
  col: HeaderColumn,
): { score: number; reason: string } | undefined {
  const [found] = probe.match([col]);
  if (found !== undefined) {
    const t = probe.terms.find((x) => x.term === found.term);
    if (t !== undefined) {
      let score = found.quality === 'exact' ? t.exact : t.loose;
      const isTextAlias = t.alias;
      if (isTextAlias && col.path.length > 1) score -= 0.03;
      const leaf = col.path[col.path.length - 1] ?? '';
      const cited = isTextAlias
        ? (probe.aliasTexts.find(
            (a) => matchKey(a) === matchKey(leaf) || matchKey(a) === col.key,
          ) ?? probe.aliasTexts.find((a) => looseHeaderKey(a) === looseHeaderKey(leaf)))
        : undefined;
      const loose = found.quality === 'loose' ? ', ignoring remarks in parentheses' : '';
      return {
        score,
        reason: `${t.reason}${cited === undefined ? '' : ` ('${cited.replace(/\s+/g, ' ')}')`}${loose}`,
      };
    }
  }
  const leaf = col.path[col.path.length - 1] ?? '';
  const columnKeys = [matchKey(leaf), col.key, looseHeaderKey(leaf)].filter((k) => k !== '');
  let best = 0;
  let like = '';
  for (const ck of columnKeys) {
    for (const fk of probe.fuzzyKeys) {
      const sim = headerSimilarity(ck, fk.key);
      if (sim > best) {
        best = sim;
        like = fk.text;
      }
    }
  }
  if (best < MIN_SIMILARITY) return undefined;
  return {
    score: 0.8 * best,
    reason: `the header resembles '${like.replace(/\s+/g, ' ')}' (similarity ${best.toFixed(2)})`,
  };
}

type Fit = 'agrees' | 'neutral' | 'contradicts';

/** Whether a column's values suit a field read as a kind. */
function shapeFit(
  field: FieldInfo,
  kind: ValueKind,
  profile: ValueProfile,
): { fit: Fit; expected: string } {
  const s = profile.shapes;
  const has = (...shapes: ValueShape[]) => shapes.some((x) => s.has(x));
  const neutral = { fit: 'neutral' as const, expected: '' };
  if (profile.values === 0) return neutral;
  const verdict = (
    agree: boolean,
    tolerate: boolean,
    expected: ValueShape,
  ): { fit: Fit; expected: string } => ({
    fit: agree ? 'agrees' : tolerate ? 'neutral' : 'contradicts',
    expected: SHAPE_NAMES[expected],
  });
  switch (kind) {
    case 'date':
      return verdict(has('date'), false, 'date');
    case 'sex':
      return verdict(has('sex'), has('integer'), 'sex');
    case 'subjectLevel':
      return verdict(has('subjectLevel'), false, 'subjectLevel');
    case 'traitLevel':
      return verdict(has('traitLevel'), false, 'traitLevel');
    case 'flag':
    case 'boolean':
      return verdict(has('flag'), has('code', 'integer'), 'flag');
    case 'integer':
      if (/^namSinh|^nam[A-Z]/.test(field.name))
        return verdict(has('year'), has('integer'), 'year');
      return verdict(has('integer'), false, 'integer');
    case 'decimal':
      return verdict(has('decimal'), false, 'decimal');
    case 'name':
      return verdict(has('name'), !has('date', 'integer', 'personalId'), 'name');
    case 'code':
      if (field.name === 'maCongDanId' || field.name === 'soCmtnd') {
        return verdict(has('personalId'), has('integer', 'code'), 'personalId');
      }
      if (/^(dienThoai|diDong)/.test(field.name)) {
        return verdict(has('phone'), !has('name', 'date'), 'phone');
      }
      return neutral;
    default:
      return neutral;
  }
}

function kindFor(probe: FieldProbe, profile: ValueProfile): ValueKind | null {
  const { field, alias } = probe;
  if (field.type === 'boolean') {
    return profile.values === 0 || profile.shapes.has('flag') ? 'flag' : 'boolean';
  }
  const kind = alias?.kind ?? defaultKind(field);
  return kind !== null && kindsForType(field.type).includes(kind) ? kind : defaultKind(field);
}

function optionsFor(
  kind: ValueKind,
  field: FieldInfo,
  alias: HeaderAlias | undefined,
): ColumnOptions {
  const base: ConvertOptions = alias?.options ?? {};
  const out: { -readonly [K in keyof ColumnOptions]: ColumnOptions[K] } = {};
  if (kind === 'code' && base.pad !== undefined) out.pad = base.pad;
  if (kind === 'flag' && base.blank !== undefined) out.blank = base.blank;
  if (kind === 'date' && base.dateSystem !== undefined) out.dateSystem = base.dateSystem;
  if (kind === 'name' && base.format !== undefined) out.format = base.format;
  if (field.required) out.required = true;
  return out;
}

interface Candidate {
  readonly col: HeaderColumn;
  readonly probe: FieldProbe;
  readonly kind: ValueKind;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Proposes a mapping for a sheet from its header and a sample of its rows: for every header
 * column, the entity's field it most likely holds, how to read it, how sure that is, and why.
 *
 * Evidence, strongest first:
 *
 * - the header against the alias dictionary ({@link HEADER_ALIASES}: headers real files use, such
 *   as `Mã HS`, `Số ĐDCN`, `Họ và tên (*)`, paths such as `Thông tin cha › Họ tên`) — 0.95 for an
 *   exact match (0.97 for a path, 0.92 when the column has parent headers the alias ignores);
 * - the header against the field's Vietnamese label (0.9), that label without a leading `Mã`/`Số`
 *   (0.85: `Giới tính` for `Mã giới tính`), its English label, symbol or name (0.85); remarks in
 *   parentheses ignored at a small cost (`Tỉnh/Thành phố (Theo địa chỉ thường trú)`);
 * - otherwise header similarity (word and character-pair overlap) of at least 0.6, times 0.8;
 * - then the values: when they have the shape the field needs (dates, 12-digit personal IDs,
 *   Nam/Nữ, T/H/C, T/Đ/C, x marks, years from 1950 to 2020 for parents' birth years, names…),
 *   confidence moves halfway to 1; when they clearly do not, it is halved. With no header
 *   evidence at all, distinctive values alone propose a field weakly (12-digit IDs → the
 *   personal ID, 0.6; Nam/Nữ → sex, 0.6; dates → birth date, 0.45).
 *
 * Each field goes to one column only — the best; a column that loses its field says so in its
 * reasons. Columns nothing resembles (a newer template's extra column) get no field and
 * confidence 0. Only data rows of the sample are profiled ({@link classifyRow}): a form's example
 * row (`VD`, `Ví dụ`, `Mẫu`, `Nguyễn Văn A` first under the header) is not.
 *
 * @param sample - the sheet's header ({@link findHeader}) and its first rows
 * @param entity - the entity's name (`'HocSinh'`)
 * @param options - the draft's confidence threshold, another alias dictionary
 * @throws TypeError for an unknown entity
 */
export function inferMapping(
  sample: { readonly header: HeaderMatch; readonly rows: readonly Row[] },
  entity: string,
  options: InferMappingOptions = {},
): InferredMapping {
  const schema = entityByName(entity);
  if (schema === undefined)
    throw new TypeError(`inferMapping: unknown entity ${JSON.stringify(entity)}`);
  const minConfidence = options.minConfidence ?? 0.5;
  const { header } = sample;
  const aliases = new Map(
    (options.aliases ?? aliasesOf(entity))
      .filter((a) => a.entity === entity)
      .map((a) => [a.field, a]),
  );
  const probes = fieldsOf(schema)
    .filter((f) => kindsForType(f.type).length > 0)
    .map((f) => probeOf(f, aliases.get(f.name)));
  const byName = new Map(probes.map((p) => [p.field.name, p]));

  // The data rows: a form's example row (`VD`, `Nguyễn Văn A` first under the header), captions,
  // numbering and blank numbered lines are left out.
  const dataRows: Row[] = [];
  for (const r of sample.rows) {
    if (r.row <= header.lastRow) continue;
    if (classifyRow(r, header, { firstData: dataRows.length === 0 }).kind !== 'data') continue;
    dataRows.push(r);
    if (dataRows.length >= SAMPLE_ROWS) break;
  }

  const candidates: Candidate[] = [];
  const profiles = new Map<number, ValueProfile>();
  for (const col of header.columns) {
    const profile = profileValues(dataRows.map((r) => r.cells[col.index]));
    profiles.set(col.index, profile);
    let anyHeader = false;
    for (const probe of probes) {
      const evidence = col.path.length === 0 ? undefined : headerScore(probe, col);
      if (evidence === undefined) continue;
      anyHeader = true;
      const kind = kindFor(probe, profile);
      if (kind === null) continue;
      const { fit, expected } = shapeFit(probe.field, kind, profile);
      const reasons = [evidence.reason];
      let confidence = evidence.score;
      if (fit === 'agrees') {
        confidence += (1 - confidence) / 2;
        reasons.push(`the values look like ${expected}`);
      } else if (fit === 'contradicts') {
        confidence /= 2;
        reasons.push(`but the values do not look like ${expected}`);
      }
      candidates.push({ col, probe, kind, confidence: round(confidence), reasons });
    }
    if (anyHeader) continue;
    for (const guess of BY_SHAPE) {
      if (!profile.shapes.has(guess.shape)) continue;
      const probe = guess.fields.map((f) => byName.get(f)).find((p) => p !== undefined);
      const kind = probe === undefined ? null : kindFor(probe, profile);
      if (probe === undefined || kind === null) continue;
      candidates.push({
        col,
        probe,
        kind,
        confidence: guess.confidence,
        reasons: [
          col.path.length === 0 ? 'the column has no header' : 'no field resembles the header',
          `the values look like ${guess.what}`,
        ],
      });
      break;
    }
  }

  candidates.sort((a, b) => b.confidence - a.confidence || a.col.index - b.col.index);
  const chosenByColumn = new Map<number, Candidate>();
  const chosenByField = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.confidence < FLOOR) break;
    if (chosenByColumn.has(c.col.index) || chosenByField.has(c.probe.field.name)) continue;
    chosenByColumn.set(c.col.index, c);
    chosenByField.set(c.probe.field.name, c);
  }

  const draft: Record<string, ColumnSpec> = {};
  const draftKeys = new Set<string>();
  const columns: InferredColumn[] = header.columns.map((col) => {
    const chosen = chosenByColumn.get(col.index);
    const base = { index: col.index, letter: col.letter, label: col.label };
    if (chosen !== undefined) {
      const { probe, kind, confidence } = chosen;
      const headerSpec: HeaderSpec = col.path.length > 1 ? { path: col.path } : (col.path[0] ?? '');
      const key = col.path.map(matchKey).join(' › ');
      if (confidence >= minConfidence && col.path.length > 0 && !draftKeys.has(key)) {
        draftKeys.add(key);
        draft[probe.field.name] = column(
          headerSpec,
          kind,
          optionsFor(kind, probe.field, probe.alias),
        );
      }
      return { ...base, field: probe.field.name, kind, confidence, reasons: chosen.reasons };
    }
    const lost = candidates.find((c) => c.col.index === col.index && c.confidence >= FLOOR);
    const winner = lost === undefined ? undefined : chosenByField.get(lost.probe.field.name);
    const reasons =
      lost !== undefined && winner !== undefined
        ? [
            ...lost.reasons,
            `${lost.probe.field.name} went to column ${winner.col.letter}, which fits it better (${winner.confidence} against ${lost.confidence})`,
          ]
        : [
            col.path.length === 0
              ? 'the column has no header, and its values suggest no field'
              : `no field of ${entity} resembles this header`,
          ];
    const profile = profiles.get(col.index);
    if (profile !== undefined && profile.values === 0)
      reasons.push('the sample has no values in it');
    return { ...base, field: null, kind: null, confidence: 0, reasons };
  });

  return { columns, mapping: { entity, columns: draft } };
}
