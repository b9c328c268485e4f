import { generateSchool, recordsOf } from '@eduvn/fixtures';
import { toVietnamTime } from '@eduvn/rules';
import { type EntitySchema, encodeWire, entityByName } from '@eduvn/standard';
import { LIMITS } from '../contract/limits.ts';
import type { AccountKind } from '../domain/account.ts';
import { SandboxError } from '../errors.ts';
import type { Sandbox } from '../sandbox.ts';
import type { Unit } from '../store/store.ts';

/** An account the demo made, with its secret (shown once). */
export interface DemoAccount {
  /** The unit it belongs to. */
  readonly unit: Unit;
  /** Its kind. */
  readonly kind: AccountKind;
  /** The client id. */
  readonly clientId: string;
  /** The secret. */
  readonly clientSecret: string;
}

/** What {@link seedDemo} made. */
export interface DemoSeed {
  /** The accounts, Sở first, then the Phòng, then each school. */
  readonly accounts: readonly DemoAccount[];
  /** The schools' TRUONG_IDs. */
  readonly schools: readonly string[];
  /** The school year of the generated data. */
  readonly schoolYear: string;
  /** How many records were pushed, and what happened to them. */
  readonly records: Readonly<Record<'created' | 'updated' | 'unchanged' | 'rejected', number>>;
}

/** Options of {@link seedDemo}. */
export interface DemoOptions {
  /** The day the demo data is for (default: today in Vietnam); its school year is generated. */
  readonly asOf?: string;
  /** Roughly how many pupils per school (default 300). */
  readonly pupils?: number;
}

/** The school year a day belongs to (a year starts in August). */
function schoolYearOf(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  return Number(asOf.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/**
 * Fills a sandbox with a demo: the Sở of Ho Chi Minh City, one Phòng, and two generated primary
 * schools (generated people only) with their classes, staff, pupils, TT27 assessments, facilities,
 * finance and status events — pushed through the API itself, so the demo data passes the same
 * checks as any client's. Makes a `quan-tri` and a `khai-thac` account for each unit and returns
 * their credentials (new secrets each time: seeding an existing demo database again re-issues
 * them and finds the records unchanged).
 */
export async function seedDemo(sandbox: Sandbox, options: DemoOptions = {}): Promise<DemoSeed> {
  const asOf = options.asOf ?? toVietnamTime(Date.now()).slice(0, 10);
  const schoolYear = schoolYearOf(asOf);
  const schools = [1, 2].map((seed) =>
    generateSchool({ seed, province: '79', schoolYear, pupils: options.pupils ?? 300 }),
  );
  const so: Unit = { id: '79', kind: 'so', name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh' };
  const phong: Unit = {
    id: '79-KV1',
    kind: 'phong',
    name: 'Phòng Giáo dục và Đào tạo Khu vực 1',
    parentId: so.id,
  };
  const units: Unit[] = [
    so,
    phong,
    ...schools.map((s) => ({
      id: s.truong.truongId,
      kind: 'truong' as const,
      name: s.truong.ten ?? s.truong.truongId,
      parentId: phong.id,
    })),
  ];
  for (const unit of units) sandbox.addUnit(unit);
  const accounts: DemoAccount[] = units.flatMap((unit) =>
    (['quan-tri', 'khai-thac'] as const).map((kind) => ({
      unit,
      kind,
      ...sandbox.addAccount({ kind, unitId: unit.id, clientId: `${unit.id}-${kind}` }),
    })),
  );
  const admin = accounts[0] as DemoAccount;
  const token = await tokenOf(sandbox, admin);
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const items = schools.flatMap((school) =>
    recordsOf(school).map((r) => ({
      entity: r.entity,
      data: encodeWire(entityByName(r.entity) as EntitySchema, r.record as never),
    })),
  );
  for (let i = 0; i < items.length; i += LIMITS.maxBatchItems) {
    const response = await sandbox.fetch('/v1/batches', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `seed-demo-${schoolYear}-${i}-${crypto.randomUUID()}`,
      },
      body: JSON.stringify({ items: items.slice(i, i + LIMITS.maxBatchItems) }),
    });
    const body = (await response.json()) as { summary?: typeof totals; detail?: string };
    if (response.status !== 200 || !body.summary)
      throw new SandboxError(
        'seed',
        `The demo could not be pushed: ${response.status} ${body.detail ?? ''}`,
      );
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += body.summary[k];
  }
  return { accounts, schools: schools.map((s) => s.truong.truongId), schoolYear, records: totals };
}

async function tokenOf(sandbox: Sandbox, account: DemoAccount): Promise<string> {
  const response = await sandbox.fetch('/v1/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: account.clientId,
      client_secret: account.clientSecret,
    }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token)
    throw new SandboxError('seed', `The demo account ${account.clientId} got no token`);
  return body.access_token;
}
