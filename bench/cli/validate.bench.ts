/**
 * `eduvn validate` on a generated 200,000-pupil workbook, side by side with the adapter alone on
 * the same file (issue 12: "the CLI should add little"). The file is the check benchmark's
 * (`../check/pupils-file.ts`): the national database's C1-HocSinh export, 25 columns, one record in
 * ten invalid. Each candidate is a whole process, timed from outside by `/usr/bin/time` (wall time
 * and the kernel's peak RSS), rounds interleaved:
 *
 * - **startup**: `eduvn --version` — what starting Node and loading the sources costs, for scale;
 * - **adapter alone**: `read-child.ts` — `readWith` with `@eduvn/adapter-moet`'s C1 adapter,
 *   records counted and dropped;
 * - **eduvn validate**: detection among the installed adapters, reading, every rule as of a date,
 *   the summary printed (exit 1: the file has errors, as planted).
 *
 * Both run from the TypeScript sources through tsx (the same loader cost for each).
 *
 * Run: `pnpm --filter @eduvn/bench bench:cli`. BENCH_CLI_PUPILS (default 200000), BENCH_ROUNDS
 * (default 2).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AS_OF, writePlantedFile } from '../check/pupils-file.ts';

const pupils = Number(process.env['BENCH_CLI_PUPILS'] ?? 200_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
const TIME = '/usr/bin/time';

const bin = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url));
const readChild = fileURLToPath(new URL('./read-child.ts', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** What one process took. */
interface Run {
  readonly seconds: number;
  readonly peakRss: number;
  readonly code: number | null;
  readonly stdout: string;
}

/** Runs `node --import tsx --conditions=@eduvn/source …args` under `/usr/bin/time`. */
function timed(dir: string, args: readonly string[]): Promise<Run> {
  const out = join(dir, `time-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      TIME,
      [
        '-f',
        '%e %M',
        '-o',
        out,
        process.execPath,
        '--import',
        'tsx',
        '--conditions=@eduvn/source',
        ...args,
      ],
      { cwd: benchDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('exit', async (code) => {
      try {
        const [seconds, kb] = (await readFile(out, 'utf8')).trim().split(/\s+/).slice(-2);
        resolve({ seconds: Number(seconds), peakRss: Number(kb) * 1024, code, stdout });
      } catch {
        reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      }
    });
  });
}

const median = (list: readonly number[]): number =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;

if (!existsSync(TIME)) {
  console.error(`${TIME} is needed to measure peak RSS (Debian: apt-get install time)`);
  process.exit(1);
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-cli-'));
try {
  const path = join(dir, 'C1-HocSinh.xlsx');
  const rows = await writePlantedFile(path, pupils);
  console.log(
    `file: ${rows.toLocaleString('en')} pupils (one in ten invalid), ${mb((await stat(path)).size)} .xlsx; ${rounds} round(s), whole processes`,
  );
  const candidates = {
    startup: [bin, '--version'],
    'adapter alone (readWith)': [readChild, path],
    'eduvn validate': [bin, 'validate', path, '--as-of', AS_OF],
  } as const;
  const runs = new Map<string, Run[]>(Object.keys(candidates).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, args] of Object.entries(candidates)) {
      const run = await timed(dir, args);
      if (name === 'eduvn validate' && run.code !== 1) {
        throw new Error(`eduvn validate exited ${run.code}, expected 1 (the file has errors)`);
      }
      runs.get(name)?.push(run);
    }
  }
  const validateOut = runs.get('eduvn validate')?.[0]?.stdout ?? '';
  console.log(`eduvn validate said: ${validateOut.split('\n').slice(0, 3).join(' | ')}`);
  console.log(`adapter alone said: ${runs.get('adapter alone (readWith)')?.[0]?.stdout.trim()}`);

  console.log(
    `\n${'candidate'.padEnd(28)}${'wall s'.padStart(9)}${'rows/s'.padStart(11)}${'peak RSS'.padStart(11)}`,
  );
  const wall = new Map<string, number>();
  for (const [name, list] of runs) {
    const seconds = median(list.map((r) => r.seconds));
    wall.set(name, seconds);
    const rate = name === 'startup' ? '' : Math.round(rows / seconds).toLocaleString('en');
    const peak = Math.max(...list.map((r) => r.peakRss));
    console.log(
      `${name.padEnd(28)}${seconds.toFixed(2).padStart(9)}${rate.padStart(11)}${mb(peak).padStart(11)}`,
    );
  }
  const read = wall.get('adapter alone (readWith)') ?? Number.NaN;
  const cli = wall.get('eduvn validate') ?? Number.NaN;
  const start = wall.get('startup') ?? Number.NaN;
  console.log(
    `\neduvn validate takes ${(cli / read).toFixed(2)}× the adapter's wall time (${((cli - start) / (read - start)).toFixed(2)}× without start-up)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
