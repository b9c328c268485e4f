import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type EntitySchema, entityOf, type FieldInfo, fieldsOf } from '../meta/entity.ts';
import { OPEN_CODE_CAP, OPEN_TEXT_CAP } from '../meta/field-kit.ts';
import {
  entityRegistry,
  type FieldType,
  SENSITIVITIES,
  type Sensitivity,
} from '../meta/field-meta.ts';
import { camelFromSymbol } from '../meta/symbol.ts';
import { ENTITIES as ALL_ENTITIES } from './all.ts';
import * as canBo from './can-bo.ts';
import {
  describeEntityConventions,
  type OptionalKeys,
  type RequiredKeys,
} from './entity-conventions.test-helper.ts';
import * as eqms from './eqms.ts';
import * as hocSinh from './hoc-sinh.ts';
import * as ketQuaHocTap from './ket-qua-hoc-tap.ts';
import * as lop from './lop.ts';
import * as truong from './truong.ts';

/*
 * The QĐ 4998 entities transcribed from the specification (school, class, staff, pupil, pre-TT27
 * results, EQMS reports and the sub-tables they reference), checked generically from their
 * metadata and mechanically against the specification text in packages/standard/spec/qd4998/ (a copy of the reference text).
 */

/** The six transcribed files, by file name. */
const MODULES = {
  'truong.ts': truong,
  'lop.ts': lop,
  'can-bo.ts': canBo,
  'hoc-sinh.ts': hocSinh,
  'ket-qua-hoc-tap.ts': ketQuaHocTap,
  'eqms.ts': eqms,
} as const;

/** Every entity exported from the six files, in file order. */
const ENTITIES: readonly EntitySchema[] = Object.values(MODULES).flatMap((module) =>
  Object.values(module).filter((value): value is EntitySchema =>
    entityRegistry.has(value as never),
  ),
);
const BY_NAME = new Map(ENTITIES.map((e) => [entityOf(e).name, e]));
const nameOf = (entity: EntitySchema): string => entityOf(entity).name;

function entityNamed(name: string | undefined): EntitySchema {
  const entity = name === undefined ? undefined : BY_NAME.get(name);
  if (!entity) throw new Error(`no entity named ${String(name)} in the six files`);
  return entity;
}

// ---------------------------------------------------------------------------------------------
// Values built from the metadata
// ---------------------------------------------------------------------------------------------

/** One UTF-16 code unit in NFC: Vietnamese text in NFC counts one unit per letter. */
const FILL = 'ế';

/** The largest integer a field accepts: `maxDigits` nines, or the largest safe integer. */
function maxInteger(field: FieldInfo): number {
  return field.maxLength === undefined ? Number.MAX_SAFE_INTEGER : 10 ** field.maxLength - 1;
}

/** A valid value at the edge of what `field` accepts (strings at their maximum length). */
function edgeValue(field: FieldInfo): unknown {
  switch (field.type) {
    case 'string':
      return FILL.repeat(field.maxLength ?? OPEN_TEXT_CAP);
    case 'code':
      return field.values?.[0] ?? FILL.repeat(field.maxLength ?? OPEN_CODE_CAP);
    case 'date':
      return '2016-02-29';
    case 'dateTime':
      return '2016-02-29T23:59:59.999+07:00';
    case 'boolean':
      return true;
    case 'integer':
      return maxInteger(field);
    case 'decimal':
      return 12.75;
    case 'list':
      return [completeRecord(entityNamed(field.entity))];
  }
}

/** A value one character (or one digit) over what `field` accepts. */
function overValue(field: FieldInfo): unknown {
  switch (field.type) {
    case 'string':
      return FILL.repeat((field.maxLength ?? OPEN_TEXT_CAP) + 1);
    case 'code':
      return FILL.repeat((field.maxLength ?? OPEN_CODE_CAP) + 1);
    case 'integer':
      return maxInteger(field) + 1;
    default:
      return undefined;
  }
}

/** Values of the wrong kind for each field type. */
const WRONG: Record<FieldType, readonly unknown[]> = {
  string: [42, true, null, ['x']],
  code: [42, false, null, ''],
  date: ['05/09/2015', '2015-02-29', '2015-9-5', 20150905, new Date(Date.UTC(2015, 8, 5)), null],
  dateTime: ['2015-09-05', '2015-02-29T08:00:00Z', '2015-09-05T08:00:00', 20150905, null],
  boolean: ['true', 1, 0, null],
  integer: [1.5, '12', -1, Number.NaN, null],
  decimal: ['12.5', -0.5, Number.POSITIVE_INFINITY, Number.NaN, null],
  list: [{}, 'x', ['x'], null],
};

/** A record of `entity` with every field set at its edge; lists hold one complete row. */
function completeRecord(entity: EntitySchema): Record<string, unknown> {
  return Object.fromEntries(fieldsOf(entity).map((f) => [f.name, edgeValue(f)]));
}

