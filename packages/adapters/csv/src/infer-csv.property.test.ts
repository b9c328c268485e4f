import { defaultKind, kindsForType } from '@eduvn/adapter-kit';
import { entityByName, type FieldInfo, fieldsOf } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './fixtures.test-helper.ts';
import { inferCsvAdapter } from './infer-csv.ts';
import { readCsvAll } from './read-csv.ts';

// A proposal reads the file it was proposed from: a CSV file of 1 to 30 columns, each headed by
// a field's label, gives an adapter that reads every data row of that file. Generated values only.

const schema = entityByName('HocSinh');
if (schema === undefined) throw new Error('HocSinh is a known entity');
const FIELDS: readonly FieldInfo[] = (() => {
  const seen = new Set<string>();
  return fieldsOf(schema).filter((f) => {
    if (kindsForType(f.type).length === 0 || defaultKind(f) === null || seen.has(f.label.vi))
      return false;
    seen.add(f.label.vi);
    return true;
  });
})();

const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hạnh'];

function sample(field: FieldInfo, n: number): string {
  if (field.name === 'maCongDanId' || field.name === 'soCmtnd')
    return `0012180${String(n).padStart(5, '0')}`;
  if (/^(dienThoai|diDong)/.test(field.name)) return `09${String(n).padStart(8, '0')}`;
  if (/^namSinh|^nam[A-Z]/.test(field.name)) return String(1970 + (n % 40));
  switch (defaultKind(field)) {
    case 'name':
      return `Trần Thị ${GIVEN[n % GIVEN.length]}`;
    case 'date':
      return `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/2015`;
    case 'sex':
      return n % 2 === 0 ? 'Nam' : 'Nữ';
    case 'subjectLevel':
      return ['T', 'H', 'C'][n % 3] ?? 'T';
    case 'traitLevel':
      return ['T', 'Đ', 'C'][n % 3] ?? 'T';
    case 'flag':
      return 'x';
    case 'integer':
      return String(1 + (n % 9));
    case 'decimal':
      return `${n % 100},25`;
    case 'boolean':
      return n % 2 === 0 ? 'Có' : 'Không';
    case 'code':
      return `M${String(n).padStart(5, '0')}`;
    default:
      return `Ghi chú ${n}`;
  }
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('inferCsvAdapter: a proposal reads the file it was proposed from', () => {
  it('1 to 30 columns: every data row is a record', async () => {
    const layout = fc.record({
      fields: fc.uniqueArray(fc.integer({ min: 0, max: FIELDS.length - 1 }), {
        minLength: 1,
        maxLength: Math.min(30, FIELDS.length),
      }),
      titleRows: fc.integer({ min: 0, max: 3 }),
      dataRows: fc.integer({ min: 1, max: 10 }),
      seed: fc.integer({ min: 0, max: 10_000 }),
    });
    await fc.assert(
      fc.asyncProperty(layout, async (spec) => {
        const fields = spec.fields.map((i) => FIELDS[i] as FieldInfo);
        const lines: string[] = [];
        for (let t = 0; t < spec.titleRows; t++) lines.push(t === 0 ? 'DANH SÁCH HỌC SINH' : '');
        lines.push(fields.map((f) => quote(f.label.vi)).join(','));
        for (let i = 0; i < spec.dataRows; i++) {
          lines.push(
            fields.map((f, c) => quote(sample(f, spec.seed + 31 * i + 101 * c))).join(','),
          );
        }
        const bytes = utf8Bytes(`${lines.join('\r\n')}\r\n`);
        const headerRow = spec.titleRows + 1;
        // A one-column file names one field: its header row is given (the search needs two).
        const { adapter, proposal } = await inferCsvAdapter(
          bytes,
          'HocSinh',
          fields.length === 1 ? { headerRow } : {},
        );
        expect(proposal.headerRow).toBe(headerRow);
        const result = await readCsvAll(adapter, bytes);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(result.records.map((r) => r.provenance.row)).toEqual(
          Array.from({ length: spec.dataRows }, (_, i) => headerRow + 1 + i),
        );
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
