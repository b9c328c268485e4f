import type { Catalogs } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';

/** `Dân tộc Kinh` → `Kinh`: the word some lists write before the name. */
const PREFIX = /^dan toc\s+/;

/**
 * The DM_DAN_TOC code of an ethnic group written by name (`Kinh` → `'01'`, `Mường` → `'06'`), as
 * MISA EMIS lists write it: by `matchKey` (case, diacritics, tone placement and NFC/NFD ignored),
 * with or without a leading `Dân tộc`. `undefined` when the catalog has no such name or several.
 *
 * @param name - the ethnic group's name
 * @param catalogs - the catalogs holding DM_DAN_TOC
 * @returns the code, or `undefined`
 */
export function ethnicCode(name: string, catalogs: Catalogs): string | undefined {
  const key = matchKey(name);
  if (key === '') return undefined;
  const bare = key.replace(PREFIX, '');
  for (const candidate of bare === key ? [name] : [name, bare]) {
    const hits = catalogs.findByName('DM_DAN_TOC', candidate);
    if (hits.length === 1) return hits[0]?.entry.code;
  }
  return undefined;
}
