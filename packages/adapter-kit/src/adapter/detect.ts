import type { HeaderMatch } from '../layout/types.ts';
import type { ColumnSpec } from '../mapping/column.ts';
import type { Mapping } from '../mapping/define-mapping.ts';
import { openWorkbook } from '../workbook/open.ts';
import type { Workbook } from '../workbook/types.ts';
import type { ReadSource } from './read.ts';
import { headerInSample, sampleSheet } from './sheet-header.ts';
import type { Adapter, Detection, ReadOptions } from './types.ts';

/** The required columns of a mapping that a header lacks. */
function requiredLacking(mapping: Mapping, header: HeaderMatch): string[] {
  const lacking: string[] = [];
  for (const [name, spec] of Object.entries<ColumnSpec>(mapping.columns)) {
    if (spec.options.required === true && !header.matched.has(spec.term.label)) lacking.push(name);
  }
  return lacking;
}

const isWorkbook = (source: ReadSource): source is Workbook =>
  typeof (source as Workbook).rows === 'function';

/**
 * Ranks adapters by how well they fit a file, best first. For each entity, on the sheet where its
 * header fits best:
 *
 * - **recall**: the share of the entity's known columns found in the header;
 * - **precision**: the share of the header's labelled columns the entity knows — so that of two
 *   adapters that both find all their columns, the one that explains more of the file wins (a
 *   generic five-column pupil list does not tie with the national database's 20-column export);
 *
 * A sheet that lacks one of the entity's required columns gives no evidence: `readWith`
 * could not read it. `confidence = recall × (0.8 + 0.2 × precision)`, halved when the adapter is not made for the
 * file's format, then raised by the adapter's own evidence from sheet names (`detect`). Ties are
 * broken by the number of columns matched. The file is opened once and only its first rows are
 * read, once for all the adapters (and its merged ranges at most once, when a mapping needs them).
 *
 * @example
 * ```ts
 * const [best] = await detectAdapter({ path: 'file.xlsx' }, [moet, smas, misa]);
 * if (best && best.confidence > 0.6) await readAll(best.adapter, { path: 'file.xlsx' });
 * ```
 */
export async function detectAdapter(
  source: ReadSource,
  adapters: readonly Adapter[],
  options: ReadOptions = {},
): Promise<Detection[]> {
  const owned = !isWorkbook(source);
  const workbook = isWorkbook(source)
    ? source
    : await openWorkbook(source, {
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(options.limits === undefined ? {} : { limits: options.limits }),
      });
  try {
    // Sheet by sheet: each sheet's start is read once, for every adapter and entity, and let go
    // before the next sheet is read.
    const found = adapters.map(() => ({
      reasons: [] as string[],
      best: undefined as Detection['best'],
      fit: 0,
      recall: 0,
      precision: 0,
      matched: 0,
    }));
    const entities = adapters.flatMap((adapter) => adapter.entities);
    for (const sheet of workbook.sheets) {
      const sample = await sampleSheet(workbook, sheet, entities);
      if (sample === undefined) continue;
      for (const [i, adapter] of adapters.entries()) {
        const state = found[i] as (typeof found)[number];
        for (const entity of adapter.entities) {
          const located = await headerInSample(sample, entity);
          if (!located) continue;
          const lacking = requiredLacking(entity.mapping, located.header);
          if (lacking.length > 0) {
            state.reasons.push(
              `sheet ${JSON.stringify(sheet.name)} lacks the required column(s) ${lacking.join(', ')} of ${entity.mapping.entity}`,
            );
            continue;
          }
          const matched = located.header.matched.size;
          const labelled = located.header.columns.filter((c) => c.path.length > 0).length;
          const recall = matched / Math.max(1, entity.mapping.vocabulary.length);
          const precision = Math.min(1, matched / Math.max(1, labelled));
          const fit = recall * (0.8 + 0.2 * precision);
          if (fit > state.fit) {
            state.fit = fit;
            state.recall = recall;
            state.precision = precision;
            state.matched = matched;
            state.best = {
              sheet: sheet.name,
              entity: entity.mapping.entity,
              header: located.header,
            };
          }
        }
      }
    }
    const detections: Detection[] = [];
    const matchedCount = new Map<Adapter, number>();
    for (const [i, adapter] of adapters.entries()) {
      const {
        reasons,
        best,
        fit: bestFit,
        recall: bestRecall,
        precision: bestPrecision,
        matched: bestMatched,
      } = found[i] as (typeof found)[number];
      if (best)
        reasons.unshift(
          `${Math.round(bestRecall * 100)}% of the ${best.entity} columns found on sheet ${JSON.stringify(best.sheet)}, explaining ${Math.round(bestPrecision * 100)}% of its header`,
        );
      else if (reasons.length === 0) reasons.push('no header of this layout found');
      let confidence = bestFit;
      if (!adapter.formats.includes(workbook.format)) {
        confidence *= 0.5;
        reasons.push(`made for ${adapter.formats.join('/')}, not ${workbook.format}`);
      }
      const extra = adapter.detect?.(workbook.sheets) ?? 0;
      if (extra > 0) reasons.push(`sheet names add ${extra.toFixed(2)}`);
      confidence = Math.min(1, confidence + Math.max(0, Math.min(1, extra)) * (1 - confidence));
      detections.push({ adapter, confidence, ...(best ? { best } : {}), reasons });
      matchedCount.set(adapter, bestMatched);
    }
    return detections.sort(
      (a, b) =>
        b.confidence - a.confidence ||
        (matchedCount.get(b.adapter) ?? 0) - (matchedCount.get(a.adapter) ?? 0),
    );
  } finally {
    if (owned) await workbook.close();
  }
}
