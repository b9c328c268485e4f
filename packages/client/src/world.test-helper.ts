import { generateSchool } from '@eduvn/fixtures';
import { createSandbox, type Sandbox, type SandboxOptions } from '@eduvn/sandbox';
import { type ClientOptions, createClient, type EduvnClient } from './client.ts';

/** A day of the fixtures' school year (2025-2026). */
export const NOW = Date.parse('2026-03-02T09:00:00+07:00');

export const SCHOOL = generateSchool({ seed: 21, province: '79', pupils: 80 });
export const OTHER = generateSchool({ seed: 22, province: '79', pupils: 40 });

export interface ClientWorld {
  readonly sandbox: Sandbox;
  readonly client: EduvnClient;
  readonly reader: EduvnClient;
  readonly so: EduvnClient;
  readonly credentials: { clientId: string; clientSecret: string };
  make(options?: Partial<ClientOptions>): EduvnClient;
}

/** A sandbox (in-process) with a Sở, two schools and clients for school A (writer, reader) and the Sở. */
export function clientWorld(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): ClientWorld {
  const sandbox = createSandbox({ rateLimit: false, now: () => NOW, ...sandboxOptions });
  sandbox.addUnit({ id: '79', kind: 'so', name: 'Sở GD&ĐT TP. Hồ Chí Minh' });
  for (const s of [SCHOOL, OTHER])
    sandbox.addUnit({
      id: s.truong.truongId,
      kind: 'truong',
      name: s.truong.ten ?? 'x',
      parentId: '79',
    });
  const credentials = sandbox.addAccount({ kind: 'quan-tri', unitId: SCHOOL.truong.truongId });
  const readOnly = sandbox.addAccount({ kind: 'khai-thac', unitId: SCHOOL.truong.truongId });
  const so = sandbox.addAccount({ kind: 'khai-thac', unitId: '79' });
  const make = (o: Partial<ClientOptions> = {}) =>
    createClient({
      baseUrl: 'http://sandbox.local',
      credentials,
      fetch: sandbox.fetch,
      now: () => NOW,
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
      ...clientOptions,
      ...o,
    });
  return {
    sandbox,
    client: make(),
    reader: make({ credentials: readOnly }),
    so: make({ credentials: so }),
    credentials,
    make,
  };
}
