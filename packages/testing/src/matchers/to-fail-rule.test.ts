import { type FixtureRecord, generateSchool, plantProblems } from '@eduvn/fixtures';
import { validate } from '@eduvn/rules';
import { describe, expect, it } from 'vitest';
import '../vitest.ts';
import { toFailRule } from './to-fail-rule.ts';

const ASOF = { asOf: '2026-05-31' } as const;
const school = generateSchool({
  seed: 12,
  pupils: 60,
  classSize: [10, 14],
  pupil: { olderShare: 0 },
});
const pupils = school.hocSinhs.map((record): FixtureRecord => ({ entity: 'HocSinh', record }));
const { records: duplicated } = plantProblems(pupils, {
  kinds: ['duplicate-identifier', 'personal-id-year-mismatch'],
  rate: 0.05,
  seed: 3,
  asOf: ASOF.asOf,
});

const failureOf = async (run: () => Promise<void>): Promise<string> => {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion did not fail');
};

describe('toFailRule', () => {
  it('passes when the rule reports an issue on the records', async () => {
    await expect(duplicated).toFailRule('ID.UNIQUE.001', ASOF);
    await expect(pupils).not.toFailRule('ID.UNIQUE.001', ASOF);
    expect((await toFailRule(duplicated, 'ID.UNIQUE.001', ASOF)).pass).toBe(true);
  });

  it('says which rules did fire when the rule did not', async () => {
    const nfd = school.hocSinhs.map((record, i) => ({
      entity: 'HocSinh',
      record: i < 2 ? { ...record, hoTen: record.hoTen.normalize('NFD') } : record,
    }));
    expect(await failureOf(() => expect(nfd).toFailRule('ID.UNIQUE.001', ASOF))).toBe(
      `expected rule ID.UNIQUE.001 to report an issue on the ${pupils.length} records, but it reported none. Rules that fired: DQ.NAME.001 (2 queries)`,
    );
    expect(await failureOf(() => expect(pupils).toFailRule('ID.UNIQUE.001', ASOF))).toMatch(
      /Rules that fired: none$/,
    );
  });

  it('under .not, shows the first issues — with personal IDs masked', async () => {
    const message = await failureOf(() =>
      expect(duplicated).not.toFailRule('ID.PERSONAL.002', ASOF),
    );
    expect(message).toMatch(
      /^expected rule ID.PERSONAL.002 to report nothing, but it reported \d+ issues?:/,
    );
    expect(message).toMatch(/- error on HocSinh \S+ \(MA_CONG_DAN_ID\): /);
    for (const p of duplicated) {
      const id = p.entity === 'HocSinh' ? p.record.maCongDanId : undefined;
      if (id !== undefined) expect(message).not.toContain(id);
    }
  });

  it('shows at most five issues', async () => {
    const many = [...pupils, ...pupils];
    const message = await failureOf(() => expect(many).not.toFailRule('ID.UNIQUE.001', ASOF));
    expect(message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(5);
    expect(message).toMatch(/… and \d+ more$/);
  });

  it('takes a Report already made — without options', async () => {
    const report = await validate(duplicated, ASOF);
    await expect(report).toFailRule('ID.UNIQUE.001');
    await expect(report).not.toFailRule('TT28.CLASS.001');
    await expect(toFailRule(report, 'ID.UNIQUE.001', ASOF)).rejects.toThrowError(
      /options apply only to records/,
    );
  });

  it('throws when the rule did not run, so that .not cannot pass by accident', async () => {
    await expect(expect(pupils).not.toFailRule('ID.UNIQE.001', ASOF)).rejects.toThrowError(
      /rule "ID.UNIQE.001" did not run/,
    );
    // A period rule runs only with its period.
    await expect(expect(pupils).not.toFailRule('PERIOD.PUPIL.001', ASOF)).rejects.toThrowError(
      /period rules run only with `period`/,
    );
    await expect(pupils).not.toFailRule('PERIOD.PUPIL.001', { ...ASOF, period: 'start-of-year' });
  });

  it('refuses input of another shape', async () => {
    for (const value of [
      42,
      null,
      'records',
      { entity: 'HocSinh' },
      [{ entity: 'HocSinh' }],
      [null],
    ]) {
      await expect(toFailRule(value, 'ID.UNIQUE.001', ASOF)).rejects.toThrowError(TypeError);
    }
    await expect(toFailRule(pupils, '' as never)).rejects.toThrowError(/non-empty string/);
  });

  it('finds hostile keys and 10,000-character fields, printing neither', async () => {
    const p = pupils[0]?.record;
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(p).slice(1)}`);
    const long = 'Đ'.repeat(10_000);
    const input = [
      { entity: 'HocSinh', record: hostile },
      { entity: 'HocSinh', record: { ...p, hocSinhId: 'X2', hoTen: long } },
    ];
    await expect(input).toFailRule('STD.SCHEMA.001', ASOF);
    const message = await failureOf(() => expect(input).not.toFailRule('STD.SCHEMA.001', ASOF));
    expect(message).not.toContain(long);
    expect(message.length).toBeLessThan(2_000);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
