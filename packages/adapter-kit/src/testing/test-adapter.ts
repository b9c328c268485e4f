import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../adapter/detect.ts';
import { type ReadResult, readAll } from '../adapter/read.ts';
import type { Adapter } from '../adapter/types.ts';
import { AdapterError } from '../errors.ts';
import { openWorkbook } from '../workbook/open.ts';
import type { WorkbookFormat } from '../workbook/types.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { HOSTILE_ATTACKS, type HostileFile, hostileFile } from './hostile.ts';

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
  /**
   * The sheet name of the generated hostile workbook (default `'Sheet1'`), for adapters whose
   * entities read only sheets with certain names.
   */
  readonly hostileSheet?: string;
}

const COLUMN = /^[A-Z]{1,3}$/;

/** The hostile workbook's rows, by what they test. */
interface Hostile {
  readonly bytes: Uint8Array;
  /** The sheet row holding an impossible date in every cell. */
  readonly badDateRow: number;
  /** Whether the entity reads a date column (so that the bad-date row must give an issue). */
  readonly hasDate: boolean;
}

/**
 * A workbook in the layout of the adapter's first entity — single-row or multi-row header (every
 * path written out in full, one header row per level) — followed by hostile content: a formula,
 * 10,000-character cells, impossible dates, `@`-prefixed text, headers named `__proto__` and
 * `constructor`, a 10,000-character header, the header repeated, an empty row.
 */
function hostileWorkbook(adapter: Adapter, sheet: string): Hostile | undefined {
  const entity = adapter.entities[0];
  if (!entity) return undefined;
  const terms = entity.mapping.vocabulary;
  const paths = terms.map((t) => t.paths?.[0] ?? [t.label]);
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const header: string[][] = Array.from({ length: depth }, (_, level) =>
    paths.map((p) => p[level] ?? ''),
  );
  const hostileHeaders = ['__proto__', 'constructor', 'x'.repeat(10_000)];
  header[0]?.push(...hostileHeaders);
  for (let level = 1; level < depth; level++) header[level]?.push('', '', '');
  const long = 'Nguyễn '.repeat(1_500);
  const width = terms.length;
  const extra = ['polluted', 'polluted', '1'];
  const rows: (string | number)[][] = [
    ...header,
    [
      ...terms.map((_, i) => (i === 0 ? '=HYPERLINK("http://example.invalid","x")' : long)),
      ...extra,
    ],
    [...terms.map(() => '31/02/2017'), ...extra],
    [...terms.map(() => '@SUM(A1:A2)'), ...extra],
    ...header, // the header again, as files that repeat it per class
    [],
  ];
  const hasDate = Object.values(entity.mapping.columns).some((c) => c.kind === 'date');
  return {
    bytes: writeXlsx([{ name: sheet, rows: rows.map((r) => r.slice(0, width + 3)) }]),
    badDateRow: depth + 2,
    hasDate,
  };
}

/** The fixture's bytes cut short: the last half, or all but the central directory of a zip. */
function truncated(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
}

/** Text that a spreadsheet would run as a formula if it were written as typed. */
const FORMULAS = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1-1', '@SUM(A1:A2)'];

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** How the read of a hostile file ended (see {@link expectHostileOutcome}). */
export interface HostileEnding {
  /** What the read gave, when it was read to the end. */
  readonly result?: ReadResult;
  /** The error, when it was refused. */
  readonly error?: AdapterError;
}

/** The format a hostile file is named for. */
function formatOf(name: string): WorkbookFormat {
  if (name.endsWith('.csv')) return 'csv';
  return name.endsWith('.xls') ? 'xls' : 'xlsx';
}

/**
 * Reads a file of the hostile corpus (see `hostileFile`) with an adapter, with the file's limits,
 * and asserts that it ends as the file says: in a typed `AdapterError` with the expected code and
 * limit, or in records and issues (with the expected issue on the poisoned row, and the expected
 * file-level issue). An adapter with its own `open` may refuse a format it does not declare
 * (`'wrong-file-type'` or `'unsupported-format'`). Times are never asserted: a stall shows as the
 * test's timeout.
 *
 * @param adapter - The adapter.
 * @param file - A hostile file, built in the adapter's layout.
 * @returns What the read gave: the result, or the error.
 */
