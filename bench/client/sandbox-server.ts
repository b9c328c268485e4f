/**
 * The sandbox as a server of its own, for the benchmarks: a child process (started with `fork`)
 * that serves `@eduvn/sandbox` over HTTP on 127.0.0.1 — a file database in a temporary
 * directory, rate limiting off, the clock on 2 March 2026 (in the fixtures' school year
 * 2025-2026) — so that the process measuring the client does not also do the server's work.
 *
 * Messages (IPC): `{ reset: schools }` replaces the sandbox by a fresh one (a new file) with a Sở
 * `79` and these schools, and answers `{ url, credentials }` (an account of the Sở, which writes
 * to every school); `{ cpu: true }` answers `{ cpu: process.cpuUsage() }` (how busy the server
 * was); `{ stop: true }` removes everything and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox, type SandboxServer } from '@eduvn/sandbox';

const NOW = Date.parse('2026-03-02T09:00:00+07:00');
const SO = '79';

let current: { sandbox: Sandbox; server: SandboxServer; dir: string } | undefined;

async function stopCurrent(): Promise<void> {
  if (!current) return;
  await current.server.close();
  current.sandbox.close();
  rmSync(current.dir, { recursive: true, force: true });
  current = undefined;
}

async function reset(schools: readonly string[]) {
  await stopCurrent();
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-bench-server-'));
  const sandbox = createSandbox({ db: join(dir, 'sandbox.db'), rateLimit: false, now: () => NOW });
  sandbox.addUnit({ id: SO, kind: 'so', name: 'Sở GD&ĐT (bench)' });
  for (const id of schools)
    sandbox.addUnit({ id, kind: 'truong', name: `Trường ${id}`, parentId: SO });
  const credentials = sandbox.addAccount({ kind: 'quan-tri', unitId: SO });
  const server = await sandbox.listen({ port: 0 });
  current = { sandbox, server, dir };
  return { url: server.url, credentials };
}

process.on('message', (message: { reset?: string[]; cpu?: boolean; stop?: boolean }) => {
  if (message.cpu) {
    process.send?.({ cpu: process.cpuUsage() });
  } else if (message.reset) {
    reset(message.reset).then(
      (answer) => process.send?.(answer),
      (error: Error) => process.send?.({ error: error.message }),
    );
  } else if (message.stop) {
    stopCurrent().finally(() => process.exit(0));
  }
});
process.on('disconnect', () => {
  stopCurrent().finally(() => process.exit(0));
});
