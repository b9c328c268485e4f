import { expect } from 'vitest';
import { send } from './world.test-helper.ts';

/** One entry of the delta feed (`GET /v1/changes`), as the API answers it. */
export interface FeedEntry {
  readonly seq: number;
  readonly type: 'upsert' | 'status-event' | 'identifier-issued';
  readonly truongId: string;
  readonly entity: string;
  readonly key: Readonly<Record<string, string>>;
  readonly version?: number;
  readonly data: Record<string, unknown>;
}

/** Where a record lives: school, entity and key, as one text. */
export const recordId = (
  truongId: string,
  entity: string,
  key: Readonly<Record<string, string>>,
): string => `${truongId}|${entity}|${JSON.stringify(key)}`;

/**
 * Reads the whole delta feed an account sees, page after page (`limit` per page), checking the
 * paging itself: every page's `next` is its last `seq`, only the last page says `hasMore: false`,
 * and `seq` strictly increases across pages (commit order, nothing twice).
 */
export async function readFeed(
  base: string,
  token: string,
  options: { readonly limit?: number; readonly truongId?: string } = {},
): Promise<FeedEntry[]> {
  const limit = options.limit ?? 1000;
  const out: FeedEntry[] = [];
  let since = '0';
  for (let page = 0; page < 10_000; page++) {
    const query = new URLSearchParams({ since, limit: String(limit) });
    if (options.truongId !== undefined) query.set('truongId', options.truongId);
    const answer = await send(base, 'GET', `/v1/changes?${query}`, { token });
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    const { data, next, hasMore } = answer.body as {
      data: FeedEntry[];
      next: string;
      hasMore: boolean;
    };
    expect(data.length).toBeLessThanOrEqual(limit);
    for (const entry of data) {
      const previous = out.at(-1)?.seq ?? 0;
      expect(entry.seq, 'seq strictly increases').toBeGreaterThan(previous);
      out.push(entry);
    }
    expect(next).toBe(String(out.at(-1)?.seq ?? since));
    if (!hasMore) return out;
    expect(data.length).toBe(limit);
    since = next;
  }
  throw new Error('the feed never ended');
}

/**
 * Groups the feed's `upsert` entries by record and checks that each record's versions come in
 * commit order as exactly 1, 2, …, n: no gap, no duplicate, none out of order.
 */
export function upsertsByRecord(feed: readonly FeedEntry[]): Map<string, FeedEntry[]> {
  const byRecord = new Map<string, FeedEntry[]>();
  for (const entry of feed) {
    if (entry.type !== 'upsert') continue;
    const id = recordId(entry.truongId, entry.entity, entry.key);
    const list = byRecord.get(id) ?? [];
    list.push(entry);
    byRecord.set(id, list);
  }
  for (const [id, list] of byRecord) {
    expect(
      list.map((e) => e.version),
      `versions of ${id} in the feed`,
    ).toEqual(list.map((_, i) => i + 1));
  }
  return byRecord;
}

/** A write the server acknowledged (2xx): the record, the outcome, the version and what was sent. */
export interface Ack {
  readonly id: string;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Checks acknowledged writes against the feed: every write that changed a record (`created`,
 * `updated`) has its own version — no two acknowledgements share one — and the feed's entry of
 * that version carries exactly the data sent; an `unchanged` one names a version the record had
 * with that data. With `complete` (every write of the run was acknowledged), the versions of each
 * record count exactly its acknowledged changes.
 */
export function expectAcksInFeed(
  acks: readonly Ack[],
  byRecord: ReadonlyMap<string, readonly FeedEntry[]>,
  complete: boolean,
): void {
  const changes = new Map<string, Ack[]>();
  for (const ack of acks) {
    const entries = byRecord.get(ack.id) ?? [];
    const entry = entries[ack.version - 1];
    expect(entry, `${ack.id} version ${ack.version} is in the feed`).toBeDefined();
    expect(entry?.data, `${ack.id} version ${ack.version}`).toEqual(ack.data);
    if (ack.outcome === 'unchanged') continue;
    const list = changes.get(ack.id) ?? [];
    list.push(ack);
    changes.set(ack.id, list);
  }
  for (const [id, list] of changes) {
    const versions = list.map((a) => a.version).sort((a, b) => a - b);
    expect(new Set(versions).size, `${id}: two acknowledged changes share a version`).toBe(
      versions.length,
    );
    expect(list.filter((a) => a.outcome === 'created').map((a) => a.version)).toEqual(
      list.some((a) => a.version === 1) ? [1] : [],
    );
    if (complete) {
      expect(versions, `${id}: versions count exactly the changes`).toEqual(
        versions.map((_, i) => i + 1),
      );
      expect(byRecord.get(id)?.length).toBe(versions.length);
    }
  }
  if (complete) {
    for (const id of byRecord.keys())
      expect(changes.has(id), `${id} changed without an acknowledged write`).toBe(true);
  }
}
