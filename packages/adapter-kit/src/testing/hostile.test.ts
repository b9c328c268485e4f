import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../adapter/define.ts';
import { readAll } from '../adapter/read.ts';
import { AdapterError } from '../errors.ts';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { HOSTILE_ATTACKS, type HostileAttack, hostileCorpus, hostileFile } from './hostile.ts';
import { expectHostileOutcome } from './test-adapter.ts';

/**
 * The hostile corpus of issue 15, read by two adapters (a flat header, and a merged two-row
 * header that reads merged ranges) at sizes fast-check varies: every file ends in records and
 * issues, or in the typed error naming the limit it reaches. Times and memory at large sizes are
 * measured by `bench/adapters/budgets.bench.ts` (never here).
 */

const flat = defineAdapter({
  id: 'flat-list',
  label: 'A flat pupil list',
  version: 'test',
  basis: 'a model made for this test',
  formats: ['xlsx', 'xls', 'csv'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
          maGioiTinh: column('Giới tính', 'sex'),
        },
      }),
    },
  ],
});

const merged = defineAdapter({
  id: 'merged-list',
  label: 'A pupil list under a merged header',
  version: 'test',
  basis: 'a model made for this test',
  formats: ['xlsx'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code', { required: true }),
          hoTen: column({ path: ['Thông tin học sinh', 'Họ tên'] }, 'name', { required: true }),
          ngaySinh: column({ path: ['Thông tin học sinh', 'Ngày sinh'] }, 'date'),
        },
      }),
    },
  ],
});

/** The limit (or code) each attack must end in with the flat adapter, at every size. */
const FLAT: Readonly<Record<HostileAttack, string>> = {
  'shared-strings': 'maxSharedStringsLength',
  'shared-string-count': 'maxSharedStrings',
  'wide-row': 'maxRowLength',
  'merged-ranges': 'read', // the flat adapter never asks for merged ranges
  'header-merges': 'read',
  'deep-xml': 'maxXmlDepth',
  'wide-biff': 'maxBiffColumns',
  'shared-sheet-part': 'corrupt-file',
  'many-sheets': 'maxSheets',
  'inflated-bytes': 'maxInflatedBytes',
  'long-tags': 'maxTagLength',
  'title-runs': 'read',
  'mostly-utf-8': 'read',
  'late-nul': 'read',
  'long-formula': 'read',
  'utf16-html': 'unsupported-format',
  'xml-spreadsheet': 'unsupported-format',
};

/** How a read ended: the limit named, the error code, or `'read'`. */
async function ending(adapter: typeof flat, attack: HostileAttack, size: number): Promise<string> {
  const file = hostileFile(attack, { adapter, size });
  const { error } = await expectHostileOutcome(adapter, file);
  return error === undefined ? 'read' : (error.limit?.name ?? error.code);
}

describe('hostile corpus (issue 15)', () => {
  it('has one generator per attack class, each named for its format', () => {
    const corpus = hostileCorpus();
    expect(corpus.map((f) => f.attack)).toEqual(HOSTILE_ATTACKS);
    for (const file of corpus) {
      expect(file.name).toMatch(/\.(xlsx|xls|csv)$/);
      expect(file.bytes.length).toBeGreaterThan(0);
    }
  });

  for (const attack of HOSTILE_ATTACKS) {
    it(`ends ${attack} files of any size as expected, for a flat and a merged header`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 6 }), async (size) => {
          expect(await ending(flat, attack, size)).toBe(FLAT[attack]);
          const withMerges = await ending(merged, attack, size);
          if (attack === 'merged-ranges') expect(withMerges).toBe('maxMergedRanges');
          if (FLAT[attack] !== 'read') expect(withMerges).toBe(FLAT[attack]);
        }),
        { numRuns: 4 },
      );
    });
  }

  it('refuses at the default limits what no workbook needs', async () => {
    // Files small enough for a test suite that reach a default limit anyway.
    for (const [attack, size, limit] of [
      ['deep-xml', 1, 'maxXmlDepth'],
      ['wide-biff', 1, 'maxBiffColumns'],
    ] as const) {
      const file = hostileFile(attack, { adapter: flat, size });
      const error = await readAll(flat, file.bytes, { file: file.name }).catch((e: unknown) => e);
      expect(error, attack).toBeInstanceOf(AdapterError);
      expect((error as AdapterError).limit?.name, attack).toBe(limit);
      expect((error as AdapterError).message, attack).toContain(file.name);
    }
  });

  it('reads rows whose tags are 256 KiB long under the default maxTagLength, every one', async () => {
    const file = hostileFile('long-tags', { adapter: flat, size: 6 });
    const result = await readAll(flat, file.bytes, { file: file.name });
    expect(result.records.map((r) => r.record['hocSinhId'])).toEqual([
      'HS00001',
      'HS00002',
      'HS00003',
      'HS00004',
      'HS00005',
      'HS00006',
    ]);
  });

  it('reads the poisoned CSV rows as errors and every other name intact', async () => {
    const file = hostileFile('mostly-utf-8', { adapter: flat, size: 3 });
    const { result } = await expectHostileOutcome(flat, file);
    const names = (result?.records ?? []).map((r) => r.record['hoTen']);
    expect(names.filter((n) => n === undefined)).toHaveLength(1);
    expect(new Set(names.filter((n) => n !== undefined))).toEqual(
      new Set(['Nguyễn Văn An', 'Lê Thị Hoà', 'Trần Minh Khôi', 'Phạm Thị Lan']),
    );
  });
});