export async function expectHostileOutcome(
  adapter: Adapter,
  file: HostileFile,
): Promise<HostileEnding> {
  let result: ReadResult | undefined;
  let error: unknown;
  try {
    result = await readAll(adapter, file.bytes, { file: file.name, limits: file.limits });
  } catch (caught) {
    error = caught;
  }
  const expected = file.expect;
  if (result === undefined) {
    expect(error, `${file.name}: a typed AdapterError, never another error`).toBeInstanceOf(
      AdapterError,
    );
    const refused = error as AdapterError;
    const notDeclared =
      adapter.open !== undefined &&
      !adapter.formats.includes(formatOf(file.name)) &&
      (refused.code === 'wrong-file-type' || refused.code === 'unsupported-format');
    if (notDeclared) return { error: refused };
    expect(
      'error' in expected,
      `${file.name} must be read, but gave ${refused.code}: ${refused.message}`,
    ).toBe(true);
    if ('error' in expected) {
      expect(refused.code, `${file.name}: ${refused.message}`).toBe(expected.error);
      if (expected.limit !== undefined) {
        expect(refused.limit?.name, `${file.name}: ${refused.message}`).toBe(expected.limit);
      }
    }
    return { error: refused };
  }
  if ('error' in expected) {
    expect(
      expected.orRead === true,
      `${file.name} must end in ${expected.error}${expected.limit === undefined ? '' : ` (${expected.limit})`}, but was read`,
    ).toBe(true);
    return { result };
  }
  const { rowIssue, fileIssue } = expected;
  if (fileIssue !== undefined) {
    expect(
      result.issues.map((i) => i.problem).some((p) => fileIssue.test(p)),
      `${file.name}: a file issue matching ${fileIssue}`,
    ).toBe(true);
  }
  if (rowIssue !== undefined) {
    const problems = [
      ...result.records
        .filter((r) => r.provenance.row === rowIssue.row)
        .flatMap((r) => r.issues.map((i) => i.problem)),
      ...result.issues.filter((i) => i.row === rowIssue.row).map((i) => i.problem),
    ];
    expect(
      problems.some((p) => rowIssue.problem.test(p)),
      `${file.name}: row ${rowIssue.row} has an issue matching ${rowIssue.problem}`,
    ).toBe(true);
    // Only that row is affected: no other record carries the same problem.
    const elsewhere = result.records.filter(
      (r) =>
        r.provenance.row !== rowIssue.row && r.issues.some((i) => rowIssue.problem.test(i.problem)),
    );
    expect(
      elsewhere.map((r) => r.provenance.row),
      `${file.name}: other rows`,
    ).toEqual([]);
  }
  return { result };
}

