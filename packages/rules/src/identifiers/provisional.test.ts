import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputRecord } from '../core/types.ts';
import {
  identifierFormProblem,
  isProvisionalId,
  PROVISIONAL_ID_PATTERN,
  provisionalId,
  pupilReferenceFields,
  RekeyError,
  type RekeyErrorReason,
  rekey,
} from './provisional.ts';

const TEMP = 'TAM-7900070100000001';
const ISSUED = '7900070125001';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A small school: the provisional pupil with its assessment, result and event, and another pupil. */
const school = (): InputRecord[] =>
  deepFreeze([
    { entity: 'Truong', record: { truongId: '79000701', ten: 'Trường Tiểu học A' } },
    {
      entity: 'HocSinh',
      record: {
        truongId: '79000701',
        hocSinhId: TEMP,
        maLop: '1A',
        maKhoi: '1',
        hoTen: 'Nguyễn An',
      },
      provenance: { file: 'hs.xlsx', sheet: 'HocSinh', row: 5 },
    },
    {
      entity: 'HocSinh',
      record: { truongId: '79000701', hocSinhId: '7900070124999', maLop: '1A', hoTen: 'Lê Bình' },
    },
    {
      entity: 'DanhGiaHocSinh',
      record: {
        truongId: '79000701',
        hocSinhId: TEMP,
        namHoc: '2025-2026',
        kyDanhGia: 'GK1',
        monHocs: [],
      },
    },
    {
      entity: 'DanhGiaHocSinh',
      record: {
        truongId: '79000701',
        hocSinhId: '7900070124999',
        namHoc: '2025-2026',
        kyDanhGia: 'GK1',
        monHocs: [],
      },
    },
    { entity: 'KetQuaHocTap', record: { hocSinhId: TEMP, hocKy: '1' } },
    {
      entity: 'SuKienTrangThai',
      record: {
        suKienId: 'e1',
        doiTuong: 'HOC_SINH',
        truongId: '79000701',
        maDoiTuong: TEMP,
        trangThaiSau: 'DANG_HOC',
      },
    },
    // A staff event that happens to carry the same text is not a reference to the pupil.
    {
      entity: 'SuKienTrangThai',
      record: {
        suKienId: 'e2',
        doiTuong: 'CAN_BO',
        truongId: '79000701',
        maDoiTuong: TEMP,
        trangThaiSau: 'DANG_LAM_VIEC',
      },
    },
  ]);

describe('the provisional format', () => {
  it('is TAM- and 1 to 16 capitals or digits, at most 20 characters', () => {
    expect(isProvisionalId('TAM-1')).toBe(true);
    expect(isProvisionalId(TEMP)).toBe(true);
    expect(isProvisionalId(`TAM-${'9'.repeat(16)}`)).toBe(true);
    for (const bad of [
      'TAM-',
      `TAM-${'9'.repeat(17)}`,
      'tam-123',
      'TAM-12a',
      'TAM 123',
      'TAM-12-3',
      ISSUED,
      '',
      ' TAM-1',
    ]) {
      expect(isProvisionalId(bad), bad).toBe(false);
    }
    expect(isProvisionalId(null)).toBe(false);
    expect(isProvisionalId(42)).toBe(false);
  });

  it('provisionalId builds fixed-width identifiers for a school and a sequence number', () => {
    expect(provisionalId('79000701', 1)).toBe(TEMP);
    expect(provisionalId('ab12', 7)).toBe('TAM-AB12000000000007');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,12}$/), fc.nat({ max: 9999 }), (truongId, seq) => {
        const id = provisionalId(truongId, seq);
        expect(id).toMatch(PROVISIONAL_ID_PATTERN);
        expect(id.length).toBe(20);
        // The school code and the sequence can be read back.
        expect(id.slice(4, 4 + truongId.length)).toBe(truongId);
        expect(Number(id.slice(4 + truongId.length))).toBe(seq);
      }),
    );
  });

  it('provisionalId refuses what cannot fit', () => {
    expect(() => provisionalId('', 1)).toThrow(RangeError);
    expect(() => provisionalId('7900070100000', 1)).toThrow(RangeError); // 13 characters
    expect(() => provisionalId('79-01', 1)).toThrow(RangeError);
    expect(() => provisionalId('79000701', -1)).toThrow(RangeError);
    expect(() => provisionalId('79000701', 1.5)).toThrow(RangeError);
    expect(() => provisionalId('79000701', 1e8)).toThrow(RangeError);
    expect(provisionalId('79000701', 99_999_999)).toBe('TAM-7900070199999999');
  });
});

