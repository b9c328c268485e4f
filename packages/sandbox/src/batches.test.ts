import { recordsOf } from '@eduvn/fixtures';
import { type EntitySchema, encodeWire, entityByName, HocSinh } from '@eduvn/standard';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from './contract/limits.ts';
import { assertContract } from './contract.test-helper.ts';
import { SCHOOL_A, SCHOOL_B, type TestWorld, testWorld } from './testing.test-helper.ts';

const items = (school: typeof SCHOOL_A) =>
  recordsOf(school).map((r) => ({
    entity: r.entity,
    data: encodeWire(entityByName(r.entity) as EntitySchema, r.record as never),
  }));

describe('batches: many records, each answered on its own', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await testWorld();
  });

  it('pushes a whole generated school in batches of the limit, then finds it all unchanged', async () => {
    const all = items(SCHOOL_A);
    const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const round of [1, 2]) {
      for (let i = 0; i < all.length; i += LIMITS.maxBatchItems) {
        const r = await w.call('POST', '/v1/batches', {
          token: w.tokens.a,
          body: { items: all.slice(i, i + LIMITS.maxBatchItems) },
        });
        expect(r.status).toBe(200);
        assertContract('submitBatch', 200, r.body);
        expect(r.body.results.map((x: { index: number }) => x.index)).toEqual(
          all.slice(i, i + LIMITS.maxBatchItems).map((_, k) => k),
        );
        if (round === 1)
          for (const k of Object.keys(totals) as (keyof typeof totals)[])
            totals[k] += r.body.summary[k];
        else expect(r.body.summary.created + r.body.summary.updated).toBe(0);
      }
    }
    expect(totals.created).toBe(all.length);
    const list = await w.call('GET', `/v1/truong/${w.schoolA}/hoc-sinh?limit=1000`, {
      token: w.tokens.a,
    });
    expect(list.body.data.length).toBe(SCHOOL_A.hocSinhs.length);
  });

  it('answers each item: partial success is normal, and each refusal names its rules', async () => {
    const good = SCHOOL_B.hocSinhs[0] as HocSinh;
    const r = await w.call('POST', '/v1/batches', {
      token: w.tokens.so,
      body: {
        items: [
          { entity: 'HocSinh', data: encodeWire(HocSinh, good) },
          {
            entity: 'HocSinh',
            data: {
              ...encodeWire(HocSinh, good),
              HOC_SINH_ID: 'HS-X',
              HO_TEN: 'y'.repeat(51),
              MA_CONG_DAN_ID: undefined,
            },
          },
          { entity: 'Nope', data: {} },
          { entity: 'HocSinh', data: { HOC_SINH_ID: 'HS-Y', HO_TEN: 'Trần Văn Bảy' } },
          'not an item',
          { entity: 'HocSinh', data: { ...encodeWire(HocSinh, good), TRUONG_ID: '99999999' } },
          { entity: 'HocSinh', data: encodeWire(HocSinh, good), extra: 1 },
        ],
      },
    });
    expect(r.status).toBe(200);
    assertContract('submitBatch', 200, r.body);
    const [ok, invalid, unknown, noSchool, notItem, outOfScope, extra] = r.body.results;
    expect([ok.status, ok.outcome]).toEqual([201, 'created']);
    expect([invalid.status, invalid.outcome, invalid.problem.ruleIds]).toEqual([
      422,
      'rejected',
      ['STD.SCHEMA.001'],
    ]);
    expect(invalid.problem.issues[0].pointer).toBe('/HO_TEN');
    expect([unknown.status, unknown.problem.ruleIds]).toEqual([422, ['STD.ENTITY.001']]);
    expect([noSchool.status, noSchool.problem.issues.at(-1).pointer]).toEqual([422, '/TRUONG_ID']);
    expect(notItem.status).toBe(400);
    expect(outOfScope.status).toBe(403);
    expect(extra.status).toBe(400);
    expect(r.body.summary).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 6 });
  });

  it('refuses an envelope that is not a batch, an empty one, and one over the limit (413)', async () => {
    for (const body of [{}, { items: [] }, { items: {} }, [], { items: [], more: 1 }]) {
      const r = await w.call('POST', '/v1/batches', { token: w.tokens.a, body });
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
    }
    const big = Array.from({ length: LIMITS.maxBatchItems + 1 }, () => ({
      entity: 'Lop',
      data: {},
    }));
    const r = await w.call('POST', '/v1/batches', { token: w.tokens.a, body: { items: big } });
    expect([r.status, r.body.limit]).toEqual([413, LIMITS.maxBatchItems]);
  });

  it('lets a read-only account write nothing, item by item', async () => {
    const r = await w.call('POST', '/v1/batches', {
      token: w.tokens.soRead,
      body: { items: items(SCHOOL_B).slice(0, 3) },
    });
    expect(r.body.results.map((x: { status: number }) => x.status)).toEqual([403, 403, 403]);
  });

  it('applies items in order: a pupil created by an earlier item can be updated by a later one', async () => {
    const p = SCHOOL_B.hocSinhs[1] as HocSinh;
    const wire = encodeWire(HocSinh, p);
    const r = await w.call('POST', '/v1/batches', {
      token: w.tokens.b,
      body: {
        items: [
          { entity: 'HocSinh', data: wire },
          { entity: 'HocSinh', data: { ...wire, NOI_SINH: 'Thành phố Cần Thơ' } },
        ],
      },
    });
    expect(
      r.body.results.map((x: { outcome: string; version: number }) => [x.outcome, x.version]),
    ).toEqual([
      ['created', 1],
      ['updated', 2],
    ]);
  });
});
