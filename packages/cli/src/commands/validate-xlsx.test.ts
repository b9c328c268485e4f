import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openXlsx, type Row } from '@eduvn/adapter-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli.test-helper.ts';
import { testSchool, writeC1 } from './files.test-helper.ts';
import { xlsxReportPaths } from './validate.ts';

/** SheetJS (a dependency of the kit, not of this package), as a second reader of what was written. */
interface SheetJsCell {
  readonly v?: unknown;
  readonly t?: string;
  readonly f?: string;
  readonly c?: readonly { readonly t: string }[];
  readonly s?: { readonly patternType?: string; readonly fgColor?: { readonly rgb?: string } };
}
type WorkSheet = Record<string, SheetJsCell | undefined>;
const SheetJs = createRequire(new URL('../../../adapter-kit/package.json', import.meta.url))(
  '@e965/xlsx',
) as {
  read(
    data: Uint8Array,
    options: Record<string, unknown>,
  ): { SheetNames: string[]; Sheets: Record<string, WorkSheet> };
};

const { dir, remove } = tempDir();
afterAll(remove);
const school = testSchool();
const hints = [
  '--truong',
  school.truong.truongId,
  '--nam-hoc',
  '2025-2026',
  '--as-of',
  '2025-10-01',
];

async function rowsOf(path: string): Promise<Row[]> {
  const workbook = await openXlsx(new Uint8Array(readFileSync(path)));
  const rows: Row[] = [];
  for await (const row of workbook.rows(0)) rows.push(row);
  await workbook.close();
  return rows;
}

/** Writes an export with an impossible birth date on the 4th pupil. */
function brokenC1(name: string): void {
  const pupils = school.hocSinhs.map((p, i) => (i === 3 ? { ...p, ngaySinh: '2017-04-31' } : p));
  writeC1(dir, name, pupils);
}

describe('eduvn validate --report x.xlsx', () => {
  it('writes the input workbook annotated: exit 1, the date cell marked, values unchanged', async () => {
    brokenC1('lop.xlsx');
    const run = await runCli(
      ['validate', 'lop.xlsx', ...hints, '--lang', 'vi', '--report', 'loi.xlsx'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Report written to .*loi\.xlsx/);
    const json = await runCli(['validate', 'lop.xlsx', ...hints, '--report', 'loi.json'], {
      cwd: dir,
    });
    const issue = (
      JSON.parse(readFileSync(join(dir, 'loi.json'), 'utf8')).issues as {
        ruleId: string;
        location?: { cell?: string; row?: number };
      }[]
    ).find((i) => i.ruleId === 'READ.DATE.001');
    expect(json.code).toBe(1);
    const cell = issue?.location?.cell as string;
    expect(cell).toMatch(/^E\d+$/);

    const before = await rowsOf(join(dir, 'lop.xlsx'));
    const after = await rowsOf(join(dir, 'loi.xlsx'));
    const width = Math.max(...before.map((r) => r.cells.length));
    const grid = (rows: Row[]) =>
      rows.map((r) => [
        r.row,
        ...Array.from({ length: width }, (_, i) => r.cells[i]?.value ?? null),
      ]);
    expect(grid(after)).toEqual(grid(before));
    const marked = after.find((r) => r.row === issue?.location?.row);
    expect(String(marked?.cells[width]?.value)).toMatch(
      new RegExp(`^${cell}: Lỗi READ\\.DATE\\.001`),
    );

    const book = SheetJs.read(readFileSync(join(dir, 'loi.xlsx')), {
      type: 'buffer',
      cellStyles: true,
    });
    const sheet = book.Sheets[book.SheetNames[0] as string] as WorkSheet;
    const target = sheet[cell] as SheetJsCell;
    expect(target.c?.[0]?.t).toMatch(/^Lỗi READ\.DATE\.001/);
    expect(target.s?.fgColor?.rgb).toBe('FFC7CE');

    // By default (English, as the summary), the notes are in English.
    const en = await runCli(['validate', 'lop.xlsx', ...hints, '--report', 'en.xlsx'], {
      cwd: dir,
    });
    expect(en.code).toBe(1);
    const enBook = SheetJs.read(readFileSync(join(dir, 'en.xlsx')), { type: 'buffer' });
    const enSheet = enBook.Sheets[enBook.SheetNames[0] as string] as WorkSheet;
    expect(enSheet[cell]?.c?.[0]?.t).toMatch(/^Error READ\.DATE\.001/);
  });

  it('writes one workbook per input for several inputs, and exit 0 for clean data', async () => {
    const half = Math.floor(school.hocSinhs.length / 2);
    writeC1(dir, 'a.xlsx', school.hocSinhs.slice(0, half));
    writeC1(dir, 'b.xlsx', school.hocSinhs.slice(half));
    // The report's folder does not exist: each input is named, and the command fails.
    const run = await runCli(
      ['validate', 'a.xlsx', 'b.xlsx', ...hints, '--report', join('missing', 'r.xlsx')],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Not annotated: a\.xlsx: .*ENOENT/);
    expect(run.stderr).toMatch(/No annotated Excel report could be written/);
    const ok = await runCli(['validate', 'a.xlsx', 'b.xlsx', ...hints, '--report', 'r.xlsx'], {
      cwd: dir,
    });
    expect(ok.stderr).toMatch(/Report written to .*r-a\.xlsx/);
    expect(ok.stderr).toMatch(/Report written to .*r-b\.xlsx/);
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
    expect((await rowsOf(join(dir, 'r-a.xlsx'))).length).toBe(
      (await rowsOf(join(dir, 'a.xlsx'))).length,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/PASS/);
  });

  it('names an input it cannot annotate, and fails when none can be', async () => {
    writeFileSync(join(dir, 'not.xlsx'), '%PDF-1.4 not a workbook');
    const run = await runCli(['validate', 'not.xlsx', ...hints, '--report', 'nothing.xlsx'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Not annotated: not\.xlsx: the file could not be read/);
    expect(run.stderr).toMatch(/No annotated Excel report could be written/);
    expect(readdirSync(dir)).not.toContain('nothing.xlsx');
  });

  it('derives one safe, distinct name per input', () => {
    expect(xlsxReportPaths('out.xlsx', ['lop.xls'])).toEqual(['out.xlsx']);
    expect(xlsxReportPaths('r/out.xlsx', ['x/Lớp 1A.xlsx', 'y/Lớp 1A.csv', '../a b?.xls'])).toEqual(
      [join('r', 'out-Lớp_1A.xlsx'), join('r', 'out-Lớp_1A-2.xlsx'), join('r', 'out-a_b_.xlsx')],
    );
  });
});
