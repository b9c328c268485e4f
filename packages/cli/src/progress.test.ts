import { describe, expect, it } from 'vitest';
import type { CliOutput } from './io.ts';
import { createProgress } from './progress.ts';

function output(isTTY: boolean, columns = 100): CliOutput & { text: string } {
  const out = {
    text: '',
    isTTY,
    columns,
    write(s: string) {
      out.text += s;
    },
  };
  return out;
}

describe('createProgress', () => {
  it('draws a bar with rate and time left on a terminal, and erases it', () => {
    const out = output(true);
    let t = 0;
    const bar = createProgress(out, 'Reading', 'rows', () => t);
    t = 1000;
    bar.update(500, 1000);
    expect(out.text).toMatch(/\rReading \[#{12}-{12}\] 500\/1,000 rows 500\/s 1s left/);
    bar.update(600, 1000); // too soon: not redrawn
    expect(out.text.match(/\r/g)).toHaveLength(1);
    t = 3000;
    bar.update(2000);
    expect(out.text).toMatch(/2,000 rows 667\/s/);
    bar.stop();
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('keeps a line within the terminal width', () => {
    const out = output(true, 20);
    createProgress(out, 'Pushing a very long label indeed', 'changes', () => 1000).update(1, 2);
    expect(out.text.replace('\x1b[K', '').length).toBeLessThanOrEqual(20);
  });

  it('draws nothing when the output is not a terminal', () => {
    const out = output(false);
    const bar = createProgress(out, 'Reading', 'rows');
    bar.update(10, 100);
    bar.stop();
    expect(out.text).toBe('');
  });
});

describe('createProgress with a total that was wrong', () => {
  it('shows a count and a rate once the declared total is passed, never a negative time left', () => {
    const out = output(true);
    let t = 0;
    const bar = createProgress(out, 'Reading', 'rows', () => t);
    t = 1000;
    bar.update(1200, 1000);
    expect(out.text).toMatch(/\rReading 1,200 rows 1,200\/s/);
    expect(out.text).not.toMatch(/left|\[[#-]/);
  });
});