/** Every non-list field of `entity`, with its path from the record (rows of lists at index 0). */
function leafPaths(
  entity: EntitySchema,
  prefix: readonly PropertyKey[] = [],
): { path: PropertyKey[]; field: FieldInfo }[] {
  return fieldsOf(entity).flatMap((field) =>
    field.type === 'list'
      ? leafPaths(entityNamed(field.entity), [...prefix, field.name, 0])
      : [{ path: [...prefix, field.name], field }],
  );
}

/** A copy of `record` with the value at `path` replaced. */
function withValue(record: object, path: readonly PropertyKey[], value: unknown): unknown {
  const copy = structuredClone(record) as Record<PropertyKey, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  const last = path.at(-1) as PropertyKey;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The issues of parsing `input` with `entity`, `[]` when it parses. */
function issuesOf(entity: EntitySchema, input: unknown) {
  const result = entity.safeParse(input);
  return result.success ? [] : result.error.issues;
}

function pathLabel(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

// ---------------------------------------------------------------------------------------------
// The review's decisions
// ---------------------------------------------------------------------------------------------

/** The record keys (brief: Truong, Lop, CanBo, HocSinh, KetQuaHocTap, the EQMS reports). */
const KEYS: Record<string, readonly string[]> = {
  Truong: ['truongId'],
  Lop: ['truongId', 'ma'],
  CanBo: ['giaoVienId'],
  HocSinh: ['hocSinhId'],
  KetQuaHocTap: ['hocSinhId', 'hocKy'],
  BaoCaoEqmsDauNam: ['truongId'],
  BaoCaoEqmsGiuaNam: ['truongId'],
  BaoCaoEqmsCuoiNam: ['truongId'],
};

/** Required fields: the record keys, and the full name of pupils and staff. Nothing else. */
const REQUIRED: Record<string, readonly string[]> = {
  ...KEYS,
  CanBo: ['giaoVienId', 'hoTen'],
  HocSinh: ['hocSinhId', 'hoTen'],
};

/** The sensitivity of most fields of each entity (domain facts §7). */
const DEFAULT_SENSITIVITY: Record<string, Sensitivity> = {
  DiemTruong: 'public',
  TruongVungKhoKhan: 'public',
  Truong: 'public',
  LopMonHoc: 'public',
  Lop: 'public',
  CanBoKiemNhiem: 'personal',
  CanBoDaoTao: 'personal',
  CanBoNgoaiNgu: 'personal',
  CanBoKhenThuong: 'personal',
  CanBoKyLuat: 'sensitive',
  CanBoDanhGiaChuan: 'personal',
  CanBo: 'personal',
  HocSinhKhenThuong: 'personal',
  HocSinhBaoLuc: 'sensitive',
  HocSinh: 'personal',
  DiemMon: 'personal',
  KetQuaHocTap: 'personal',
  EqmsGiaoVien: 'public',
  EqmsGiaoVienTiengAnh: 'public',
  EqmsDiemTruongCsvc: 'public',
  EqmsDiemTruongLopHocSinh: 'public',
  EqmsLopHocSinh: 'public',
  EqmsCsvcDienTichDat: 'public',
  EqmsCsvcPhongHoc: 'public',
  EqmsCsvcNhaVeSinh: 'public',
  EqmsChatLuongGiaoDuc: 'public',
  EqmsDiemKiemTraDinhKy: 'public',
  EqmsHoatDongChuyenMon: 'public',
  EqmsMoDunTapHuan: 'public',
  BaoCaoEqmsDauNam: 'public',
  BaoCaoEqmsGiuaNam: 'public',
  BaoCaoEqmsCuoiNam: 'public',
};

/** Fields whose sensitivity differs from their entity's default. */
const SENSITIVITY_EXCEPTIONS: Record<string, Record<string, Sensitivity>> = {
  DiemTruong: { diemTruongId: 'identifier' },
  Truong: {
    truongId: 'identifier',
    hieuTruong: 'personal',
    dienThoaiHieuTruong: 'personal',
    emailHieuTruong: 'personal',
  },
  LopMonHoc: { giaoVienId: 'identifier' },
  Lop: {
    truongId: 'identifier',
    ma: 'identifier',
    giaoVienId: 'identifier',
    diemTruongId: 'identifier',
    maLopGhep: 'identifier',
  },
  CanBo: {
    truongId: 'identifier',
    giaoVienId: 'identifier',
    soCmtnd: 'sensitive',
    maDanToc: 'sensitive',
    maTonGiao: 'sensitive',
    isDangVien: 'sensitive',
    isDoanVien: 'sensitive',
    soSoBhxh: 'sensitive',
    maTiengDanToc: 'sensitive',
    nhanSuKyLuats: 'sensitive',
  },
  HocSinh: {
    truongId: 'identifier',
    maLop: 'identifier',
    hocSinhId: 'identifier',
    ma: 'identifier',
    chieuCao: 'sensitive',
    canNang: 'sensitive',
    nhomMau: 'sensitive',
    chiSoBmi: 'sensitive',
    benhVeMat: 'sensitive',
    benhBamSinh: 'sensitive',
    benhCotSong: 'sensitive',
    benhCoiXuong: 'sensitive',
    maDanToc: 'sensitive',
    danTocTheoGiayKhaiSinh: 'sensitive',
    maLoaiKhuyetTat: 'sensitive',
    maCongDanId: 'sensitive',
    isHocSinhTiengDanToc: 'sensitive',
    isHocSinhBanTruDanNuoi: 'sensitive',
    isHocSinhNoiTruDanNuoi: 'sensitive',
    isKhuyetTatKhongDanhGia: 'sensitive',
    isHocSinhPtDtBanTru: 'sensitive',
    isTangCuongTiengViet: 'sensitive',
    isHocSinhDtTroGiang: 'sensitive',
    maDienChinhSach: 'sensitive',
    isChaDt: 'sensitive',
    isMeDt: 'sensitive',
    isHoNgheo: 'sensitive',
    isVungKk: 'sensitive',
    isMienHocPhi: 'sensitive',
    isGiamHocPhi: 'sensitive',
    isHoTroChiPhiHocTap: 'sensitive',
    isHoTroNhaO: 'sensitive',
    isCapTienHangThang: 'sensitive',
    isCapGao: 'sensitive',
    listBaoLucHocDuong: 'sensitive',
  },
  KetQuaHocTap: {
    truongId: 'identifier',
    maLop: 'identifier',
    hocSinhId: 'identifier',
    hocKy: 'identifier',
    kyLuat: 'sensitive',
  },
  EqmsDiemTruongCsvc: { diemTruongId: 'identifier' },
  EqmsDiemTruongLopHocSinh: { diemTruongId: 'identifier' },
  BaoCaoEqmsDauNam: { truongId: 'identifier' },
  BaoCaoEqmsGiuaNam: { truongId: 'identifier' },
  BaoCaoEqmsCuoiNam: { truongId: 'identifier' },
};

// ---------------------------------------------------------------------------------------------
// Generic checks on every entity
// ---------------------------------------------------------------------------------------------

describe('the six QĐ 4998 entity files', () => {
  it('export the 32 entities of the primary section and the sub-tables it references', () => {
    expect(ENTITIES.map(nameOf)).toEqual(Object.keys(DEFAULT_SENSITIVITY));
  });

  it.each(Object.keys(MODULES))('%s: document every exported schema and type', (file) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    const exported = [...source.matchAll(/^export (?:const|type) (\w+)/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const match of exported) {
      const before = source.slice(0, match.index).trimEnd();
      expect(before.endsWith('*/'), `${file}: ${match[0]} has no doc comment`).toBe(true);
    }
  });

  it.each(Object.keys(MODULES))('%s: is in NFC', (file) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    expect(source === source.normalize('NFC')).toBe(true);
  });
});

// The shared convention suite (its symbol pattern admits the mixed-case HTvaPHT_* of EQMSGN.2.4).
for (const entity of ENTITIES) {
  describeEntityConventions(entity);
}

describe.each(ENTITIES.map((e) => [nameOf(e), e] as const))('%s', (name, entity) => {
  const meta = entityOf(entity);
  const fields = fieldsOf(entity);
  const complete = completeRecord(entity);

  describe('metadata', () => {
    it('has metadata for every field of the shape, in order', () => {
      expect(fields.map((f) => f.name)).toEqual(Object.keys(entity.shape));
    });

    it('names every field the camelCase of its symbol', () => {
      for (const f of fields) {
        expect(f.symbol, f.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(f.name, f.symbol).toBe(camelFromSymbol(f.symbol));
      }
    });

    it('has unique symbols and unique English labels', () => {
      const symbols = fields.map((f) => f.symbol);
      expect(new Set(symbols).size).toBe(symbols.length);
      const labels = fields.map((f) => f.label.en);
      expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
    });

    it('labels the entity and every field in both languages, in NFC, without stray spaces', () => {
      const texts = [meta.label, ...fields.map((f) => f.label)].flatMap((l) => [l.vi, l.en]);
      texts.push(...fields.flatMap((f) => (f.note === undefined ? [] : [f.note])));
      if (meta.note !== undefined) texts.push(meta.note);
      for (const text of texts) {
        expect(text).not.toBe('TODO');
        expect(text.trim()).toBe(text);
        expect(text).not.toMatch(/\s{2}|^$/);
        expect(text === text.normalize('NFC'), text).toBe(true);
      }
    });

    it('cites QĐ 4998 for the entity and every field', () => {
      expect(meta.source).toMatch(
        new RegExp(`^QĐ 4998 §[\\d.]+ ${meta.code.replace(/\./g, '\\.')}`),
      );
      for (const f of fields) expect(f.source, f.name).toBe(`QĐ 4998 ${meta.code}`);
    });

    it('names a catalog for every code: DMDC or a DM_* catalog', () => {
      for (const f of fields.filter((x) => x.type === 'code')) {
        expect(f.catalog, f.name).toMatch(/^(DMDC|DM_[A-Z_]+)$/);
      }
      for (const f of fields.filter((x) => x.type !== 'code')) {
        expect(f.catalog, f.name).toBeUndefined();
      }
    });

    it('gives lengths only to strings, codes and integers', () => {
      for (const f of fields.filter((x) => !['string', 'code', 'integer'].includes(x.type))) {
        expect(f.maxLength, f.name).toBeUndefined();
      }
    });

    it(`is a ${meta.kind} keyed by ${JSON.stringify(KEYS[name] ?? [])}`, () => {
      expect(meta.kind).toBe(name in KEYS ? 'record' : 'row');
      expect(meta.key).toEqual(KEYS[name] ?? []);
    });

    it('requires only the record key (and the full name of pupils and staff)', () => {
      const required = fields.filter((f) => f.required).map((f) => f.name);
      expect(required).toEqual(REQUIRED[name] ?? []);
      for (const key of meta.key) {
        expect(fields.find((f) => f.name === key)?.sensitivity, key).toBe('identifier');
      }
    });

    it('classifies every field as the review decided', () => {
      const exceptions = SENSITIVITY_EXCEPTIONS[name] ?? {};
      for (const key of Object.keys(exceptions)) {
        expect(fields.map((f) => f.name)).toContain(key);
      }
      const fallback = DEFAULT_SENSITIVITY[name];
      for (const f of fields) {
        expect(SENSITIVITIES).toContain(f.sensitivity);
        expect(f.sensitivity, f.name).toBe(exceptions[f.name] ?? fallback);
      }
    });
  });

  describe('parsing', () => {
    it('accepts a complete record at every maximum length', () => {
      expect(issuesOf(entity, complete)).toEqual([]);
      expect(entity.parse(complete)).toEqual(complete);
    });

    it('accepts a record with only the required fields', () => {
      const minimal = Object.fromEntries((REQUIRED[name] ?? []).map((key) => [key, complete[key]]));
      expect(issuesOf(entity, minimal)).toEqual([]);
    });

    it('reports each missing required field at its path', () => {
      const issues = issuesOf(entity, {});
      expect(issues.map((i) => i.path)).toEqual((REQUIRED[name] ?? []).map((k) => [k]));
      for (const issue of issues) expect(issue.code).toBe('invalid_type');
    });

    it('rejects an empty string in a required field', () => {
      for (const key of REQUIRED[name] ?? []) {
        const issues = issuesOf(entity, { ...complete, [key]: '' });
        expect(issues.map((i) => i.path)).toEqual([[key]]);
      }
    });

    it('reports unknown keys, including a wire symbol, instead of dropping them', () => {
      const wireKey = fields[0]?.symbol ?? 'X';
      const issues = issuesOf(entity, { ...complete, extraField: 1, [wireKey]: 'x' });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', path: [] });
      expect(issues[0] && 'keys' in issues[0] ? issues[0].keys : []).toEqual(
        wireKey === fields[0]?.name ? ['extraField'] : ['extraField', wireKey],
      );
    });

    for (const list of fields.filter((f) => f.type === 'list')) {
      it(`reports unknown keys inside ${list.name} rows`, () => {
        const row = { ...completeRecord(entityNamed(list.entity)), extraField: 1 };
        const issues = issuesOf(entity, { ...complete, [list.name]: [row] });
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', path: [list.name, 0] });
      });
    }

    const leaves = leafPaths(entity);
    const bounded = leaves.filter(({ field }) => overValue(field) !== undefined);
    it.each(bounded.map(({ path, field }) => [pathLabel(path), path, field] as const))(
      'rejects %s one character or digit over its length',
      (_label, path, field) => {
        const issues = issuesOf(entity, withValue(complete, path, overValue(field)));
        // An integer past Number.MAX_SAFE_INTEGER breaks two checks (maximum and safe integer).
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect([issue.code, issue.path]).toEqual(['too_big', path]);
      },
    );

    it('rejects a value of the wrong kind in every field', () => {
      const all = fields.map((field) => ({ path: [field.name], field }));
      for (const { path, field } of [...all, ...leaves]) {
        for (const wrong of WRONG[field.type]) {
          const issues = issuesOf(entity, withValue(complete, path, wrong));
          const label = `${pathLabel(path)} = ${String(wrong)}`;
          expect(issues.length, label).toBeGreaterThan(0);
          for (const issue of issues) expect(issue.path.slice(0, path.length), label).toEqual(path);
        }
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Specific decisions
// ---------------------------------------------------------------------------------------------

describe('lengths count UTF-16 code units of the string as given', () => {
  // Records are expected in NFC; adapters normalize text before validation (@eduvn/text). A
  // decomposed string is not normalized by the schema: it is measured as given, so a name that
  // fits in NFC can be too long in NFD.
  const nfc = 'ễ'.repeat(50);
  const nfd = nfc.normalize('NFD');
  const pupil = { hocSinhId: '7900070124000123', hoTen: nfc };

  it('counts a precomposed Vietnamese letter as one unit', () => {
    expect(nfc.length).toBe(50);
    expect(fieldsOf(hocSinh.HocSinh).find((f) => f.name === 'hoTen')?.maxLength).toBe(50);
    expect(issuesOf(hocSinh.HocSinh, pupil)).toEqual([]);
  });

  it('rejects the same name in NFD, which is three units a letter, and accepts it normalized', () => {
    expect(nfd.length).toBe(150);
    const issues = issuesOf(hocSinh.HocSinh, { ...pupil, hoTen: nfd });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['too_big', ['hoTen']]]);
    expect(hocSinh.HocSinh.parse({ ...pupil, hoTen: nfd.normalize('NFC') }).hoTen).toBe(nfc);
  });

  it('does not normalize: a valid NFD value is returned as given', () => {
    const short = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    expect(hocSinh.HocSinh.parse({ ...pupil, hoTen: short }).hoTen).toBe(short);
  });
});

describe('deliberate modelling of the specification anomalies', () => {
  const field = (entity: EntitySchema, name: string): FieldInfo => {
    const found = fieldsOf(entity).find((f) => f.name === name);
    if (!found) throw new Error(`${nameOf(entity)}.${name} not found`);
    return found;
  };

  it('models MA_CONG_DAN_ID, typed as an enumeration, as sensitive open text', () => {
    const f = field(hocSinh.HocSinh, 'maCongDanId');
    expect(f).toMatchObject({ type: 'string', sensitivity: 'sensitive', required: false });
    expect(f.maxLength).toBeUndefined();
    expect(f.catalog).toBeUndefined();
    expect(f.note).toMatch(/personal identification number/);
    // Format checks belong to the rules engine: the schema accepts any text.
    expect(issuesOf(hocSinh.HocSinh, { hocSinhId: 'x', hoTen: 'x', maCongDanId: '079' })).toEqual(
      [],
    );
  });

  it('models GIAO_VIEN_ID in LOPMN.2.1, typed as an enumeration, as a 20-character identifier', () => {
    const f = field(lop.LopMonHoc, 'giaoVienId');
    expect(f).toMatchObject({ type: 'string', maxLength: 20, sensitivity: 'identifier' });
    expect(f.maxLength).toBe(field(canBo.CanBo, 'giaoVienId').maxLength);
  });

  it('keeps the enumerations with a length as codes capped at that length', () => {
    expect(field(canBo.CanBo, 'maTrangThaiCanBo')).toMatchObject({ type: 'code', maxLength: 20 });
    expect(field(canBo.CanBo, 'maTonGiao')).toMatchObject({ type: 'code', maxLength: 20 });
  });

  it('keeps HOC_KY and DIEM_TONG_KET of KQHTC1 as text, as typed', () => {
    expect(field(ketQuaHocTap.KetQuaHocTap, 'hocKy')).toMatchObject({
      type: 'string',
      maxLength: 1,
    });
    expect(field(ketQuaHocTap.KetQuaHocTap, 'diemTongKet')).toMatchObject({
      type: 'string',
      maxLength: 4,
    });
    expect(field(lop.LopMonHoc, 'hocKy').type).toBe('integer');
  });

  it('names the mixed-case HTvaPHT_* fields by the lower-cased camelCase', () => {
    const names = fieldsOf(eqms.EqmsMoDunTapHuan).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['htvaphtHtthTongSo', 'htvaphtHtthNu', 'htvaphtHtthDanToc']),
    );
    expect(field(eqms.EqmsMoDunTapHuan, 'htvaphtHtthTongSo').symbol).toBe('HTvaPHT_HTTH_TONG_SO');
  });

  it('explains the pre-TT27 results table and the missing school year in entity notes', () => {
    expect(entityOf(ketQuaHocTap.KetQuaHocTap).note).toMatch(/TT27.*DanhGiaHocSinh/s);
    expect(entityOf(ketQuaHocTap.KetQuaHocTap).note).toMatch(/school-year/);
    for (const report of [eqms.BaoCaoEqmsDauNam, eqms.BaoCaoEqmsGiuaNam, eqms.BaoCaoEqmsCuoiNam]) {
      expect(entityOf(report).note).toMatch(/no school-year/);
      expect(fieldsOf(report).map((f) => f.name)).not.toContain('namHoc');
    }
  });
});

describe('inferred record types', () => {
  it('makes only the required fields non-optional', () => {
    expectTypeOf<RequiredKeys<hocSinh.HocSinh>>().toEqualTypeOf<'hocSinhId' | 'hoTen'>();
    expectTypeOf<RequiredKeys<canBo.CanBo>>().toEqualTypeOf<'giaoVienId' | 'hoTen'>();
    expectTypeOf<RequiredKeys<lop.Lop>>().toEqualTypeOf<'truongId' | 'ma'>();
    expectTypeOf<RequiredKeys<ketQuaHocTap.KetQuaHocTap>>().toEqualTypeOf<'hocSinhId' | 'hocKy'>();
    expectTypeOf<RequiredKeys<truong.Truong>>().toEqualTypeOf<'truongId'>();
    expectTypeOf<RequiredKeys<eqms.BaoCaoEqmsGiuaNam>>().toEqualTypeOf<'truongId'>();
    expectTypeOf<RequiredKeys<truong.DiemTruong>>().toEqualTypeOf<never>();
    expectTypeOf<OptionalKeys<lop.LopMonHoc>>().toEqualTypeOf<
      'maMonHoc' | 'hocKy' | 'giaoVienId'
    >();
  });

  it('types fields by kind', () => {
    expectTypeOf<hocSinh.HocSinh['maCongDanId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<hocSinh.HocSinh['chieuCao']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<hocSinh.HocSinh['isHoNgheo']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<lop.LopMonHoc['giaoVienId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<truong.Truong['diemTruongs']>().toEqualTypeOf<truong.DiemTruong[] | undefined>();
    expectTypeOf<eqms.BaoCaoEqmsCuoiNam['cnCmcd2s']>().toEqualTypeOf<
      eqms.EqmsMoDunTapHuan[] | undefined
    >();
  });
});

// ---------------------------------------------------------------------------------------------
// The transcription against the specification text
// ---------------------------------------------------------------------------------------------

const SPEC_DIR = new URL('../../spec/qd4998/', import.meta.url);
const SPEC_FILES = ['qd4998-primary.txt', 'qd4998-shared-subtables.txt'] as const;

/** One row of a specification table, as printed. */
interface SpecRow {
  readonly vi: string;
  readonly symbol: string;
  readonly typeVi: string;
  readonly typeEn: string;
  readonly length: string;
  readonly description: string;
}

/**
 * The tables of a specification text by information code. Rows are `|`-separated: a table starts
 * at a row whose first cell is its code; field rows have the label, symbol, Vietnamese type,
 * English type, length and description in cells 2–7. The text mixes NFC and NFD: it is
 * normalized first.
 */
function parseSpec(text: string): Map<string, SpecRow[]> {
  const tables = new Map<string, SpecRow[]>();
  let rows: SpecRow[] | undefined;
  for (const line of text.normalize('NFC').split('\n')) {
    if (!line.includes('|')) continue;
    const cells = line.split('|').map((c) => c.trim().replace(/\s+/g, ' '));
    const [code = '', level = '', vi = '', symbol = '', typeVi = '', typeEn = '', length = ''] =
      cells;
    if (code === 'Mã thông tin') rows = undefined;
    else if (code !== '') {
      rows = [];
      tables.set(code, rows);
    } else if (level === '' && symbol !== '' && rows) {
      rows.push({ vi, symbol, typeVi, typeEn, length, description: cells[7] ?? '' });
    }
  }
  return tables;
}

/** What the metadata must say about a field, derived from its specification row. */
interface Expected {
  readonly symbol: string;
  readonly vi: string;
  readonly type: FieldType;
  readonly maxLength?: number;
  readonly catalog?: string;
  readonly entityCode?: string;
}

const TYPES: Record<string, FieldType> = {
  'Chuỗi ký tự/String': 'string',
  'Danh mục liệt kê/Enumeration': 'code',
  'Đúng/Sai/Boolean': 'boolean',
  'Số nguyên/Integer': 'integer',
  'Số thập phân/Decimal': 'decimal',
  'Ngày tháng/Date': 'date',
};

/** Rows whose Vietnamese type cell is a slip; the English type cell is authoritative. */
const TYPE_CELL_SLIPS: Record<string, string> = { 'HSC1.1.1 NGAY_CAP': 'Ngày cấp' };

function expectedOf(code: string, row: SpecRow): Expected {
  const reference = /^Tham chiếu (\S+)$/.exec(row.typeVi);
  if (reference) {
    expect([row.typeEn, row.length], `${code} ${row.symbol}`).toEqual(['', '']);
    return { symbol: row.symbol, vi: row.vi, type: 'list', entityCode: reference[1] as string };
  }
  const slip = TYPE_CELL_SLIPS[`${code} ${row.symbol}`];
  const typeVi = slip === row.typeVi ? 'Ngày tháng' : row.typeVi;
  const type = TYPES[`${typeVi}/${row.typeEn}`];
  if (!type) throw new Error(`${code} ${row.symbol}: unknown type ${row.typeVi}/${row.typeEn}`);
  const length = row.length === '' ? undefined : Number(row.length);
  // Booleans print a length of 1 and dates of 10 (yyyy-mm-dd); neither carries a maxLength.
  if (type === 'boolean') expect(length, `${code} ${row.symbol}`).toBe(1);
  if (type === 'date') expect(length, `${code} ${row.symbol}`).toBe(10);
  if (type === 'decimal') expect(length, `${code} ${row.symbol}`).toBeUndefined();
  const hasLength = type === 'string' || type === 'code' || type === 'integer';
  const catalog =
    type === 'code'
      ? (/^(DMDC|DM_[A-Z_]+)/.exec(row.description)?.[1] ?? row.description)
      : undefined;
  return {
    symbol: row.symbol,
    vi: row.vi,
    type,
    ...(hasLength && length !== undefined ? { maxLength: length } : {}),
    ...(catalog === undefined ? {} : { catalog }),
  };
}

/**
 * The deliberate deviations from the printed specification, by table and printed symbol. Each
 * is explained in the field's note (checked below).
 */
const DEVIATIONS: Record<string, (printed: Expected) => Expected> = {
  // The symbol is printed TRƯƠNG_ID (a typo); the wire uses TRUONG_ID.
  'EQMSGN.1.1 TRƯƠNG_ID': (p) => ({ ...p, symbol: 'TRUONG_ID' }),
  // The Mô tả column names MA_GIOI_TINH_ID instead of a catalog.
  'GVC1.1.1 MA_GIOI_TINH': (p) => ({ ...p, catalog: 'DM_GIOI_TINH' }),
  // An "enumeration" holding the 12-digit personal identification number: open text.
  'HSC1.1.1 MA_CONG_DAN_ID': (p) => ({ symbol: p.symbol, vi: p.vi, type: 'string' }),
  // An "enumeration" holding the code of a staff record: text of GVC1.1.1's length.
  'LOPMN.2.1 GIAO_VIEN_ID': (p) => ({ symbol: p.symbol, vi: p.vi, type: 'string', maxLength: 20 }),
  // Transcription breakage: a lost space between "giáo viên" and "Nam"/"Nữ".
  'EQMSDN.2.3 KHU_VS_DAT_CHUAN_VS_GV_NAM_SL': (p) => ({
    ...p,
    vi: p.vi.replace('viênN', 'viên N'),
  }),
  'EQMSDN.2.3 KHU_VS_DAT_CHUAN_VS_GV_NAM_DT': (p) => ({
    ...p,
    vi: p.vi.replace('viênN', 'viên N'),
  }),
  'EQMSDN.2.3 KHU_VS_DAT_CHUAN_VS_GV_NU_SL': (p) => ({ ...p, vi: p.vi.replace('viênN', 'viên N') }),
};

/**
 * Codes the specification files under DMDC for which §II has no catalog: they keep `DMDC`, and
 * their note gives the reason (matched by the pattern).
 */
const UNLINKED: Record<string, RegExp> = {
  'HocSinhBaoLuc.ma': /§II lists no catalog of kinds of school violence/,
};

/** The catalogs QĐ 4998 §II lists (the stray space of `DM_ VAI_TRO_…` removed). */
function listedCatalogs(): Set<string> {
  const path = fileURLToPath(new URL('qd4998-general-and-catalogs.txt', SPEC_DIR));
  const text = readFileSync(path, 'utf8').normalize('NFC');
  return new Set(
    [...text.matchAll(/^ \| (DM_ ?[A-Z_]+) \|/gm)].map((m) => `${m[1]}`.replace(' ', '')),
  );
}

/** Rows printed twice in a table, kept once (at the first position). */
const DUPLICATES = new Set(['TRC1.1.1 VI_TRI_BAN_DO']);

/** Tables of the shared-subtables file that belong to the preschool section only. */
const PRESCHOOL_ONLY = ['GVMN.1.1', 'HSMN.1.1'];

/** The expected fields of a table from its printed rows, with the deviations applied. */
function expectedTable(code: string, rows: readonly SpecRow[]) {
  const seen = new Set<string>();
  const expected: Expected[] = [];
  const deviations: string[] = [];
  const duplicates: string[] = [];
  for (const row of rows) {
    const id = `${code} ${row.symbol}`;
    if (seen.has(row.symbol)) {
      duplicates.push(id);
      continue;
    }
    seen.add(row.symbol);
    const printed = expectedOf(code, row);
    const deviation = DEVIATIONS[id];
    if (deviation) deviations.push(id);
    expected.push(deviation ? deviation(printed) : printed);
  }
  return { expected, deviations, duplicates };
}

/**
 * What the metadata says about a field, in the shape of {@link Expected}: a catalog eduvn inferred
 * from the symbol (`catalogInferred`) stands for the `DMDC` the specification prints.
 */
function actualOf(f: FieldInfo): Expected {
  const printedCatalog = f.catalogInferred ? 'DMDC' : f.catalog;
  return {
    symbol: f.symbol,
    vi: f.label.vi,
    type: f.type,
    ...(f.maxLength === undefined ? {} : { maxLength: f.maxLength }),
    ...(printedCatalog === undefined ? {} : { catalog: printedCatalog }),
    ...(f.entity === undefined ? {} : { entityCode: entityOf(entityNamed(f.entity)).code }),
  };
}

describe('the transcription against the specification text', () => {
  const paths = SPEC_FILES.map((file) => fileURLToPath(new URL(file, SPEC_DIR)));
  const found = paths.every((path) => existsSync(path));
  const tables = new Map(
    found ? paths.flatMap((path) => [...parseSpec(readFileSync(path, 'utf8')).entries()]) : [],
  );
  const byCode = new Map(ENTITIES.map((e) => [entityOf(e).code, e]));

  it('finds the reference text next to the repository', () => {
    for (const path of paths) expect(existsSync(path), path).toBe(true);
  });

  it('models every table of the primary section and every sub-table it references', () => {
    const modelled = [...byCode.keys()].sort();
    const printed = [...tables.keys()].filter((c) => !PRESCHOOL_ONLY.includes(c)).sort();
    expect(modelled).toEqual(printed);
    for (const code of PRESCHOOL_ONLY) expect(tables.has(code), code).toBe(true);
  });

  it.each([...byCode.entries()].map(([code, entity]) => [code, nameOf(entity), entity] as const))(
    '%s (%s): symbols, labels, types, lengths, catalogs, in order',
    (code, _name, entity) => {
      const rows = tables.get(code) ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(fieldsOf(entity).map(actualOf)).toEqual(expectedTable(code, rows).expected);
    },
  );

  it('applies every listed deviation and duplicate, and nothing else', () => {
    const applied = [...tables.entries()].map(([code, rows]) => expectedTable(code, rows));
    expect(applied.flatMap((t) => t.deviations).sort()).toEqual(Object.keys(DEVIATIONS).sort());
    expect(applied.flatMap((t) => t.duplicates)).toEqual([...DUPLICATES]);
  });

  it('explains every deviation from the printed type or catalog in a note', () => {
    const explained = [
      [eqms.BaoCaoEqmsGiuaNam, 'truongId', /TRƯƠNG_ID/],
      [canBo.CanBo, 'maGioiTinh', /MA_GIOI_TINH_ID/],
      [hocSinh.HocSinh, 'maCongDanId', /enumeration/],
      [lop.LopMonHoc, 'giaoVienId', /enumeration/],
      [truong.Truong, 'viTriBanDo', /twice/],
      [hocSinh.HocSinh, 'ngayCap', /Ngày cấp/],
    ] as const;
    for (const [entity, name, pattern] of explained) {
      expect(fieldsOf(entity).find((f) => f.name === name)?.note, name).toMatch(pattern);
    }
  });

  it('names only catalogs the general section lists', () => {
    const listed = listedCatalogs();
    const used = new Set(ENTITIES.flatMap((e) => fieldsOf(e).flatMap((f) => f.catalog ?? [])));
    used.delete('DMDC');
    expect(used.size).toBeGreaterThan(0);
    for (const catalog of used) expect(listed.has(catalog), catalog).toBe(true);
  });

  it('links every code the specification files under DMDC to a catalog of §II, as an inference', () => {
    const linked: string[] = [];
    for (const [code, entity] of byCode) {
      const printed = expectedTable(code, tables.get(code) ?? []).expected;
      for (const field of fieldsOf(entity)) {
        const row = printed.find((p) => p.symbol === field.symbol);
        const id = `${nameOf(entity)}.${field.name}`;
        if (row?.catalog !== 'DMDC') {
          expect(field.catalogInferred, id).toBeUndefined();
          continue;
        }
        if (id in UNLINKED) {
          expect(field.catalog, id).toBe('DMDC');
          expect(field.note, id).toMatch(UNLINKED[id] as RegExp);
          continue;
        }
        expect(field.catalog, id).toMatch(/^DM_[A-Z_]+$/);
        expect(field.catalogInferred, id).toBe(true);
        expect(field.note, id).toContain(`the link to ${field.catalog}`);
        expect(field.note, id).toMatch(/eduvn's inference/);
        linked.push(id);
      }
    }
    // The 66 DMDC codes of the primary tables and their sub-tables, less the one §II has no catalog for.
    expect(linked).toHaveLength(65);
  });

  it('flags exactly the fields outside the specification as eduvn additions', () => {
    const printed = [...byCode.keys()].flatMap((code) =>
      expectedTable(code, tables.get(code) ?? []).expected.map((e) => `${code} ${e.symbol}`),
    );
    const qd4998Only = ALL_ENTITIES.flatMap((e) =>
      fieldsOf(e)
        .filter((f) => !f.addedByEduvn)
        .map((f) => `${entityOf(e).code} ${f.symbol}`),
    );
    expect(qd4998Only.sort()).toEqual(printed.sort());
    for (const entity of ALL_ENTITIES.filter((e) => !ENTITIES.includes(e))) {
      for (const f of fieldsOf(entity)) expect(f.addedByEduvn, f.name).toBe(true);
    }
  });
});
