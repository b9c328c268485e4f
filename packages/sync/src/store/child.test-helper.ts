import { type Child, startChild } from '../proof/child.test-helper.ts';

/** A worker process started from `worker.test-helper.ts` (a {@link Child} that starts on `go`). */
export interface WorkerProcess extends Child {
  /** Writes a line to its stdin: a `work` worker starts on it. */
  go(): void;
}

/**
 * Starts `node --conditions=@eduvn/source --import tsx src/store/worker.test-helper.ts` with the
 * given environment (see that file).
 */
export function startWorker(env: Readonly<Record<string, string>>): WorkerProcess {
  const child = startChild('src/store/worker.test-helper.ts', env);
  return { ...child, go: () => child.say('go') };
}
