import { Readable } from 'node:stream';
import { writeXlsx } from '@eduvn/adapter-kit';
import { formatText, fromJSON, toJSON, toJUnit } from '@eduvn/rules';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.ts';
import { CheckOptionsError } from './errors.ts';
import {
  AS_OF,
  c1Export,
  IMPOSSIBLE_DATE_ROW,
  k12File,
  kqhtFile,
  pdfFile,
  SCHOOL_YEAR,
  school,
  unknownCsv,
  unknownWorkbook,
} from './files.test-helper.ts';
import type { CheckProgress, CheckReport } from './types.ts';

const hints = { truongId: school.truong.truongId, namHoc: SCHOOL_YEAR };
const c1 = c1Export();

const office: CheckReport = await checkFiles(
  [
    { source: c1, name: 'C1-HocSinh.xlsx' },
    { source: await kqhtFile(), name: 'KQHT.xlsx', hints: { khoi: 1, kyDanhGia: 'CN' } },
    { source: await k12File(), name: 'k12.xlsx' },
    { source: unknownCsv(), name: 'khac.csv' },
    { source: unknownWorkbook(), name: 'danh-sach.xlsx' },
    { source: pdfFile, name: 'bao-cao.xlsx' },
  ],
  { asOf: AS_OF, hints },
);

const byRule = (report: CheckReport, ruleId: string) =>
  report.issues.filter((i) => i.ruleId === ruleId);

describe('checkFiles: a school office in one call', () => {
  it('gives every file an outcome: read, proposed, unreadable', () => {
    expect(office.files.map((f) => [f.file, f.status, f.adapter])).toEqual([
      ['C1-HocSinh.xlsx', 'read', 'moet-c1-hocsinh'],
      ['KQHT.xlsx', 'read', 'moet-kqht-k12'],
      ['k12.xlsx', 'read', 'k12online'],
      ['khac.csv', 'proposed', 'csv-hocsinh'],
      ['danh-sach.xlsx', 'proposed', 'proposed-hocsinh'],
      ['bao-cao.xlsx', 'unreadable', undefined],
    ]);
    expect(office.files.map((f) => f.records)).toEqual([
      school.hocSinhs.length,
      school.danhGias.filter((d) => d.khoi === 1 && d.kyDanhGia === 'CN').length,
      20,
      15,
      12,
      0,
    ]);
    expect(office.summary.records).toBe(office.files.reduce((n, f) => n + f.records, 0));
  });

  it('reports the impossible date as a rule-catalogued issue at its cell, once', () => {
    const dates = byRule(office, 'READ.DATE.001');
    expect(dates).toHaveLength(1);
    const [date] = dates;
    expect(date).toMatchObject({
      severity: 'error',
      entity: 'HocSinh',
      field: 'ngaySinh',
      symbol: 'NGAY_SINH',
      value: '31/02/2019',
      location: {
        file: 'C1-HocSinh.xlsx',
        sheet: 'Sheet1',
        row: IMPOSSIBLE_DATE_ROW,
        column: 'E',
        cell: `E${IMPOSSIBLE_DATE_ROW}`,
      },
    });
    expect(date?.message.vi).toMatch(/Ngày sinh/);
    expect(date?.message.vi).toContain('31/02/2019');
    expect(date?.message.en).toMatch(/Impossible date in field Date of birth/);
    expect(date?.hint.vi.length).toBeGreaterThan(0);
    // The record is read without the date: the schema rule does not report it again.
    const same = office.issues.filter(
      (i) =>
        i !== date &&
        i.location?.file === 'C1-HocSinh.xlsx' &&
        i.location.row === IMPOSSIBLE_DATE_ROW &&
        i.field === 'ngaySinh',
    );
    expect(same).toEqual([]);
  });

  it('says once per proposed file that its mapping must be reviewed', () => {
    const proposed = byRule(office, 'READ.MAPPING.001');
    expect(proposed.map((i) => [i.location?.file, i.severity])).toEqual([
      ['khac.csv', 'query'],
      ['danh-sach.xlsx', 'query'],
    ]);
    expect(proposed[1]?.message.en).toMatch(/A → hoTen/);
    expect(office.passes).toBe(false);
  });

  it('reports the file that is not a spreadsheet, never throws', () => {
    const [pdf] = byRule(office, 'READ.FILE.001');
    expect(pdf?.location?.file).toBe('bao-cao.xlsx');
    expect(pdf?.message.en).toMatch(/wrong-file-type/);
    expect(pdf?.message.vi).toMatch(/Không đọc được tệp/);
  });

  it('gives every issue one shape: a catalogued rule, a severity, both languages, a hint', () => {
    for (const issue of office.issues) {
      expect(issue.ruleId).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*\.\d{3}$/);
      expect(['error', 'query']).toContain(issue.severity);
      expect(issue.message.vi.trim(), issue.ruleId).not.toBe('');
      expect(issue.message.en.trim(), issue.ruleId).not.toBe('');
      expect(issue.hint.vi.trim(), issue.ruleId).not.toBe('');
      expect(office.rules).toContain(issue.ruleId);
    }
  });

  it('learns each file’s layout: a rule whose evidence a file lacks is not run on it', () => {
    const k12 = office.files.find((f) => f.file === 'k12.xlsx');
    expect(k12?.layout['HocSinh']).not.toContain('hocSinhId');
    expect(k12?.layout['HocSinh']).toContain('hoTen');
    // The account file has no pupil code; the C1 export has: not reported per K12 row.
    expect(
      office.issues.filter((i) => i.location?.file === 'k12.xlsx' && i.field === 'hocSinhId'),
    ).toEqual([]);
    expect(office.notChecked.length).toBeGreaterThan(0);
  });

  it('is a report the formatters of @eduvn/rules take unchanged', () => {
    const text = formatText(office, { lang: 'en' });
    expect(text).toContain('READ.DATE.001');
    expect(text).toContain(`row ${IMPOSSIBLE_DATE_ROW}`);
    expect(formatText(office)).toContain('READ.FILE.001');
    const doc = toJSON(office);
    const back = fromJSON(JSON.stringify(doc));
    expect(back.issues.map((i) => i.ruleId)).toEqual(office.issues.map((i) => i.ruleId));
    expect(back.summary.bySeverity).toEqual(office.summary.bySeverity);
    const junit = toJUnit(office, { lang: 'en' });
    expect(junit.startsWith('<?xml')).toBe(true);
    expect(junit).toContain('READ.DATE.001');
    expect(junit).toContain('READ.MAPPING.001');
  });

  it('counts the summary from the issues it keeps', () => {
    const errors = office.issues.filter((i) => i.severity === 'error').length;
    expect(office.summary.bySeverity.error).toBe(errors);
    expect(office.summary.byRule['READ.DATE.001']?.error).toBe(1);
  });
});

