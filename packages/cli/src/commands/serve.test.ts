import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '@eduvn/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, runCli, tempDir } from '../cli.test-helper.ts';
import { testSchool, writeC1, writeSchoolJson } from './files.test-helper.ts';

const { dir, remove } = tempDir();
afterAll(remove);

/** Starts `eduvn sandbox …` in-process; resolves with its URL, a stop function and the run. */
async function startSandbox(
  args: readonly string[],
): Promise<{ url: string; stop: (s: 'SIGINT' | 'SIGTERM') => Promise<Run> }> {
  let stopHandler: ((s: 'SIGINT' | 'SIGTERM') => void) | undefined;
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    listening = resolve;
  });
  const run = runCli(['sandbox', '--port', '0', ...args], {
    cwd: dir,
    onStop: (h) => {
      stopHandler = h;
    },
    onStdout: (text) => {
      const m = /listening on (http:\/\/\S+) /.exec(text);
      if (m) listening(m[1] as string);
    },
  });
  const first = await Promise.race([
    url,
    run.then((r) => Promise.reject(new Error(`sandbox ended: ${r.stderr}`))),
  ]);
  return {
    url: first,
    stop: async (signal) => {
      stopHandler?.(signal);
      return run;
    },
  };
}

describe('eduvn sandbox', () => {
  it('serves the API contract and stops cleanly on SIGTERM, keeping its SQLite file', async () => {
    const db = join(dir, 'sandbox.db');
    const server = await startSandbox(['--db', db]);
    const res = await fetch(`${server.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toMatch(/^3\.1/);
    const run = await server.stop('SIGTERM');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Sandbox stopped/);
    expect(run.stderr).toMatch(/SIGTERM: stopping/);
    expect(existsSync(db)).toBe(true);
    await expect(fetch(`${server.url}/v1/openapi.json`)).rejects.toThrow();
  });

  it('seeds the demo and prints its accounts; stops on SIGINT', async () => {
    const server = await startSandbox(['--seed', 'demo']);
    const run = await server.stop('SIGINT');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Demo school year \d{4}-\d{4}/);
    expect(run.stdout).toMatch(/truong\s+\d+\s+quan-tri/);
  });

  it('as a process, exits 0 on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@eduvn/source', bin, 'sandbox', '--port', '0'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        if (text.includes('listening on')) resolve();
      });
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses bad options with exit 2', async () => {
    expect((await runCli(['sandbox', '--port', '70000'])).code).toBe(2);
    const seed = await runCli(['sandbox', '--seed', 'everything']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed takes "demo"/);
  });
});

describe('eduvn push', () => {
  const school = testSchool();
  const truongId = school.truong.truongId;
  // The sandbox's clock on the day the generated school is for (its pupils' ages are checked then).
  const sandbox = createSandbox({ now: () => Date.parse('2025-10-01T09:00:00+07:00') });
  let url = '';
  let close: () => Promise<void> = async () => {};
  let env: Record<string, string> = {};
  beforeAll(async () => {
    sandbox.addUnit({ id: truongId, kind: 'truong', name: school.truong.ten ?? truongId });
    const account = sandbox.addAccount({ kind: 'quan-tri', unitId: truongId });
    env = { EDUVN_CLIENT_ID: account.clientId, EDUVN_CLIENT_SECRET: account.clientSecret };
    const server = await sandbox.listen({ port: 0 });
    url = server.url;
    close = () => server.close();
  });
  afterAll(async () => {
    await close();
    sandbox.close();
  });

  it('pushes the records through the SQLite outbox to a real sandbox, with the 48-hour report', async () => {
    writeSchoolJson(dir);
    const run = await runCli(
      ['push', 'truong.json', '--to', url, '--occurred-at', '2025-10-01T08:00:00+07:00'],
      { cwd: dir, env },
    );
    expect(run.stderr).toMatch(/Pushing \d+ change\(s\)/);
    expect(run.stdout).toMatch(/48-hour deadline report/);
    expect(run.stdout).toMatch(/delivered \d+, rejected 0, pending 0, in flight 0/);
    expect(run.stdout).toMatch(/overdue \d+/);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'eduvn-outbox.db'))).toBe(true);
    // Again: the whole school changed at once is held until confirmed.
    const again = await runCli(
      ['push', 'truong.json', '--to', url, '--occurred-at', '2025-10-01T08:00:00+07:00'],
      { cwd: dir, env },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/held a mass change[\s\S]*--confirm/);
    const confirmed = await runCli(
      [
        'push',
        'truong.json',
        '--to',
        url,
        '--confirm',
        '--occurred-at',
        '2025-10-01T08:00:00+07:00',
      ],
      { cwd: dir, env },
    );
    expect(confirmed.code).toBe(0);
    const token = await fetch(`${url}/v1/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: env['EDUVN_CLIENT_ID'] as string,
        client_secret: env['EDUVN_CLIENT_SECRET'] as string,
      }),
    }).then((r) => r.json());
    const pupil = school.hocSinhs[0];
    const got = await fetch(`${url}/v1/truong/${truongId}/hoc-sinh/${pupil?.hocSinhId}`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(got.status).toBe(200);
  });

  it('lists refusals and exits 1; the refused change stays in the outbox', async () => {
    const pupils = school.hocSinhs
      .slice(0, 5)
      .map((p, i) => (i === 2 ? { ...p, hoTen: 'x'.repeat(60) } : p));
    writeC1(dir, 'five.xlsx', pupils);
    const run = await runCli(
      ['push', 'five.xlsx', '--to', url, '--outbox', 'other.db', '--truong', truongId],
      { cwd: dir, env },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Refused by the city database \(1\)/);
    expect(run.stdout).toMatch(/422 STD\.SCHEMA\.001/);
    expect(run.stdout).toMatch(/rejected 1/);
    for (const p of pupils)
      if (p.maCongDanId) expect(run.stdout + run.stderr).not.toContain(p.maCongDanId);
  });

  it('takes credentials from a prompt on a terminal, never from arguments', async () => {
    const asked: string[] = [];
    const run = await runCli(
      [
        'push',
        'truong.json',
        '--to',
        url,
        '--outbox',
        'prompted.db',
        '--occurred-at',
        '2025-10-01T08:00:00+07:00',
      ],
      {
        cwd: dir,
        tty: true,
        prompt: async (q, secret) => {
          asked.push(`${q}${secret}`);
          return secret
            ? (env['EDUVN_CLIENT_SECRET'] as string)
            : (env['EDUVN_CLIENT_ID'] as string);
        },
      },
    );
    expect(asked).toEqual(['Client id: false', 'Client secret: true']);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(env['EDUVN_CLIENT_SECRET']);
    const none = await runCli(['push', 'truong.json', '--to', url], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/EDUVN_CLIENT_ID and EDUVN_CLIENT_SECRET/);
    const flag = await runCli(['push', 'truong.json', '--to', url, '--client-secret', 'x'], {
      cwd: dir,
      env,
    });
    expect(flag.code).toBe(2);
    expect((await runCli(['push', 'truong.json', '--to', 'ftp://x'], { cwd: dir, env })).code).toBe(
      2,
    );
  });
});
