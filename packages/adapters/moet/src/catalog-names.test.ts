import { bundledCatalogs, type CatalogPack } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogNames } from './catalog-names.ts';

const catalogs = bundledCatalogs();

describe('catalogNames', () => {
  const ethnicity = catalogNames(catalogs, 'DM_DAN_TOC');

  it('codes the names the export writes, whatever their case, tone placement or normalization', () => {
    expect(ethnicity.resolve('Kinh')).toEqual({ ok: true, code: '01' });
    expect(ethnicity.resolve('KINH')).toEqual({ ok: true, code: '01' });
    expect(ethnicity.resolve('Tày'.normalize('NFD'))).toEqual({ ok: true, code: '02' });
    expect(ethnicity.resolve('  Thái ')).toEqual({ ok: true, code: '03' });
  });

  it('accepts a code as written, and a number that lost its leading zero', () => {
    expect(ethnicity.resolve('01')).toEqual({ ok: true, code: '01' });
    expect(ethnicity.resolve('1')).toEqual({ ok: true, code: '01' });
    expect(ethnicity.resolve('99')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('never guesses: a name outside the catalog is unknown', () => {
    expect(ethnicity.resolve('Kinh tế')).toEqual({ ok: false, reason: 'unknown' });
    expect(ethnicity.resolve('')).toEqual({ ok: false, reason: 'unknown' });
    const statuses = catalogNames(catalogs, 'DM_TRANG_THAI_HOC_SINH');
    expect(statuses.resolve('Đang học')).toEqual({ ok: true, code: 'DANG_HOC' });
    expect(statuses.resolve('Đã tốt nghiệp')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('reports a name two codes share as ambiguous', () => {
    const pack: CatalogPack = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'twice',
      codeSystems: [
        {
          id: 'DM_TWICE',
          name: { vi: 'Hai lần', en: 'Twice' },
          source: 'test',
          versions: [
            {
              version: '1',
              source: 'test',
              entries: [
                { code: 'A', name: 'Khác' },
                { code: 'B', name: 'khác' },
              ],
            },
          ],
        },
      ],
    };
    const twice = catalogNames(bundledCatalogs(pack), 'DM_TWICE');
    expect(twice.resolve('Khác')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(twice.resolve('A')).toEqual({ ok: true, code: 'A' });
  });

  it('applies a fallback only when the catalog holds its code', () => {
    const staff = catalogNames(catalogs, 'DM_TRANG_THAI_CAN_BO', {}, [
      { contains: 'dang lam viec', code: 'DANG_LAM_VIEC' },
      { contains: 'nghi', code: 'NO_SUCH_CODE' },
    ]);
    expect(staff.resolve('Đang làm việc (hợp đồng)')).toEqual({ ok: true, code: 'DANG_LAM_VIEC' });
    expect(staff.resolve('Nghỉ ốm dài hạn')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('has no codes for a catalog that is named but not loaded', () => {
    const disability = catalogNames(catalogs, 'DM_LOAI_KHUYET_TAT');
    expect(disability.size).toBe(0);
    expect(disability.resolve('Khuyết tật vận động')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('property: every name of a catalog resolves to its own code, however it is written', () => {
    const entries = catalogs.entries('DM_DAN_TOC');
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.constantFrom('NFC', 'NFD') as fc.Arbitrary<'NFC' | 'NFD'>,
        fc.boolean(),
        (entry, form, upper) => {
          const written = (upper ? entry.name.toUpperCase() : entry.name).normalize(form);
          expect(ethnicity.resolve(written)).toEqual({ ok: true, code: entry.code });
        },
      ),
    );
  });

  it('property: whatever it is given, a resolved code belongs to the catalog', () => {
    const codes = new Set(catalogs.entries('DM_DAN_TOC').map((e) => e.code));
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const result = ethnicity.resolve(text);
        if (result.ok) expect(codes.has(result.code)).toBe(true);
      }),
    );
  });
});
