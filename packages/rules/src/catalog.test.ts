import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalogMarkdown } from './catalog.ts';
import { READING_RULE_CATALOG, READING_RULES } from './reading.ts';
import { BUILT_IN_RULES, RETIRED_RULE_IDS } from './rules/index.ts';

describe('the rule catalog', () => {
  it('is published and fresh (docs/rules.md)', () => {
    const committed = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed, 'stale: run `pnpm --filter @eduvn/rules generate` and commit').toBe(
      ruleCatalogMarkdown(BUILT_IN_RULES, READING_RULE_CATALOG),
    );
  });

  it('lists the reading rules, one for each reader code, and the file-level ones', () => {
    const md = ruleCatalogMarkdown(BUILT_IN_RULES, READING_RULE_CATALOG);
    for (const rule of READING_RULE_CATALOG) {
      expect(md).toContain(`| \`${rule.id}\` | ${rule.severity} | read |`);
      expect(rule.basis).toBe('eduvn');
    }
    expect(READING_RULE_CATALOG).toHaveLength(16);
    expect(md).toContain(`${BUILT_IN_RULES.length} rules and 16 reading rules.`);
    const codes = READING_RULE_CATALOG.flatMap((r) => (r.code ? [[r.code, r.id]] : []));
    expect(Object.fromEntries(codes)).toEqual(READING_RULES);
    expect(
      READING_RULE_CATALOG.filter((r) => r.code === undefined).map((r) => [r.id, r.severity]),
    ).toEqual([
      ['READ.FILE.001', 'error'],
      ['READ.LIMIT.001', 'error'],
      ['READ.MAPPING.001', 'query'],
    ]);
  });

  it('has unique ids of the documented form, none retired', () => {
    const ids = [...BUILT_IN_RULES, ...READING_RULE_CATALOG].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*\.\d{3}$/);
      expect(RETIRED_RULE_IDS).not.toContain(id);
    }
  });

  it('gives every rule a basis and messages and hints in both languages', () => {
    for (const rule of [...BUILT_IN_RULES, ...READING_RULE_CATALOG]) {
      expect(rule.basis.trim()).not.toBe('');
      for (const text of [rule.message, rule.hint]) {
        expect(text.vi.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  it('escapes table cells', () => {
    const md = ruleCatalogMarkdown([
      {
        id: 'X.Y.001',
        entity: '*',
        scope: 'record',
        severity: 'query',
        basis: 'a | b',
        message: { vi: 'x|y', en: 'x\ny' },
        hint: { vi: 'h', en: 'h' },
        check: () => {},
      },
    ]);
    expect(md).toContain('a \\| b');
    expect(md).toContain('x\\|y');
    expect(md).not.toContain('x\ny');
  });
});
