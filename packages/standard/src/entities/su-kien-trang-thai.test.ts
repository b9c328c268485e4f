import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityOf, fieldsOf } from '../meta/entity.ts';
import { describeEntityConventions } from './entity-conventions.test-helper.ts';
import { SuKienTrangThai } from './su-kien-trang-thai.ts';

/** A pupil transferring out, with every field. */
const complete: SuKienTrangThai = {
  suKienId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  doiTuong: 'HOC_SINH',
  truongId: '79000701',
  maDoiTuong: '7900070124000123',
  trangThaiTruoc: 'DANG_HOC',
  trangThaiSau: 'CHUYEN_DI',
  ngayHieuLuc: '2025-01-06',
  maLyDo: 'CHUYEN_NOI_O',
  truongDenId: '79000815',
  ghiChu: 'Gia đình chuyển về quê.',
  ngayGhiNhan: '2025-01-06T08:30:00+07:00',
  nguoiGhiNhan: 'van.thu@th-a.edu.vn',
};

/** A new teacher, with only the required fields. */
const minimal: SuKienTrangThai = {
  suKienId: 'evt-1',
  doiTuong: 'CAN_BO',
  truongId: '79000701',
  maDoiTuong: 'GV0001',
  trangThaiSau: 'DANG_LAM_VIEC',
  ngayHieuLuc: '2025-08-15',
  ngayGhiNhan: '2025-08-15T01:00:00Z',
};

/** The distinct paths of the issues of parsing `input`, or `[]` when it parses. */
function issuePaths(input: unknown): PropertyKey[][] {
  const result = SuKienTrangThai.safeParse(input);
  if (result.success) return [];
  const seen = new Map(result.error.issues.map((i) => [JSON.stringify(i.path), i.path]));
  return [...seen.values()];
}

describe('SuKienTrangThai', () => {
  it('parses a complete record unchanged', () => {
    expect(SuKienTrangThai.parse(complete)).toEqual(complete);
  });

  it('parses a record with only the required fields', () => {
    expect(SuKienTrangThai.parse(minimal)).toEqual(minimal);
  });

  it('parses a transfer in, with the origin school', () => {
    const event = {
      ...minimal,
      doiTuong: 'HOC_SINH',
      trangThaiSau: 'CHUYEN_DEN',
      truongDiId: '01000123',
    };
    expect(issuePaths(event)).toEqual([]);
  });

  it.each([
    '2025-01-06T08:30:00+07:00',
    '2025-01-06T08:30:00-05:30',
    '2025-01-06T01:30:00Z',
    '2025-01-06T01:30:00.1Z',
    '2025-01-06T01:30:00.123456789+07:00',
    '2024-02-29T23:59:59+14:00',
    '2025-12-31T00:00:00-00:00',
  ])('accepts the recording time %s', (ngayGhiNhan) => {
    expect(issuePaths({ ...minimal, ngayGhiNhan })).toEqual([]);
  });

  it.each([
    '2025-01-06', // a date, no time
    '2025-01-06T08:30:00', // no offset
    '2025-01-06T08:30+07:00', // no seconds
    '2025-01-06 08:30:00+07:00', // space for T
    '2025-01-06t08:30:00z', // lower case
    '2025-01-06T08:30:00+0700', // offset without colon
    '2025-01-06T08:30:00+07', // offset without minutes
    '2025-01-06T24:00:00Z', // hour 24
    '2025-01-06T08:60:00Z',
    '2025-01-06T08:30:60Z', // leap second
    '2025-01-06T08:30:00.1234567890Z', // 10 fraction digits
    '2025-02-29T08:30:00Z', // not a leap year
    '2025-13-01T08:30:00Z',
    '06/01/2025 08:30',
    '',
  ])('rejects the recording time %j', (ngayGhiNhan) => {
    expect(issuePaths({ ...minimal, ngayGhiNhan })).toEqual([['ngayGhiNhan']]);
  });

  it('reports an impossible day in a well-formed date-time as one issue', () => {
    const issues = SuKienTrangThai.safeParse({ ...minimal, ngayGhiNhan: '2025-04-31T08:00:00Z' })
      .error?.issues;
    expect(issues).toHaveLength(1);
    expect(issues?.[0]?.message).toBe('Not a calendar date');
  });

  it.each(['2025-02-29', '06/01/2025', '2025-1-6', 20250106])(
    'rejects the effective date %j',
    (d) => {
      expect(issuePaths({ ...minimal, ngayHieuLuc: d })).toEqual([['ngayHieuLuc']]);
    },
  );

  it.each(['GIAO_VIEN', 'hoc_sinh', ''])('rejects the subject kind %j', (doiTuong) => {
    expect(issuePaths({ ...minimal, doiTuong })).toEqual([['doiTuong']]);
  });

  it('rejects an unknown key (there is no deletion flag to set)', () => {
    expect(SuKienTrangThai.safeParse({ ...minimal, daXoa: true }).error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['daXoa'] },
    ]);
  });

  it.each(
    fieldsOf(SuKienTrangThai)
      .filter((f) => f.required)
      .map((f) => f.name),
  )('rejects a record without the required %s', (name) => {
    const { [name as keyof SuKienTrangThai]: _, ...rest } = complete;
    expect(issuePaths(rest)).toEqual([[name]]);
  });

  it.each([
    ['suKienId', 36],
    ['truongId', 15],
    ['maDoiTuong', 20],
    ['truongDenId', 15],
    ['truongDiId', 15],
    ['ghiChu', 255],
    ['nguoiGhiNhan', 50],
  ] as const)('accepts %s at %d characters and rejects one more', (name, max) => {
    expect(issuePaths({ ...complete, [name]: 'x'.repeat(max) })).toEqual([]);
    expect(issuePaths({ ...complete, [name]: 'x'.repeat(max + 1) })).toEqual([[name]]);
  });

  it.each(['suKienId', 'maDoiTuong', 'trangThaiSau'])('rejects an empty %s', (name) => {
    expect(issuePaths({ ...minimal, [name]: '' })).toEqual([[name]]);
  });
});

