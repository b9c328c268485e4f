/**
 * Reads MISA EMIS pupil lists into `@eduvn/standard` `HocSinh` records: the one-sheet-per-class
 * form (`misaClassAdapter`) and the whole-school form (`misaSchoolAdapter`). The layout is a model
 * built from a description of MISA's templates (MISA publishes none), versioned as
 * {@link VERSION}.
 *
 * @packageDocumentation
 */

export {
  createMisaAdapters,
  type MisaAdapters,
  type MisaOptions,
  type MisaPupilCode,
  misaAdapters,
  misaClassAdapter,
  misaSchoolAdapter,
  VERSION,
} from './adapters.ts';
export { classFromCaption, classFromSheetName, type SheetClass } from './class-name.ts';
export { ethnicCode } from './ethnicity.ts';
