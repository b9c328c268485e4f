import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SMAS_HEADERS } from './mapping.ts';
import { LEVEL_HEADERS, SCORE_HEADERS, SMAS_SUBJECTS, SUBJECT_GROUP_HEADERS } from './subjects.ts';
import { SMAS_TRAITS, TRAIT_GROUP_HEADERS, TRAIT_PREFIXES } from './traits.ts';
import { SMAS_LAYOUT_VERSION } from './version.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The README must list exactly the headers the adapter recognises. */
describe('README', () => {
  const listed = (text: string) => readme.includes(`\`${text}\``);

  it('states the layout version and that the layout is a model', () => {
    expect(listed(SMAS_LAYOUT_VERSION)).toBe(true);
    expect(readme).toMatch(/\*\*This adapter is a model, not the vendor's specification\.\*\*/);
  });

  it.each([
    ['subject', SMAS_SUBJECTS.flatMap((s) => [s.code, ...s.names])],
    ['competency and quality', SMAS_TRAITS.flatMap((t) => [t.field, ...t.names])],
    ['other column', Object.values(SMAS_HEADERS).flat()],
    ['sub-header and group', [...LEVEL_HEADERS, ...SCORE_HEADERS, ...SUBJECT_GROUP_HEADERS]],
    [
      'trait group and prefix',
      [...Object.values(TRAIT_GROUP_HEADERS).flat(), ...Object.values(TRAIT_PREFIXES).flat()],
    ],
  ])('lists every %s header', (_, texts) => {
    expect(texts.filter((t) => !listed(t))).toEqual([]);
  });
});
