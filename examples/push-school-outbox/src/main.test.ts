import { existsSync } from 'node:fs';
import { recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { formatDeadlineReport, pushSchool, writesByRecord } from './push-school.ts';

describe('pushing a school through the outbox', () => {
  it('puts every record on the server exactly once, through a 503 and a lost answer', async () => {
    const lines: string[] = [];
    const result = await pushSchool({
      seed: 3,
      pupils: 60,
      batchSize: 100,
      faults: ['status=503', 'drop-after'],
      log: (line) => lines.push(line),
    });

    // The faults happened, and the client retried them.
    expect(result.faultsInjected).toEqual([
      { directive: 'status=503', outcome: 'HTTP 503' },
      { directive: 'drop-after', outcome: 'connection dropped' },
    ]);
    expect(result.retries.filter((r) => r.by === 'client')).toHaveLength(2);
    expect(result.retries[0]).toEqual({ by: 'client', reason: 'HTTP 503' });

    // Every record and event of the school is on the server, each written once.
    const enqueued = recordsOf(result.school);
    expect(result.enqueued).toBe(enqueued.length);
    const writes = writesByRecord(result.serverChanges);
    expect(writes.size).toBe(enqueued.length);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
    const entities = (list: readonly { entity: string }[]) =>
      list.map((r) => r.entity).sort((a, b) => a.localeCompare(b));
    expect(entities(result.serverChanges)).toEqual(entities(enqueued));
    // The write whose answer was lost was applied once, not again on the retry.
    expect(result.serverChanges.every((c) => c.version === undefined || c.version === 1)).toBe(
      true,
    );

    // The 48-hour report: pupils entered 40 hours ago were at risk; in the end nothing waits.
    expect(result.before.pending).toBe(enqueued.length);
    expect(result.before.atRisk).toBe(result.school.hocSinhs.length);
    expect(result.before.overdue).toBe(0);
    expect(result.after).toMatchObject({
      pending: 0,
      inFlight: 0,
      atRisk: 0,
      overdue: 0,
      rejected: 0,
      delivered: enqueued.length,
    });
    expect(result.serverChanges.some((c) => c.late)).toBe(false);

    // Progress was reported round by round, up to the total.
    expect(lines.at(-1)).toContain(`(${enqueued.length}/${enqueued.length})`);

    // Nothing is left behind.
    expect(existsSync(result.dir)).toBe(false);
  });

  it('retries a round the client gave up on, later, without losing it', async () => {
    // Five 503s in a row: the client's four retries are spent, the outbox tries the round again.
    const result = await pushSchool({
      seed: 4,
      pupils: 30,
      faults: Array.from({ length: 5 }, () => 'status=503'),
    });
    expect(result.faultsInjected.map((f) => f.outcome)).toEqual(
      Array.from({ length: 5 }, () => 'HTTP 503'),
    );
    expect(result.retries.filter((r) => r.by === 'client')).toHaveLength(4);
    expect(result.retries.filter((r) => r.by === 'outbox')).toHaveLength(1);
    expect(result.rounds.some((r) => r.retried > 0)).toBe(true);
    const writes = writesByRecord(result.serverChanges);
    expect(writes.size).toBe(result.enqueued);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
    expect(result.after).toMatchObject({ pending: 0, overdue: 0, delivered: result.enqueued });
  });

  it('formats the deadline report without record keys', async () => {
    const result = await pushSchool({ seed: 5, pupils: 25 });
    const before = formatDeadlineReport(result.before);
    expect(before[0]).toMatch(/^48-hour deadline report/);
    expect(before[2]).toBe(
      `  at risk (under 12 h left) ${result.school.hocSinhs.length}, overdue 0`,
    );
    expect(before[3]).toMatch(/^ {2}oldest waiting: HocSinh, due .+ \(at-risk\)$/);
    // No pupil code and no personal ID appears in the report.
    const text = before.join('\n');
    for (const pupil of result.school.hocSinhs) {
      expect(text).not.toContain(pupil.hocSinhId);
      if (pupil.maCongDanId) expect(text).not.toContain(pupil.maCongDanId);
    }
    expect(formatDeadlineReport(result.after)).toHaveLength(3);
  });
});
