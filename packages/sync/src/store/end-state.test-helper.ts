import { expect } from 'vitest';
import type { OutboxChange, OutboxStore } from './types.ts';

/**
 * The end state after workers drained an outbox while one of them died holding `held`: every
 * change delivered, each delivered to the fake server at least once and at most once per claim,
 * every record's changes reaching the server in enqueue order, and the dead worker's changes
 * taken back by the others.
 */
export async function expectExactEnd(
  store: OutboxStore,
  changes: readonly OutboxChange[],
  held: readonly string[],
  log: readonly { id: string; recordKey: string }[],
): Promise<void> {
  const { counts } = await store.summary(1);
  expect(counts).toEqual({ pending: 0, 'in-flight': 0, delivered: changes.length, rejected: 0 });
  const times = new Map<string, number>();
  for (const entry of log) times.set(entry.id, (times.get(entry.id) ?? 0) + 1);
  for (const c of changes) {
    const stored = await store.get(c.id);
    expect(stored?.state, c.id).toBe('delivered');
    expect(times.get(c.id) ?? 0, c.id).toBeGreaterThanOrEqual(1);
    expect(times.get(c.id) ?? 0, c.id).toBeLessThanOrEqual(stored?.attempts ?? 0);
  }
  for (const id of held) expect((await store.get(id))?.attempts, id).toBeGreaterThanOrEqual(2);
  const firstOrder = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const entry of log) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    firstOrder.set(entry.recordKey, [...(firstOrder.get(entry.recordKey) ?? []), entry.id]);
  }
  const expected = new Map<string, string[]>();
  for (const c of changes) expected.set(c.recordKey, [...(expected.get(c.recordKey) ?? []), c.id]);
  expect(Object.fromEntries(firstOrder)).toEqual(Object.fromEntries(expected));
}
