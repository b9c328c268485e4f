/**
 * Writes the rule catalog (docs/rules.md) from the code. Run: `pnpm --filter @eduvn/rules generate`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleCatalogMarkdown } from '../src/catalog.ts';
import { READING_RULE_CATALOG } from '../src/reading.ts';
import { BUILT_IN_RULES } from '../src/rules/index.ts';

const target = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));
writeFileSync(target, ruleCatalogMarkdown(BUILT_IN_RULES, READING_RULE_CATALOG));
console.log(
  `wrote docs/rules.md (${BUILT_IN_RULES.length} rules, ${READING_RULE_CATALOG.length} reading rules)`,
);
