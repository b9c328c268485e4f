import { aliasesOf, type HeaderAlias, type HeaderTerm, kindsForType } from '@eduvn/adapter-kit';
import { entityByName, fieldsOf } from '@eduvn/standard';

/**
 * The header terms by which an entity's columns may be written, one term per field that a cell
 * can fill: the alias dictionary's texts and paths, the field's Vietnamese and English labels and
 * its QĐ 4998 symbol. What {@link inferCsvAdapter} looks for to find the header of an unknown
 * file (each field counts once in a header's score).
 *
 * @param entity - the entity's name
 * @param aliases - the alias dictionary (default the kit's, for the entity)
 * @throws TypeError for an unknown entity
 * @internal
 */
export function entityVocabulary(
  entity: string,
  aliases: readonly HeaderAlias[] = aliasesOf(entity),
): HeaderTerm[] {
  const schema = entityByName(entity);
  if (schema === undefined) {
    throw new TypeError(`inferCsvAdapter: unknown entity ${JSON.stringify(entity.slice(0, 60))}`);
  }
  const byField = new Map<string, HeaderAlias>();
  for (const alias of aliases) if (alias.entity === entity) byField.set(alias.field, alias);
  const terms: HeaderTerm[] = [];
  for (const field of fieldsOf(schema)) {
    if (kindsForType(field.type).length === 0) continue;
    const headers = byField.get(field.name)?.headers ?? [];
    const texts = headers.filter((h): h is string => typeof h === 'string');
    const paths = headers.filter((h): h is readonly string[] => typeof h !== 'string');
    const labels = [...new Set([...texts, field.label.en, field.symbol])].filter(
      (t) => t !== field.label.vi && t.trim() !== '',
    );
    terms.push({
      label: field.label.vi,
      aliases: labels,
      ...(paths.length === 0 ? {} : { paths }),
    });
  }
  return terms;
}
