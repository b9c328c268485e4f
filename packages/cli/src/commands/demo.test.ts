import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.test-helper.ts';

const folderOf = (stdout: string): string => /working in (\S+)/.exec(stdout)?.[1] ?? '';

describe('eduvn demo', () => {
  it('tells the whole story in-process and leaves nothing behind', async () => {
    const run = await runCli(['demo', '--pupils', '60']);
    expect(run.code).toBe(0);
    const folder = folderOf(run.stdout);
    expect(folder).toMatch(/eduvn-demo-/);
    expect(existsSync(folder)).toBe(false);
    for (const step of [
      '1. The city database',
      '2. ',
      '3. Validate',
      '4. Push',
      '5. The start-of-year EQMS report',
    ]) {
      expect(run.stdout).toContain(step);
    }
    // Planted problems are shown and explained.
    expect(run.stdout).toMatch(/- impossible-date .*\n\s+→ error READ\.DATE\.001/);
    expect(run.stdout).toMatch(/- over-long-name .*\n\s+→ error STD\.SCHEMA\.001/);
    expect(run.stdout).toMatch(/48-hour deadline report/);
    expect(run.stdout).toMatch(/\d+ classes, \d+ pupils/);
    // Personal IDs only masked.
    expect(run.stdout).not.toMatch(/\b\d{12}\b/);
  });

  it('keeps the folder with --keep', async () => {
    const run = await runCli(['demo', '--pupils', '30', '--keep']);
    expect(run.code).toBe(0);
    const folder = folderOf(run.stdout);
    expect(existsSync(`${folder}/eqms-dau-nam.xlsx`)).toBe(true);
    expect(existsSync(`${folder}/C1-HocSinh.xlsx`)).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs as a process that exits 0 by itself and removes its folder', async () => {
    const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@eduvn/source', bin, 'demo', '--pupils', '40'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/Done\./);
    expect(existsSync(folderOf(stdout))).toBe(false);
  });
});
