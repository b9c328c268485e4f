import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue, Report } from '../core/report.ts';
import {
  fromJSON,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  ReportFormatError,
  toJSON,
} from './json.ts';
import { HOSTILE, HOSTILE_NOTE, sampleReport } from './report.test-helper.ts';

describe('toJSON', () => {
  it('writes a versioned eduvn-report document with a fixed key order', async () => {
    const report = await sampleReport();
    const doc = toJSON(report);
    expect(doc.format).toBe('eduvn-report');
    expect(doc.version).toBe(1);
    expect([REPORT_FORMAT, REPORT_FORMAT_VERSION]).toEqual(['eduvn-report', 1]);
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'asOf',
      'period',
      'passes',
      'rules',
      'summary',
      'issues',
      'notChecked',
    ]);
    expect(doc).toMatchObject({
      asOf: '2026-05-31',
      period: 'GK1',
      passes: false,
      rules: ['TEST.VALUE.001', 'TEST.SIZE.001', 'TEST.QUIET.001'],
    });
    expect(doc.summary.bySeverity).toEqual({ error: 2, query: 1, acknowledged: 1 });
    expect(Object.keys(doc.summary.byRule)).toEqual(['TEST.SIZE.001', 'TEST.VALUE.001']);
    expect(Object.keys(doc.issues[0] ?? {})).toEqual([
      'ruleId',
      'severity',
      'basis',
      'entity',
      'recordKey',
      'field',
      'symbol',
      'classCode',
      'location',
      'message',
      'hint',
    ]);
    expect(doc.issues.find((i) => i.acknowledged)?.acknowledged).toEqual({
      note: HOSTILE_NOTE,
      by: 'hiệu trưởng',
      at: '2026-05-31T09:00:00+07:00',
    });
  });

  it('keeps hostile text and a class code named __proto__ as data', async () => {
    const doc = toJSON(await sampleReport());
    expect(doc.issues[0]?.message.vi).toContain(HOSTILE);
    expect(Object.keys(doc.summary.byClass)).toEqual(['1A', '__proto__']);
    const again = JSON.parse(JSON.stringify(doc)) as typeof doc;
    expect(Object.keys(again.summary.byClass)).toEqual(['1A', '__proto__']);
    expect(Object.getPrototypeOf(again.summary.byClass)).toBe(Object.prototype);
  });

  it('is stable: the same report gives the same text', async () => {
    const a = JSON.stringify(toJSON(await sampleReport()));
    const b = JSON.stringify(toJSON(await sampleReport()));
    expect(a).toBe(b);
  });
});

describe('fromJSON', () => {
  it('round-trips a report through JSON text, in both directions', async () => {
    const report = await sampleReport();
    const text = JSON.stringify(toJSON(report));
    const back = fromJSON(text);
    expect(back).toEqual(report);
    expect(JSON.stringify(toJSON(back))).toBe(text);
    expect(fromJSON(JSON.parse(text))).toEqual(report);
  });

  it('round-trips any text in messages, hints, notes and locations', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const issue = fc.record({
      ruleId: text,
      severity: fc.constantFrom('error' as const, 'query' as const),
      basis: text,
      entity: text,
      recordKey: text,
      message: fc.record({ vi: text, en: text }),
      hint: fc.record({ vi: text, en: text }),
      location: fc.record(
        { file: text, row: fc.nat(), column: text, cell: text },
        { requiredKeys: [] },
      ),
      value: fc.option(text, { nil: undefined }),
      acknowledged: fc.option(fc.record({ note: text, by: text, at: text }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(issue, { maxLength: 5 }),
        text,
        fc.dictionary(
          text,
          fc.record({ error: fc.nat(), query: fc.nat(), acknowledged: fc.nat() }),
        ),
        fc.array(
          fc.record(
            {
              entity: text,
              ruleId: text,
              fields: fc.array(text, { maxLength: 3 }),
              reason: fc.record({ vi: text, en: text }),
            },
            { requiredKeys: ['entity', 'fields', 'reason'] },
          ),
          { maxLength: 3 },
        ),
        (raw, asOf, byClass, notChecked) => {
          const issues = raw.map(({ acknowledged, value, ...rest }) => ({
            ...rest,
            ...(value === undefined ? {} : { value }),
            ...(acknowledged ? { acknowledged } : {}),
          })) as Issue[];
          const report: Report = {
            issues,
            summary: {
              records: issues.length,
              bySeverity: { error: 0, query: 0, acknowledged: 0 },
              byRule: {},
              byClass,
            },
            passes: issues.length === 0,
            asOf,
            rules: issues.map((i) => i.ruleId),
            notChecked,
          };
          const back = fromJSON(JSON.stringify(toJSON(report)));
          expect(back).toEqual(report);
          expect(toJSON(back)).toEqual(toJSON(report));
        },
      ),
    );
  });

  it('refuses what is not an eduvn-report of version 1', async () => {
    const doc = toJSON(await sampleReport());
    const bad: [unknown, RegExp][] = [
      ['{not json', /Not JSON/],
      [[], /\(document\) must be an object/],
      [{ ...doc, format: 'other' }, /format must be 'eduvn-report'/],
      [{ ...doc, version: 2 }, /version must be 1/],
      [{ ...doc, issues: 'none' }, /issues must be an array/],
      [{ ...doc, issues: [{ ...doc.issues[0], severity: 'warning' }] }, /issues\.0\.severity/],
      [
        { ...doc, issues: [{ ...doc.issues[0], message: { vi: 'x' } }] },
        /issues\.0\.message\.en must be a string/,
      ],
      [{ ...doc, summary: { ...doc.summary, records: -1 } }, /summary\.records/],
    ];
    for (const [input, message] of bad) {
      const attempt = () => fromJSON(typeof input === 'string' ? input : JSON.stringify(input));
      expect(attempt).toThrow(ReportFormatError);
      expect(attempt).toThrow(message);
    }
  });
});
