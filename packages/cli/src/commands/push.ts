import { resolve } from 'node:path';
import { maskDigits } from '@eduvn/adapter-kit';
import { type ClientCredentials, createClient } from '@eduvn/client';
import { type ChangeInput, createOutbox, MassChangeHold, type OutboxStatus } from '@eduvn/sync';
import { createSqliteStore } from '@eduvn/sync/sqlite';
import { type HintFlags, hintsOf } from '../hints.ts';
import { CliError, type CliIo } from '../io.ts';
import { createProgress } from '../progress.ts';
import { readRecords, type TaggedRecord } from '../read-records.ts';

/** Options of `eduvn push`. */
export interface PushFlags extends HintFlags {
  /** The city database's base URL. */
  readonly to?: string | undefined;
  /** The outbox's SQLite file (default `eduvn-outbox.db` in the working directory). */
  readonly outbox?: string | undefined;
  /** An adapter id instead of detection. */
  readonly adapter?: string | undefined;
  /** When the information arose (ISO date-time; default now): the deadline runs from it. */
  readonly occurredAt?: string | undefined;
  /** Confirms a mass change the outbox held. */
  readonly confirm?: boolean | undefined;
}

/** What a push ended with. */
export interface PushOutcome {
  /** The 48-hour report after delivery. */
  readonly status: OutboxStatus;
  /** Changes delivered in this run. */
  readonly delivered: number;
  /** Changes refused in this run. */
  readonly rejected: number;
}

/** Options of {@link pushRecords}. */
export interface PushOptions {
  /** The city database's base URL. */
  readonly baseUrl: string;
  /** The account's credentials. */
  readonly credentials: ClientCredentials;
  /** The outbox's SQLite file (created when missing). */
  readonly outboxPath: string;
  /** When the information arose (ISO 8601; default now): the 48-hour deadline runs from it. */
  readonly occurredAt?: string | undefined;
  /** Confirms a mass change the outbox would hold. */
  readonly confirm?: boolean | undefined;
  /** The fetch to use (default the global one). */
  readonly fetch?: typeof fetch | undefined;
}

/** The largest list enqueued at once (the outbox store's limit). */
const CHUNK = 5_000;

/** Reads the credentials from `EDUVN_CLIENT_ID`/`EDUVN_CLIENT_SECRET`, or asks on a terminal. */
export async function credentialsOf(io: CliIo): Promise<ClientCredentials> {
  let clientId = io.env['EDUVN_CLIENT_ID'];
  let clientSecret = io.env['EDUVN_CLIENT_SECRET'];
  if ((clientId === undefined || clientSecret === undefined) && io.stdinIsTTY) {
    clientId ??= (await io.prompt('Client id: ', false)).trim();
    clientSecret ??= await io.prompt('Client secret: ', true);
  }
  if (!clientId || !clientSecret) {
    throw new CliError(
      'No credentials: set EDUVN_CLIENT_ID and EDUVN_CLIENT_SECRET (they are never taken from the command line).',
      2,
    );
  }
  return { clientId, clientSecret };
}

/** Prints the 48-hour report. */
export function printDeadlineReport(io: CliIo, status: OutboxStatus): void {
  const out = (s: string) => io.stdout.write(`${s}\n`);
  out(`\n${status.deadlineHours}-hour deadline report (${status.at}):`);
  out(
    `  delivered ${status.delivered}, rejected ${status.rejected}, pending ${status.pending}, in flight ${status.inFlight}`,
  );
  out(`  at risk (under ${status.atRiskHours} h left) ${status.atRisk}, overdue ${status.overdue}`);
  for (const c of status.oldest.slice(0, 5)) {
    out(
      `  waiting: ${c.entity} ${maskDigits(c.recordKey)} — deadline ${c.deadline} (${c.deadlineState})`,
    );
  }
}

/**
 * Pushes tagged records through the durable SQLite outbox of `@eduvn/sync`: enqueue (a mass change
 * is held unless confirmed), deliver with a progress bar, list the refusals, print the 48-hour
 * report. The outbox file keeps what is not delivered for the next run.
 */
