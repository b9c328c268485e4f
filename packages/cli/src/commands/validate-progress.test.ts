import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli.test-helper.ts';
import { writeC1 } from './files.test-helper.ts';

const { dir, remove } = tempDir();
afterAll(remove);

/** The progress lines drawn on stderr (each starts with a carriage return). */
const drawn = (stderr: string): string[] =>
  stderr
    .split('\r')
    .map((s) => s.replace('\x1b[K', ''))
    .filter((s) => s.startsWith('Reading'));

describe('eduvn validate on a terminal', () => {
  it('shows each file with its rows against the rows it declares, the rate and the time left', async () => {
    writeC1(dir, 'a.xlsx');
    writeFileSync(join(dir, 'b.csv'), 'Họ và tên,Ngày sinh\r\nNguyễn Văn An,05/09/2016\r\n');
    const run = await runCli(['validate', 'a.xlsx', 'b.csv', '--as-of', '2026-05-31'], {
      cwd: dir,
      tty: true,
    });
    const lines = drawn(run.stderr);
    const xlsx = lines.filter((l) => l.startsWith('Reading a.xlsx (1/2)'));
    expect(xlsx.length).toBeGreaterThan(0);
    // The .xlsx declares its rows: a bar, a count of a total, a rate and the time left.
    expect(xlsx.at(-1)).toMatch(/\[[#-]{24}\] \d+\/\d+ rows [\d,]+\/s \d+s left/);
    // A CSV declares nothing: a count and a rate.
    const csv = lines.filter((l) => l.startsWith('Reading b.csv (2/2)'));
    expect(csv.at(-1)).toMatch(/^Reading b\.csv \(2\/2\) \d+ rows [\d,]+\/s$/);
    // The bar is erased at the end: the summary is not mixed with it.
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('draws nothing when stderr is not a terminal', async () => {
    writeC1(dir, 'c.xlsx');
    const run = await runCli(['validate', 'c.xlsx', '--as-of', '2026-05-31'], { cwd: dir });
    expect(drawn(run.stderr)).toEqual([]);
  });
});
