import { createSandbox } from '@eduvn/sandbox';
import { describe, expect, it } from 'vitest';
import { conformanceSet } from './conformance/load.ts';

const set = conformanceSet('records');
/** The cases a server can judge on its own: one record per write, no reporting period. */
const cases = set.cases.filter((c) => c.scope === 'record' && c.options.period === undefined);

interface ItemAnswer {
  readonly outcome: string;
  readonly warnings?: readonly { ruleId: string }[];
  readonly problem?: { readonly issues?: readonly { ruleId: string; severity: string }[] };
}

/** The least record of the person a status event is about, in the status the event leaves. */
function personOf(event: Readonly<Record<string, unknown>>) {
  const status = event['TRANG_THAI_TRUOC'] ?? event['TRANG_THAI_SAU'];
  return event['DOI_TUONG'] === 'CAN_BO'
    ? {
        entity: 'CanBo',
        data: {
          TRUONG_ID: event['TRUONG_ID'],
          GIAO_VIEN_ID: event['MA_DOI_TUONG'],
          HO_TEN: 'Cán bộ thử',
          MA_TRANG_THAI_CAN_BO: status,
        },
      }
    : {
        entity: 'HocSinh',
        data: {
          TRUONG_ID: event['TRUONG_ID'],
          HOC_SINH_ID: event['MA_DOI_TUONG'],
          HO_TEN: 'Học sinh thử',
          MA_TRANG_THAI_HIEN_TAI: status,
        },
      };
}

describe("the sandbox's own validator against the published conformance set", () => {
  it('covers the record-scope cases, valid and invalid', () => {
    expect(cases.filter((c) => c.valid).length).toBeGreaterThan(10);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: the sandbox reports exactly the labelled rules',
    async (_id, c) => {
      const sandbox = createSandbox({
        rateLimit: false,
        now: () => Date.parse(`${c.options.asOf}T12:00:00+07:00`),
      });
      sandbox.addUnit({ id: 'so', kind: 'so', name: 'Sở' });
      for (const school of new Set(c.records.map((r) => String(r.wire['TRUONG_ID'])))) {
        sandbox.addUnit({ id: school, kind: 'truong', name: school, parentId: 'so' });
      }
      const account = sandbox.addAccount({ kind: 'quan-tri', unitId: 'so' });
      const token = await sandbox
        .fetch('/v1/token', {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: account.clientId,
            client_secret: account.clientSecret,
          }),
        })
        .then((r) => r.json() as Promise<{ access_token: string }>);
      const response = await sandbox.fetch('/v1/batches', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token.access_token}`,
          'content-type': 'application/json',
          'idempotency-key': c.id,
        },
        body: JSON.stringify({
          items: [
            ...c.records.flatMap((r) => (r.entity === 'SuKienTrangThai' ? [personOf(r.wire)] : [])),
            ...c.records.map((r) => ({
              entity: r.entity,
              data: r.wire,
              occurredAt: `${c.options.asOf}T08:00:00+07:00`,
            })),
          ],
        }),
      });
      const answer = (await response.json()) as { results: ItemAnswer[] };
      // The API records an event only about a person it has: those come first and are not judged.
      const results = answer.results.slice(answer.results.length - c.records.length);
      const errors = new Set<string>();
      const queries = new Set<string>();
      for (const r of results) {
        for (const w of r.warnings ?? []) queries.add(w.ruleId);
        for (const i of r.problem?.issues ?? [])
          (i.severity === 'error' ? errors : queries).add(i.ruleId);
      }
      expect({ errors: [...errors].sort(), queries: [...queries].sort() }).toEqual({
        errors: [...c.expect.errors].sort(),
        queries: [...c.expect.queries].sort(),
      });
      expect(results.every((r) => r.outcome === 'rejected')).toBe(c.expect.errors.length > 0);
      sandbox.close();
    },
  );
});
