import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

/** What a run printed and returned. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
  readonly prompt?: (question: string, secret: boolean) => Promise<string>;
  /** Receives the stop handler (call it to simulate SIGINT/SIGTERM). */
  readonly onStop?: (stop: (signal: 'SIGINT' | 'SIGTERM') => void) => void;
  /** Called with the output so far, on every write to stdout. */
  readonly onStdout?: (text: string) => void;
}

/** Runs `eduvn` in-process with captured streams. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (s) => {
        stdout += s;
        options.onStdout?.(stdout);
      },
      isTTY: options.tty === true,
      columns: 100,
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
      isTTY: options.tty === true,
      columns: 100,
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdinIsTTY: options.tty === true,
    prompt: options.prompt ?? (() => Promise.reject(new Error('no terminal'))),
    onStop: (handler) => {
      options.onStop?.(handler);
      return () => {};
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-cli-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
