import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import { sampleReport } from './report.test-helper.ts';
import { describeLocation, formatText, groupIssues, safeText } from './text.ts';

// Line breaks separate the report's lines; no other control character may come out.
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('formatText', () => {
  it('writes a Vietnamese report by default, grouped by severity then rule', async () => {
    const report = await sampleReport();
    const text = formatText(report);
    expect(text).toBe(formatText(report, { lang: 'vi' }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Báo cáo kiểm tra dữ liệu — dữ liệu ngày 2026-05-31, kỳ báo cáo GK1');
    expect(lines[1]).toBe('3 bản ghi · 2 lỗi, 1 cần xem xét, 1 đã xác nhận · CHƯA ĐẠT');
    const errors = text.indexOf('LỖI (phải sửa) (2)');
    const queries = text.indexOf('CẦN XEM XÉT (sửa hoặc xác nhận kèm ghi chú) (1)');
    const acknowledged = text.indexOf('ĐÃ XÁC NHẬN (1)');
    expect(errors).toBeGreaterThan(0);
    expect(queries).toBeGreaterThan(errors);
    expect(acknowledged).toBeGreaterThan(queries);
    expect(text).toContain('  TEST.VALUE.001 (2) — TT 27/2020 <Art. 9> & "test"');
    expect(text).toContain('    • Trường "A" & <B>.xlsx › Học sinh › dòng 2 › cột C [HocSinh HS1]');
    expect(text).toContain('    • trường HO_TEN [HocSinh HS2]');
    expect(text).toContain('    • hs.csv › dòng 4 [HocSinh HS3&<4>]');
    expect(text).toContain('      → Cách sửa: Sửa giá trị ở ô C');
    expect(text).toContain('      Cần xem lại học sinh HS2');
    expect(text).toContain(
      '✓ Đã xác nhận bởi hiệu trưởng lúc 2026-05-31T09:00:00+07:00 — ghi chú: Phòng GD&ĐT đã duyệt <ok> "quoted"',
    );
    expect(lines.at(-2)).toBe('Tổng cộng: 2 lỗi, 1 cần xem xét, 1 đã xác nhận');
  });

  it('writes an English report', async () => {
    const text = formatText(await sampleReport(), { lang: 'en' });
    expect(text).toContain('Data check report — data as of 2026-05-31, reporting period GK1');
    expect(text).toContain('ERRORS (must be fixed) (2)');
    expect(text).toContain('QUERIES (fix, or acknowledge with a note) (1)');
    expect(text).toContain(
      '    • Trường "A" & <B>.xlsx › Học sinh › row 2 › column C [HocSinh HS1]',
    );
    expect(text).toContain('      Pupil HS2 needs a look');
    expect(text).toContain('      → Fix: Correct the value in cell C');
    expect(text).toContain(
      '✓ Acknowledged by hiệu trưởng at 2026-05-31T09:00:00+07:00 — note: Phòng GD&ĐT',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('Total: 2 errors, 1 query, 1 acknowledged');
    expect(text).toContain('DOES NOT PASS');
  });

  it('keeps Vietnamese intact and lets no control character or bidi override through', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const text = formatText(await sampleReport(), { lang });
      expect(text).not.toMatch(CONTROL);
      expect(text).toContain('Nguyễn Thị Ánh');
      expect(text).toContain('<script>alert("x")</script> & \'q\' \uFFFD\uFFFD[31m');
      expect(text.split('\n').filter((l) => l.includes('tab')).length).toBe(1);
    }
  });

  it('shows at most maxIssues issues and says how many are left out', async () => {
    const report = await sampleReport();
    const text = formatText(report, { maxIssues: 1, lang: 'en' });
    expect(text.split('\n').filter((l) => l.startsWith('    • '))).toHaveLength(1);
    expect(text).toContain('… 3 more issues not shown');
    expect(text).toContain('Total: 2 errors, 1 query, 1 acknowledged');
    expect(formatText(report, { maxIssues: 0 })).toContain('… 4 vấn đề khác không hiển thị');
  });

  it('says so when there is nothing to report', async () => {
    const empty = await runRules([], []);
    expect(formatText(empty)).toContain('Không có vấn đề nào.');
    expect(formatText(empty, { lang: 'en' })).toContain(
      'No issues.\n\nTotal: 0 errors, 0 queries, 0 acknowledged\n',
    );
    expect(formatText(empty, { lang: 'en' })).toContain('PASSES');
  });
});

describe('helpers', () => {
  it('groupIssues orders errors, queries, acknowledged, and rules by id', async () => {
    const groups = groupIssues(await sampleReport());
    expect(
      groups.map((g) => [g.group, g.rules.map((r) => `${r.ruleId}:${r.issues.length}`)]),
    ).toEqual([
      ['error', ['TEST.VALUE.001:2']],
      ['query', ['TEST.SIZE.001:1']],
      ['acknowledged', ['TEST.SIZE.001:1']],
    ]);
  });

  it('describeLocation falls back to the record key', async () => {
    const [first, second] = (await sampleReport()).issues;
    expect(first && describeLocation(first, 'en')).toBe(
      'Trường "A" & <B>.xlsx › Học sinh › row 2 › column C [HocSinh HS1]',
    );
    if (!second) throw new Error('no second issue');
    const { field: _field, symbol: _symbol, ...bare } = second;
    expect(describeLocation(bare, 'en')).toBe('HocSinh HS2');
  });

  it('safeText replaces control characters', () => {
    expect(safeText('a\u001b[2Jb\nc\u202Ed')).toBe('a\uFFFD[2Jb\uFFFDc\uFFFDd');
  });
});
