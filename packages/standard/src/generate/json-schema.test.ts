import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/all.ts';
import { DanhGiaHocSinh } from '../entities/danh-gia-hoc-sinh.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { entityOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { encodeWire } from '../wire/codec.ts';
import { toJsonSchema } from './json-schema.ts';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const RECORDS = ENTITIES.filter((e) => entityOf(e).kind === 'record');

describe('toJsonSchema', () => {
  it('annotates fields with labels, symbol, catalog, sensitivity and source', () => {
    const schema = toJsonSchema(HocSinh) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties['maDanToc']).toMatchObject({
      title: 'Mã dân tộc',
      description: 'Ethnicity code',
      'x-eduvn': { symbol: 'MA_DAN_TOC', catalog: 'DM_DAN_TOC', sensitivity: 'sensitive' },
    });
    expect(schema.properties['ngaySinh']).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties['hoTen']).toMatchObject({ maxLength: 50 });
  });

  it('gives MA_CONG_DAN_ID its 12-digit form instead of the open-text cap', () => {
    for (const form of ['canonical', 'wire'] as const) {
      const schema = toJsonSchema(HocSinh, form) as {
        properties: Record<string, Record<string, unknown>>;
      };
      const prop = schema.properties[form === 'wire' ? 'MA_CONG_DAN_ID' : 'maCongDanId'];
      expect(prop).toMatchObject({ type: 'string', pattern: '^[0-9]{12}$' });
      expect(prop).not.toHaveProperty('maxLength');
    }
    const validate = ajv.compile(toJsonSchema(HocSinh));
    const pupil = { hocSinhId: 'HS1', hoTen: 'A' };
    expect(validate({ ...pupil, maCongDanId: '079216000123' })).toBe(true);
    for (const bad of ['79216000123', '07921600012a', '0792160001234', '0'.repeat(4000)]) {
      expect(validate({ ...pupil, maCongDanId: bad }), bad.slice(0, 14)).toBe(false);
    }
  });

  it('marks eduvn additions and inferred catalogs in x-eduvn', () => {
    const pupil = toJsonSchema(HocSinh) as { properties: Record<string, Record<string, unknown>> };
    expect(pupil.properties['maLoaiKhuyetTat']).toMatchObject({
      'x-eduvn': { catalog: 'DM_LOAI_KHUYET_TAT', catalogInferred: true, addedByEduvn: false },
    });
    const assessment = toJsonSchema(DanhGiaHocSinh) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(assessment.properties['truongId']).toMatchObject({ 'x-eduvn': { addedByEduvn: true } });
  });

  it('describes wire objects under the QĐ 4998 symbols, sub-tables included', () => {
    const wire = toJsonSchema(HocSinh, 'wire') as {
      properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
      required: string[];
    };
    expect(wire.required).toEqual(['HOC_SINH_ID', 'HO_TEN']);
    expect(Object.keys(wire.properties['LIST_KHEN_THUONG']?.items?.properties ?? {})).toContain(
      'NOI_DUNG',
    );
  });

  it.each(RECORDS.map((e) => [entityOf(e).name, e] as const))(
    '%s: a JSON Schema validator accepts every valid record, canonical and wire',
    (_name, entity) => {
      const canonical = ajv.compile(toJsonSchema(entity));
      const wire = ajv.compile(toJsonSchema(entity, 'wire'));
      fc.assert(
        fc.property(recordOf(entity), (record) => {
          expect(canonical(record), JSON.stringify(canonical.errors)).toBe(true);
          expect(wire(encodeWire(entity, record as never)), JSON.stringify(wire.errors)).toBe(true);
        }),
        { numRuns: 30 },
      );
    },
  );

  it('rejects what the schema rejects: over-long text, unknown keys, missing keys', () => {
    const validate = ajv.compile(toJsonSchema(HocSinh, 'wire'));
    expect(validate({ HOC_SINH_ID: 'HS1', HO_TEN: 'x'.repeat(51) })).toBe(false);
    expect(validate({ HOC_SINH_ID: 'HS1', HO_TEN: 'A', EXTRA: 1 })).toBe(false);
    expect(validate({ HO_TEN: 'A' })).toBe(false);
  });
});
