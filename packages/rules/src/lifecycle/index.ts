/**
 * Lifecycle state machines for pupils and staff: semantic states mapped to status catalog codes
 * through data, allowed transitions, the fields each transition needs, and {@link transition} —
 * the only way a status changes (there is no delete; seed regulation Art. 8 cl. 2–3).
 *
 * @module
 */

export * from './active.ts';
export {
  instantOf,
  recordedBeforeEffective,
  VIETNAM_UTC_OFFSET_MINUTES,
  vietnamDayOf,
} from './dates.ts';
export {
  type LifecycleMachine,
  type LifecycleMachines,
  type LifecycleOptions,
  type LifecycleSubjectKind,
  lifecycleMachines,
  machineFor,
} from './machine.ts';
export {
  misplacedSchoolFields,
  missingRequirements,
  PUPIL_REQUIREMENTS,
  PUPIL_SCHOOL_FIELDS,
  REQUIREMENT_FIELDS,
  type Requirement,
  type RequirementFields,
  type SchoolFieldStates,
  STAFF_REQUIREMENTS,
  STAFF_SCHOOL_FIELDS,
  withoutReasons,
} from './requirements.ts';
export {
  type LifecycleEntity,
  type LifecycleState,
  PUPIL_STATES,
  type PupilState,
  STAFF_STATES,
  type StaffState,
} from './states.ts';
export {
  PUPIL_STATUS_CODES,
  resolveStatusCodes,
  STAFF_STATUS_CODES,
  type StatusCodeMap,
} from './status-codes.ts';
export {
  type LifecycleSubject,
  type PupilSubject,
  type StaffSubject,
  type TransitionDetails,
  type TransitionResult,
  transition,
} from './transition.ts';
export { TransitionError, type TransitionErrorDetails } from './transition-error.ts';
export {
  PUPIL_ENTRY_STATES,
  PUPIL_TRANSITIONS,
  STAFF_ENTRY_STATES,
  STAFF_TRANSITIONS,
} from './transitions.ts';
