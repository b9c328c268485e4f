#!/usr/bin/env node
/**
 * `eduvn-sandbox`: starts the eduvn sandbox — a local city education database implementing the
 * API contract — over HTTP.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { CONTRACT_VERSION } from './contract/document.ts';
import { createSandbox } from './sandbox.ts';
import { seedDemo } from './seed/demo.ts';

const USAGE = `eduvn-sandbox — a local city education database implementing the eduvn API contract ${CONTRACT_VERSION}

Usage: eduvn-sandbox [options]

  --port <n>              port to listen on (default 4010; 0 for any free port)
  --host <address>        address to listen on (default 127.0.0.1)
  --db <file>             SQLite database file, kept across restarts (default: in memory)
  --seed demo             fill a Sở, a Phòng and two generated schools, and print their accounts
  --deadline-hours <n>    the push deadline (default 48; seed regulation Art. 6 cl. 2, possibly local)
  --token-ttl <seconds>   how long tokens live (default 3600)
  --no-rate-limit         turn off the per-account rate limit (100 requests/s, bursts of 200)
  --latency <ms>          add latency to every request (a fault for client tests)
  --error-rate <p>        answer this share of requests 503 (0–1)
  --rate-limit-rate <p>   answer this share of requests 429 with Retry-After (0–1)
  --drop-rate <p>         drop this share of connections before answering (0–1)
  --partial-rate <p>      apply this share of batches only in part, then drop the connection (0–1)
  --seed-faults <n>       the seed of the fault generator (default 1)
  --help                  show this help

A request can also ask for a fault with the header X-Eduvn-Fault (status=503, status=429;
retry-after=2, drop, drop-after, partial=3, latency=200).
The contract: GET /v1/openapi.json.`;

function fail(message: string): never {
  process.stderr.write(`eduvn-sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function numberOf(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    fail(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    fail((error as Error).message);
  }
  const v = args.values;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (v.seed !== undefined && v.seed !== 'demo')
    fail(`--seed takes "demo", not ${JSON.stringify(v.seed)}`);
  const port = numberOf(v.port, 'port', 0, 65535) ?? 4010;
  const sandbox = createSandbox({
    db: v.db ?? ':memory:',
    deadlineHours: numberOf(v['deadline-hours'], 'deadline-hours', 0.001, 10_000) ?? 48,
    tokenTtlSeconds: numberOf(v['token-ttl'], 'token-ttl', 1, 31_536_000) ?? 3600,
    ...(v['no-rate-limit'] ? { rateLimit: false as const } : {}),
    faults: {
      ...(v.latency === undefined
        ? {}
        : { latencyMs: numberOf(v.latency, 'latency', 0, 60_000) as number }),
      ...(v['error-rate'] === undefined
        ? {}
        : { errorRate: numberOf(v['error-rate'], 'error-rate', 0, 1) as number }),
      ...(v['rate-limit-rate'] === undefined
        ? {}
        : { rateLimitRate: numberOf(v['rate-limit-rate'], 'rate-limit-rate', 0, 1) as number }),
      ...(v['drop-rate'] === undefined
        ? {}
        : { dropRate: numberOf(v['drop-rate'], 'drop-rate', 0, 1) as number }),
      ...(v['partial-rate'] === undefined
        ? {}
        : { partialRate: numberOf(v['partial-rate'], 'partial-rate', 0, 1) as number }),
      seed: numberOf(v['seed-faults'], 'seed-faults', 0, 2 ** 32) ?? 1,
    },
    logger: {
      error: (message, meta) => process.stderr.write(`${message} ${JSON.stringify(meta)}\n`),
    },
  });
  if (v.seed === 'demo') {
    const seeded = await seedDemo(sandbox);
    process.stdout.write(
      `Demo school year ${seeded.schoolYear}: ${seeded.records.created} records created, ${seeded.records.unchanged} unchanged.\nAccounts (secrets are shown once; seeding again re-issues them):\n`,
    );
    for (const a of seeded.accounts) {
      process.stdout.write(
        `  ${a.unit.kind.padEnd(6)} ${a.unit.id.padEnd(9)} ${a.kind.padEnd(9)} ${a.clientId}  ${a.clientSecret}  (${a.unit.name})\n`,
      );
    }
  }
  const server = await sandbox.listen({ port, hostname: v.host ?? '127.0.0.1' });
  process.stdout.write(
    `eduvn sandbox listening on ${server.url} (contract: ${server.url}/v1/openapi.json)\n`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .catch(() => {})
      .finally(() => {
        sandbox.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      'deadline-hours': { type: 'string' },
      'token-ttl': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'rate-limit-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'partial-rate': { type: 'string' },
      'seed-faults': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`eduvn-sandbox: ${(error as Error).message}\n`);
  process.exit(1);
});
