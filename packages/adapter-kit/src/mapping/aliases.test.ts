import { entityByName, fieldsOf } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';
import { describe, expect, it } from 'vitest';
import { aliasesOf, HEADER_ALIASES } from './aliases.ts';
import { column } from './column.ts';
import { defaultKind, kindsForType } from './field-kinds.ts';

describe('HEADER_ALIASES', () => {
  it('names only fields that exist, with kinds and options that suit them', () => {
    for (const alias of HEADER_ALIASES) {
      const schema = entityByName(alias.entity);
      expect(schema, alias.entity).toBeDefined();
      const field = fieldsOf(schema as never).find((f) => f.name === alias.field);
      expect(field, `${alias.entity}.${alias.field}`).toBeDefined();
      if (field === undefined) continue;
      const kind = alias.kind ?? defaultKind(field);
      expect(
        kind === null ? [] : kindsForType(field.type),
        `${alias.entity}.${alias.field}`,
      ).toContain(kind);
      if (kind !== null) expect(() => column('x', kind, alias.options ?? {})).not.toThrow();
    }
  });

  it('gives each header text to one field per entity', () => {
    for (const entity of ['HocSinh', 'DanhGiaHocSinh', 'CanBo']) {
      const owners = new Map<string, string>();
      for (const alias of aliasesOf(entity)) {
        for (const h of alias.headers) {
          const key = typeof h === 'string' ? matchKey(h) : h.map(matchKey).join(' › ');
          expect(owners.get(key) ?? alias.field, `${entity}: ${key}`).toBe(alias.field);
          owners.set(key, alias.field);
        }
      }
    }
  });

  it('lists the real headers of the vendor formats', () => {
    const keys = new Set(
      aliasesOf('HocSinh').flatMap((a) =>
        a.headers.filter((h) => typeof h === 'string').map(matchKey),
      ),
    );
    for (const header of [
      'Mã HS',
      'Họ và tên (*)',
      'Số ĐDCN',
      'Số định danh cá nhân',
      'Ngày sinh (*)',
      'Họ tên cha',
      'Năm sinh mẹ',
      'Năm sinh của mẹ (*)',
      'Họ và tên người giám hộ',
      'Trạng thái học sinh',
      'Mã định danh Bộ GD&ĐT (trên CSDL ngành)',
      'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)',
    ]) {
      expect(keys.has(matchKey(header)), header).toBe(true);
    }
  });
});
