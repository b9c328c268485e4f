import type { EntitySchema } from '../meta/entity.ts';
import { entityOf, fieldsOf } from '../meta/entity.ts';
import { OPEN_CODE_CAP, OPEN_TEXT_CAP } from '../meta/field-kit.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The bilingual data-dictionary page of an entity, in Markdown: one row per field with its QĐ 4998
 * symbol, Vietnamese and English labels, type (and verified form), maximum length, catalog (marked
 * † where eduvn inferred it), sensitivity, whether QĐ 4998 or eduvn defines it, and source, and
 * the notes below the table. Sub-tables link to their own pages.
 */
export function dictionaryPage(entity: EntitySchema): string {
  const meta = entityOf(entity);
  const lines: string[] = [
    `# ${meta.name} — ${meta.label.vi}`,
    '',
    `${meta.label.en}. Source: ${meta.source} (\`${meta.code}\`).${meta.key.length ? ` Key: ${meta.key.map((k) => `\`${k}\``).join(' + ')}.` : ''}`,
    '',
  ];
  if (meta.note) lines.push(`> ${meta.note}`, '');
  lines.push(
    '| # | Field | Symbol | Tên trường (vi) | Label (en) | Type | Max length | Catalog | Sensitivity | Required | Defined by | Source |',
    '| ---: | --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- | --- |',
  );
  const notes: string[] = [];
  fieldsOf(entity).forEach((f, i) => {
    const type =
      f.type === 'list'
        ? `list of [${f.entity}](${f.entity}.md)`
        : f.values
          ? `${f.type}: ${f.values.join(' / ')}`
          : f.pattern !== undefined
            ? `${f.type}, pattern \`${f.pattern}\``
            : f.type;
    const catalog = f.catalog === undefined ? '' : `${f.catalog}${f.catalogInferred ? ' †' : ''}`;
    const max =
      f.maxLength !== undefined
        ? String(f.maxLength)
        : f.type === 'string' && f.pattern === undefined
          ? `(${OPEN_TEXT_CAP}*)`
          : f.type === 'code' && !f.values
            ? `(${OPEN_CODE_CAP}*)`
            : '';
    lines.push(
      `| ${i + 1} | \`${f.name}\` | \`${f.symbol}\` | ${cell(f.label.vi)} | ${cell(f.label.en)} | ${type} | ${max} | ${catalog} | ${f.sensitivity} | ${f.required ? 'yes' : ''} | ${f.addedByEduvn ? 'eduvn' : 'QĐ 4998'} | ${cell(f.source)} |`,
    );
    if (f.note) notes.push(`- \`${f.symbol}\`: ${f.note}`);
  });
  lines.push(
    '',
    `\\* The specification gives no length; eduvn caps the value at this length as a safety limit.`,
  );
  if (fieldsOf(entity).some((f) => f.catalogInferred)) {
    lines.push(
      '',
      '† QĐ 4998 gives only DMDC (its shared catalogs); eduvn links the field to the catalog of §II that its symbol names.',
    );
  }
  if (notes.length) lines.push('', '## Notes', '', ...notes);
  lines.push(
    '',
    '_Generated from the schema metadata of `@eduvn/standard`; do not edit by hand._',
    '',
  );
  return lines.join('\n');
}

/** The data dictionary's index page, listing every entity with a link to its page. */
export function dictionaryIndex(entities: readonly EntitySchema[]): string {
  const lines = [
    '# Data dictionary — Từ điển dữ liệu',
    '',
    'Every entity of `@eduvn/standard`: the tables of QĐ 4998/QĐ-BGDĐT (primary level) and the',
    'entities the SDK adds where the specification has none (TT27 assessments, facilities, finance,',
    'status events). Each page lists the fields with their QĐ 4998 symbol, Vietnamese and English',
    'labels, type, maximum length, catalog, sensitivity and source.',
    '',
    '| Entity | Tên (vi) | Name (en) | Code | Kind | Fields |',
    '| --- | --- | --- | --- | --- | ---: |',
  ];
  for (const e of entities) {
    const m = entityOf(e);
    lines.push(
      `| [${m.name}](${m.name}.md) | ${cell(m.label.vi)} | ${cell(m.label.en)} | \`${m.code}\` | ${m.kind === 'record' ? 'record' : 'sub-table row'} | ${fieldsOf(e).length} |`,
    );
  }
  lines.push(
    '',
    '_Generated from the schema metadata of `@eduvn/standard`; do not edit by hand._',
    '',
  );
  return lines.join('\n');
}
