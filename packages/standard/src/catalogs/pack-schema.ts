import { isIsoDate } from '@eduvn/text';
import { z } from 'zod';
import type { CatalogPack } from './types.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected an ISO date yyyy-mm-dd')
  .refine(isIsoDate, 'Not a calendar date')
  .meta({ format: 'date' });

const text = (max: number) => z.string().min(1).max(max);

const attributeValue = z.union([
  z.string().max(4000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(1000),
]);

const entry = z.strictObject({
  code: text(50).describe('The code as stored in records'),
  name: text(500).describe('Vietnamese name'),
  nameEn: text(500).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  parent: text(50).optional(),
  parentSystem: text(100).optional(),
  replaces: z.array(text(50)).max(1000).optional(),
  replacedBy: z.array(text(50)).max(1000).optional(),
  attributes: z
    // zod's record drops a `__proto__` key without a word; refuse it (and its kin) instead.
    .custom<Record<string, unknown>>(
      (v) =>
        typeof v !== 'object' ||
        v === null ||
        !['__proto__', 'constructor', 'prototype'].some((k) => Object.hasOwn(v, k)),
      'Attribute names are identifiers (not __proto__, constructor or prototype)',
    )
    .pipe(
      z.record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Attribute names are identifiers'),
        attributeValue,
      ),
    )
    .optional(),
});

const version = z.strictObject({
  version: text(100),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  source: text(1000),
  note: text(4000).optional(),
  entries: z.array(entry).max(100_000),
});

const codeSystem = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Code system ids are UPPER_SNAKE (DM_DAN_TOC)'),
  name: z.strictObject({ vi: text(500), en: text(500) }),
  source: text(1000),
  note: text(4000).optional(),
  addedByEduvn: z
    .boolean()
    .optional()
    .describe('true for a catalog eduvn adds beyond QĐ 4998 §II, false for one §II lists'),
  versions: z.array(version).max(1000),
});

/**
 * The zod schema of the catalog pack format. `json-schema/catalog-pack.schema.json` is generated
 * from it. Unknown keys are errors, attribute names are identifiers (never `__proto__`), and
 * every text has a length cap so that a hostile pack cannot exhaust memory.
 */
export const CatalogPackSchema: z.ZodType<CatalogPack> = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('eduvn-catalog-pack'),
  formatVersion: z.literal(1),
  name: text(200),
  source: text(1000).optional(),
  codeSystems: z.array(codeSystem).max(10_000),
}) as unknown as z.ZodType<CatalogPack>;
