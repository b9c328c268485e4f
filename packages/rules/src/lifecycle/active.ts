import type { PupilState } from './states.ts';
import { PUPIL_STATUS_CODES, resolveStatusCodes } from './status-codes.ts';

/**
 * The pupil states in which a pupil is at the school: enrolled, transferred in, studying again,
 * and on leave (paused: still the school's pupil). Transferred out, dropped out and completed
 * primary are not.
 */
export const ACTIVE_PUPIL_STATES: readonly PupilState[] = Object.freeze([
  'enrolled',
  'transferredIn',
  'studyingAgain',
  'paused',
]);

const ACTIVE = new Set<PupilState>(ACTIVE_PUPIL_STATES);
const DEFAULT_MAP = resolveStatusCodes(PUPIL_STATUS_CODES);

/**
 * Whether a pupil is at the school now, read from `maTrangThaiHienTai` through the status-code
 * mapping (default {@link PUPIL_STATUS_CODES}): no status, or a state of
 * {@link ACTIVE_PUPIL_STATES}. A code no state maps to counts as active — it is reported by
 * `LIFE.STATUS.001`, and completeness checks and class sizes should rather count a pupil too many
 * than miss one. The one definition the class-size and reporting-period rules share.
 */
export function isActivePupil(
  record: Readonly<Record<string, unknown>>,
  codes?: Partial<Readonly<Record<PupilState, string>>>,
): boolean {
  const status = record['maTrangThaiHienTai'];
  if (typeof status !== 'string' || status === '') return true;
  const map =
    codes === undefined || Object.keys(codes).length === 0
      ? DEFAULT_MAP
      : resolveStatusCodes(PUPIL_STATUS_CODES, codes);
  const state = map.stateOf(status);
  return state === undefined || ACTIVE.has(state);
}
