import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConformanceSetError } from './errors.ts';
import { parseConformanceSet } from './parse.ts';
import type { ConformanceSet, ConformanceSetName } from './types.ts';

/** Every set this package publishes. */
const SETS: readonly ConformanceSetName[] = ['records'];

const loaded = new Map<ConformanceSetName, ConformanceSet>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * The path of a published set's file, found the way any consumer finds it: through the package's
 * own `exports` (`@eduvn/testing/conformance/<name>.json`), from this module's location — the same
 * from `src/` in the repository and from the ESM and CommonJS builds in `dist/`.
 */
function fileOf(name: ConformanceSetName): string {
  return createRequire(import.meta.url).resolve(`@eduvn/testing/conformance/${name}.json`);
}

/**
 * A conformance set this package publishes, read from its JSON file (`conformance/<name>.json` in
 * the package, the same file implementations in other languages use), checked and typed. Read
 * once, then cached; the set is deeply frozen. Node only (it reads a file).
 *
 * - `'records'`: valid and invalid records of the QĐ 4998 entities as wire objects, each case with
 *   the validation options and exactly the rule ids `validate` reports (errors and queries).
 *
 * Throws a `RangeError` for an unknown name, a {@link ConformanceSetError} when the file cannot be
 * read or is not a set.
 *
 * @example
 * ```ts
 * const set = conformanceSet('records');
 * const recordScoped = set.cases.filter((c) => c.scope === 'record');
 * ```
 */
export function conformanceSet(name: ConformanceSetName): ConformanceSet {
  if (!SETS.includes(name)) {
    throw new RangeError(
      `conformanceSet: unknown set ${JSON.stringify(String(name).slice(0, 40))}; expected one of ${SETS.join(', ')}`,
    );
  }
  const cached = loaded.get(name);
  if (cached) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(fileOf(name), 'utf8'));
  } catch (error) {
    throw new ConformanceSetError(
      `conformanceSet: cannot read the ${name} set (@eduvn/testing/conformance/${name}.json): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const set = deepFreeze(parseConformanceSet(json));
  loaded.set(name, set);
  return set;
}
