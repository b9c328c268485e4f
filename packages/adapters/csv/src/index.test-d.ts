import type { Adapter, ReadItem, ReadResult } from '@eduvn/adapter-kit';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CsvAdapter,
  type CsvProposal,
  csvAdapter,
  describeProposal,
  inferCsvAdapter,
  readCsv,
  readCsvAll,
  writeCsv,
  writeCsvStream,
} from './index.ts';

describe('types', () => {
  it('a CSV adapter is an adapter', () => {
    expectTypeOf<CsvAdapter>().toExtend<Adapter>();
    expectTypeOf(csvAdapter).returns.toEqualTypeOf<CsvAdapter>();
  });

  it('reads give the kit’s items and results', () => {
    expectTypeOf(readCsv).returns.toEqualTypeOf<AsyncGenerator<ReadItem, void, undefined>>();
    expectTypeOf(readCsvAll).returns.resolves.toEqualTypeOf<ReadResult>();
  });

  it('writes give bytes', () => {
    expectTypeOf(writeCsv).returns.toEqualTypeOf<Uint8Array>();
    expectTypeOf(writeCsvStream).returns.toEqualTypeOf<
      AsyncGenerator<Uint8Array, void, undefined>
    >();
    expectTypeOf(writeCsv)
      .parameter(2)
      .toEqualTypeOf<import('./write-csv.ts').CsvWriteOptions | undefined>();
  });

  it('inference gives an adapter and a proposal that describes itself', () => {
    expectTypeOf(inferCsvAdapter).returns.resolves.toEqualTypeOf<{
      readonly adapter: CsvAdapter;
      readonly proposal: CsvProposal;
    }>();
    expectTypeOf(describeProposal).parameter(0).toEqualTypeOf<CsvProposal>();
    expectTypeOf(describeProposal).returns.toEqualTypeOf<string[]>();
  });

  it('refuses a kind that does not exist, and options of the wrong type', () => {
    // @ts-expect-error: 'colour' is not a value kind
    writeCsv([], [{ header: 'A', field: 'a', kind: 'colour' }]);
    // @ts-expect-error: ':' is not a delimiter
    writeCsv([], [{ header: 'A', field: 'a' }], { delimiter: ':' });
  });
});
