import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package's folder (`packages/sync`): children run there, so `tsx` resolves. */
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** A worker process started from `worker.test-helper.ts`. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves with the first JSON line that `match` accepts (rejects if the child exits first). */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Every JSON line so far. */
  lines(): Record<string, unknown>[];
  /** Everything it wrote to stderr. */
  errors(): string;
  /** Writes a line to its stdin (a `work` worker starts on it). */
  go(): void;
  /** Resolves when it has exited, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node --conditions=@eduvn/source --import tsx src/store/worker.test-helper.ts` with the
 * given environment (see that file).
 */
export function startWorker(env: Readonly<Record<string, string>>): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@eduvn/source', '--import', 'tsx', 'src/store/worker.test-helper.ts'],
    { cwd: PACKAGE_DIR, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const text = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        stderr += `${text}\n`;
        continue;
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines: () => lines,
    errors: () => stderr,
    exited,
    go: () => {
      child.stdin?.end('go\n');
    },
    waitFor: (match) => {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code, signal }) =>
          reject(
            new Error(
              `the worker exited (${code ?? signal}) first; it said:\n${stderr.slice(-3000)}`,
            ),
          ),
        );
      });
    },
  };
}
