/**
 * The ids of the administrative-unit code systems and of their versions. Internal: the public
 * documentation spells them out in {@link adminUnitsPack}.
 *
 * @internal
 * @module
 */

/** Provinces and centrally-run cities (cấp tỉnh). */
export const DM_TINH = 'DM_TINH';
/** Districts (cấp huyện); abolished on 2025-07-01. */
export const DM_HUYEN = 'DM_HUYEN';
/** Communes, wards, townships and special zones (cấp xã). */
export const DM_XA = 'DM_XA';

/** The GSO list as of 01/03/2025, valid until 2025-06-30. */
export const GSO_2025_03_01 = 'gso-2025-03-01';
/** The 2025-07-01 reorganisation (34 provinces, no districts), valid until 2026-04-29. */
export const REFORM_2025_07_01 = '2025-07-01';
/** The 2026-07-25 snapshot, valid from 2026-04-30. */
export const SNAPSHOT_2026_07_25 = 'snapshot-2026-07-25';
