/**
 * A toy QLNT vendor's sync: pushes exported pupils to the city education database with
 * `@eduvn/client` and sorts the answers into what the vendor's application shows its users. Its
 * tests (`sync.test.ts`) run it against the sandbox in-process (msw handlers of
 * `@eduvn/testing/sandbox`), faults included.
 */
import type { BatchOptions, EduvnClient } from '@eduvn/client';
import type { HocSinh } from '@eduvn/standard';

/** A pupil the city database refused, and why. */
export interface Refusal {
  /** The pupil's code. */
  readonly hocSinhId: string;
  /** The HTTP status of the refusal (422, 409…). */
  readonly status: number;
  /** The rule ids of `@eduvn/rules` the city database gave. */
  readonly ruleIds: readonly string[];
}

/** What one sync did. */
export interface SyncSummary {
  /** New on the city database. */
  readonly created: number;
  /** Changed. */
  readonly updated: number;
  /** Sent again, nothing changed. */
  readonly unchanged: number;
  /** Refused: to be fixed in the vendor's application. */
  readonly refused: readonly Refusal[];
  /** Not answered after the client's retries: send them again later. */
  readonly failed: readonly string[];
}

/** Options of {@link syncPupils}: how the client's `batch` splits and sends the pupils. */
export type SyncOptions = Pick<BatchOptions, 'chunkSize' | 'concurrency' | 'onProgress'>;

/**
 * Pushes the pupils in batches (the client's `batch`: chunks of up to 500, four at a time by
 * default, each retried with its idempotency key), each record answered on its own. `occurredAt`
 * is when the information was entered: the 48-hour deadline runs from it.
 */
export async function syncPupils(
  client: EduvnClient,
  pupils: readonly HocSinh[],
  occurredAt: string,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const outcome = await client.batch(
    pupils.map((record) => ({ entity: 'HocSinh', record, occurredAt })),
    options,
  );
  const refused: Refusal[] = [];
  const failed: string[] = [];
  for (const result of outcome.results) {
    const hocSinhId = pupils[result.index]?.hocSinhId ?? '';
    if (result.outcome === 'rejected') {
      refused.push({ hocSinhId, status: result.status, ruleIds: result.error?.ruleIds ?? [] });
    } else if (result.outcome === 'failed') {
      failed.push(hocSinhId);
    }
  }
  return {
    created: outcome.summary.created,
    updated: outcome.summary.updated,
    unchanged: outcome.summary.unchanged,
    refused,
    failed,
  };
}
