/**
 * The dataset rules that keep keys, places and pending references in columns (`FirstSeen`,
 * `PlaceColumns`, `TargetColumns`) against the straightforward implementations they replaced —
 * a map from each key to its first record's place, a list of the targets of references not yet
 * resolved — on generated datasets full of duplicates: the same issues, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRulesSync } from '../core/engine.ts';
import { classOf, recordKeyOf } from '../core/keys.ts';
import { localize } from '../core/localize.ts';
import { describePlace, type Place, placeOf, shorten } from '../core/place.ts';
import { locate } from '../core/report.ts';
import type { DatasetRule } from '../core/rule.ts';
import type { FindingTarget, InputRecord, Provenance } from '../core/types.ts';
import { maskPersonalId } from '../identifiers/personal-id.ts';
import {
  duplicateKey,
  duplicatePersonalId,
  exactKeyOf,
  keyFieldsOf,
  PERSONAL_ID_FIELDS,
  personalIdOf,
} from './identifiers.ts';
import { pupilClassExists } from './quality.ts';

/** What a comparison looks at in an issue. */
interface Seen {
  readonly ruleId: string;
  readonly entity: string;
  readonly recordKey: string;
  readonly field: string | undefined;
  readonly classCode: string | undefined;
  readonly location: unknown;
  readonly message: unknown;
}

/** One reference finding, as the engine would word and locate it. */
function seen(
  rule: DatasetRule,
  target: FindingTarget,
  field: string | undefined,
  params: Readonly<Record<string, string | number>>,
): Seen {
  return {
    ruleId: rule.id,
    entity: target.entity,
    recordKey: target.recordKey,
    field,
    classCode: target.classCode,
    location: locate(target.provenance, field),
    message: localize(rule.message, params),
  };
}

const targetOf = (item: InputRecord): FindingTarget => {
  const classCode = classOf(item);
  return {
    entity: item.entity,
    recordKey: recordKeyOf(item),
    ...(item.provenance === undefined ? {} : { provenance: item.provenance }),
    ...(classCode === undefined ? {} : { classCode }),
  };
};

/** `ID.UNIQUE.001` as a map from each exact key to its first record's place. */
function referenceDuplicateKeys(records: readonly InputRecord[]): Seen[] {
  const first = new Map<string, Place>();
  const out: Seen[] = [];
  let ordinal = 0;
  for (const item of records) {
    ordinal++;
    const key = exactKeyOf(item);
    if (key === undefined) continue;
    const place = first.get(key);
    if (place === undefined) {
      first.set(key, placeOf(item.provenance, ordinal));
      continue;
    }
    const fields = keyFieldsOf(item.entity);
    const where = describePlace(place);
    out.push(
      seen(duplicateKey, targetOf(item), fields.length === 1 ? fields[0] : undefined, {
        key: shorten(recordKeyOf(item), 60),
        entity: item.entity,
        firstVi: where.vi,
        firstEn: where.en,
      }),
    );
  }
  return out;
}

const WHO: Readonly<Record<string, { vi: string; en: string }>> = {
  HocSinh: { vi: 'học sinh', en: 'pupil' },
  CanBo: { vi: 'cán bộ', en: 'staff member' },
};

