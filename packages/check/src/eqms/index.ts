export { computeEqms, schoolYearOf } from './compute.ts';
export { EqmsError } from './errors.ts';
export { DEFAULT_EMPLOYMENT, DEFAULT_QUALIFICATIONS } from './teachers.ts';
export {
  EQMS_PERIODS,
  type EqmsCuoiNamResult,
  type EqmsDauNamResult,
  type EqmsEmployment,
  type EqmsGiuaNamResult,
  type EqmsNote,
  type EqmsOptions,
  type EqmsPeriod,
  type EqmsQualification,
  type EqmsRecords,
  type EqmsResult,
  type EqmsTaggedRecord,
} from './types.ts';