describe('checkFiles: files that cannot be read are issues', () => {
  it('an empty file, a corrupt zip, a missing path, a file over a limit', async () => {
    const zipStart = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
    const report = await checkFiles(
      [
        { source: new Uint8Array(0), name: 'empty.xlsx' },
        { source: zipStart, name: 'corrupt.xlsx' },
        '/nonexistent/dir/C1-HocSinh.xlsx',
      ],
      { asOf: AS_OF },
    );
    expect(report.files.map((f) => f.status)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect(report.issues.map((i) => [i.ruleId, i.location?.file])).toEqual([
      ['READ.FILE.001', 'empty.xlsx'],
      ['READ.FILE.001', 'corrupt.xlsx'],
      ['READ.FILE.001', 'C1-HocSinh.xlsx'],
    ]);
    expect(report.issues[0]?.message.en).toMatch(/empty-file/);
    expect(report.issues[2]?.message.en).toMatch(/ENOENT/);
    expect(report.summary.records).toBe(0);

    const limited = await checkFiles([{ source: c1, name: 'big.xlsx' }], {
      asOf: AS_OF,
      limits: { maxFileBytes: 1000 },
    });
    expect(limited.issues.map((i) => i.ruleId)).toEqual(['READ.LIMIT.001']);
    expect(limited.issues[0]?.message.en).toMatch(/maxFileBytes/);
  });

  it('a stream over the size limit is refused while it is read', async () => {
    const report = await checkFiles(
      [{ source: Readable.from([c1.slice(0, 800), c1.slice(800)]), name: 'upload.xlsx' }],
      { asOf: AS_OF, limits: { maxFileBytes: 1000 } },
    );
    expect(report.issues.map((i) => i.ruleId)).toEqual(['READ.LIMIT.001']);
  });
});

describe('checkFiles: sources', () => {
  const summary = (r: CheckReport) =>
    r.issues.map((i) => `${i.ruleId} ${i.location?.cell ?? ''} ${i.field ?? ''}`).sort();

  it('reads bytes, a path, a web stream and a Node stream alike', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'eduvn-check-test-'));
    try {
      const path = join(dir, 'C1-HocSinh.xlsx');
      await writeFile(path, c1);
      const web = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(c1.slice(0, 1000));
          controller.enqueue(c1.slice(1000));
          controller.close();
        },
      });
      const reports = await Promise.all([
        checkFiles([{ source: c1, name: 'C1-HocSinh.xlsx' }], { asOf: AS_OF }),
        checkFiles(path, { asOf: AS_OF }),
        checkFiles([{ source: web, name: 'C1-HocSinh.xlsx' }], { asOf: AS_OF }),
        checkFiles([{ source: Readable.from([c1]), name: 'C1-HocSinh.xlsx' }], { asOf: AS_OF }),
      ]);
      const [first, ...rest] = reports.map(summary);
      expect(first).toContain(`READ.DATE.001 E${IMPOSSIBLE_DATE_ROW} ngaySinh`);
      for (const other of rest) expect(other).toEqual(first);
      expect(reports.map((r) => r.files[0]?.bytes)).toEqual([
        c1.byteLength,
        c1.byteLength,
        c1.byteLength,
        c1.byteLength,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names bytes by position when no name is given, and tells equal names apart', async () => {
    const report = await checkFiles(
      [pdfFile, { source: pdfFile, name: 'a.xlsx' }, { source: pdfFile, name: 'a.xlsx' }],
      { asOf: AS_OF },
    );
    expect(report.files.map((f) => f.file)).toEqual(['file-1', 'a.xlsx', 'a.xlsx (2)']);
    expect(report.issues.map((i) => i.location?.file)).toEqual(['file-1', 'a.xlsx', 'a.xlsx (2)']);
  });
});

