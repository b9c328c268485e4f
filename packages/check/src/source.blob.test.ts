import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.ts';
import { AS_OF, c1Export, IMPOSSIBLE_DATE_ROW, SCHOOL_YEAR, school } from './files.test-helper.ts';
import { isFileInput, nameOf, openInput } from './source.ts';

const hints = { truongId: school.truong.truongId, namHoc: SCHOOL_YEAR };
const c1 = c1Export() as Uint8Array<ArrayBuffer>;

describe('checkFiles with a Blob or a File (as a browser gives them)', () => {
  it('finds the same issues in a File as in its bytes, named by the File', async () => {
    const fromBytes = await checkFiles([{ source: c1, name: 'C1-HocSinh.xlsx' }], {
      asOf: AS_OF,
      hints,
    });
    const fromFile = await checkFiles([new File([c1], 'C1-HocSinh.xlsx')], { asOf: AS_OF, hints });
    expect(fromFile.files).toEqual(fromBytes.files);
    expect(fromFile.issues).toEqual(fromBytes.issues);
    expect(fromFile.summary).toEqual(fromBytes.summary);
    const date = fromFile.issues.find((i) => i.ruleId === 'READ.DATE.001');
    expect(date?.location).toMatchObject({
      file: 'C1-HocSinh.xlsx',
      cell: `E${IMPOSSIBLE_DATE_ROW}`,
    });
  });

  it('takes a Blob as a source, its size known before reading', async () => {
    const blob = new Blob([c1]);
    expect(isFileInput(blob)).toBe(true);
    expect(nameOf({ source: blob }, 2)).toBe('file-3');
    expect(nameOf({ source: new File([c1], 'a.xlsx') }, 0)).toBe('a.xlsx');
    expect(nameOf({ source: new File([c1], 'a.xlsx'), name: 'b.xlsx' }, 0)).toBe('b.xlsx');
    const opened = await openInput(blob, 'x.xlsx', { maxFileBytes: 1e9 } as never);
    expect(opened).toMatchObject({ source: blob, bytes: c1.length });
    const report = await checkFiles([{ source: blob }], { asOf: AS_OF, hints });
    expect(report.files.map((f) => [f.file, f.status, f.records])).toEqual([
      ['file-1', 'read', school.hocSinhs.length],
    ]);
  });

  it('refuses a Blob over maxFileBytes as a file-level problem', async () => {
    const report = await checkFiles([new File([c1], 'big.xlsx')], {
      asOf: AS_OF,
      hints,
      limits: { maxFileBytes: 1000 },
    });
    expect(report.files[0]?.status).toBe('unreadable');
    expect(JSON.stringify(report.issues)).toContain('maxFileBytes');
  });
});
