import { createSandbox, seedDemo } from '@eduvn/sandbox';
import { CliError, type CliIo } from '../io.ts';

/** Options of `eduvn sandbox`. */
export interface SandboxOptions {
  /** The port (default 4010; 0: any free port). */
  readonly port?: string | undefined;
  /** The address (default 127.0.0.1). */
  readonly host?: string | undefined;
  /** A SQLite file kept across restarts (default: in memory). */
  readonly db?: string | undefined;
  /** `'demo'`: fill a Sở, a Phòng and two generated schools and print their accounts. */
  readonly seed?: string | undefined;
}

/**
 * `eduvn sandbox`: starts the local city database of `@eduvn/sandbox` and serves until SIGINT or
 * SIGTERM, then closes the server and the database and returns 0.
 */
export async function sandboxCommand(io: CliIo, options: SandboxOptions): Promise<number> {
  const port = options.port === undefined ? 4010 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      `--port must be a whole number from 0 to 65535, got ${JSON.stringify(options.port)}`,
      2,
    );
  }
  if (options.seed !== undefined && options.seed !== 'demo') {
    throw new CliError(`--seed takes "demo", not ${JSON.stringify(options.seed)}`, 2);
  }
  const sandbox = createSandbox({
    db: options.db ?? ':memory:',
    logger: { error: (message) => io.stderr.write(`${message}\n`) },
  });
  try {
    if (options.seed === 'demo') {
      const seeded = await seedDemo(sandbox);
      io.stdout.write(
        `Demo school year ${seeded.schoolYear}: ${seeded.records.created} records created, ${seeded.records.unchanged} unchanged.\nAccounts (secrets are shown once):\n`,
      );
      for (const a of seeded.accounts) {
        io.stdout.write(
          `  ${a.unit.kind.padEnd(6)} ${a.unit.id.padEnd(9)} ${a.kind.padEnd(9)} ${a.clientId}  ${a.clientSecret}  (${a.unit.name})\n`,
        );
      }
    }
    // The stop handler is in place before the address is announced: whoever reads "listening on"
    // and signals at once must find the sandbox ready to stop cleanly.
    let stopped: (signal: string) => void = () => {};
    const signal = new Promise<string>((resolve) => {
      stopped = resolve;
    });
    const off = io.onStop((s) => {
      off();
      stopped(s);
    });
    let server: Awaited<ReturnType<typeof sandbox.listen>>;
    try {
      server = await sandbox.listen({ port, hostname: options.host ?? '127.0.0.1' });
    } catch (error) {
      off();
      throw error;
    }
    io.stdout.write(
      `eduvn sandbox listening on ${server.url} (contract: ${server.url}/v1/openapi.json). Ctrl+C stops it.\n`,
    );
    io.stderr.write(`${await signal}: stopping the sandbox…\n`);
    await server.close();
    io.stdout.write('Sandbox stopped.\n');
    return 0;
  } finally {
    sandbox.close();
  }
}
