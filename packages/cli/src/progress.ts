import type { CliOutput } from './io.ts';

/** A progress line on a terminal: what is done, the rate and the time left. */
export interface Progress {
  /** Shows `done` of `total` (total unknown: a count and a rate). */
  update(done: number, total?: number): void;
  /** Erases the line. */
  stop(): void;
}

const WIDTH = 24;
/** Redraw at most this often (ms), so that a fast loop does not flood the terminal. */
const INTERVAL = 100;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * A minimal progress bar on `out` — `label [#####-----] 1,200/5,000 rows 3,400/s 1s left` —
 * that draws nothing at all when `out` is not a terminal (CI logs and pipes stay clean) and
 * erases itself when stopped.
 */
export function createProgress(
  out: CliOutput,
  label: string,
  unit: string,
  now: () => number = Date.now,
): Progress {
  if (!out.isTTY) return { update() {}, stop() {} };
  const started = now();
  let last = 0;
  let drawn = false;
  const fmt = new Intl.NumberFormat('en');
  return {
    update(done, total) {
      const t = now();
      if (drawn && t - last < INTERVAL && done !== total) return;
      last = t;
      const elapsed = Math.max(0.001, (t - started) / 1000);
      const rate = done / elapsed;
      let text = `${label} `;
      // A declared total already passed was wrong: show a count and a rate, not a full bar.
      if (total !== undefined && total > 0 && done <= total) {
        const share = Math.min(1, done / total);
        const filled = Math.round(share * WIDTH);
        text += `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${fmt.format(done)}/${fmt.format(total)} ${unit}`;
        text += ` ${fmt.format(Math.round(rate))}/s ${duration((total - done) / rate)} left`;
      } else {
        text += `${fmt.format(done)} ${unit} ${fmt.format(Math.round(rate))}/s`;
      }
      const columns = out.columns ?? 80;
      out.write(`\r${text.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    stop() {
      if (drawn) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}