describe('SuKienTrangThai properties', () => {
  const recordedAt = (ngayGhiNhan: string) =>
    SuKienTrangThai.safeParse({ ...minimal, ngayGhiNhan }).success;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const instant = fc.date({
    min: new Date('0000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('accepts every instant written by toISOString', () => {
    fc.assert(fc.property(instant, (d) => recordedAt(d.toISOString())));
  });

  it('accepts every instant written in any offset within ±23:59, and rejects it without one', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (d, offsetMinutes) => {
          const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
          const abs = Math.abs(offsetMinutes);
          const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          fc.pre(/^\d{4}-/.test(local)); // stays within years 0000–9999
          return recordedAt(`${local}${offset}`) && !recordedAt(local);
        },
      ),
    );
  });
});

describe('SuKienTrangThai metadata', () => {
  describeEntityConventions(SuKienTrangThai);

  const field = (name: string) => fieldsOf(SuKienTrangThai).find((f) => f.name === name);

  it('cites the seed regulation and is keyed by the event id', () => {
    expect(entityOf(SuKienTrangThai).source).toMatch(/^seed regulation Art\. 8 cl\. 2–3/);
    expect(entityOf(SuKienTrangThai).key).toEqual(['suKienId']);
  });

  it('takes the status catalog from doiTuong', () => {
    for (const name of ['trangThaiTruoc', 'trangThaiSau']) {
      expect(field(name)?.catalog).toBe('DM_TRANG_THAI_HOC_SINH');
      expect(field(name)?.catalogBy).toEqual({
        field: 'doiTuong',
        catalogs: { HOC_SINH: 'DM_TRANG_THAI_HOC_SINH', CAN_BO: 'DM_TRANG_THAI_CAN_BO' },
      });
      expect(field(name)?.note).toMatch(/doiTuong/);
    }
  });

  it('protects the person: free text sensitive, the recorder personal', () => {
    expect(field('ghiChu')?.sensitivity).toBe('sensitive');
    expect(field('nguoiGhiNhan')?.sensitivity).toBe('personal');
    expect(field('maDoiTuong')).toMatchObject({ sensitivity: 'identifier', maxLength: 20 });
  });
});
