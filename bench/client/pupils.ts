/**
 * The pupils the client and outbox benchmarks push: @eduvn/fixtures schools of about 1,000
 * pupils each (generated people only), canonical `HocSinh` records. Schools generated one by one
 * do not share their personal IDs' space, so a few pupils of different schools draw the same one;
 * the sandbox rightly refuses the second (409, CHANGE.ID.001), so such a pupil is left out (as
 * `bench/sandbox/http.bench.ts` does).
 */
import { generateSchool } from '@eduvn/fixtures';
import { personalIdOf } from '@eduvn/rules';
import type { HocSinh } from '@eduvn/standard';

/** Generated pupils, the schools they belong to, and how many were left out. */
export interface GeneratedPupils {
  readonly pupils: HocSinh[];
  readonly schools: string[];
  readonly skipped: number;
}

/** `count` generated pupils in schools `7980xxxx` of province 79. */
export function generatePupils(count: number): GeneratedPupils {
  const pupils: HocSinh[] = [];
  const schools: string[] = [];
  const personalIds = new Set<string>();
  let skipped = 0;
  for (let i = 1; pupils.length < count; i++) {
    const truongId = `7980${String(i).padStart(4, '0')}`;
    schools.push(truongId);
    const school = generateSchool({
      seed: `bench-${i}`,
      province: '79',
      truongId,
      pupils: Math.min(1000, count - pupils.length + 10),
      assessments: false,
    });
    for (const record of school.hocSinhs) {
      if (pupils.length >= count) break;
      const personalId = personalIdOf({ entity: 'HocSinh', record }) ?? '';
      if (personalIds.has(personalId)) {
        skipped++;
        continue;
      }
      personalIds.add(personalId);
      pupils.push(record);
    }
  }
  return { pupils, schools, skipped };
}
