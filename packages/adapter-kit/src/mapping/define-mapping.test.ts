import { describe, expect, expectTypeOf, it } from 'vitest';
import { column } from './column.ts';
import { defineMapping, type Mapping } from './define-mapping.ts';
import { pupils } from './pupil-mapping.test-helper.ts';

describe('column', () => {
  it('turns headers into a term: canonical label, aliases, paths', () => {
    expect(column('Họ tên', 'name').term).toEqual({ label: 'Họ tên' });
    expect(column(['Mã học sinh', 'Mã HS'], 'code').term).toEqual({
      label: 'Mã học sinh',
      aliases: ['Mã HS'],
    });
    expect(column({ path: ['Toán', 'Mức đạt được'] }, 'subjectLevel').term).toEqual({
      label: 'Toán › Mức đạt được',
      paths: [['Toán', 'Mức đạt được']],
    });
  });

  it('rejects empty headers, unknown kinds and options of another kind', () => {
    expect(() => column('', 'text')).toThrow(TypeError);
    expect(() => column([], 'text')).toThrow(TypeError);
    expect(() => column({ path: [] }, 'text')).toThrow(TypeError);
    expect(() => column('Dân tộc', 'ethnicity' as never)).toThrow(/unknown value kind/);
    expect(() => column('Dân tộc', 'text', { pad: 2 })).toThrow(/pad applies to 'code'/);
    expect(() => column('Dân tộc', 'code', { pad: 0 })).toThrow(RangeError);
    expect(() => column('Lên lớp', 'flag', { blank: 'maybe' as never })).toThrow(RangeError);
  });
});

describe('defineMapping', () => {
  it('checks fields against the entity and derives the vocabulary', () => {
    expect(pupils.entity).toBe('HocSinh');
    expect(pupils.version).toBe('C1-HocSinh');
    expect(pupils.rowKey).toEqual(['hocSinhId']);
    expect(pupils.vocabulary.map((t) => t.label)).toContain('Số định danh cá nhân');
    expect(Object.isFrozen(pupils)).toBe(true);
  });

  it('names a misspelt field and suggests the nearest one', () => {
    expect(() =>
      defineMapping({ entity: 'HocSinh', columns: { hoTne: column('Họ tên', 'name') } }),
    ).toThrow(/HocSinh has no field "hoTne" \(did you mean 'hoTen'\?\)/);
    expect(() =>
      defineMapping({ entity: 'HocSinh', columns: { nothingLikeIt: column('X', 'text') } }),
    ).toThrow(/^defineMapping: HocSinh has no field "nothingLikeIt"$/);
  });

  it('rejects unknown entities, lists, unsuited kinds and hand-made specs', () => {
    expect(() => defineMapping({ entity: 'HocSin', columns: {} })).toThrow(/unknown entity/);
    expect(() =>
      defineMapping({
        entity: 'HocSinh',
        columns: { listKhenThuong: column('Khen thưởng', 'text') },
      }),
    ).toThrow(/list field/);
    expect(() =>
      defineMapping({ entity: 'HocSinh', columns: { ngaySinh: column('Ngày sinh', 'text') } }),
    ).toThrow(/a 'text' column cannot fill it \(use 'date'\)/);
    expect(() =>
      defineMapping({
        entity: 'HocSinh',
        columns: { hoTen: { term: { label: 'Họ tên' }, kind: 'name', options: {} } },
      }),
    ).toThrow(/must be made by column/);
  });

  it('rejects two columns found by the same header', () => {
    expect(() =>
      defineMapping({
        entity: 'HocSinh',
        columns: { hoTen: column(['Họ tên'], 'name'), tenCha: column(['HỌ TÊN'], 'name') },
      }),
    ).toThrow(/hoTen and tenCha are both found by the header "ho ten"/);
  });

  it('rejects a row key that is not mapped, and hostile extras names', () => {
    expect(() =>
      defineMapping({
        entity: 'HocSinh',
        columns: { hoTen: column('Họ tên', 'name') },
        rowKey: ['hocSinhId' as 'hoTen'],
      }),
    ).toThrow(/rowKey/);
    for (const name of ['__proto__', 'constructor', 'toString', 'hoTen', 'a-b']) {
      const extras = JSON.parse(`{"${name}": null}`) as Record<string, never>;
      extras[name] = column(`Cột ${name}`, 'text') as never;
      expect(() => defineMapping({ entity: 'HocSinh', columns: {}, extras })).toThrow(TypeError);
    }
  });

  it('never takes a __proto__ key for a field, even from JSON', () => {
    const columns = JSON.parse(
      '{"__proto__": {"term": {"label": "x"}, "kind": "text", "options": {}}}',
    );
    expect(() => defineMapping({ entity: 'HocSinh', columns })).toThrow(/no field "__proto__"/);
    expect(({} as Record<string, unknown>)['term']).toBeUndefined();
  });

  it('types the mapped fields', () => {
    expectTypeOf(pupils).toEqualTypeOf<
      Mapping<
        | 'maLop'
        | 'hocSinhId'
        | 'hoTen'
        | 'ngaySinh'
        | 'maGioiTinh'
        | 'maDanToc'
        | 'maCongDanId'
        | 'tinhThanhId'
        | 'namSinhMe'
        | 'chieuCao'
        | 'isHoNgheo'
      >
    >();
    expectTypeOf(pupils.rowKey).toEqualTypeOf<
      readonly (
        | 'maLop'
        | 'hocSinhId'
        | 'hoTen'
        | 'ngaySinh'
        | 'maGioiTinh'
        | 'maDanToc'
        | 'maCongDanId'
        | 'tinhThanhId'
        | 'namSinhMe'
        | 'chieuCao'
        | 'isHoNgheo'
      )[]
    >();
  });
});
