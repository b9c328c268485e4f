import type { LifecycleEntity } from './states.ts';

/** What a {@link TransitionError} carries besides its message. */
export interface TransitionErrorDetails {
  /**
   * The id of the rule the transition would break: a lifecycle rule (`'LIFE.TRANSITION.001'`,
   * `'LIFE.FIELDS.001'`, `'LIFE.DATE.001'`, `'LIFE.STATUS.002'`) or `'STD.SCHEMA.001'` when the
   * event or record would not pass the standard's schema.
   */
  readonly ruleId: string;
  /** The entity of the record. */
  readonly entity: LifecycleEntity | string;
  /** The state the record is in; `undefined` when it has no status, or one no state maps to. */
  readonly from: string | undefined;
  /** The record's current status code, when it has one. */
  readonly fromCode?: string;
  /** The state asked for (as given, so possibly not a state at all). */
  readonly to: string;
  /** The event or record field at fault, when one is. */
  readonly field?: string;
}

/**
 * Why `transition` refused a status change: a move the machine does not allow, a missing field,
 * a date going backwards, a status code no state maps to, or an event that would not pass the
 * schema. Nothing was changed. `ruleId` names the rule the change would break, so the refusal and
 * a report on recorded data speak of the same rule. Messages name identifiers and states only —
 * never reasons, notes or personal data.
 */
export class TransitionError extends Error {
  /** The id of the rule the transition would break. */
  readonly ruleId: string;
  /** The entity of the record. */
  readonly entity: string;
  /** The state the record is in (`undefined`: no status, or an unmapped code). */
  readonly from: string | undefined;
  /** The record's current status code, when it has one. */
  readonly fromCode: string | undefined;
  /** The state asked for. */
  readonly to: string;
  /** The event or record field at fault, when one is. */
  readonly field: string | undefined;

  /** Makes the error; `message` should say what is wrong and how to fix it. */
  constructor(message: string, details: TransitionErrorDetails) {
    super(message);
    this.name = 'TransitionError';
    this.ruleId = details.ruleId;
    this.entity = details.entity;
    this.from = details.from;
    this.fromCode = details.fromCode;
    this.to = details.to;
    this.field = details.field;
  }
}
