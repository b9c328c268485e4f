import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** An account's credentials. */
export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A fresh sandbox served by the server process. */
export interface Target {
  readonly url: string;
  readonly credentials: Credentials;
}

/** The sandbox server process (see `sandbox-server.ts`). */
export interface SandboxProcess {
  /** A fresh sandbox (a new file database) knowing these schools. */
  reset(schools: readonly string[]): Promise<Target>;
  /** The server process's CPU time so far, in milliseconds (user + system). */
  cpuMs(): Promise<number>;
  /** Stops the process and removes its files. */
  stop(): Promise<void>;
}

/** Starts `sandbox-server.ts` in a child process, with this process's loader and conditions. */
export function startSandboxProcess(): SandboxProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL('./sandbox-server.ts', import.meta.url)), {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    reset: (schools) =>
      new Promise((resolve, reject) => {
        child.once('message', (answer: Target & { error?: string }) =>
          answer.error ? reject(new Error(answer.error)) : resolve(answer),
        );
        child.send({ reset: schools });
      }),
    cpuMs: () =>
      new Promise((resolve) => {
        child.once('message', (answer: { cpu: NodeJS.CpuUsage }) =>
          resolve((answer.cpu.user + answer.cpu.system) / 1000),
        );
        child.send({ cpu: true });
      }),
    async stop() {
      if (child.connected) child.send({ stop: true });
      await exited;
    },
  };
}
