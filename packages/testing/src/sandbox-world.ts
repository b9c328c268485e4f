import { type GeneratedSchool, generateSchool } from '@eduvn/fixtures';
import { type Credentials, createSandbox, type Sandbox, type SandboxOptions } from '@eduvn/sandbox';

/** Options of {@link createSandboxWorld}. */
export interface SandboxWorldOptions extends SandboxOptions {
  /** The seed of the generated school (default 1). */
  readonly seed?: number;
  /** The school year of the generated school (default: the fixtures' default). */
  readonly schoolYear?: string;
  /** Roughly how many pupils (default 120). */
  readonly pupils?: number;
}

/** The accounts of a {@link SandboxWorld}. */
export interface SandboxWorldCredentials {
  /** The school's `quan-tri` account (reads and writes). */
  readonly school: Credentials;
  /** The school's `khai-thac` account (reads only). */
  readonly schoolReader: Credentials;
  /** The Sở's `khai-thac` account (reads every school of the province). */
  readonly so: Credentials;
}

/** A sandbox with one Sở, one generated school, and accounts to call it with. */
export interface SandboxWorld {
  /** The sandbox (answer in-process with `sandbox.fetch`, or serve it with `sandbox.listen`). */
  readonly sandbox: Sandbox;
  /** The generated school (its records are not pushed: that is what your code under test does). */
  readonly school: GeneratedSchool;
  /** The school's TRUONG_ID. */
  readonly truongId: string;
  /** Accounts to call it with. */
  readonly credentials: SandboxWorldCredentials;
}

/**
 * A ready-made world for a test: a sandbox (in memory, no rate limit) with the Sở of the school's
 * province and one generated primary school (generated people only) registered, and its accounts.
 * The sandbox's clock is set inside the generated school year unless `now` is given, so that ages
 * and dates check as they would on a day of that year.
 *
 * @example
 * ```ts
 * const { sandbox, school, credentials } = createSandboxWorld({ seed: 3 });
 * // push school.hocSinhs with your code, using credentials.school and sandbox.fetch
 * ```
 */
export function createSandboxWorld(options: SandboxWorldOptions = {}): SandboxWorld {
  const { seed = 1, schoolYear, pupils = 120, ...sandboxOptions } = options;
  const school = generateSchool({
    seed,
    pupils,
    ...(schoolYear === undefined ? {} : { schoolYear }),
  });
  const start = Number((school.danhGias[0]?.namHoc ?? schoolYear ?? '2025-2026').slice(0, 4));
  const sandbox = createSandbox({
    rateLimit: false,
    now: () => Date.parse(`${start + 1}-03-02T09:00:00+07:00`),
    ...sandboxOptions,
  });
  const truongId = school.truong.truongId;
  const province = school.truong.tinhThanhId ?? truongId.slice(0, 2);
  sandbox.addUnit({ id: `so-${province}`, kind: 'so', name: `Sở GD&ĐT ${province}` });
  sandbox.addUnit({
    id: truongId,
    kind: 'truong',
    name: school.truong.ten ?? truongId,
    parentId: `so-${province}`,
  });
  return {
    sandbox,
    school,
    truongId,
    credentials: {
      school: sandbox.addAccount({
        kind: 'quan-tri',
        unitId: truongId,
        clientId: `${truongId}-quan-tri`,
      }),
      schoolReader: sandbox.addAccount({
        kind: 'khai-thac',
        unitId: truongId,
        clientId: `${truongId}-khai-thac`,
      }),
      so: sandbox.addAccount({
        kind: 'khai-thac',
        unitId: `so-${province}`,
        clientId: `so-${province}-khai-thac`,
      }),
    },
  };
}
