import type { CheckReport } from '@eduvn/check';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { printSummary } from './validate.ts';

function io(): CliIo & { text: string } {
  const out = {
    text: '',
    stdout: {
      isTTY: false,
      write: (s: string) => {
        out.text += s;
      },
    },
  };
  return out as unknown as CliIo & { text: string };
}

describe('printSummary', () => {
  it('lists 50 classes and says how many more there are', () => {
    const none = { error: 1, query: 0, acknowledged: 0 };
    const byClass = Object.fromEntries(Array.from({ length: 73 }, (_, i) => [`L${i}`, none]));
    const report = {
      asOf: '2026-05-31',
      files: [],
      summary: {
        records: 73,
        bySeverity: { error: 73, query: 0, acknowledged: 0 },
        byRule: {},
        byClass,
      },
      notChecked: [],
      issues: [],
      omitted: 0,
    } as unknown as CheckReport;
    const out = io();
    printSummary(out, report, 'en', 20);
    expect(out.text.match(/^ {2}L\d+ /gm)).toHaveLength(50);
    expect(out.text).toContain('… and 23 more class(es) (--report for all)');
  });
});
