import { bundledCatalogsPack, Catalogs } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { ethnicCode } from './ethnicity.ts';

const catalogs = Catalogs.from([bundledCatalogsPack]);

describe('ethnicCode', () => {
  it('finds the QĐ 121 code of a name, whatever its case, tone style or normalization', () => {
    expect(ethnicCode('Kinh', catalogs)).toBe('01');
    expect(ethnicCode('KINH', catalogs)).toBe('01');
    expect(ethnicCode('Tày', catalogs)).toBe('02');
    expect(ethnicCode('Mường'.normalize('NFD'), catalogs)).toBe('06');
    expect(ethnicCode('Dân tộc Thái', catalogs)).toBe('03');
  });

  it('finds nothing for names the catalog lacks, or blanks', () => {
    expect(ethnicCode('Khmer', catalogs)).toBeUndefined();
    expect(ethnicCode('Không rõ', catalogs)).toBeUndefined();
    expect(ethnicCode('', catalogs)).toBeUndefined();
    expect(ethnicCode('   ', catalogs)).toBeUndefined();
    expect(ethnicCode('x'.repeat(10_000), catalogs)).toBeUndefined();
  });

  it('finds nothing when the catalog is not loaded', () => {
    expect(ethnicCode('Kinh', Catalogs.empty())).toBeUndefined();
  });
});