describe('checkFiles: hostile and odd input', () => {
  it('a __proto__ header is a header like any other', async () => {
    const rows = school.hocSinhs
      .slice(0, 30)
      .map(
        (p, i) =>
          `x;${p.hoTen};${i === 1 ? '31/02/2019' : (p.ngaySinh ?? '').split('-').reverse().join('/')};y`,
      );
    const csv = new TextEncoder().encode(
      `__proto__;Họ và tên;Ngày sinh;constructor\r\n${rows.join('\r\n')}\r\n`,
    );
    const report = await checkFiles([{ source: csv, name: 'hostile.csv' }], { asOf: AS_OF });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.getPrototypeOf(report.issues)).toBe(Array.prototype);
    expect(report.files[0]?.status).toBe('proposed');
    expect(report.files[0]?.records).toBe(30);
    expect(report.files[0]?.layout['HocSinh']).toEqual(['hoTen', 'ngaySinh']);
    const date = byRule(report, 'READ.DATE.001');
    expect(date.map((i) => i.location?.cell)).toEqual(['C3']);
  });

  it('a workbook below the threshold with two columns is still read by its proposal', async () => {
    const bytes = writeXlsx([
      {
        name: 'Lớp 1A',
        rows: [
          ['Họ và tên', 'Ngày sinh'],
          ['Nguyễn Văn An', '05/09/2019'],
          ['Lê Thị Cúc', '12/11/2019'],
        ],
      },
    ]);
    const report = await checkFiles([{ source: bytes, name: 'hai-cot.xlsx' }], { asOf: AS_OF });
    expect(report.files[0]).toMatchObject({ status: 'proposed', records: 2 });
    expect(byRule(report, 'READ.MAPPING.001')).toHaveLength(1);
  });

  it('a workbook no entity fits is an issue, not a guess', async () => {
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ]);
    const report = await checkFiles([{ source: bytes, name: 'so-lieu.xlsx' }], { asOf: AS_OF });
    expect(report.files[0]?.status).toBe('unreadable');
    expect(report.issues.map((i) => i.ruleId)).toEqual(['READ.SHEET.001']);
  });

  it('a required cell left blank is reported once, by the reader', async () => {
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Mã lớp'],
          [{ text: '7900070100001' }, '', '05/09/2019', 'Nam', '1A'],
          [{ text: '7900070100002' }, 'Lê Thị Cúc', '12/11/2019', 'Nữ', '1A'],
        ],
      },
    ]);
    const report = await checkFiles([{ source: bytes, name: 'blank.xlsx' }], {
      asOf: AS_OF,
      hints: { adapter: 'moet-c1-hocsinh' },
    });
    const atB2 = report.issues.filter((i) => i.location?.row === 2 && i.field === 'hoTen');
    expect(atB2.map((i) => i.ruleId)).toEqual(['READ.REQUIRED.001']);
    expect(atB2[0]?.location?.cell).toBe('B2');
  });
});

