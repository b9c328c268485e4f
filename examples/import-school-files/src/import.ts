/**
 * Checking the files a school or a district receives, in one call: `checkFiles` of `@eduvn/check`
 * recognises each file among every layout eduvn knows, reads it with provenance (or proposes a
 * mapping for a file nobody described, and says it must be reviewed), validates everything with
 * the rules of `@eduvn/rules`, and returns one report in which a problem found while reading (an
 * impossible date) and one found by a rule look the same, each pointing at its cell.
 */
import { type CheckReport, checkFiles } from '@eduvn/check';

/** A file to check: its name (for the report), its bytes, and what the user said about it. */
export interface SchoolFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * What the user said about the file, for layouts whose file does not say it: the KQHT import
   * holds neither its grade nor its period (both are chosen in the Ministry's upload form).
   */
  readonly form?: { readonly khoi: number; readonly kyDanhGia: 'GK1' | 'CK1' | 'GK2' | 'CN' };
}

/** Options of {@link checkSchoolFiles}. */
export interface SchoolCheckOptions {
  /** The date rules are checked on (`yyyy-mm-dd`). */
  readonly asOf: string;
  /** The school's code: SMAS and KQHT files never hold it. */
  readonly truongId: string;
  /** The school year, `'yyyy-yyyy'`. */
  readonly namHoc: string;
}

/**
 * Checks a school's files: one `checkFiles` call, the school and year as hints for every file, a
 * KQHT file's grade and period as its own hints.
 */
export function checkSchoolFiles(
  files: readonly SchoolFile[],
  options: SchoolCheckOptions,
): Promise<CheckReport> {
  return checkFiles(
    files.map((file) => ({
      source: file.bytes,
      name: file.name,
      ...(file.form ? { hints: file.form } : {}),
    })),
    { asOf: options.asOf, hints: { truongId: options.truongId, namHoc: options.namHoc } },
  );
}