describe('identifierFormProblem', () => {
  it.each([
    ['', 'blank', 0],
    ['   ', 'blank', 0],
    ['\u200b', 'blank', 0],
    ['7900 0701', 'white-space', 4],
    ['79000701 ', 'white-space', 8],
    ['790\u00a00701', 'white-space', 3],
    ['7900\t0701', 'white-space', 4],
    ['79000701\n', 'white-space', 8],
    ['7900\u200b0701', 'control-character', 4],
    ['\ufeff79000701', 'white-space', 0],
    ['7900\u00000701', 'control-character', 4],
    ['7900\ud8000701', 'control-character', 4],
  ])('%j: %s at %i', (value, problem, index) => {
    expect(identifierFormProblem(value)).toMatchObject({ problem, index });
  });

  it('accepts opaque codes of any structure', () => {
    for (const ok of ['79000701', '1A', '11755382GV003', 'TAM-1', 'Lớp-1/A', '__proto__', '😀']) {
      expect(identifierFormProblem(ok), ok).toBeUndefined();
    }
  });

  it('names the character', () => {
    expect(identifierFormProblem('a\u00a0b')?.codePoint).toBe('U+00A0');
  });
});

describe('pupilReferenceFields', () => {
  it('finds the pupil code fields from the metadata', () => {
    const [, pupil, , assessment, , result, event, staffEvent] = school();
    expect(pupilReferenceFields(pupil as InputRecord)).toEqual(['hocSinhId']);
    expect(pupilReferenceFields(assessment as InputRecord)).toEqual(['hocSinhId']);
    expect(pupilReferenceFields(result as InputRecord)).toEqual(['hocSinhId']);
    expect(pupilReferenceFields(event as InputRecord)).toEqual(['maDoiTuong']);
    expect(pupilReferenceFields(staffEvent as InputRecord)).toEqual([]);
    expect(pupilReferenceFields({ entity: 'Lop', record: { truongId: '1', ma: '1A' } })).toEqual(
      [],
    );
    expect(pupilReferenceFields({ entity: 'Nope', record: { hocSinhId: TEMP } })).toEqual([]);
    expect(pupilReferenceFields({ entity: 'HocSinh', record: null as never })).toEqual([]);
  });
});

