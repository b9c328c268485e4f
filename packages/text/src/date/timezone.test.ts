/**
 * No day may shift with the time zone of the runtime. A process's time zone is fixed when it
 * starts, so each zone gets its own child Node process (with `TZ` set, TypeScript loaded through
 * tsx) that imports this module, parses the same days in every form, and prints the results.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const MODULE_URL = new URL('./index.ts', import.meta.url).href;
const HERE = fileURLToPath(new URL('.', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const DAY = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Hand-picked days: range ends, the phantom-day neighbours, leap days, LA and Vietnam clock changes. */
const PICKED = [
  '1900-01-01',
  '1900-02-28',
  '1900-03-01',
  '1904-01-01',
  '1945-09-02',
  '1959-12-31',
  '1960-01-01',
  '1975-06-13',
  '1970-01-01',
  '2000-02-29',
  '2016-02-29',
  '2020-09-22',
  '2023-03-12',
  '2023-11-05',
  '2024-03-09',
  '2024-03-10',
  '2024-03-11',
  '2024-11-02',
  '2024-11-03',
  '2024-11-04',
  '2100-12-31',
];

/** Every day of the LA clock-change months of 2024, and every 53rd day from 1900 to 2100. */
const DAYS = [...PICKED];
for (let ms = msOf('2024-03-01'); ms < msOf('2024-04-01'); ms += DAY) DAYS.push(isoOf(ms));
for (let ms = msOf('2024-10-25'); ms < msOf('2024-11-10'); ms += DAY) DAYS.push(isoOf(ms));
for (let ms = msOf('1900-01-01'); ms <= msOf('2100-12-31'); ms += 53 * DAY) DAYS.push(isoOf(ms));

/** Runs in the child. Dates are built there, so "local midnight" is midnight in the child's zone. */
const CHILD = `
const { parseVnDate, formatVnDate, isoToExcelSerial, excelSerialToIso } = await import(process.env.EDUVN_DATE_MODULE);
const p = (value, options) => { const r = parseVnDate(value, options); return r.ok ? r.date : r.reason; };
const results = {};
for (const iso of JSON.parse(process.env.EDUVN_DAYS)) {
  const [y, m, d] = iso.split('-').map(Number);
  const utcMidnight = new Date(Date.UTC(y, m - 1, d));
  const localMidnight = new Date(y, m - 1, d);
  const localNoon = new Date(y, m - 1, d, 12);
  const serial = isoToExcelSerial(iso);
  results[iso] = {
    same: {
      utcMidnightAuto: p(utcMidnight),
      utcMidnightUtc: p(utcMidnight, { dateObjects: 'utc' }),
      localMidnightAuto: p(localMidnight),
      localMidnightLocal: p(localMidnight, { dateObjects: 'local' }),
      localNoonAuto: p(localNoon),
      localNoonLocal: p(localNoon, { dateObjects: 'local' }),
      text: p(formatVnDate(iso)),
      dashes: p(formatVnDate(iso).replaceAll('/', '-')),
      iso: p(iso),
      serial: p(serial),
      serialText: serial >= 10000 ? p(String(serial)) : iso,
      serialWithTime: p(serial + 0.999),
      serial1904: iso >= '1904-01-01' ? p(isoToExcelSerial(iso, '1904'), { dateSystem: '1904' }) : iso,
      excelSerialToIso: excelSerialToIso(serial),
    },
    localMidnightUtc: p(localMidnight, { dateObjects: 'utc' }),
    localMidnightExists: localMidnight.getHours() === 0,
  };
}
process.stdout.write(JSON.stringify({
  offsets: [new Date(2024, 0, 15).getTimezoneOffset(), new Date(2024, 6, 15).getTimezoneOffset()],
  results,
}));
`;

interface ChildResult {
  offsets: [number, number];
  results: Record<
    string,
    { same: Record<string, string>; localMidnightUtc: string; localMidnightExists: boolean }
  >;
}

function runIn(tz: string): ChildResult {
  const stdout = execFileSync(
    process.execPath,
    ['--import', TSX_LOADER, '--input-type=module', '-e', CHILD],
    {
      cwd: HERE,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        TZ: tz,
        EDUVN_DATE_MODULE: MODULE_URL,
        EDUVN_DAYS: JSON.stringify(DAYS),
      },
    },
  );
  return JSON.parse(stdout) as ChildResult;
}

const previousDay = (iso: string) => {
  const prev = isoOf(msOf(iso) - DAY);
  return prev < '1900-01-01' ? 'out-of-range' : prev;
};

describe.each([
  // Vietnam: UTC+7 all year, so local midnight is 17:00 UTC the day before.
  { tz: 'Asia/Ho_Chi_Minh', offsets: [-420, -420], localMidnightUtc: previousDay },
  // Los Angeles: UTC−8 in winter, UTC−7 in summer; local midnight is 07:00/08:00 UTC the same day.
  { tz: 'America/Los_Angeles', offsets: [480, 420], localMidnightUtc: (iso: string) => iso },
  { tz: 'UTC', offsets: [0, 0], localMidnightUtc: (iso: string) => iso },
])('in the time zone $tz', ({ tz, offsets, localMidnightUtc }) => {
  let child: ChildResult;
  beforeAll(() => {
    child = runIn(tz);
  }, 60_000);

  it('really runs in that zone', () => {
    expect(child.offsets).toEqual(offsets);
    expect(Object.keys(child.results).sort()).toEqual([...new Set(DAYS)].sort());
  });

  it('reads every day as itself from text, ISO, serials and Dates at UTC or local midnight', () => {
    const shifted: string[] = [];
    for (const [iso, { same, localMidnightExists }] of Object.entries(child.results)) {
      expect(localMidnightExists, `local midnight of ${iso} exists in ${tz}`).toBe(true);
      for (const [form, date] of Object.entries(same)) {
        if (date !== iso) shifted.push(`${iso} via ${form} -> ${date}`);
      }
    }
    expect(shifted).toEqual([]);
  });

  it("reads local midnight by its UTC day only when asked to ('utc')", () => {
    for (const [iso, r] of Object.entries(child.results)) {
      expect(r.localMidnightUtc, iso).toBe(localMidnightUtc(iso));
    }
  });
});
