import { openWorkbook } from '../workbook/open.ts';
import type { Workbook } from '../workbook/types.ts';
import type { ReadSource } from './read.ts';
import { sheetHeader } from './sheet-header.ts';
import type { Adapter, Detection, ReadOptions } from './types.ts';

const isWorkbook = (source: ReadSource): source is Workbook =>
  typeof (source as Workbook).rows === 'function';

/**
 * Ranks adapters by how well they fit a file, best first: the share of each entity's known
 * columns found in a header on some sheet (the best entity counts), a penalty when the adapter is
 * not made for the file's format, plus the adapter's own evidence from sheet names. The file is
 * opened once and only its first rows are read.
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
    const detections: Detection[] = [];
    for (const adapter of adapters) {
      const reasons: string[] = [];
      let best: Detection['best'];
      let bestShare = 0;
      for (const sheet of workbook.sheets) {
        for (const entity of adapter.entities) {
          const located = await sheetHeader(workbook, sheet, entity);
          if (!located) continue;
          const share = located.header.matched.size / Math.max(1, entity.mapping.vocabulary.length);
          if (share > bestShare) {
            bestShare = share;
            best = { sheet: sheet.name, entity: entity.mapping.entity, header: located.header };
          }
        }
      }
      if (best)
        reasons.push(
          `${Math.round(bestShare * 100)}% of the ${best.entity} columns found on sheet ${JSON.stringify(best.sheet)}`,
        );
      else reasons.push('no header of this layout found');
      let confidence = bestShare;
      if (!adapter.formats.includes(workbook.format)) {
        confidence *= 0.5;
        reasons.push(`made for ${adapter.formats.join('/')}, not ${workbook.format}`);
      }
      const extra = adapter.detect?.(workbook.sheets) ?? 0;
      if (extra > 0) reasons.push(`sheet names add ${extra.toFixed(2)}`);
      confidence = Math.min(1, confidence + Math.max(0, Math.min(1, extra)) * (1 - confidence));
      detections.push({ adapter, confidence, ...(best ? { best } : {}), reasons });
    }
    return detections.sort((a, b) => b.confidence - a.confidence);
  } finally {
    if (owned) await workbook.close();
  }
}
