import { describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox.ts';

describe('listen', () => {
  it("serves over HTTP without touching the host's global Request and Response", async () => {
    const { Request: request, Response: response } = globalThis;
    const sandbox = createSandbox();
    const server = await sandbox.listen();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/v1/health`);
    expect([health.status, (await health.json()).status]).toEqual([200, 'ok']);
    expect([globalThis.Request, globalThis.Response]).toEqual([request, response]);
    expect(Response.error().type).toBe('error');
    await server.close();
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
    sandbox.close();
  });

  it('refuses a port that is taken, with the error Node gives', async () => {
    const a = createSandbox();
    const first = await a.listen();
    const b = createSandbox();
    await expect(b.listen({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
    a.close();
    b.close();
  });
});
