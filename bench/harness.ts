/**
 * A small side-by-side benchmark harness: every candidate runs over the same inputs, in
 * interleaved rounds (so a slow phase of the machine hurts all of them alike), and the report gives
 * each one's median time and its ratio to the baseline (the first candidate). Figures are for
 * comparison within one run, not absolute claims.
 */
import { performance } from 'node:perf_hooks';

/** One thing to measure: `run` processes the whole input once and returns something to keep alive. */
export interface Candidate<T> {
  name: string;
  run: (input: readonly T[]) => unknown;
}

/** Options for {@link compare}. */
export interface CompareOptions {
  /** Measured rounds per candidate (after one warm-up round). */
  rounds?: number;
  /** Unit for the throughput column, e.g. `names`. */
  unit?: string;
  /** How many units one run processes (default `input.length`). */
  count?: number;
}

let sink: unknown;

/** The median of each candidate's times. */
function mediansOf(times: ReadonlyMap<string, readonly number[]>): Map<string, number> {
  const medians = new Map<string, number>();
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    medians.set(name, sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
  }
  return medians;
}

/** Prints the table of {@link compare} and {@link compareAsync}. */
function report(
  title: string,
  names: readonly string[],
  medians: ReadonlyMap<string, number>,
  rounds: number,
  unit: string,
  count: number,
  cpu?: ReadonlyMap<string, number>,
): void {
  const base = medians.get(names[0] ?? '') ?? Number.NaN;
  console.log(`\n${title} — ${count.toLocaleString('en')} ${unit}, median of ${rounds} rounds`);
  console.log(
    `${'candidate'.padEnd(34)}${'ms'.padStart(10)}${`${unit}/s`.padStart(16)}${'× baseline'.padStart(13)}${cpu ? 'cpu ms'.padStart(10) : ''}`,
  );
  for (const name of names) {
    const ms = medians.get(name) ?? Number.NaN;
    const perSecond = Math.round((count / ms) * 1000).toLocaleString('en');
    const cpuMs = cpu ? (cpu.get(name) ?? Number.NaN).toFixed(0).padStart(10) : '';
    console.log(
      `${name.padEnd(34)}${ms.toFixed(1).padStart(10)}${perSecond.padStart(16)}${(ms / base).toFixed(2).padStart(13)}${cpuMs}`,
    );
  }
}

/**
 * The median CPU time (user + system, every thread of the process: garbage collection and zlib
 * included) of each candidate of the last {@link compareAsync}, in ms. Unlike wall-clock time it
 * does not count the time a busy host (a shared virtual machine) takes the processor away, so its
 * ratios move less from run to run; the goals are still stated in wall-clock throughput.
 */
export const cpuMedians = new Map<string, number>();

/** Runs every candidate over `input` and prints a table; returns the medians in ms. */
export function compare<T>(
  title: string,
  input: readonly T[],
  candidates: readonly Candidate<T>[],
  options: CompareOptions = {},
): Map<string, number> {
  const rounds = options.rounds ?? 7;
  const unit = options.unit ?? 'items';
  const count = options.count ?? input.length;
  for (const c of candidates) sink = c.run(input); // warm-up: JIT, string flattening, ICU data
  const times = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of candidates) {
      const start = performance.now();
      sink = c.run(input);
      times.get(c.name)?.push(performance.now() - start);
    }
  }
  const medians = mediansOf(times);
  report(
    title,
    candidates.map((c) => c.name),
    medians,
    rounds,
    unit,
    count,
  );
  if (sink === Symbol.for('never')) console.log('unreachable');
  return medians;
}

/** One asynchronous thing to measure (a file read, a stream): `run` processes the whole input once. */
export interface AsyncCandidate<T> {
  name: string;
  run: (input: readonly T[]) => Promise<unknown>;
}

/** Options for {@link compareAsync}: those of {@link compare}, and garbage collection. */
export interface CompareAsyncOptions extends CompareOptions {
  /**
   * Collect garbage before every run when the process was started with `--expose-gc` (default
   * `true`), so that one candidate's garbage is not collected in another's time.
   */
  gc?: boolean;
}

/**
 * {@link compare} for asynchronous candidates: one warm-up run each, then `rounds` interleaved
 * rounds, each run awaited before the next starts (never two at once); prints the same table and
 * returns the medians in ms.
 */
export async function compareAsync<T>(
  title: string,
  input: readonly T[],
  candidates: readonly AsyncCandidate<T>[],
  options: CompareAsyncOptions = {},
): Promise<Map<string, number>> {
  const rounds = options.rounds ?? 7;
  const unit = options.unit ?? 'items';
  const count = options.count ?? input.length;
  const collect = options.gc === false ? undefined : (globalThis as { gc?: () => void }).gc;
  for (const c of candidates) sink = await c.run(input); // warm-up
  const times = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  const cpuTimes = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of candidates) {
      collect?.();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      sink = await c.run(input);
      times.get(c.name)?.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpuTimes.get(c.name)?.push((used.user + used.system) / 1000);
    }
  }
  const medians = mediansOf(times);
  cpuMedians.clear();
  for (const [name, ms] of mediansOf(cpuTimes)) cpuMedians.set(name, ms);
  report(
    title,
    candidates.map((c) => c.name),
    medians,
    rounds,
    unit,
    count,
    cpuMedians,
  );
  if (sink === Symbol.for('never')) console.log('unreachable');
  return medians;
}
