import { createInterface } from 'node:readline';
import type { CliIo, CliOutput } from './io.ts';

/**
 * A process stream as the CLI's output. When the reader goes away (`eduvn validate … | head`), the
 * stream fails with EPIPE: the rest of the output is dropped quietly instead of crashing the
 * process with an unhandled 'error' event — the command still finishes and sets its exit code.
 */
function output(stream: NodeJS.WriteStream): CliOutput {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    // Any other failure of a standard stream is as fatal as an unhandled 'error' would be.
    process.exitCode = 1;
    closed = true;
  });
  return {
    write: (text) => {
      if (!closed) stream.write(text);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** Asks on the terminal; with `secret`, typed characters are not echoed. */
function prompt(question: string, secret: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (secret) {
      // Echo nothing but the question while the secret is typed.
      const writer = rl as unknown as { _writeToOutput?: (s: string) => void };
      writer._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stderr.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (secret) process.stderr.write('\n');
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('Cancelled'));
    });
  });
}

/** The real process: its streams, environment, working directory and signals. */
export function nodeIo(): CliIo {
  return {
    stdout: output(process.stdout),
    stderr: output(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: process.stdin.isTTY === true,
    prompt,
    onStop(handler) {
      const int = () => handler('SIGINT');
      const term = () => handler('SIGTERM');
      process.on('SIGINT', int);
      process.on('SIGTERM', term);
      return () => {
        process.off('SIGINT', int);
        process.off('SIGTERM', term);
      };
    },
  };
}
