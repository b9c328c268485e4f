import fc from 'fast-check';

/**
 * fast-check arbitrary of ISO dates from `min` to `max` (inclusive), drawn through `Date` so that
 * it is an oracle independent of the module under test. Test helper, not published.
 */
export const isoBetween = (min: string, max: string): fc.Arbitrary<string> =>
  fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T23:59:59.999Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
