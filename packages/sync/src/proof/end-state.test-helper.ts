/**
 * The exact end state: after an outbox drained a workload, the city database (read with a client
 * that asks for no fault) holds every record at its last intended version, reached through
 * exactly the intended versions in order (one `upsert` in the delta feed per real change, none for
 * a change sent again unchanged), every status event once, a pupil code for each provisional
 * identifier — and nothing else.
 */
import type { Change, EduvnClient, EntityName } from '@eduvn/client';
import { isProvisionalId } from '@eduvn/rules';
import { expect } from 'vitest';
import { recordKeyOf } from '../outbox/keys.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { masked, type Workload } from './workload.test-helper.ts';

type Rec = Readonly<Record<string, unknown>>;

/** The fields that hold a pupil's identifier, by entity (those the workloads use). */
const PUPIL_FIELD: Readonly<Record<string, string>> = {
  HocSinh: 'hocSinhId',
  DanhGiaHocSinh: 'hocSinhId',
  SuKienTrangThai: 'maDoiTuong',
};

/** Every entry of the delta feed, in commit order. */
export async function readFeed(client: EduvnClient): Promise<Change[]> {
  const feed: Change[] = [];
  for await (const c of client.changes({ pageSize: 1000 })) feed.push(c);
  return feed;
}

/** What {@link expectExactEnd} found, for the test to say more. */
export interface EndReport {
  /** The pupil codes issued, by provisional identifier. */
  readonly codes: ReadonlyMap<string, string>;
  /** The delta feed. */
  readonly feed: readonly Change[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** A record's fields in a stable order (for comparing contents, whatever the key order). */
const sorted = (r: Rec): Rec =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Asserts the exact end state of `workloads` at the database `client` reads (a client that sends
 * `X-Eduvn-Fault: none`), and, when given, that the outbox reports everything delivered and
 * nothing refused.
 */
export async function expectExactEnd(
  client: EduvnClient,
  workloads: readonly Workload[],
  outbox?: Outbox,
): Promise<EndReport> {
  const feed = await readFeed(client);

  // A pupil code for each provisional identifier pushed, issued once.
  const issued = feed.filter((c) => c.type === 'identifier-issued');
  const codes = new Map<string, string>();
  for (const c of issued) {
    const { from, to } = c.identifierIssued ?? { from: '', to: '' };
    expect(codes.has(from), `${from} was issued two codes`).toBe(false);
    expect(isProvisionalId(to), `${from} was issued ${to}`).toBe(false);
    codes.set(from, to);
  }
  expect([...codes.keys()].sort()).toEqual(workloads.flatMap((w) => w.provisional).sort());

  const resolve = (entity: string, record: Rec): Rec => {
    const field = PUPIL_FIELD[entity];
    const value = field === undefined ? undefined : record[field];
    return field !== undefined && typeof value === 'string' && codes.has(value)
      ? { ...record, [field]: codes.get(value) }
      : record;
  };
  const view = (entity: string, record: Rec | undefined): Rec | undefined =>
    record && sorted(masked(entity, record) as Rec);

  // Each record went through exactly its intended versions, in order: one feed entry per real
  // change (none for a change sent again unchanged), versions 1, 2, 3, …
  const upserts = new Map<string, Change[]>();
  for (const c of feed) {
    if (c.type !== 'upsert') continue;
    const key = recordKeyOf(c.entity, c.record as Rec);
    upserts.set(key, [...(upserts.get(key) ?? []), c]);
  }
  const expectedKeys: string[] = [];
  const last = new Map<string, Map<string, Rec>>();
  for (const w of workloads) {
    for (const r of w.records.values()) {
      const versions: Rec[] = [];
      for (const state of r.history.map((h) => resolve(r.entity, h)))
        if (!same(view(r.entity, versions.at(-1)), view(r.entity, state))) versions.push(state);
      const key = recordKeyOf(r.entity, versions[0] as Rec);
      expectedKeys.push(key);
      const got = upserts.get(key) ?? [];
      expect(
        got.map((c) => view(r.entity, c.record as Rec)),
        `the versions of ${key}`,
      ).toEqual(versions.map((v) => view(r.entity, v)));
      expect(
        got.map((c) => c.version),
        `the version numbers of ${key}`,
      ).toEqual(versions.map((_, i) => i + 1));
      const byKey = last.get(`${r.entity}|${r.truongId}`) ?? new Map<string, Rec>();
      byKey.set(key, versions.at(-1) as Rec);
      last.set(`${r.entity}|${r.truongId}`, byKey);
    }
  }
  expect([...upserts.keys()].sort(), 'the records in the feed').toEqual(expectedKeys.sort());

  // Every status event once, as intended.
  const events = feed.filter((c) => c.type === 'status-event');
  const expectedEvents = workloads.flatMap((w) => w.events);
  expect(
    events.map((c) => String(c.record?.['suKienId'])).sort(),
    'the status events in the feed',
  ).toEqual(expectedEvents.map((e) => e.suKienId).sort());
  const eventById = new Map(events.map((c) => [String(c.record?.['suKienId']), c.record as Rec]));
  for (const e of expectedEvents)
    expect(view('SuKienTrangThai', eventById.get(e.suKienId)), e.suKienId).toEqual(
      view('SuKienTrangThai', resolve('SuKienTrangThai', e as unknown as Rec)),
    );

  // And the database's records themselves: each at its last intended version, nothing else.
  for (const [where, expected] of last) {
    const [entity, truongId] = where.split('|') as [EntityName, string];
    const stored = new Map<string, Rec>();
    for await (const r of client.list(entity, truongId, { pageSize: 1000 }))
      stored.set(recordKeyOf(entity, r as Rec), r as Rec);
    expect([...stored.keys()].sort(), `the ${entity} of ${truongId}`).toEqual(
      [...expected.keys()].sort(),
    );
    for (const [key, record] of expected)
      expect(view(entity, stored.get(key)), key).toEqual(view(entity, record));
  }

  if (outbox) {
    expect(await outbox.rejected(), 'the dead-letter list').toEqual([]);
    const changes = workloads.reduce((n, w) => n + w.changes.length, 0);
    expect(await outbox.status()).toMatchObject({
      pending: 0,
      inFlight: 0,
      delivered: changes,
      rejected: 0,
    });
  }
  return { codes, feed };
}
