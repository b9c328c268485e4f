import { cellText, openWorkbook } from '@eduvn/adapter-kit';
import type { DanhGiaHocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ADAPTER, SCHOOL } from './fixtures.test-helper.ts';
import { SMAS_PERIODS } from './period.ts';
import { readAllSmas } from './read.ts';
import { WRITTEN_HEADER_ROW, writeSmas } from './write.ts';

const order = (d: DanhGiaHocSinh) =>
  `${SMAS_PERIODS.indexOf(d.kyDanhGia)}|${d.maLop}|${d.hocSinhId}`;
const byPeriodAndClass = [...SCHOOL.danhGias].sort((a, b) => order(a).localeCompare(order(b)));

async function sheetsOf(bytes: Uint8Array) {
  const workbook = await openWorkbook(bytes);
  const sheets: { name: string; rows: string[][]; merges: string[] }[] = [];
  for (const sheet of workbook.sheets) {
    const rows: string[][] = [];
    for await (const row of workbook.rows(sheet.index)) {
      rows[row.row - 1] = Array.from(row.cells, cellText);
      for (const cell of row.cells) expect(cell?.formula).toBeUndefined();
    }
    const merges = (await workbook.merges(sheet.index)).map(
      (m) => `${m.top}:${m.left}-${m.bottom}:${m.right}`,
    );
    sheets.push({ name: sheet.name, rows, merges });
  }
  await workbook.close();
  return sheets;
}

describe('writeSmas', () => {
  it('writes a whole school, period by period and grade by grade, and reads it back the same', async () => {
    const bytes = writeSmas({ entity: 'DanhGiaHocSinh', records: byPeriodAndClass });
    const sheets = await sheetsOf(bytes);
    expect(sheets.map((s) => s.name).slice(0, 6)).toEqual([
      'Giữa kỳ I - Khối 1',
      'Giữa kỳ I - Khối 2',
      'Giữa kỳ I - Khối 3',
      'Giữa kỳ I - Khối 4',
      'Giữa kỳ I - Khối 5',
      'Cuối kỳ I - Khối 1',
    ]);
    expect(sheets).toHaveLength(20);
    const { records, issues } = await readAllSmas(FIXTURE_ADAPTER, bytes);
    // Only adapter-kit's note of the columns a sheet lacks (subjects of other grades…).
    expect(issues.filter((i) => !/ has no column for /.test(i.problem))).toEqual([]);
    expect(records.map((r) => r.record)).toEqual(byPeriodAndClass);
    expect(records.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('keeps the order of records given in any order, a sheet per run', async () => {
    const mixed = SCHOOL.danhGias.slice(0, 8);
    const bytes = writeSmas({ entity: 'DanhGiaHocSinh', records: mixed });
    const { records } = await readAllSmas(FIXTURE_ADAPTER, bytes);
    expect(records.map((r) => r.record)).toEqual(mixed);
    expect((await sheetsOf(bytes)).map((s) => s.name)).toEqual([
      'Giữa kỳ I - Khối 1',
      'Cuối kỳ I - Khối 1',
      'Giữa kỳ II - Khối 1',
      'Cuối năm - Khối 1',
      'Giữa kỳ I - Khối 1 (2)',
      'Cuối kỳ I - Khối 1 (2)',
      'Giữa kỳ II - Khối 1 (2)',
      'Cuối năm - Khối 1 (2)',
    ]);
  });

  it('writes the title block and a two-row merged header', async () => {
    const records = byPeriodAndClass.filter((d) => d.kyDanhGia === 'CK1' && d.khoi === 3);
    const [sheet] = await sheetsOf(writeSmas({ entity: 'DanhGiaHocSinh', records }));
    expect(sheet?.rows[0]).toEqual(['KẾT QUẢ ĐÁNH GIÁ HỌC SINH CUỐI KỲ I']);
    expect(sheet?.rows[1]).toEqual(['Khối: 3 - Năm học: 2024-2025']);
    const top = sheet?.rows[WRITTEN_HEADER_ROW - 1] ?? [];
    const bottom = sheet?.rows[WRITTEN_HEADER_ROW] ?? [];
    expect(top.slice(0, 5)).toEqual(['STT', 'Mã học sinh', 'Lớp', 'Tiếng Việt', '']);
    expect(bottom.slice(3, 5)).toEqual(['Mức đạt được', 'Điểm KTĐK']);
    expect(top).toContain('Năng lực đặc thù');
    expect(bottom).toContain('Khoa học');
    expect(sheet?.merges).toContain('4:0-5:0');
    expect(sheet?.merges).toContain('4:3-4:4');
  });

  it('writes one class in the title, and records without a period under a plain title', async () => {
    const records = SCHOOL.danhGias
      .filter((d) => d.maLop === '2A' && d.kyDanhGia === 'GK2')
      .map(({ kyDanhGia: _, ...rest }) => rest);
    const bytes = writeSmas({ entity: 'DanhGiaHocSinh', records });
    const [sheet] = await sheetsOf(bytes);
    expect(sheet?.name).toBe('Kết quả 1 - Khối 2');
    expect(sheet?.rows[0]).toEqual(['KẾT QUẢ ĐÁNH GIÁ HỌC SINH']);
    expect(sheet?.rows[1]).toEqual(['Lớp: 2A - Khối: 2 - Năm học: 2024-2025']);
    const read = await readAllSmas(FIXTURE_ADAPTER, bytes);
    expect(read.records.map((r) => r.record)).toEqual(records);
  });

  it('writes text that looks like a formula as text, and reads it back the same', async () => {
    const payloads = [
      '=1+1',
      '+SUM(A1:A2)',
      '-2-2',
      '@cmd',
      '\tx',
      '=HYPERLINK("http://example.invalid")',
    ];
    const [first] = byPeriodAndClass;
    if (!first) throw new Error('no record');
    const records = payloads.map((p, i) => ({
      ...first,
      hocSinhId: `${p.slice(0, 10)}${i}`,
      nhanXet: p,
    }));
    const bytes = writeSmas({ entity: 'DanhGiaHocSinh', records });
    await sheetsOf(bytes);
    const read = await readAllSmas(FIXTURE_ADAPTER, bytes);
    expect(read.records.map((r) => [r.record['hocSinhId'], r.record['nhanXet']])).toEqual(
      records.map((r) => [r.hocSinhId.trim(), r.nhanXet.trim()]),
    );
  });

  it('writes a valid workbook of no records', async () => {
    const sheets = await sheetsOf(writeSmas({ entity: 'DanhGiaHocSinh', records: [] }));
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.rows[WRITTEN_HEADER_ROW - 1]).toEqual(['STT', 'Mã học sinh']);
  });

  it('refuses another entity', () => {
    expect(() => writeSmas({ entity: 'HocSinh', records: [] })).toThrow(
      /DanhGiaHocSinh records only/,
    );
  });
});