describe('rekey', () => {
  it('re-keys the pupil and every record referring to it, and returns an audit event', () => {
    const input = school();
    const before = structuredClone(input);
    const { records, event } = rekey(input, {
      from: TEMP,
      to: ISSUED,
      by: 'van.thu',
      at: '2025-10-01T09:00:00+07:00',
    });

    expect(input).toEqual(before); // untouched (and frozen: a write would have thrown)
    expect(records).toHaveLength(input.length);
    expect(records[1]).toEqual({ ...input[1], record: { ...input[1]?.record, hocSinhId: ISSUED } });
    expect(records[1]?.provenance).toEqual({ file: 'hs.xlsx', sheet: 'HocSinh', row: 5 });
    expect(records[3]?.record['hocSinhId']).toBe(ISSUED);
    expect(records[5]?.record['hocSinhId']).toBe(ISSUED);
    expect(records[6]?.record['maDoiTuong']).toBe(ISSUED);
    // Not references to the pupil: passed through as they are.
    for (const i of [0, 2, 4, 7]) expect(records[i]).toBe(input[i]);
    expect(
      records.some(
        (r) => Object.values(r.record).includes(TEMP) && r.record['doiTuong'] !== 'CAN_BO',
      ),
    ).toBe(false);

    expect(event).toEqual({
      type: 'rekey',
      entity: 'HocSinh',
      from: TEMP,
      to: ISSUED,
      by: 'van.thu',
      at: '2025-10-01T09:00:00+07:00',
      count: 4,
      byEntity: { HocSinh: 1, DanhGiaHocSinh: 1, KetQuaHocTap: 1, SuKienTrangThai: 1 },
    });
  });

  it('stamps the event with the current time by default', () => {
    const { event } = rekey(school(), { from: TEMP, to: ISSUED, by: 'van.thu' });
    expect(Date.parse(event.at)).not.toBeNaN();
  });

  const refusal = (reason: RekeyErrorReason, run: () => unknown): void => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RekeyError);
    expect(error).toBeInstanceOf(Error);
    expect((error as RekeyError).reason).toBe(reason);
    expect((error as RekeyError).name).toBe('RekeyError');
  };

  it('refuses to re-key an issued identifier', () => {
    refusal('not-provisional', () =>
      rekey(school(), { from: '7900070124999', to: ISSUED, by: 'x' }),
    );
    refusal('not-provisional', () => rekey(school(), { from: 'tam-1', to: ISSUED, by: 'x' }));
    refusal('not-provisional', () =>
      rekey(school(), { from: undefined as never, to: ISSUED, by: 'x' }),
    );
  });

  it('refuses a target that is in use', () => {
    refusal('target-exists', () => rekey(school(), { from: TEMP, to: '7900070124999', by: 'x' }));
    // A record referring to the target counts too: the pupil would be merged into another.
    const withOrphan = [
      ...school(),
      { entity: 'DanhGiaHocSinh', record: { hocSinhId: ISSUED, kyDanhGia: 'CN' } },
    ];
    refusal('target-exists', () => rekey(withOrphan, { from: TEMP, to: ISSUED, by: 'x' }));
  });

  it('refuses an absent pupil', () => {
    refusal('not-found', () => rekey(school(), { from: 'TAM-0000', to: ISSUED, by: 'x' }));
    const onlyReferences = school().filter((r) => r.entity !== 'HocSinh');
    refusal('not-found', () => rekey(onlyReferences, { from: TEMP, to: ISSUED, by: 'x' }));
    refusal('not-found', () => rekey([], { from: TEMP, to: ISSUED, by: 'x' }));
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['1'.repeat(21), 'longer than 20'],
    ['7900 0701', 'with a space'],
    ['79000701\u200b', 'with an invisible character'],
    ['TAM-9999', 'provisional itself'],
    [TEMP, 'the same provisional identifier'],
    ['TAM-abc', 'shaped like a provisional one'],
  ])('refuses the target %j (%s)', (to) => {
    refusal('invalid-target', () => rekey(school(), { from: TEMP, to, by: 'x' }));
  });

  it('refuses a re-key nobody signs, or at an impossible time', () => {
    refusal('invalid-audit', () => rekey(school(), { from: TEMP, to: ISSUED, by: ' ' }));
    refusal('invalid-audit', () =>
      rekey(school(), { from: TEMP, to: ISSUED, by: 'x', at: 'yesterday' }),
    );
    refusal('invalid-audit', () =>
      rekey(school(), { from: TEMP, to: ISSUED, by: 'x', at: '2025-10-01' }),
    );
  });

  it('copes with hostile records', () => {
    const hostile: InputRecord[] = [
      { entity: '__proto__', record: { hocSinhId: TEMP } },
      { entity: 'HocSinh', record: null as never },
      { entity: 'HocSinh', record: { hocSinhId: null, maLop: null } },
      { entity: 'HocSinh', record: { hocSinhId: 'x'.repeat(10_000) } },
      {
        entity: 'HocSinh',
        record: JSON.parse(`{"__proto__": {"polluted": 1}, "hocSinhId": "${TEMP}"}`),
      },
    ];
    const { records, event } = rekey(hostile, { from: TEMP, to: ISSUED, by: 'x' });
    expect(event.count).toBe(1);
    expect(records[4]?.record['hocSinhId']).toBe(ISSUED);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    refusal('invalid-target', () =>
      rekey(hostile, { from: TEMP, to: '__proto__'.repeat(3), by: 'x' }),
    );
  });
});