describe('checkFiles: options', () => {
  it('refuses misuse with a typed error', async () => {
    const bad = async (p: Promise<unknown>, code: string) => {
      const error = await p.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckOptionsError);
      expect((error as CheckOptionsError).code).toBe(code);
    };
    await bad(checkFiles([c1], { asOf: '31/05/2026' }), 'bad-option');
    await bad(checkFiles([c1], { minConfidence: 2 }), 'bad-option');
    await bad(checkFiles([c1], { proposeEntities: ['__proto__'] }), 'bad-option');
    await bad(checkFiles([c1], { limits: { maxRows: -1 } }), 'bad-option');
    await bad(checkFiles([{ source: c1, hints: { khoi: 7 } }], {}), 'bad-hint');
    await bad(checkFiles([{ source: c1, hints: { kyDanhGia: 'HK1' as never } }], {}), 'bad-hint');
    await bad(checkFiles([{ source: c1, hints: { adapter: 'moet-kqht-k12' } }], {}), 'bad-hint');
    await bad(checkFiles([], {}), 'bad-source');
    await bad(checkFiles([42 as never], {}), 'bad-source');
  });

  it('reads a file with the adapter a hint names', async () => {
    const report = await checkFiles([{ source: c1, name: 'c1.xlsx' }], {
      asOf: AS_OF,
      hints: { adapter: 'moet-c1-hocsinh' },
    });
    expect(report.files[0]).toMatchObject({ status: 'read', adapter: 'moet-c1-hocsinh' });
    expect(report.files[0]?.confidence).toBeUndefined();
  });

  it('reports progress: rows per file, its size, and the end of each file', async () => {
    const calls: CheckProgress[] = [];
    await checkFiles(
      [
        { source: c1, name: 'a.xlsx' },
        { source: pdfFile, name: 'b.xlsx' },
      ],
      { asOf: AS_OF, onProgress: (p) => calls.push(p) },
    );
    const last = calls.filter((c) => c.done);
    expect(last.map((c) => [c.file, c.index, c.files])).toEqual([['a.xlsx', 0, 2]]);
    expect(last[0]?.rows).toBe(school.hocSinhs.length + 2);
    expect(last[0]?.bytes).toBe(c1.byteLength);
    // The rows the sheet declares (its <dimension>), for a progress bar's time left: the rows
    // read, counting title and header rows the reader passed over.
    expect(last[0]?.rowsDeclared).toBeGreaterThanOrEqual(last[0]?.rows ?? Number.NaN);
    expect(last[0]?.rowsDeclared).toBeLessThanOrEqual((last[0]?.rows ?? 0) + 10);
  });

  it('keeps at most maxReadingIssues reading issues and counts the rest', async () => {
    const report = await checkFiles([c1, pdfFile], { asOf: AS_OF, maxReadingIssues: 1 });
    expect(report.issues.filter((i) => i.ruleId.startsWith('READ.'))).toHaveLength(1);
    expect(report.omitted).toBe(1);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(checkFiles([c1], { signal: controller.signal })).rejects.toThrow('stopped');
  });
});
