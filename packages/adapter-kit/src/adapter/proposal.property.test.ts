import { entityByName, type FieldInfo, fieldsOf } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHeader } from '../layout/find-header.ts';
import type { HeaderTerm } from '../layout/types.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { defaultKind, kindsForType } from '../mapping/field-kinds.ts';
import { inferMapping } from '../mapping/infer-mapping.ts';
import { openWorkbook } from '../workbook/open.ts';
import type { CellValue, Row } from '../workbook/types.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { defineAdapter } from './define.ts';
import { readAll } from './read.ts';

// A proposal (a mapping inferred from a file's header and values) must read the file it was
// proposed from, whatever the number of columns: the header it was inferred from is found again
// however few columns the mapping has.

const schema = entityByName('HocSinh');
if (schema === undefined) throw new Error('HocSinh is a known entity');
/** Fields a cell can fill, with distinct labels (each a header the vocabulary knows). */
const FIELDS: readonly FieldInfo[] = (() => {
  const seen = new Set<string>();
  return fieldsOf(schema).filter((f) => {
    if (kindsForType(f.type).length === 0 || defaultKind(f) === null) return false;
    if (seen.has(f.label.vi)) return false;
    seen.add(f.label.vi);
    return true;
  });
})();

/** The header terms of every field (its Vietnamese label), as a proposal looks for a header. */
const VOCABULARY: readonly HeaderTerm[] = FIELDS.map((f) => ({ label: f.label.vi }));

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hạnh', 'Khoa', 'Linh'];

/** A value of a field's kind for the generated pupil `i` (generated people only). */
function sampleValue(field: FieldInfo, i: number, seed: number): CellValue {
  const n = (i * 7919 + seed) % 9973;
  // Values of the shape the field's name asks for (a generated ID, a phone, a parent's birth year).
  if (field.name === 'maCongDanId' || field.name === 'soCmtnd')
    return `0012180${String(n).padStart(5, '0')}`;
  if (/^(dienThoai|diDong)/.test(field.name)) return `09${String(n).padStart(8, '0')}`;
  if (/^namSinh|^nam[A-Z]/.test(field.name)) return 1970 + (n % 40);
  switch (defaultKind(field)) {
    case 'name':
      return `${FAMILY[n % FAMILY.length]} Thị ${GIVEN[(n >> 3) % GIVEN.length]}`;
    case 'date':
      return `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/${2010 + (n % 8)}`;
    case 'sex':
      return n % 2 === 0 ? 'Nam' : 'Nữ';
    case 'subjectLevel':
      return ['T', 'H', 'C'][n % 3] ?? 'T';
    case 'traitLevel':
      return ['T', 'Đ', 'C'][n % 3] ?? 'T';
    case 'flag':
      return 'x';
    case 'integer':
      return 1 + (n % 9);
    case 'decimal':
      return (n % 100) / 10 + 0.25;
    case 'boolean':
      return n % 2 === 0 ? 'Có' : 'Không';
    case 'code':
      return `M${String(n).padStart(5, '0')}`;
    default:
      return `Ghi chú ${n}`;
  }
}

const layout = fc.record({
  fields: fc.uniqueArray(fc.integer({ min: 0, max: FIELDS.length - 1 }), {
    minLength: 1,
    maxLength: Math.min(30, FIELDS.length),
  }),
  titleRows: fc.integer({ min: 0, max: 5 }),
  dataRows: fc.integer({ min: 1, max: 12 }),
  stt: fc.boolean(),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

/** The sheet's rows: titles, the header, data. */
function rowsOf(spec: Layout): CellValue[][] {
  const fields = spec.fields.map((i) => FIELDS[i] as FieldInfo);
  const rows: CellValue[][] = [];
  for (let t = 0; t < spec.titleRows; t++) rows.push(t === 0 ? ['DANH SÁCH HỌC SINH'] : []);
  rows.push([...(spec.stt ? ['STT'] : []), ...fields.map((f) => f.label.vi)]);
  for (let i = 0; i < spec.dataRows; i++) {
    rows.push([
      ...(spec.stt ? [i + 1] : []),
      ...fields.map((f, c) => sampleValue(f, i, spec.seed + 101 * c)),
    ]);
  }
  return rows;
}

function csvOf(rows: readonly CellValue[][]): Uint8Array {
  const text = rows
    .map((r) => r.map((v) => `"${String(v ?? '').replaceAll('"', '""')}"`).join(','))
    .join('\r\n');
  return new TextEncoder().encode(`${text}\r\n`);
}

/** Infers a mapping from the file, builds an adapter from it (defaults only), reads the file. */
async function proposeAndRead(bytes: Uint8Array, format: 'xlsx' | 'csv') {
  const workbook = await openWorkbook(bytes);
  const rows: Row[] = [];
  try {
    for await (const row of workbook.rows(0)) rows.push(row);
  } finally {
    await workbook.close();
  }
  const header = findHeader(rows, VOCABULARY, { minScore: 1 });
  if (header === undefined) throw new Error('the generated header is not found');
  const inferred = inferMapping({ header, rows }, 'HocSinh');
  const mapped = Object.keys(inferred.mapping.columns);
  const adapter = defineAdapter({
    id: 'proposed',
    label: 'proposed',
    version: 'proposed',
    basis: 'a mapping inferred by this test',
    formats: [format],
    entities: [{ mapping: defineMapping(inferred.mapping) }],
  });
  return { mapped, result: await readAll(adapter, bytes), header };
}

describe('a proposal reads the file it was proposed from', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: 1 to 30 columns, infer → adapter → read gives every data row as a record`, async () => {
      await fc.assert(
        fc.asyncProperty(layout, async (spec) => {
          const rows = rowsOf(spec);
          const bytes = format === 'xlsx' ? writeXlsx([{ name: 'DS', rows }]) : csvOf(rows);
          const { mapped, result, header } = await proposeAndRead(bytes, format);
          expect(header.firstRow).toBe(spec.titleRows + 1);
          // Every generated column carries its field's own label: each is proposed.
          expect(mapped.length).toBeGreaterThan(0);
          expect(result.issues.filter((i) => i.code === 'no-layout')).toEqual([]);
          // Only the title is skipped (its blank rows are not stored at all).
          expect(result.skipped.map((s) => s.reason)).toEqual(spec.titleRows > 0 ? ['title'] : []);
          expect(result.records.map((r) => r.provenance.row)).toEqual(
            Array.from({ length: spec.dataRows }, (_, i) => spec.titleRows + 2 + i),
          );
          for (const record of result.records) {
            expect(Object.keys(record.record).length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 80 },
      );
    }, 120_000);
  }

  it('one column: a list of names alone is read', async () => {
    const rows: CellValue[][] = [['Họ tên'], ['Nguyễn Thị An'], ['Trần Văn Bình']];
    const { mapped, result } = await proposeAndRead(writeXlsx([{ name: 'DS', rows }]), 'xlsx');
    expect(mapped).toEqual(['hoTen']);
    expect(result.records.map((r) => r.record['hoTen'])).toEqual([
      'Nguyễn Thị An',
      'Trần Văn Bình',
    ]);
  });
});
