import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package's folder (`packages/sync`): children run there, so `tsx` resolves. */
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** A child process that speaks one JSON object per line on stdout. */
export interface Child {
  readonly child: ChildProcess;
  /** Resolves with the first JSON line `match` accepts (rejects if the child exits first). */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Every JSON line so far. */
  lines(): Record<string, unknown>[];
  /** Everything it wrote to stderr (and any stdout line that was not JSON). */
  errors(): string;
  /** Writes a line to its stdin. */
  say(line: string): void;
  /** Resolves when it has exited, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs it if it still runs, and waits for it to exit. */
  kill(): Promise<void>;
}

/**
 * Starts `node --conditions=@eduvn/source --import tsx <script>` (a path from `packages/sync`)
 * with the given environment added to this process's.
 */
export function startChild(script: string, env: Readonly<Record<string, string>>): Child {
  const child = spawn(process.execPath, ['--conditions=@eduvn/source', '--import', 'tsx', script], {
    cwd: PACKAGE_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
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
  child.stdin?.on('error', () => {}); // a child killed before it read its stdin
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines: () => lines,
    errors: () => stderr,
    exited,
    say: (line) => {
      child.stdin?.write(`${line}\n`);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    waitFor: (match) => {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code, signal }) =>
          reject(
            new Error(
              `the child exited (${code ?? signal}) first; it said:\n${stderr.slice(-3000)}`,
            ),
          ),
        );
      });
    },
  };
}
