import { generateSchool } from '@eduvn/fixtures';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';

/** A sandbox with a Sở, a Phòng, two schools, and one account of each kind per unit. */
export interface TestWorld {
  readonly sandbox: Sandbox;
  readonly schoolA: string;
  readonly schoolB: string;
  /** Bearer tokens by account: `a` (school A quan-tri), `aRead` (school A khai-thac), `b`, `phong`, `so`, `soRead`. */
  readonly tokens: Readonly<Record<'a' | 'aRead' | 'b' | 'phong' | 'so' | 'soRead', string>>;
  /** Calls the sandbox in-process with a token and JSON. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert their shape
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

export const SCHOOL_A = generateSchool({ seed: 101, province: '79', pupils: 60 });
export const SCHOOL_B = generateSchool({ seed: 202, province: '79', pupils: 60 });

/** A day of school year 2025-2026, the fixtures' default: the clock of {@link testWorld}. */
export const TEST_NOW = Date.parse('2026-03-02T09:00:00+07:00');

/** A clock tests can move. */
export function testClock(start = TEST_NOW): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

export async function testWorld(options: SandboxOptions = {}): Promise<TestWorld> {
  const sandbox = createSandbox({ rateLimit: false, now: () => TEST_NOW, ...options });
  const schoolA = SCHOOL_A.truong.truongId;
  const schoolB = SCHOOL_B.truong.truongId;
  sandbox.addUnit({ id: '79', kind: 'so', name: 'Sở GD&ĐT TP. Hồ Chí Minh' });
  sandbox.addUnit({ id: '79-P1', kind: 'phong', name: 'Phòng GD&ĐT Khu vực 1', parentId: '79' });
  sandbox.addUnit({
    id: schoolA,
    kind: 'truong',
    name: SCHOOL_A.truong.ten ?? 'A',
    parentId: '79-P1',
  });
  sandbox.addUnit({
    id: schoolB,
    kind: 'truong',
    name: SCHOOL_B.truong.ten ?? 'B',
    parentId: '79',
  });
  const accounts = {
    a: sandbox.addAccount({ kind: 'quan-tri', unitId: schoolA }),
    aRead: sandbox.addAccount({ kind: 'khai-thac', unitId: schoolA }),
    b: sandbox.addAccount({ kind: 'quan-tri', unitId: schoolB }),
    phong: sandbox.addAccount({ kind: 'khai-thac', unitId: '79-P1' }),
    so: sandbox.addAccount({ kind: 'quan-tri', unitId: '79' }),
    soRead: sandbox.addAccount({ kind: 'khai-thac', unitId: '79' }),
  };
  const call: TestWorld['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    if (method === 'POST' && path !== '/v1/token')
      headers['idempotency-key'] ??= crypto.randomUUID();
    const response = await sandbox.fetch(path, {
      method,
      headers,
      ...(o.body === undefined
        ? {}
        : { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : JSON.parse(text),
      headers: response.headers,
    };
  };
  const tokens = {} as Record<keyof typeof accounts, string>;
  for (const [name, creds] of Object.entries(accounts)) {
    const r = await call('POST', '/v1/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
      },
    });
    if (r.status !== 200) throw new Error(`token for ${name}: ${JSON.stringify(r.body)}`);
    tokens[name as keyof typeof accounts] = r.body.access_token;
  }
  return { sandbox, schoolA, schoolB, tokens, call };
}
