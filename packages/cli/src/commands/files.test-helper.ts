import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GeneratedSchool, generateSchool } from '@eduvn/fixtures';
import type { HocSinh } from '@eduvn/standard';
import { c1Workbook } from './demo.ts';

/** One generated school (generated people only), built once. */
let school: GeneratedSchool | undefined;
export function testSchool(): GeneratedSchool {
  school ??= generateSchool({
    seed: 77,
    province: '79',
    schoolYear: '2025-2026',
    asOf: '2025-10-01',
    pupils: 90,
  });
  return school;
}

/** Writes a C1-HocSinh export of `pupils` (default: the school's, all valid) into `dir`. */
export function writeC1(
  dir: string,
  name = 'C1-HocSinh.xlsx',
  pupils?: readonly HocSinh[],
): string {
  const s = testSchool();
  const path = join(dir, name);
  writeFileSync(path, c1Workbook(s.truong.ten ?? '', pupils ?? s.hocSinhs));
  return path;
}

/** Writes the school as canonical JSON into `dir`. */
export function writeSchoolJson(dir: string, name = 'truong.json'): string {
  const s = testSchool();
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify({
      truong: s.truong,
      lops: s.lops,
      canBos: s.canBos,
      hocSinhs: s.hocSinhs,
      coSoVatChats: s.coSoVatChats,
      danhGias: s.danhGias,
    }),
  );
  return path;
}
