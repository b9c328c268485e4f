/**
 * Vietnam's administrative units (provinces, districts, communes) as versioned catalogs, and the
 * correspondence across the 2025-07-01 reorganisation. A separate entry point,
 * `@eduvn/standard/admin-units`, so that importing the schemas does not load the data.
 *
 * Sources and licences: `ATTRIBUTION.md` beside this file.
 *
 * @packageDocumentation
 */

export {
  type AdminUnitLevel,
  type AdminUnitMapping,
  predecessors,
  successors,
} from './mapping.ts';
export { adminUnitsPack } from './pack.ts';
