import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, quoteFormula, unquoteFormula } from './formula-prefix.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Text that often starts with quotes and formula characters. */
const tricky = fc
  .tuple(
    fc.string({ unit: fc.constantFrom("'", ...TRIGGERS), maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  .map(([head, tail]) => head + tail);

describe('quoteFormula', () => {
  it('puts a quote in front of text a spreadsheet would run', () => {
    expect(quoteFormula('=HYPERLINK("http://example.invalid","x")')).toBe(
      '\'=HYPERLINK("http://example.invalid","x")',
    );
    for (const t of TRIGGERS) expect(quoteFormula(`${t}1`)).toBe(`'${t}1`);
    expect(quoteFormula('-1')).toBe("'-1");
  });

  it('leaves other text alone, apostrophes included', () => {
    for (const text of ['', 'Nguyễn Văn An', "O'Neil", "'0123", "'", "''", 'a=b', ' =x']) {
      expect(quoteFormula(text)).toBe(text);
    }
  });

  it('quotes text that already starts with quotes before a formula character', () => {
    expect(quoteFormula("'=x")).toBe("''=x");
    expect(quoteFormula("''-1")).toBe("'''-1");
  });

  it('never gives text that starts with a formula character', () => {
    fc.assert(fc.property(tricky, (text) => !isFormulaLike(quoteFormula(text))));
  });
});

describe('unquoteFormula', () => {
  it('removes exactly the one quote quoteFormula adds', () => {
    expect(unquoteFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unquoteFormula("''=x")).toBe("'=x");
    expect(unquoteFormula("'-1")).toBe('-1');
    expect(unquoteFormula("'\t=x")).toBe('\t=x');
  });

  it('keeps a quote that protects nothing', () => {
    for (const text of ["'0123", "'", "''", "O'Neil", "'Nam", '=x', '']) {
      expect(unquoteFormula(text)).toBe(text);
    }
  });

  it('is the exact inverse of quoteFormula, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })), (text) => {
        expect(unquoteFormula(quoteFormula(text))).toBe(text);
      }),
    );
  });
});

describe('isFormulaLike', () => {
  it('recognises the six characters', () => {
    expect(TRIGGERS.map((t) => isFormulaLike(`${t}x`))).toEqual(TRIGGERS.map(() => true));
    expect(['', 'x', "'=x", ' =x'].map(isFormulaLike)).toEqual([false, false, false, false]);
  });
});
