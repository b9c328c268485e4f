/**
 * Turns the TypeScript examples of a README into runnable modules. Inside a ```ts block, a line
 *
 *     console.log(EXPR); // => EXPECTED
 *
 * (or the same wrapped by the formatter: `console.log(` alone on a line, the expression, then
 * `); // => EXPECTED`)
 * becomes a check that EXPR deep-equals EXPECTED (a JavaScript expression), so the values a README
 * shows are the values the code returns. Blocks fenced as ```ts no-run are skipped.
 */

/** One runnable block of a README. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence in the README. */
  line: number;
  /** The module source, with every `// =>` line turned into a call to `__check`. */
  source: string;
  /** How many `// =>` checks the block holds. */
  checks: number;
}

const FENCE = /^```(\S*)(.*)$/;
const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/\s*=>\s*(.+)$/;
const OPEN = /^(\s*)console\.log\($/;
const CLOSE = /^\s*\);\s*\/\/\s*=>\s*(.+)$/;

/** Extracts the runnable ```ts blocks of a README. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (
      !open ||
      !['ts', 'typescript'].includes(open[1] ?? '') ||
      (open[2] ?? '').includes('no-run')
    )
      continue;
    const start = i;
    const body: string[] = [];
    let checks = 0;
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) {
      const text = lines[i] ?? '';
      const check = CHECK.exec(text);
      const open = OPEN.exec(text);
      if (check) {
        checks++;
        body.push(`${check[1]}__check(${check[2]}, ${check[3]}, ${i + 1});`);
      } else if (open) {
        // A check the formatter wrapped over several lines: console.log(\n  EXPR\n); // => X
        const start = i;
        const expr: string[] = [];
        let close: RegExpExecArray | null = null;
        for (i++; i < lines.length; i++) {
          close = CLOSE.exec(lines[i] ?? '');
          if (close) break;
          expr.push(lines[i] ?? '');
        }
        if (!close) throw new Error(`README block at line ${start + 1}: unclosed console.log(`);
        checks++;
        const expression = expr.join('\n').replace(/,\s*$/, '');
        body.push(`${open[1]}__check(${expression}, ${close[1]}, ${start + 1});`);
      } else {
        body.push(text);
      }
    }
    blocks.push({ line: start + 1, source: body.join('\n'), checks });
  }
  return blocks;
}
