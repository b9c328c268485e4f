/**
 * Pushing a whole school to the city education database through the durable outbox of
 * `@eduvn/sync`, as a school's software (QLNT) would: every record is enqueued in an SQLite outbox
 * when it is entered, a worker delivers the outbox until it is drained, and the 48-hour report
 * says what is delivered, what is waiting and what is at risk of missing the deadline.
 *
 * The city database is an `@eduvn/sandbox` on SQLite listening on a free local port, reached over
 * real HTTP; faults (a 503, a connection dropped after the write) can be injected into the first
 * batch requests to show that nothing is lost and nothing is applied twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Change, createClient } from '@eduvn/client';
import { type GeneratedSchool, generateSchool, recordsOf } from '@eduvn/fixtures';
import { createSandbox, FAULT_HEADER, type SandboxServer } from '@eduvn/sandbox';
import { type ChangeInput, createOutbox, type DrainReport, type OutboxStatus } from '@eduvn/sync';
import { createSqliteStore } from '@eduvn/sync/sqlite';

/** The day the story happens on (Vietnam time): a school day of the generated school's year. */
export const STORY_START = '2026-03-02T09:00:00+07:00';

/** Options of {@link pushSchool}. */
export interface PushSchoolOptions {
  /** The seed of the generated school (default 7). */
  readonly seed?: number;
  /** Roughly how many pupils (default 300). */
  readonly pupils?: number;
  /**
   * Faults the city database injects into the first batch requests, one per request in order, as
   * `X-Eduvn-Fault` directives: `'status=503'`, `'drop-after'` (the write is applied, then the
   * connection drops), `'status=429; retry-after=1'`… Default: none.
   */
  readonly faults?: readonly string[];
  /** Changes sent per round (default 200). */
  readonly batchSize?: number;
  /** Where to say what happens (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** A retry, as the client or the outbox reported it. */
export interface RetrySeen {
  /** `'client'`: the client retried the request; `'outbox'`: the round is tried again later. */
  readonly by: 'client' | 'outbox';
  /** Why (the status or the error). */
  readonly reason: string;
}

/** A fault injected into a batch request, and what the client saw. */
export interface InjectedFault {
  /** The `X-Eduvn-Fault` directive. */
  readonly directive: string;
  /** `'HTTP 503'`…, or `'connection dropped'`. */
  readonly outcome: string;
}

/** What {@link pushSchool} did. */
export interface PushSchoolResult {
  /** The generated school. */
  readonly school: GeneratedSchool;
  /** How many changes were enqueued. */
  readonly enqueued: number;
  /** Each drain round's report, in order. */
  readonly rounds: readonly DrainReport[];
  /** The 48-hour report before the worker ran. */
  readonly before: OutboxStatus;
  /** The 48-hour report at the end. */
  readonly after: OutboxStatus;
  /** The retries seen. */
  readonly retries: readonly RetrySeen[];
  /** The faults injected, in order, with what the client saw. */
  readonly faultsInjected: readonly InjectedFault[];
  /** Every change the city database recorded, read back from its delta feed. */
  readonly serverChanges: readonly Change[];
  /** The temporary folder the sandbox and the outbox lived in (removed at the end). */
  readonly dir: string;
}

/** How long ago each entity's records were entered, in hours: pupils 40 h ago are at risk. */
const ENTERED_HOURS_AGO: Readonly<Record<string, number>> = { HocSinh: 40 };
const DEFAULT_HOURS_AGO = 2;

/** The worker gives up waiting for the outbox to drain after this many rounds. */
const MAX_ROUNDS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Generates a school, starts a sandbox city database on a free port, enqueues every record of the
 * school in an SQLite outbox, runs the worker until the outbox is drained, reads back what the
 * database recorded, and removes everything it made.
 */
export async function pushSchool(options: PushSchoolOptions = {}): Promise<PushSchoolResult> {
  const log = options.log ?? (() => {});
  // The story's clock: the school day of STORY_START, running at the speed of the real one.
  const started = Date.now();
  const now = () => Date.parse(STORY_START) + (Date.now() - started);

  const school = generateSchool({
    seed: options.seed ?? 7,
    pupils: options.pupils ?? 300,
    schoolYear: '2025-2026',
  });
  const truongId = school.truong.truongId;
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-push-school-'));
  const sandbox = createSandbox({ db: join(dir, 'city-database.db'), now });
  let server: SandboxServer | undefined;
  const store = createSqliteStore({ path: join(dir, 'outbox.db') });
  try {
    // The city database: the Sở of the province, the school, and the account issued to it.
    const province = school.truong.tinhThanhId ?? truongId.slice(0, 2);
    sandbox.addUnit({ id: `so-${province}`, kind: 'so', name: `Sở GD&ĐT ${province}` });
    sandbox.addUnit({
      id: truongId,
      kind: 'truong',
      name: school.truong.ten ?? truongId,
      parentId: `so-${province}`,
    });
    const credentials = sandbox.addAccount({ kind: 'quan-tri', unitId: truongId });
    server = await sandbox.listen({ port: 0 });
    log(`City database (sandbox, SQLite) listening on ${server.url}`);

    // Faults for the first batch requests: the fetch the client uses adds the directive.
    const pending = [...(options.faults ?? [])];
    const faultsInjected: InjectedFault[] = [];
    const faultyFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const fault =
        request.method === 'POST' && new URL(request.url).pathname === '/v1/batches'
          ? pending.shift()
          : undefined;
      if (fault === undefined) return fetch(request);
      log(`  (fault injected into the next batch request: ${fault})`);
      const headers = new Headers(request.headers);
      headers.set(FAULT_HEADER, fault);
      return fetch(new Request(request, { headers })).then(
        (response) => {
          faultsInjected.push({ directive: fault, outcome: `HTTP ${response.status}` });
          return response;
        },
        (error: unknown) => {
          faultsInjected.push({ directive: fault, outcome: 'connection dropped' });
          throw error;
        },
      );
    };

    const retries: RetrySeen[] = [];
    const client = createClient({
      baseUrl: server.url,
      credentials,
      fetch: faultyFetch,
      userAgent: 'example-push-school-outbox/1.0',
      // Shorter waits than the defaults, so that the example runs quickly.
      retry: { baseDelayMs: 50, maxDelayMs: 500 },
      hooks: { onRetry: ({ reason }) => retries.push({ by: 'client', reason }) },
    });
    const outbox = createOutbox({
      store,
      client,
      now,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      backoff: { baseMs: 100, maxMs: 1_000 },
      hooks: {
        onRetry: (error) => retries.push({ by: 'outbox', reason: error.message }),
        onRejected: (change, rejection) =>
          log(`  refused: ${change.entity} (${rejection.status} ${rejection.ruleIds.join(', ')})`),
      },
    });

    // Enqueue every record of the school, as the software would when each was entered.
    const changes: ChangeInput[] = recordsOf(school).map(({ entity, record }) => ({
      entity,
      record,
      occurredAt: new Date(
        now() - (ENTERED_HOURS_AGO[entity] ?? DEFAULT_HOURS_AGO) * 3_600_000,
      ).toISOString(),
    }));
    await outbox.enqueue(changes);
    log(`Enqueued ${changes.length} changes of school ${truongId} in the SQLite outbox`);
    const before = await outbox.status();

    // The worker: one round at a time, until nothing waits.
    const rounds: DrainReport[] = [];
    let done = 0;
    for (let i = 0; ; i++) {
      if (i >= MAX_ROUNDS) throw new Error(`the outbox did not drain in ${MAX_ROUNDS} rounds`);
      const round = await outbox.drain({ maxRounds: 1 });
      if (round.rounds > 0) {
        rounds.push(round);
        done += round.delivered + round.rejected;
        const retried = round.retried > 0 ? `, ${round.retried} to retry` : '';
        log(
          `  round ${rounds.length}: delivered ${round.delivered}${retried} (${done}/${changes.length})`,
        );
      }
      const status = await outbox.status({ oldest: 1 });
      if (status.pending === 0) break;
      // Changes waiting for a retry are not deliverable yet: wait for their backoff.
      if (round.rounds === 0 || round.delivered + round.rejected === 0) await sleep(100);
    }
    const after = await outbox.status();

    // What the city database recorded: its delta feed, from the start.
    const serverChanges: Change[] = [];
    for await (const change of client.changes({ since: 0 })) serverChanges.push(change);

    return {
      school,
      enqueued: changes.length,
      rounds,
      before,
      after,
      retries,
      faultsInjected,
      serverChanges,
      dir,
    };
  } finally {
    await server?.close();
    await store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 48-hour report as lines of text (record keys are not printed: they may be personal IDs). */
export function formatDeadlineReport(status: OutboxStatus): string[] {
  const lines = [
    `${status.deadlineHours}-hour deadline report (${status.at})`,
    `  delivered ${status.delivered}, refused ${status.rejected}, waiting ${status.pending} (in flight ${status.inFlight})`,
    `  at risk (under ${status.atRiskHours} h left) ${status.atRisk}, overdue ${status.overdue}`,
  ];
  const oldest = status.oldest[0];
  if (oldest !== undefined) {
    lines.push(
      `  oldest waiting: ${oldest.entity}, due ${oldest.deadline} (${oldest.deadlineState})`,
    );
  }
  return lines;
}

/**
 * How many times the city database recorded each record or status event, by entity and key,
 * from its delta feed (pupil codes issued for provisional identifiers are not counted).
 */
export function writesByRecord(changes: readonly Change[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const change of changes) {
    if (change.type === 'identifier-issued') continue;
    const key = `${change.truongId} ${change.entity} ${JSON.stringify(change.key)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
