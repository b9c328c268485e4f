import { generateSchool, recordsOf } from '@eduvn/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJSON } from '../format/json.ts';
import { toJUnit } from '../format/junit.ts';
import { formatText } from '../format/text.ts';
import { validate } from '../validate.ts';
import { acknowledge } from './acknowledge.ts';
import { maskRecordKey } from './keys.ts';
import type { Report } from './report.ts';

describe('maskRecordKey', () => {
  it('masks every part written like a personal ID to its last three digits', () => {
    expect(maskRecordKey('079216001234')).toBe('*********234');
    expect(maskRecordKey('79000701/079216001234/2025-2026')).toBe(
      '79000701/*********234/2025-2026',
    );
  });

  it('leaves other keys alone: pupil codes, classes, longer or shorter digit runs', () => {
    for (const key of ['HS0001', '79000701/1A', '0792160012345', '07921600123', 'TAM-abc', '?', ''])
      expect(maskRecordKey(key)).toBe(key);
  });

  it('never shows the first nine digits of a 12-digit part (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.string({ maxLength: 8 }), (id, rest) => {
        const masked = maskRecordKey(`${rest.replaceAll('/', '')}/${id}`);
        expect(masked.endsWith(`/*********${id.slice(-3)}`)).toBe(true);
      }),
    );
  });
});

describe('a report of staff keyed by their personal ID', () => {
  async function report() {
    const school = generateSchool({ seed: 41 });
    const staff = recordsOf(school).find((r) => r.entity === 'CanBo');
    if (!staff) throw new Error('the fixture has no staff');
    // Some schools key staff by their personal ID; make the record break a rule (a blank name).
    const id = '079216001234';
    const record = { ...staff.record, giaoVienId: id, hoTen: '' };
    return { id, report: await validate([{ entity: 'CanBo', record }], { asOf: '2026-05-31' }) };
  }

  it('shows the key masked in the text, JSON and JUnit formats', async () => {
    const { id, report: r } = await report();
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.some((i) => i.recordKey.includes(id))).toBe(true);
    for (const out of [
      formatText(r),
      formatText(r, { lang: 'en' }),
      JSON.stringify(toJSON(r)),
      toJUnit(r),
    ]) {
      expect(out).not.toContain(id);
      expect(out).toContain('*********234');
    }
  });

  it('accepts an acknowledgement naming the record by its masked key', async () => {
    const { id, report: r } = await report();
    const issue = r.issues[0];
    if (!issue) throw new Error('no issue');
    // The same issue as a query (acknowledgeable), as a report read back from JSON would hold it.
    const asQuery: Report = {
      ...r,
      issues: [{ ...issue, severity: 'query', recordKey: id }],
    };
    const ack = acknowledge(asQuery, {
      ruleId: issue.ruleId,
      recordKey: '*********234',
      note: 'checked',
      by: 'test',
    });
    expect(ack.recordKey).toBe('*********234');
    expect(() =>
      acknowledge(asQuery, { ruleId: issue.ruleId, recordKey: '*********999', note: 'x', by: 't' }),
    ).toThrow(/no issue/);
  });
});
