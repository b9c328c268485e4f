import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../adapter/detect.ts';
import { readAll } from '../adapter/read.ts';
import type { Adapter } from '../adapter/types.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';

/** One file an adapter must read, and what it must find in it. */
export interface AdapterFixture {
  /** A name for the test titles (the file name). */
  readonly name: string;
  /** The file's bytes. */
  readonly bytes: Uint8Array;
  /** What the read must give. */
  readonly expect?: FixtureExpectation;
}

/** What reading a fixture must give. */
export interface FixtureExpectation {
  /** The number of records of each entity (`{ HocSinh: 120 }`). */
  readonly records?: Readonly<Record<string, number>>;
}

/** Options of {@link testAdapter}. */
export interface TestAdapterOptions {
  /** Other adapters the detection must rank below this one on its fixtures. */
  readonly competitors?: readonly Adapter[];
}

const COLUMN = /^[A-Z]{1,3}$/;

/** A workbook in the adapter's first single-row layout, full of hostile content. */
function hostileWorkbook(adapter: Adapter): Uint8Array | undefined {
  const entity = adapter.entities.find((e) => e.mapping.vocabulary.every((t) => !t.paths?.length));
  if (!entity) return undefined;
  const labels = entity.mapping.vocabulary.map((t) => t.label);
  const header = [...labels, '__proto__', 'constructor', 'x'.repeat(10_000)];
  const long = 'Nguyễn '.repeat(1_500);
  const rows = [
    header,
    labels.map((_, i) => (i === 0 ? '=HYPERLINK("http://example.invalid","x")' : long)),
    labels.map(() => '31/02/2017'),
    labels.map(() => '@SUM(A1:A2)'),
    header, // a repeated header
    [],
  ];
  return writeXlsx([
    { name: 'Sheet1', rows: rows.map((r) => [...r, 'polluted', 'polluted', '1']) },
  ]);
}

/**
 * The conformance suite every adapter must pass, as vitest tests: each fixture reads without
 * throwing, every row is accounted for (a record, a skip with its reason, or an issue — nothing
 * dropped silently), records carry provenance down to the column of each field, the expected
 * counts are met, hostile input (formulas, 10,000-character cells, `__proto__` headers, bad
 * dates, repeated headers) survives without a crash or prototype pollution, the adapter's writer
 * round-trips what it reads, and detection recognises the adapter's own files.
 *
 * Call it inside a test file: `testAdapter(myAdapter, [{ name: 'pupils.xlsx', bytes }])`.
 */
export function testAdapter(
  adapter: Adapter,
  fixtures: readonly AdapterFixture[],
  options: TestAdapterOptions = {},
): void {
  describe(`adapter ${adapter.id} (conformance)`, () => {
    it('has fixtures', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    for (const fixture of fixtures) {
      describe(fixture.name, () => {
        it('reads every row into a record, a skip or an issue, with provenance to the column', async () => {
          const result = await readAll(adapter, fixture.bytes, { file: fixture.name });
          expect(
            result.issues.filter((i) => i.severity === 'error' && i.row === undefined),
          ).toEqual([]);
          expect(result.records.length).toBeGreaterThan(0);
          const seen = new Set<string>();
          for (const item of [
            ...result.records.map((r) => ({
              sheet: r.provenance.sheet,
              row: r.provenance.row,
              entity: r.entity,
            })),
            ...result.skipped.map((s) => ({ sheet: s.sheet, row: s.row, entity: '' })),
          ]) {
            const key = `${item.entity}|${item.sheet}|${item.row}`;
            expect(seen.has(key), `row ${key} produced twice`).toBe(false);
            seen.add(key);
          }
          for (const r of result.records) {
            expect(r.provenance.file).toBe(fixture.name);
            expect(r.provenance.row).toBeGreaterThanOrEqual(1);
            for (const [field, column] of Object.entries(r.provenance.columns)) {
              expect(column, field).toMatch(COLUMN);
            }
            expect(Object.keys(r.provenance.columns).length).toBeGreaterThan(0);
          }
          for (const [entity, count] of Object.entries(fixture.expect?.records ?? {})) {
            expect(result.records.filter((r) => r.entity === entity).length, entity).toBe(count);
          }
        });

        it('is recognised by detection', async () => {
          const ranked = await detectAdapter(
            fixture.bytes,
            [adapter, ...(options.competitors ?? [])],
            { file: fixture.name },
          );
          expect(ranked[0]?.adapter.id).toBe(adapter.id);
          expect(ranked[0]?.confidence).toBeGreaterThan(0.5);
        });

        if (adapter.write) {
          it('writes what it reads, and reads it back the same', async () => {
            const first = await readAll(adapter, fixture.bytes, { file: fixture.name });
            for (const entity of new Set(first.records.map((r) => r.entity))) {
              const records = first.records.filter((r) => r.entity === entity).map((r) => r.record);
              const written = await adapter.write?.({ entity, records });
              if (!written) continue;
              const again = await readAll(adapter, written, { file: 'written.xlsx' });
              expect(again.records.filter((r) => r.entity === entity).map((r) => r.record)).toEqual(
                records,
              );
            }
          });
        }
      });
    }

    it('survives hostile input without a crash or prototype pollution', async () => {
      const bytes = hostileWorkbook(adapter);
      if (!bytes) return;
      const result = await readAll(adapter, bytes, { file: 'hostile.xlsx' });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
      for (const r of result.records) {
        expect(Object.getPrototypeOf(r.record)).toBe(Object.prototype);
        expect(Object.hasOwn(r.record, '__proto__')).toBe(false);
      }
      expect(result.skipped.some((s) => s.reason === 'repeated-header')).toBe(true);
    });
  });
}
