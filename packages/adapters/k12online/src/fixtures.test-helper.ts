import { type Adapter, type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import type { AdapterFixture } from '@eduvn/adapter-kit/testing';
import { generateName, generateSchool, Random } from '@eduvn/fixtures';
import { formatVnDate, isoToExcelSerial } from '@eduvn/text';
import { k12OnlineAdapter } from './adapter.ts';
import { K12ONLINE_FIELDS, K12ONLINE_HEADERS } from './layout.ts';
import { writeK12Online } from './write.ts';

/**
 * Fixtures of K12Online pupil-account files, built in memory from generated pupils (no real
 * people): the writer's own output, hand-built variants of the template, a CSV export.
 */

/**
 * Generated pupils with the template's fields; every pupil has a mother's name and year or a
 * guardian (the generator gives no guardians: pupils without a mother, and a few others, get
 * one).
 */
export function k12Pupils(seed = 21, count = 120): readonly Readonly<Record<string, unknown>>[] {
  const school = generateSchool({ seed, province: '79', pupils: count, schoolYear: '2025-2026' });
  const random = new Random(seed);
  return school.hocSinhs.map((p, i) => {
    const record: Record<string, unknown> = {};
    for (const field of K12ONLINE_FIELDS) {
      const value = (p as Record<string, unknown>)[field];
      if (value !== undefined) record[field] = value;
    }
    if (record['tenMe'] === undefined || i % 9 === 0) {
      const sex = i % 2 === 0 ? '1' : '2';
      record['tenNguoiDd'] = generateName(random, {
        sex,
        ethnicCode: p.maDanToc ?? '01',
        toneStyle: 'new',
        adult: true,
      }).hoTen;
      record['namSinhNguoiDoDau'] = 1950 + (i % 30);
    }
    if (record['tenMe'] === undefined) {
      // K12Online requires the mother's columns: a pupil raised by a guardian has them filled
      // with the guardian's, as schools do.
      record['tenMe'] = record['tenNguoiDd'];
      record['namSinhMe'] = record['namSinhNguoiDoDau'];
    }
    return record;
  });
}

/** The pupils a fixture holds, by file name, to compare with what is read. */
export const fixtureRecords = new Map<string, readonly Readonly<Record<string, unknown>>[]>();

/** The writer's own output: the header on row 1, text dates, the described column order. */
async function writtenFixture(): Promise<AdapterFixture> {
  const name = 'k12online-tai-khoan-hoc-sinh.xlsx';
  const records = k12Pupils();
  fixtureRecords.set(name, records);
  return {
    name,
    bytes: await writeK12Online(records),
    expect: { records: { HocSinh: records.length } },
  };
}

/** Dates in turn: text, a date cell, a plain serial. */
function dateCell(iso: unknown, i: number): CellInput {
  if (typeof iso !== 'string') return null;
  if (i % 3 === 0) return formatVnDate(iso);
  return i % 3 === 1 ? { date: iso } : isoToExcelSerial(iso);
}

function sexCell(code: unknown, i: number): CellInput {
  if (code === undefined) return null;
  const word = code === '1' ? 'Nam' : 'Nữ';
  return i % 4 === 3 ? word.toUpperCase() : word;
}

/**
 * A hand-edited file: a title block with the header on row 9, NFD headers broken over two
 * lines, an STT column, a column a newer template version added (ignored), dates as text, date
 * cells and plain serials, years typed as text, then phantom formatted rows.
 */
function titledFixture(): AdapterFixture {
  const name = 'k12online-dong-9-nfd.xlsx';
  const records = k12Pupils(22, 60);
  fixtureRecords.set(name, records);
  const header = [
    'STT',
    'Họ và tên\n(*)',
    'Giới tính\n(*)',
    'Ngày sinh (*)\n(dd/mm/yyyy)',
    'Lớp (*)',
    'Số điện thoại\nphụ huynh', // a newer template's column: ignored
    'Họ và tên mẹ\n(*)',
    'Năm sinh\ncủa mẹ (*)',
    'Họ và tên\nngười giám hộ',
    'Năm sinh\nngười giám hộ',
  ].map((h) => h.normalize('NFD'));
  const rows: CellInput[][] = [
    ['TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM'],
    ['DANH SÁCH TÀI KHOẢN HỌC SINH'],
    ['Năm học 2025-2026'],
    [],
    ['Hướng dẫn: các cột có dấu (*) là bắt buộc; ngày sinh nhập dạng dd/mm/yyyy.'],
    ['Giới tính nhập Nam hoặc Nữ.'],
    [],
    [],
    header,
    ...records.map((r, i) => [
      i + 1,
      String(r['hoTen']),
      sexCell(r['maGioiTinh'], i),
      dateCell(r['ngaySinh'], i),
      { text: String(r['maLop']) },
      { text: `09${String(10_000_000 + i * 7919).slice(-8)}` },
      (r['tenMe'] as string | undefined) ?? null,
      i % 5 === 0 ? String(r['namSinhMe']) : ((r['namSinhMe'] as number | undefined) ?? null),
      (r['tenNguoiDd'] as string | undefined) ?? null,
      (r['namSinhNguoiDoDau'] as number | undefined) ?? null,
    ]),
    ...Array.from({ length: 5 }, () => Array.from({ length: header.length }, () => '')),
  ];
  return {
    name,
    bytes: writeXlsx([{ name: 'Danh sách', rows }]),
    expect: { records: { HocSinh: records.length } },
  };
}

function csvField(cell: CellInput): string {
  let text: string;
  if (cell === null) text = '';
  else if (typeof cell === 'object') text = 'date' in cell ? formatVnDate(cell.date) : cell.text;
  else text = String(cell);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The template saved as CSV (UTF-8 with a BOM, `;` as Excel writes it in Vietnamese locales). */
function csvFixture(): AdapterFixture {
  const name = 'k12online-xuat.csv';
  const records = k12Pupils(23, 40);
  fixtureRecords.set(name, records);
  const rows = [
    [...K12ONLINE_HEADERS],
    ...records.map((r) =>
      K12ONLINE_FIELDS.map((f): CellInput => {
        const value = r[f];
        if (value === undefined) return null;
        if (f === 'ngaySinh') return formatVnDate(String(value));
        if (f === 'maGioiTinh') return value === '1' ? 'Nam' : 'Nữ';
        return String(value);
      }),
    ),
  ];
  const text = `\uFEFF${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
  return {
    name,
    bytes: new TextEncoder().encode(text),
    expect: { records: { HocSinh: records.length } },
  };
}

/**
 * A template of K12Online's kind (built here, not K12Online's own file: its layout is not
 * published): a title, instructions, the header on row 4 in another order with an STT column,
 * and a hidden sheet of allowed values; filled by the writer.
 */
export function k12Template(): Uint8Array {
  return writeXlsx([
    {
      name: 'Import',
      rows: [
        ['MẪU NHẬP TÀI KHOẢN HỌC SINH'],
        ['Lưu ý: không đổi tên, thứ tự các cột; các cột có dấu (*) là bắt buộc.'],
        [],
        [
          'STT',
          'Lớp (*)',
          'Họ và tên (*)',
          'Ngày sinh (*)',
          'Giới tính (*)',
          'Họ và tên mẹ (*)',
          'Năm sinh của mẹ (*)',
          'Họ và tên người giám hộ',
          'Năm sinh người giám hộ',
          'Ghi chú',
        ],
      ],
    },
    { name: 'DanhMuc', rows: [['Giới tính'], ['Nam'], ['Nữ']], state: 'hidden' },
  ]);
}

/** The writer filling a template. */
async function templateFixture(): Promise<AdapterFixture> {
  const name = 'k12online-mau-da-dien.xlsx';
  const records = k12Pupils(24, 50);
  fixtureRecords.set(name, records);
  return {
    name,
    bytes: await writeK12Online(records, { template: k12Template() }),
    expect: { records: { HocSinh: records.length } },
  };
}

/**
 * The adapter of this package with its fixtures (deterministic, built in memory), for the
 * conformance suite and the lead's cross-package detection tests.
 */
export async function adapterFixtures(): Promise<
  readonly { adapter: Adapter; fixtures: readonly AdapterFixture[] }[]
> {
  return [
    {
      adapter: k12OnlineAdapter,
      fixtures: [await writtenFixture(), titledFixture(), csvFixture(), await templateFixture()],
    },
  ];
}