/**
 * The conformance suite every adapter must pass, as vitest tests: each fixture reads without
 * throwing, every row is accounted for (a record, a skip with its reason, or an issue — nothing
 * dropped silently), records carry provenance down to the column of each field, the expected
 * counts are met, hostile input (formulas, 10,000-character cells, `__proto__` headers, bad
 * dates, repeated headers) survives without a crash or prototype pollution, an impossible date
 * becomes an error issue, a damaged file is a typed `AdapterError`, text that looks like a
 * formula is never written as one (no formula cell; in CSV no field starts with `=`, `+`, `-`,
 * `@`, tab or CR) and reads back as the same text (a CSV adapter's `open` removes its writer's
 * prefix), the adapter's writer
 * round-trips what it reads, detection recognises the adapter's own files, and every file of the
 * hostile corpus (`hostileFile`, one per attack class: huge shared-string tables, wide rows, merged
 * ranges by the thousand, deep XML, wide .xls rows, sheets sharing a part, long tags, pathological
 * titles, broken UTF-8, late NUL bytes, long formulas, markup named ".xls"), built in the adapter's
 * layout, ends in records and issues or in the typed error naming the limit it reaches.
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
      const hostile = hostileWorkbook(adapter, options.hostileSheet ?? 'Sheet1');
      expect(hostile, 'the adapter has an entity to build hostile input from').toBeDefined();
      if (!hostile) return;
      const result = await readAll(adapter, hostile.bytes, { file: 'hostile.xlsx' });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
      expect(result.records.length, 'the hostile rows are read, not dropped').toBeGreaterThan(0);
      for (const r of result.records) {
        expect(Object.getPrototypeOf(r.record)).toBe(Object.prototype);
        expect(Object.hasOwn(r.record, '__proto__')).toBe(false);
        expect(Object.hasOwn(r.record, 'constructor')).toBe(false);
      }
      expect(result.skipped.some((s) => s.reason === 'repeated-header')).toBe(true);
    });

    it('turns bad rows into issues, never into silent gaps', async () => {
      const hostile = hostileWorkbook(adapter, options.hostileSheet ?? 'Sheet1');
      if (!hostile) return;
      const result = await readAll(adapter, hostile.bytes, { file: 'hostile.xlsx' });
      const bad = result.records.find((r) => r.provenance.row === hostile.badDateRow);
      const rowIssues = result.issues.filter((i) => i.row === hostile.badDateRow);
      expect(
        bad !== undefined || rowIssues.length > 0,
        `row ${hostile.badDateRow} gives a record or an issue`,
      ).toBe(true);
      if (hostile.hasDate) {
        const problems = [
          ...(bad?.issues ?? []).filter((i) => i.severity === 'error'),
          ...rowIssues.filter((i) => i.severity === 'error'),
        ];
        expect(problems.length, 'an impossible date is an error').toBeGreaterThan(0);
      }
    });

    if (adapter.write) {
      it('never writes a formula from data', async () => {
        const fixture = fixtures[0];
        if (!fixture) return;
        const first = await readAll(adapter, fixture.bytes, { file: fixture.name });
        const entity = first.records[0]?.entity;
        const mapping = adapter.entities.find((e) => e.mapping.entity === entity)?.mapping;
        const field = Object.entries(mapping?.columns ?? {}).find(
          ([, c]) => c.kind === 'name' || c.kind === 'text',
        )?.[0];
        expect(field, 'a text column to carry the payloads').toBeDefined();
        if (entity === undefined || field === undefined) return;
        const records = first.records
          .filter((r) => r.entity === entity)
          .map((r, i) => ({ ...r.record, [field]: FORMULAS[i % FORMULAS.length] }));
        const written = await adapter.write?.({ entity, records });
        if (!written) return;
        const workbook = await openWorkbook(written);
        try {
          for (const sheet of workbook.sheets) {
            for await (const row of workbook.rows(sheet.index)) {
              for (const cell of row.cells) {
                expect(cell?.formula, `row ${row.row} of ${sheet.name}`).toBeUndefined();
                if (workbook.format === 'csv' && typeof cell?.value === 'string') {
                  expect(cell.value, `row ${row.row}`).not.toMatch(/^[=+\-@\t\r]/);
                }
              }
            }
          }
        } finally {
          await workbook.close();
        }
        {
          const again = await readAll(adapter, written, {
            file: isZip(written) ? 'written.xlsx' : 'written.csv',
          });
          expect(
            again.records.filter((r) => r.entity === entity).map((r) => r.record[field]),
          ).toEqual(records.map((r) => r[field]));
        }
      });
    }

    describe('hostile corpus: every read within a budget', () => {
      for (const attack of HOSTILE_ATTACKS) {
        it(`ends a hostile file (${attack}) in records and issues or a typed error`, async () => {
          const file = hostileFile(attack, {
            adapter,
            ...(options.hostileSheet === undefined ? {} : { sheet: options.hostileSheet }),
          });
          await expectHostileOutcome(adapter, file);
        });
      }
    });

    const zipped = fixtures.find((f) => isZip(f.bytes));
    if (zipped) {
      it('rejects a damaged file with a typed AdapterError', async () => {
        const error = await readAll(adapter, truncated(zipped.bytes), {
          file: 'damaged.xlsx',
        }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AdapterError);
        expect((error as AdapterError).code).toBe('corrupt-file');
      });
    }
  });
}
