import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the eduvn process', () => {
  it('stops writing quietly when the reader of its output goes away (| head)', async () => {
    const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@eduvn/source', bin, 'rules'],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    let first = '';
    child.stdout.once('data', (d) => {
      first = String(d);
      // The reader goes away after the first chunk, as `head -1` does.
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.length).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*node-io/);
    expect(code).toBe(0);
  });
});
