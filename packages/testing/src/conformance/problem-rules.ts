import type { FixtureRecord, PlantedProblem, ProblemKind } from '@eduvn/fixtures';

/**
 * The rule ids each kind of planted problem must trip, read from what @eduvn/fixtures says of the
 * kind (`PROBLEM_KIND_RULES`, in prose) and the rule catalog (`docs/rules.md`) — written down
 * here by hand, never computed by running the engine, so that a labelling that merely echoed the
 * engine would still catch a planted problem the engine misses. Two kinds depend on the planted
 * record: see {@link rulesOfProblem}.
 *
 * @internal
 */
const FIXED: Readonly<
  Record<Exclude<ProblemKind, 'age-outside-tt28' | 'duplicate-person'>, readonly string[]>
> = {
  // "Schema: a date field must be a calendar date (yyyy-mm-dd)."
  'impossible-date': ['STD.SCHEMA.001'],
  // "Schema: hoTen has at most 50 characters (QĐ 4998 HO_TEN)."
  'over-long-name': ['STD.SCHEMA.001'],
  // "Rule: text must be in Unicode NFC." — the name-normalization query.
  'nfd-text': ['DQ.NAME.001'],
  // "the birth year decoded from the personal ID (G and YY) must equal the year of ngaySinh"
  'personal-id-year-mismatch': ['ID.PERSONAL.002'],
  // "the sex decoded from the personal ID's G digit must equal maGioiTinh"
  'personal-id-sex-mismatch': ['ID.PERSONAL.003'],
  // "a record key (hocSinhId) identifies one record only"
  'duplicate-identifier': ['ID.UNIQUE.001'],
  // "ketQuaCuoiNam must follow from the subject levels, qualities, competencies and tests"
  'result-contradicts-components': ['TT27.RESULT.001'],
  // "a periodic test score only where the grade takes a test in that subject and period"
  'score-without-test': ['TT27.SCORE.001'],
  // "no pre-2025-07-01 commune codes after the merger" — the pre-merger code query.
  'pre-merger-commune': ['CAT.ADMIN.001'],
  // "a class holds at most 35 pupils (a warning)" — a query.
  'class-over-35': ['TT28.CLASS.001'],
};

/**
 * The rule ids a planted problem must trip. Fixed per kind, except:
 *
 * - `age-outside-tt28`: younger than the grade allows is `TT28.AGE.001`; four or five years older
 *   than normal (more than the three allowed) is `TT28.AGE.003` — which one, the planted note says;
 * - `duplicate-person`: the copy has the same name and birth date (`DQ.PERSON.001`) and, when the
 *   pupil has one, the same personal ID (`ID.UNIQUE.002`).
 *
 * Throws when a note no longer says which way an age moved (the fixtures changed their wording).
 *
 * @internal
 */
export function rulesOfProblem(
  problem: PlantedProblem,
  records: readonly FixtureRecord[],
): string[] {
  switch (problem.kind) {
    case 'age-outside-tt28': {
      if (/\byounger\b/.test(problem.note)) return ['TT28.AGE.001'];
      if (/\bolder\b/.test(problem.note)) return ['TT28.AGE.003'];
      throw new Error(
        `rulesOfProblem: cannot tell from the note whether the age moved up or down: ${problem.note}`,
      );
    }
    case 'duplicate-person': {
      const copy = records.find(
        (r) => r.entity === 'HocSinh' && r.record.hocSinhId === problem.recordKey,
      );
      if (copy === undefined)
        throw new Error(`rulesOfProblem: the duplicate ${problem.recordKey} is not in the records`);
      return copy.entity === 'HocSinh' && copy.record.maCongDanId !== undefined
        ? ['DQ.PERSON.001', 'ID.UNIQUE.002']
        : ['DQ.PERSON.001'];
    }
    default:
      return [...FIXED[problem.kind]];
  }
}
