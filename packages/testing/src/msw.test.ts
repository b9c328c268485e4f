import { encodeWire, HocSinh } from '@eduvn/standard';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxHandlers } from './msw.ts';
import { createSandboxWorld } from './sandbox-world.ts';

const world = createSandboxWorld({ seed: 5, pupils: 40 });
const BASE = 'https://csdl.example.vn/api';
const server = setupServer(...sandboxHandlers(world.sandbox, { baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function token(): Promise<string> {
  const r = await fetch(`${BASE}/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: world.credentials.school.clientId,
      client_secret: world.credentials.school.clientSecret,
    }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

describe('sandboxHandlers: the sandbox behind msw, no port', () => {
  it("answers the contract under the caller's base URL", async () => {
    const t = await token();
    const pupil = world.school.hocSinhs[0] as HocSinh;
    const r = await fetch(`${BASE}/v1/truong/${world.truongId}/hoc-sinh/${pupil.hocSinhId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify(encodeWire(HocSinh, pupil)),
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-correlation-id')).toBeTruthy();
    const del = await fetch(`${BASE}/v1/truong/${world.truongId}/hoc-sinh/${pupil.hocSinhId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${t}` },
    });
    expect(del.status).toBe(405);
  });

  it('turns an injected dropped connection into a network error', async () => {
    const t = await token();
    await expect(
      fetch(`${BASE}/v1/truong`, {
        headers: { authorization: `Bearer ${t}`, 'x-eduvn-fault': 'drop' },
      }),
    ).rejects.toThrow(TypeError);
    const after = await fetch(`${BASE}/v1/truong`, { headers: { authorization: `Bearer ${t}` } });
    expect(after.status).toBe(200);
  });

  it('leaves other hosts to msw (unhandled requests are errors here)', async () => {
    await expect(fetch('https://other.example.vn/v1/truong')).rejects.toThrow();
  });

  it('gives a world whose accounts reach only their scope', async () => {
    const r = await fetch(`${BASE}/v1/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: world.credentials.schoolReader.clientId,
        client_secret: world.credentials.schoolReader.clientSecret,
      }),
    });
    const { access_token, scope } = (await r.json()) as { access_token: string; scope: string };
    expect(scope).toBe(`khai-thac truong:${world.truongId}`);
    const write = await fetch(`${BASE}/v1/truong/${world.truongId}/lop/1A`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(403);
  });
});
