import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { fieldsOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { MASKED, maskRecord, maskText } from './mask.ts';

// A generated pupil: no real person.
const pupil: HocSinh = {
  hocSinhId: 'HS0001',
  hoTen: 'Nguyễn Văn An',
  ngaySinh: '2016-09-05',
  maCongDanId: '031216001234',
  maDanToc: '01',
  isHoNgheo: true,
  chieuCao: 121.5,
  listBaoLucHocDuong: [{ ma: 'BL01', ketQuaXuLy: 'Đã xử lý' }],
};

describe('maskText', () => {
  it.each([
    ['031216001234', '*********234'],
    ['031 216 001 234', '************234'],
    ['0912345678', '*******678'],
    ['1234567', '****567'],
    ['123456', '******'],
    ['', ''],
    ['Nguyễn', '******'],
    ['Nguyễn Văn An', 'Ngu******* An'],
    ['HS-0001234', 'HS-****234'],
  ])('%j → %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('never reveals more than six characters and keeps the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const masked = maskText(s);
        expect([...masked]).toHaveLength([...s].length);
        expect([...masked].filter((c) => c !== '*').length).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('keeps at most the last three digits of a personal ID (any generated one)', () => {
    const personalId = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(personalId, (id) => {
        const masked = maskText(id);
        expect(masked).toBe(`${'*'.repeat(9)}${id.slice(-3)}`);
        // The province, the century and sex digit and the birth year are never shown.
        expect(masked.slice(0, 9)).toBe('*'.repeat(9));
      }),
    );
  });
});

describe('maskRecord', () => {
  it('masks sensitive fields by default and keeps the rest', () => {
    const masked = maskRecord(HocSinh, pupil);
    expect(masked).toMatchObject({
      hocSinhId: 'HS0001',
      hoTen: 'Nguyễn Văn An',
      maCongDanId: '*********234',
      maDanToc: '**',
      isHoNgheo: MASKED,
      chieuCao: MASKED,
    });
    expect(JSON.stringify(masked)).not.toContain('031216001234');
  });

  it('masks sub-table rows field by field', () => {
    const masked = maskRecord(HocSinh, pupil);
    expect(masked['listBaoLucHocDuong']).toEqual([{ ma: '****', ketQuaXuLy: 'Đã ** lý' }]);
  });

  it('applies a caller policy: drop sensitive data for an export, mask names for a log', () => {
    const exported = maskRecord(HocSinh, pupil, { sensitive: 'drop' });
    // The school-violence sub-table is sensitive as a whole: it goes too.
    expect(Object.keys(exported).sort()).toEqual(['hoTen', 'hocSinhId', 'ngaySinh']);
    const logged = maskRecord(HocSinh, pupil, { personal: 'mask' });
    expect(logged['hoTen']).toBe('Ngu******* An');
    const revealed = maskRecord(HocSinh, pupil, { sensitive: 'keep' });
    expect(revealed['maCongDanId']).toBe('031216001234');
  });

  it('never lets a sensitive value through under the default policy (any pupil)', () => {
    const sensitive = fieldsOf(HocSinh).filter(
      (f) => f.sensitivity === 'sensitive' && f.type !== 'list',
    );
    fc.assert(
      fc.property(recordOf(HocSinh), (record) => {
        const masked = maskRecord(HocSinh, record as never);
        for (const f of sensitive) {
          const value = record[f.name];
          if (value === undefined) continue;
          if (typeof value === 'string') expect(masked[f.name]).toBe(maskText(value));
          else expect(masked[f.name]).toBe(MASKED);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('leaves out keys that are not fields', () => {
    expect(maskRecord(HocSinh, { ...pupil, extra: 'x' } as never)).not.toHaveProperty('extra');
  });
});
