import { BUILT_IN_RULES } from '@eduvn/rules';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.test-helper.ts';

describe('eduvn (program)', () => {
  it('prints help and the version with exit 0, and refuses unknown commands with exit 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of [
      'validate',
      'convert',
      'push',
      'eqms',
      'sandbox',
      'rules',
      'catalog',
      'inspect',
      'demo',
    ]) {
      expect(help.stdout).toContain(c);
    }
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bad = await runCli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command/);
    const missing = await runCli(['eqms', 'x.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--period/);
  });
});

describe('eduvn rules', () => {
  it('lists every rule with its severity and message', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    for (const rule of BUILT_IN_RULES) expect(run.stdout).toContain(rule.id);
    expect(run.stdout).toContain(`${BUILT_IN_RULES.length} rules`);
  });

  it('prints JSON, Markdown and Vietnamese', async () => {
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as {
      id: string;
    }[];
    expect(json.map((r) => r.id).sort()).toEqual(BUILT_IN_RULES.map((r) => r.id).sort());
    expect((await runCli(['rules', '--format', 'markdown'])).stdout).toMatch(/^# Rule catalog/);
    const vi = await runCli(['rules', '--lang', 'vi']);
    expect(vi.stdout).toContain((BUILT_IN_RULES[0] as (typeof BUILT_IN_RULES)[number]).message.vi);
    expect((await runCli(['rules', '--format', 'yaml'])).code).toBe(2);
  });
});

describe('eduvn catalog', () => {
  it('lists the catalogs, administrative units included', async () => {
    const run = await runCli(['catalog']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/DM_DAN_TOC/);
    expect(run.stdout).toMatch(/DM_TINH/);
  });

  it('reads province 24 as Bắc Giang before 1 July 2025 and Bắc Ninh after', async () => {
    const before = await runCli(['catalog', 'DM_TINH', '24', '--as-of', '2025-06-30']);
    expect(before.code).toBe(0);
    expect(before.stdout.split('\n')[0]).toContain('Bắc Giang');
    const after = await runCli(['catalog', 'tinh', '24', '--as-of', '2025-07-01']);
    expect(after.stdout.split('\n')[0]).toContain('Bắc Ninh');
    // The other version is shown too: the code was reused with another meaning.
    expect(after.stdout).toContain('Bắc Giang');
  });

  it('looks up an ordinary code and lists a catalog', async () => {
    const kinh = await runCli(['catalog', 'DM_DAN_TOC', '01']);
    expect(kinh.code).toBe(0);
    expect(kinh.stdout).toContain('Kinh');
    const list = await runCli(['catalog', 'dan_toc']);
    expect(list.stdout.split('\n').length).toBeGreaterThan(50);
  });

  it('says clearly what is wrong: unknown catalog, unknown code, bad date', async () => {
    const unknown = await runCli(['catalog', '__proto__', '1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No catalog named "__proto__"/);
    const code = await runCli(['catalog', 'DM_DAN_TOC', '999']);
    expect(code.code).toBe(1);
    expect(code.stdout).toMatch(/is not a code/);
    const date = await runCli(['catalog', 'DM_TINH', '24', '--as-of', '30/06/2025']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--as-of must be a date yyyy-mm-dd/);
  });
});
