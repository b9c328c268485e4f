import { maskRecordKey } from './keys.ts';
import type { Acknowledgement, Report } from './report.ts';

/** What {@link acknowledge} needs. */
export interface AcknowledgeInput {
  /** The rule of the query. */
  readonly ruleId: string;
  /** The record's key, as in the report. */
  readonly recordKey: string;
  /** Why the query is acceptable — required, it is what a later reader sees. */
  readonly note: string;
  /** Who acknowledges it. */
  readonly by: string;
  /** When (ISO 8601 date-time); default now. */
  readonly at?: string;
}

/** A query that cannot be acknowledged: an error, or no such issue in the report. */
export class AcknowledgementError extends Error {
  /** Always `'AcknowledgementError'`. */
  override readonly name = 'AcknowledgementError';
}

/**
 * Acknowledges a query of a report with a note, returning the acknowledgement to store (for
 * example in a JSON file) and to pass to later runs as `acknowledgements`, which then report the
 * query as acknowledged — with the note — and let the data pass. Errors cannot be acknowledged:
 * they must be fixed.
 *
 * @example
 * ```ts
 * const ack = acknowledge(report, { ruleId: 'TT28.CLASS.001', recordKey: '79000701/1A', note: 'Approved by the Phòng GD&ĐT', by: 'hieu.truong' });
 * const again = await validate(records, { acknowledgements: [ack] }); // the query is acknowledged
 * ```
 */
export function acknowledge(report: Report, input: AcknowledgeInput): Acknowledgement {
  const note = input.note.trim();
  if (note === '')
    throw new AcknowledgementError(
      'An acknowledgement needs a note saying why the query is acceptable',
    );
  if (input.by.trim() === '')
    throw new AcknowledgementError('An acknowledgement needs to say who made it');
  const issues = report.issues.filter(
    (i) =>
      i.ruleId === input.ruleId &&
      (i.recordKey === input.recordKey || maskRecordKey(i.recordKey) === input.recordKey),
  );
  if (issues.length === 0) {
    throw new AcknowledgementError(
      `The report has no issue of rule ${input.ruleId} for record ${input.recordKey}`,
    );
  }
  if (issues.every((i) => i.severity === 'error')) {
    throw new AcknowledgementError(
      `Rule ${input.ruleId} reports an error for ${input.recordKey}: errors must be fixed, not acknowledged`,
    );
  }
  return {
    ruleId: input.ruleId,
    recordKey: input.recordKey,
    note,
    by: input.by.trim(),
    at: input.at ?? new Date().toISOString(),
  };
}
