import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_UNIT_SOURCE_FILES,
  type AdminUnitSources,
  buildAdminUnitModules,
  cleanName,
} from './build.ts';

const sourceDir = fileURLToPath(
  new URL('../../../../../shared/reference/admin-units/', import.meta.url),
);
const dataDir = fileURLToPath(new URL('./data/', import.meta.url));

describe('cleanName', () => {
  it('turns <br> into a space, collapses white space and composes to NFC', () => {
    expect(cleanName('Phường Văn Miếu -<br>Quốc Tử Giám')).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(cleanName('Xã<br>Tú<br>Lệ')).toBe('Xã Tú Lệ');
    expect(cleanName('Xã  Hoàng Văn Thụ ')).toBe('Xã Hoàng Văn Thụ');
    expect(cleanName('Thanh Hoa\u0301')).toBe('Thanh Hoá');
  });

  it('keeps case and tone placement', () => {
    expect(cleanName('xã Bắc Sơn')).toBe('xã Bắc Sơn');
    expect(cleanName('Tỉnh Hoà Bình')).toBe('Tỉnh Hoà Bình');
  });
});

// The reference files live beside the repository (../shared/reference); the check is skipped
// where they are not present.
describe.skipIf(!existsSync(sourceDir))('the committed data modules', () => {
  it('are what the generator makes of the reference files today', () => {
    const sources = Object.fromEntries(
      Object.entries(ADMIN_UNIT_SOURCE_FILES).map(([role, file]) => [
        role,
        readFileSync(`${sourceDir}${file}`, 'utf8'),
      ]),
    ) as unknown as AdminUnitSources;
    const modules = buildAdminUnitModules(sources);
    expect(modules.map((m) => m.file).sort()).toEqual([
      'mapping-2025-07-01.ts',
      'units-2025-07-01.ts',
      'units-gso-2025-03-01.ts',
      'units-snapshot-2026-07-25.ts',
    ]);
    for (const { file, text } of modules) {
      // Not toBe: a mismatch of half a megabyte would drown the report.
      const committed = readFileSync(`${dataDir}${file}`, 'utf8');
      expect(committed === text, `${file} is stale: run scripts/build-admin-units.ts`).toBe(true);
    }
  });
});
