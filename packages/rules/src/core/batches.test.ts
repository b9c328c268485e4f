import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../validate.ts';
import { batchesOf, inBatches } from './batches.ts';
import type { InputRecord } from './types.ts';

/** Cuts `records` into batches at the given sizes (an empty batch included where a size is 0). */
function cut(records: readonly InputRecord[], sizes: readonly number[]): InputRecord[][] {
  const out: InputRecord[][] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= records.length) break;
    out.push(records.slice(at, at + size));
    at += size;
  }
  if (at < records.length) out.push(records.slice(at));
  return out;
}

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe('inBatches', () => {
  const school = generateSchool({ seed: 21, province: '79', pupils: 60 });
  const { records } = plantProblems(recordsOf(school), { seed: 5, rate: 0.08 });
  const options = { asOf: '2026-05-31' };

  it('gives the report of the same records one at a time, however they are cut (fast-check)', async () => {
    const expected = await validate(stream(records), options);
    expect(expected.issues.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 12 }),
        async (sizes) => {
          const report = await validate(inBatches(stream(cut(records, sizes))), options);
          expect(report).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('is still an AsyncIterable of the records, one at a time', async () => {
    const seen: InputRecord[] = [];
    for await (const record of inBatches(stream(cut(records, [3, 0, 7])))) seen.push(record);
    expect(seen).toEqual(records);
  });

  it('hands the engine the batches themselves; any other input has none', () => {
    const batches = stream([[...records]]);
    expect(batchesOf(inBatches(batches))).toBe(batches);
    expect(batchesOf(stream(records))).toBeUndefined();
    expect(batchesOf(records)).toBeUndefined();
    expect(batchesOf(null)).toBeUndefined();
  });

  it('an error of the batches rejects the run', async () => {
    async function* failing(): AsyncGenerator<InputRecord[]> {
      yield records.slice(0, 2);
      throw new Error('the file is damaged');
    }
    await expect(validate(inBatches(failing()), options)).rejects.toThrow('the file is damaged');
  });
});
