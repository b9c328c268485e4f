import { createRequire } from 'node:module';
import { AdapterError, openXlsx, type Row } from '@eduvn/adapter-kit';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../check-files.ts';
import {
  AS_OF,
  c1Export,
  IMPOSSIBLE_DATE_ROW,
  pdfFile,
  SCHOOL_YEAR,
  school,
  unknownCsv,
} from '../files.test-helper.ts';
import type { CheckIssue, CheckReport } from '../types.ts';
import { reportOf } from './report.test-helper.ts';
import { toXlsx, XlsxReportError } from './xlsx.ts';

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

const hints = { truongId: school.truong.truongId, namHoc: SCHOOL_YEAR };

async function rowsOf(bytes: Uint8Array, sheet: string | number = 0): Promise<Row[]> {
  const workbook = await openXlsx(bytes);
  const rows: Row[] = [];
  for await (const row of workbook.rows(sheet)) rows.push(row);
  await workbook.close();
  return rows;
}

/** The ARGB colour of a cell's solid fill, read from the workbook's XML by SheetJS's cell style. */
function fillOf(sheet: WorkSheet, ref: string): string | undefined {
  const style = sheet[ref]?.s;
  return style?.patternType === 'solid' ? style.fgColor?.rgb : undefined;
}

function commentsOf(sheet: WorkSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ref, cell] of Object.entries(sheet)) {
    const c = cell?.c;
    if (!ref.startsWith('!') && c !== undefined) out.set(ref, c.map((x) => x.t).join('\n'));
  }
  return out;
}