/** `ID.UNIQUE.002` as a map, per entity, from each personal ID to its first record. */
function referenceDuplicatePersonalIds(records: readonly InputRecord[]): Seen[] {
  const first = new Map<string, { place: Place; label: string }>();
  const out: Seen[] = [];
  let ordinal = 0;
  for (const item of records) {
    if (item.entity !== 'HocSinh' && item.entity !== 'CanBo') continue;
    ordinal++;
    const id = personalIdOf(item);
    if (id === undefined) continue;
    const key = `${item.entity}\u0000${id}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, {
        place: placeOf(item.provenance, ordinal),
        label: shorten(recordKeyOf(item), 40),
      });
      continue;
    }
    const where = describePlace(earlier.place);
    const who = WHO[item.entity] as { vi: string; en: string };
    out.push(
      seen(duplicatePersonalId, targetOf(item), PERSONAL_ID_FIELDS[item.entity], {
        id: maskPersonalId(id),
        whoVi: who.vi,
        whoEn: who.en,
        firstKey: earlier.label,
        firstVi: where.vi,
        firstEn: where.en,
      }),
    );
  }
  return out;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** `DQ.REF.001` as a set of class keys and a list of the pupils not resolved when met. */
function referencePupilClasses(records: readonly InputRecord[]): Seen[] {
  const keys = new Set<string>();
  let classes = false;
  const pending: { target: FindingTarget; key: string; shown: string }[] = [];
  for (const item of records) {
    const r = item.record;
    if (item.entity === 'Lop') {
      classes = true;
      const ma = text(r['ma']);
      if (ma !== undefined) {
        keys.add(`${text(r['truongId']) ?? ''}/${ma}`);
        keys.add(`*/${ma}`);
      }
    }
    if (item.entity !== 'HocSinh') continue;
    const ma = text(r['maLop']);
    if (ma === undefined) continue;
    const school = text(r['truongId']);
    const key = school === undefined ? `*/${ma}` : `${school}/${ma}`;
    if (keys.has(key)) continue;
    pending.push({ target: targetOf(item), key, shown: String(r['maLop']).slice(0, 40) });
  }
  if (!classes) return [];
  return pending
    .filter((p) => !keys.has(p.key))
    .map((p) => seen(pupilClassExists, p.target, 'maLop', { value: p.shown }));
}

const sameIssues = (records: readonly InputRecord[], rule: DatasetRule): Seen[] =>
  runRulesSync(records, [rule], { asOf: '2026-05-31' }).issues.map((i) => ({
    ruleId: i.ruleId,
    entity: i.entity,
    recordKey: i.recordKey,
    field: i.field,
    classCode: i.classCode,
    location: i.location,
    message: i.message,
  }));

/** Provenances from a few files and sheets, rows as readers give them and a few odd ones. */
// `columns: undefined` written out too, as a caller's object may hold it.
const provenanceArb = fc.option(
  fc.record(
    {
      file: fc.constantFrom('a.xlsx', 'b.xlsx', `${'Danh sách học sinh '.repeat(6)}.xlsx`),
      sheet: fc.constantFrom('HocSinh', 'Sheet1'),
      row: fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.constantFrom(0, -3, 2.5)),
      columns: fc.constantFrom({ hocSinhId: 'C', maCongDanId: 'K', maLop: 'B' }, undefined),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
) as unknown as fc.Arbitrary<Provenance | undefined>;

/** Few values for each key, so that duplicates are common; blanks and non-texts now and then. */
const pupilArb = fc.record({
  entity: fc.constant('HocSinh'),
  record: fc.record(
    {
      hocSinhId: fc.oneof(
        fc.constantFrom('790000100001', '790000100002', 'HS-3', 'TAM-2025-0001', ''),
        fc.constantFrom(790000100001, null),
      ),
      maCongDanId: fc.constantFrom('079219000001', '079219000002', '  ', '079219000001 '),
      maLop: fc.constantFrom('1A', '1B', '2A', '', 'x'.repeat(50)),
      truongId: fc.constantFrom('79000701', '79000702'),
    },
    { requiredKeys: ['hocSinhId'] },
  ),
  provenance: provenanceArb,
});

const staffArb = fc.record({
  entity: fc.constant('CanBo'),
  record: fc.record({
    giaoVienId: fc.constantFrom('GV1', 'GV2'),
    soCmtnd: fc.constantFrom('079219000001', '012345678'),
  }),
  provenance: provenanceArb,
});

const classArb = fc.record({
  entity: fc.constant('Lop'),
  record: fc.record(
    { ma: fc.constantFrom('1A', '2A', ''), truongId: fc.constantFrom('79000701', '79000702') },
    { requiredKeys: ['ma'] },
  ),
  provenance: provenanceArb,
});

const datasetArb = fc.array(
  fc.oneof(
    { arbitrary: pupilArb, weight: 8 },
    { arbitrary: staffArb, weight: 1 },
    { arbitrary: classArb, weight: 1 },
  ),
  { maxLength: 80 },
) as fc.Arbitrary<InputRecord[]>;

describe('dataset rules kept in columns', () => {
  it('ID.UNIQUE.001 reports what a map of first places reports', () => {
    fc.assert(
      fc.property(datasetArb, (records) => {
        expect(sameIssues(records, duplicateKey)).toEqual(referenceDuplicateKeys(records));
      }),
    );
  });

  it('ID.UNIQUE.002 reports what a map of first records reports', () => {
    fc.assert(
      fc.property(datasetArb, (records) => {
        expect(sameIssues(records, duplicatePersonalId)).toEqual(
          referenceDuplicatePersonalIds(records),
        );
      }),
    );
  });

  it('DQ.REF.001 reports what a list of pending pupils reports', () => {
    fc.assert(
      fc.property(datasetArb, (records) => {
        expect(sameIssues(records, pupilClassExists)).toEqual(referencePupilClasses(records));
      }),
    );
  });

  it('finds duplicates at all in the generated data (the comparison is not vacuous)', () => {
    const records = fc.sample(datasetArb, { numRuns: 50, seed: 7 }).flat();
    expect(sameIssues(records, duplicateKey).length).toBeGreaterThan(0);
    expect(sameIssues(records, duplicatePersonalId).length).toBeGreaterThan(0);
    expect(sameIssues(records, pupilClassExists).length).toBeGreaterThan(0);
  });
});
