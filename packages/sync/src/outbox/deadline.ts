import type { StoredChange } from '../store/types.ts';

const HOUR = 3_600_000;

/**
 * The 48-hour deadline settings. The 48 hours come from the seed regulation (Art. 6 cl. 2) and may
 * be a local rule, so they are a setting; "at risk" is eduvn's warning threshold.
 */
export interface DeadlineSettings {
  /** The push deadline in hours (default 48). */
  readonly deadlineHours: number;
  /** A change with less than this many hours left is at risk (default 12). */
  readonly atRiskHours: number;
}

/** Where an undelivered change stands against its deadline. */
export type DeadlineState = 'on-time' | 'at-risk' | 'overdue';

/** The deadline of a change (ms since the epoch): when it arose plus the window. */
export function deadlineOf(change: Pick<StoredChange, 'occurredAt'>, s: DeadlineSettings): number {
  return Date.parse(change.occurredAt) + s.deadlineHours * HOUR;
}

/** Where an undelivered change stands at `now`. */
export function deadlineState(
  change: Pick<StoredChange, 'occurredAt'>,
  now: number,
  s: DeadlineSettings,
): DeadlineState {
  const left = deadlineOf(change, s) - now;
  if (left < 0) return 'overdue';
  return left < s.atRiskHours * HOUR ? 'at-risk' : 'on-time';
}

/** The instants that split undelivered changes by state: arose before these, they are overdue / at risk. */
export function thresholds(
  now: number,
  s: DeadlineSettings,
): { overdueBefore: string; atRiskBefore: string } {
  return {
    overdueBefore: new Date(now - s.deadlineHours * HOUR).toISOString(),
    atRiskBefore: new Date(now - (s.deadlineHours - s.atRiskHours) * HOUR).toISOString(),
  };
}
