/**
 * One million names as spreadsheets deliver them, for benchmarks: realistic names from
 * @eduvn/fixtures (both tone styles, several ethnic groups), then messed up the way real cells are —
 * about 10% NFD, 10% upper case, 10% with doubled spaces or NBSP, 5% with stray edges.
 * Deterministic; generated people only.
 */
import { generateName, NATIONAL_ETHNIC_MIX, Random, weighted } from '@eduvn/fixtures';

const ethnicity = weighted(NATIONAL_ETHNIC_MIX);

/** `count` names for seed `seed`. */
export function generateNames(count: number, seed = 20261128): string[] {
  const random = new Random(seed);
  const names = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let name = generateName(random, {
      sex: random.chance(0.51) ? '1' : '2',
      ethnicCode: ethnicity(random),
      toneStyle: random.chance(0.5) ? 'new' : 'old',
    }).hoTen;
    const r = random.next();
    if (r < 0.1) name = name.replaceAll(' ', '  ');
    else if (r < 0.15) name = name.replaceAll(' ', '\u00A0');
    const form = random.next();
    if (form < 0.1) name = name.normalize('NFD');
    else if (form < 0.2) name = name.toUpperCase();
    if (random.chance(0.05)) name = ` ${name}\t`;
    names[i] = name;
  }
  return names;
}
