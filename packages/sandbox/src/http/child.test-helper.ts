import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package's folder (`packages/sandbox`): the child runs there, so `tsx` resolves. */
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The `eduvn-sandbox` bin running as a child process. */
export interface BinProcess {
  readonly child: ChildProcess;
  /** The URL it printed (`http://127.0.0.1:<port>`). */
  readonly url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when it has exited, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `src/bin.ts` from source — `node --conditions=@eduvn/source --import tsx
 * src/bin.ts --port 0 …` — and waits until it prints `eduvn sandbox listening on <url>`. Rejects
 * (and kills it) when it exits first or says nothing within `timeoutMs`.
 */
export function startBin(args: readonly string[], timeoutMs = 30_000): Promise<BinProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@eduvn/source', '--import', 'tsx', 'src/bin.ts', '--port', '0', ...args],
    { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`eduvn-sandbox ${why}; it said:\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /eduvn sandbox listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    void exited.then(({ code, signal }) => fail(`exited (${code ?? signal}) before listening`));
  });
}