describe('toXlsx', () => {
  it('marks a planted impossible date in the pupils’ own workbook, read back by two readers', async () => {
    const bytes = c1Export();
    const report = await checkFiles([{ source: bytes, name: 'C1-HocSinh.xlsx' }], {
      asOf: AS_OF,
      hints,
    });
    const date = report.issues.find((i) => i.ruleId === 'READ.DATE.001');
    expect(date?.location?.cell).toBe(`E${IMPOSSIBLE_DATE_ROW}`);

    const out = await toXlsx(report, { file: 'C1-HocSinh.xlsx', bytes });
    expect(out.kind).toBe('annotated');
    expect(out.placed + out.unplaced).toBe(
      report.issues.filter((i) => i.location?.file === 'C1-HocSinh.xlsx' && !i.acknowledged).length,
    );
    expect(out.sheets[0]).toMatchObject({ sheet: 'Sheet1', errorsColumn: 'J' });

    // Our reader: every original value unchanged; the Errors column on the header and the row.
    const before = await rowsOf(bytes);
    const after = await rowsOf(out.bytes);
    const valuesOf = (rows: Row[], width: number) =>
      rows.map((r) => [
        r.row,
        ...Array.from({ length: width }, (_, i) => r.cells[i]?.value ?? null),
      ]);
    expect(valuesOf(after, 9)).toEqual(valuesOf(before, 9));
    const header = after.find((r) => r.row === 4);
    expect(header?.cells[9]?.value).toBe('Lỗi / Errors');
    const planted = after.find((r) => r.row === IMPOSSIBLE_DATE_ROW)?.cells[9]?.value;
    expect(planted).toMatch(new RegExp(`^E${IMPOSSIBLE_DATE_ROW}: Lỗi READ\\.DATE\\.001: `));
    expect(planted).toContain('31/02/2019');
    // Hidden catalog sheets are untouched.
    expect((await rowsOf(out.bytes, 'GIOI_TINH')).map((r) => r.cells[0]?.value)).toEqual([
      'Nam',
      'Nữ',
    ]);

    // SheetJS: the fill and the note on E7, and nothing else marked in that row.
    const book = SheetJs.read(out.bytes, { type: 'array', cellStyles: true });
    const sheet = book.Sheets['Sheet1'] as WorkSheet;
    expect(fillOf(sheet, `E${IMPOSSIBLE_DATE_ROW}`)).toBe('FFC7CE');
    expect(fillOf(sheet, `D${IMPOSSIBLE_DATE_ROW}`)).toBeUndefined();
    const note = commentsOf(sheet).get(`E${IMPOSSIBLE_DATE_ROW}`);
    expect(note).toMatch(/^Lỗi READ\.DATE\.001: /);
    expect(note).toContain('Cách sửa:');
    expect(sheet[`E${IMPOSSIBLE_DATE_ROW}`]?.v).toBe('31/02/2019');
    expect(sheet['J4']?.v).toBe('Lỗi / Errors');
  });

  it('converts a CSV file to a workbook with the same rows, marked', async () => {
    const lines = new TextDecoder()
      .decode(unknownCsv())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cells = lines.map((l) => l.split(';'));
    (cells[3] as string[])[1] = '31/02/2019';
    const bytes = new TextEncoder().encode(`${cells.map((c) => c.join(';')).join('\r\n')}\r\n`);
    const report = await checkFiles([{ source: bytes, name: 'khac.csv' }], { asOf: AS_OF, hints });
    const date = report.issues.find((i) => i.ruleId === 'READ.DATE.001');
    expect(date?.location).toMatchObject({ file: 'khac.csv', row: 4, cell: 'B4' });

    const out = await toXlsx(report, { file: 'khac.csv', bytes }, { lang: 'en' });
    expect(out.kind).toBe('converted');
    const rows = await rowsOf(out.bytes);
    expect(rows.map((r) => r.cells.slice(0, 5).map((c) => c?.value ?? ''))).toEqual(cells);
    expect(String(rows[3]?.cells[5]?.value)).toMatch(/^B4: Error READ\.DATE\.001: /);
    // The proposed mapping's header row gets the column's title, then the mapping's query.
    expect(String(rows[0]?.cells[5]?.value)).toMatch(/^Lỗi \/ Errors\nQuery READ\.MAPPING\.001: /);
    const book = SheetJs.read(out.bytes, { type: 'array', cellStyles: true });
    const sheet = book.Sheets[book.SheetNames[0] as string] as WorkSheet;
    expect(fillOf(sheet, 'B4')).toBe('FFC7CE');
    expect(commentsOf(sheet).get('B4')).toMatch(/^Error READ\.DATE\.001: .*31\/02\/2019/);
  });

  it('masks digits, keeps formula-like text as text, and writes English', async () => {
    const issues: CheckIssue[] = [
      {
        ruleId: 'HS.CCCD.001',
        severity: 'query',
        basis: 'QĐ 4998',
        entity: 'HocSinh',
        recordKey: 'HS1',
        message: { vi: '=Số 001234567890 sai', en: '=ID 001234567890 is wrong' },
        hint: { vi: '', en: '' },
        location: { file: 'C1-HocSinh.xlsx', sheet: 'Sheet1', row: 5, column: 'I', cell: 'I5' },
      },
    ];
    const report = reportOf(issues);
    const out = await toXlsx(
      report,
      { file: 'C1-HocSinh.xlsx', bytes: c1Export() },
      { lang: 'en' },
    );
    const book = SheetJs.read(out.bytes, { type: 'array', cellStyles: true, cellFormula: true });
    const sheet = book.Sheets['Sheet1'] as WorkSheet;
    expect(commentsOf(sheet).get('I5')).toBe('Query HS.CCCD.001: =ID *********890 is wrong');
    expect(sheet['J5']).toMatchObject({
      t: 's',
      v: 'I5: Query HS.CCCD.001: =ID *********890 is wrong',
    });
    expect(sheet['J5']?.f).toBeUndefined();
    expect(fillOf(sheet, 'I5')).toBe('FFEB9C');
    expect(JSON.stringify(commentsOf(sheet).get('I5'))).not.toContain('001234567890');
  });

  it('counts issues it cannot place, and refuses what it cannot do', async () => {
    const report = reportOf([
      {
        ruleId: 'READ.FILE.001',
        severity: 'error',
        basis: 'eduvn',
        entity: 'HocSinh',
        recordKey: '',
        message: { vi: 'x', en: 'x' },
        hint: { vi: '', en: '' },
        location: { file: 'C1-HocSinh.xlsx' },
      },
      {
        ruleId: 'X.1',
        severity: 'error',
        basis: 'eduvn',
        entity: 'HocSinh',
        recordKey: '',
        message: { vi: 'x', en: 'x' },
        hint: { vi: '', en: '' },
        location: { file: 'C1-HocSinh.xlsx', sheet: '__proto__', row: 3 },
      },
    ] as CheckIssue[]);
    const out = await toXlsx(report, { file: 'C1-HocSinh.xlsx', bytes: c1Export() });
    expect(out).toMatchObject({ placed: 0, unplaced: 2, sheets: [] });

    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (error) {
        if (error instanceof XlsxReportError || error instanceof AdapterError) return error.code;
        throw error;
      }
      return undefined;
    };
    expect(await code(toXlsx(report, { file: 'other.xlsx', bytes: c1Export() }))).toBe(
      'UNKNOWN_FILE',
    );
    const pdf: CheckReport = reportOf([], {
      files: [{ file: 'bao-cao.xlsx', status: 'unreadable', layout: {}, records: 0, skipped: 0 }],
    });
    expect(await code(toXlsx(pdf, { file: 'bao-cao.xlsx', bytes: pdfFile }))).toBe(
      'UNSUPPORTED_FORMAT',
    );
    expect(
      await code(
        toXlsx(report, { file: 'C1-HocSinh.xlsx', bytes: c1Export() }, { lang: 'fr' as 'vi' }),
      ),
    ).toBe('INVALID_OPTION');
    const broken = c1Export().slice(0, 200);
    expect(await code(toXlsx(report, { file: 'C1-HocSinh.xlsx', bytes: broken }))).toBe(
      'corrupt-file',
    );
  });
});
