import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxError } from '../errors.ts';
import { openDatabase } from './database.ts';
import { MIGRATIONS } from './migrations.ts';

const dirs: string[] = [];
const tempFile = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-sandbox-'));
  dirs.push(dir);
  return join(dir, name);
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the schema once, in WAL mode, and reopens it as it was', () => {
    const file = tempFile('a.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.prepare("INSERT INTO meta (name, value) VALUES ('x', 'y')").run();
    db.close();
    const again = openDatabase(file, 'power');
    expect(again.prepare("SELECT value FROM meta WHERE name = 'x'").get()).toEqual({ value: 'y' });
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });

  it('refuses a file that is not a sandbox database, or one from a newer sandbox', () => {
    const junk = tempFile('junk.db');
    writeFileSync(junk, 'this is not sqlite '.repeat(100));
    expect(() => openDatabase(junk)).toThrow(SandboxError);
    const newer = tempFile('newer.db');
    const db = openDatabase(newer);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(newer)).toThrow(/newer than this sandbox/);
    expect(() => openDatabase(join(tempFile('x'), 'no', 'such', 'dir.db'))).toThrow(SandboxError);
  });
});
