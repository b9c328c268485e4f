import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox.ts';
import { seedDemo } from './demo.ts';

describe('seedDemo', () => {
  it('fills a Sở, a Phòng and two schools through the API, and seeding again changes nothing', async () => {
    const sandbox = createSandbox({
      rateLimit: false,
      now: () => Date.parse('2026-10-05T09:00:00+07:00'),
    });
    const first = await seedDemo(sandbox, { asOf: '2026-10-05', pupils: 40 });
    expect(first.schoolYear).toBe('2026-2027');
    expect(first.records.rejected).toBe(0);
    expect(first.records.created).toBeGreaterThan(100);
    expect(first.accounts.map((a) => `${a.unit.kind}/${a.kind}`)).toEqual([
      'so/quan-tri',
      'so/khai-thac',
      'phong/quan-tri',
      'phong/khai-thac',
      'truong/quan-tri',
      'truong/khai-thac',
      'truong/quan-tri',
      'truong/khai-thac',
    ]);
    const again = await seedDemo(sandbox, { asOf: '2026-10-05', pupils: 40 });
    expect(again.records).toEqual({
      created: 0,
      updated: 0,
      unchanged: first.records.created,
      rejected: 0,
    });
    const school = again.accounts[4];
    const token = await sandbox.fetch('/v1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: school?.clientId,
        client_secret: first.accounts[4]?.clientSecret,
      }),
    });
    expect(token.status).toBe(401);
  });
});