export async function pushRecords(
  io: CliIo,
  records: readonly TaggedRecord[],
  options: PushOptions,
): Promise<PushOutcome> {
  const client = createClient({
    baseUrl: options.baseUrl,
    credentials: options.credentials,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const store = createSqliteStore({ path: options.outboxPath });
  try {
    const outbox = createOutbox({ store, client });
    const changes: ChangeInput[] = records.map((r) => ({
      entity: r.entity as ChangeInput['entity'],
      record: r.record,
      ...(options.occurredAt === undefined ? {} : { occurredAt: options.occurredAt }),
    }));
    try {
      for (let i = 0; i < changes.length; i += CHUNK) {
        await outbox.enqueue(changes.slice(i, i + CHUNK), { confirm: options.confirm === true });
      }
    } catch (error) {
      if (error instanceof MassChangeHold) {
        const lines = error.findings.map(
          (f) =>
            `  school ${f.truongId}, ${f.entity}: ${f.reason === 'leaving' ? `${f.leaving} of ${f.population} leaving` : `${f.changed} of ${f.population} changed`}`,
        );
        throw new CliError(
          `The outbox held a mass change; check the source data, then push again with --confirm:\n${lines.join('\n')}`,
        );
      }
      throw new CliError(`Could not enqueue: ${maskDigits((error as Error).message)}`);
    }
    const before = await outbox.status();
    const total = before.pending + before.inFlight;
    io.stderr.write(`Pushing ${total} change(s) to ${options.baseUrl}…\n`);
    const progress = createProgress(io.stderr, 'Pushing', 'changes');
    let delivered = 0;
    let rejected = 0;
    try {
      for (;;) {
        const round = await outbox.drain({ maxRounds: 1 });
        delivered += round.delivered;
        rejected += round.rejected;
        progress.update(delivered + rejected, total);
        if (round.rounds === 0 || round.delivered + round.rejected === 0) break;
      }
    } finally {
      progress.stop();
    }
    if (rejected > 0) {
      io.stdout.write(`\nRefused by the city database (${rejected}); fix them and push again:\n`);
      for (const c of (await outbox.rejected(20)).slice(0, 20)) {
        const why = c.rejection;
        io.stdout.write(
          `  ${c.entity} ${maskDigits(c.recordKey)}: ${why?.status ?? ''} ${why?.ruleIds.join(', ') ?? ''} ${maskDigits(why?.detail ?? '').slice(0, 200)}\n`,
        );
      }
    }
    const status = await outbox.status();
    printDeadlineReport(io, status);
    return { status, delivered, rejected };
  } finally {
    await store.close();
  }
}

/**
 * `eduvn push <files…> --to <url>`: reads the files and pushes their records through the outbox;
 * exit 1 when some change was refused or is still waiting.
 */
export async function pushCommand(
  io: CliIo,
  files: readonly string[],
  flags: PushFlags,
): Promise<number> {
  if (flags.to === undefined || !/^https?:\/\//.test(flags.to)) {
    throw new CliError(
      `--to must be the city database's http(s) URL${flags.to === undefined ? '' : `, got ${JSON.stringify(flags.to)}`}`,
      2,
    );
  }
  if (flags.occurredAt !== undefined && Number.isNaN(Date.parse(flags.occurredAt))) {
    throw new CliError(
      `--occurred-at must be an ISO date-time, got ${JSON.stringify(flags.occurredAt)}`,
      2,
    );
  }
  const credentials = await credentialsOf(io);
  const read = await readRecords(files, {
    cwd: io.cwd,
    adapter: flags.adapter,
    hints: hintsOf(flags),
  });
  for (const f of read.files)
    io.stderr.write(
      `${f.file}: ${f.adapter}, ${f.records} record(s)${f.problems ? `, ${f.problems} reading problem(s)` : ''}\n`,
    );
  const outcome = await pushRecords(io, read.records, {
    baseUrl: flags.to,
    credentials,
    outboxPath: resolve(io.cwd, flags.outbox ?? 'eduvn-outbox.db'),
    occurredAt: flags.occurredAt,
    confirm: flags.confirm,
  });
  const ok =
    outcome.status.rejected === 0 && outcome.status.pending === 0 && outcome.status.inFlight === 0;
  return ok ? 0 : 1;
}
