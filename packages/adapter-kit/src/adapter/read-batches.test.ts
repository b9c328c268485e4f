import { describe, expect, it } from 'vitest';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { defineAdapter } from './define.ts';
import { readAll } from './read.ts';
import { readBatches } from './read-batches.ts';
import type { ReadItem } from './types.ts';

// Generated people only.
const adapter = defineAdapter({
  id: 'batches-test',
  label: 'Batches test',
  version: '1',
  basis: 'a layout made for this test',
  formats: ['csv'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column(['Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ và tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
        },
      }),
    },
  ],
});

const csv = new TextEncoder().encode(
  [
    'Mã HS,Họ và tên,Ngày sinh',
    ...Array.from(
      { length: 600 },
      (_, i) =>
        `HS${i + 1},Học Sinh ${'ABCDE'[i % 5]},${i % 7 === 0 ? '31/02/2018' : '05/09/2018'}`,
    ),
  ].join('\n'),
);

describe('readBatches', () => {
  it('hands on readWith’s items in the same order, an array at a time, none empty', async () => {
    const batches: ReadItem[][] = [];
    for await (const batch of readBatches(adapter, csv, { file: 'ds.csv' })) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.length > 0)).toBe(true);
    const all = await readAll(adapter, csv, { file: 'ds.csv' });
    const flat = batches.flat();
    expect(flat.filter((i) => i.kind === 'record')).toEqual(all.records);
    expect(flat.filter((i) => i.kind === 'issue')).toEqual(all.issues);
    expect(all.records.filter((r) => r.issues.length > 0)).toHaveLength(86); // 31/02 every 7th row
  });

  it('a source that is not a workbook rejects the first batch', async () => {
    const iterator = readBatches(adapter, Uint8Array.from([0x50, 0x4b, 3, 4, 0]));
    await expect(iterator.next()).rejects.toThrow();
  });
});
