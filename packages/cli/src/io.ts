/** A stream the CLI writes to. */
export interface CliOutput {
  /** Writes text. */
  write(text: string): void;
  /** Whether it is a terminal (progress bars and prompts only appear on one). */
  readonly isTTY: boolean;
  /** Columns of the terminal, when known. */
  readonly columns?: number | undefined;
}

/**
 * Everything the CLI touches outside itself, so that tests run it in-process with captured
 * streams: output streams, environment, working directory, signals and a secret prompt.
 */
export interface CliIo {
  /** Results. */
  readonly stdout: CliOutput;
  /** Progress, warnings and errors. */
  readonly stderr: CliOutput;
  /** Environment variables (credentials are read from `EDUVN_CLIENT_ID`/`EDUVN_CLIENT_SECRET`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard input is a terminal (a prompt is only offered then). */
  readonly stdinIsTTY: boolean;
  /** Asks for a value on the terminal; `secret` hides what is typed. */
  prompt(question: string, secret: boolean): Promise<string>;
  /**
   * Calls `handler` on SIGINT or SIGTERM until the returned function is called (long-running
   * commands stop cleanly on either).
   */
  onStop(handler: (signal: 'SIGINT' | 'SIGTERM') => void): () => void;
}

/** A failure the CLI reports in one line and an exit code (2: usage, 1: anything else). */
export class CliError extends Error {
  /** The process exit code. */
  readonly exitCode: number;

  /**
   * @param message - the English message
   * @param exitCode - the process exit code (default 1)
   */
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
