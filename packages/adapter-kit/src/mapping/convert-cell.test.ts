import { describe, expect, it } from 'vitest';
import type { Cell } from '../workbook/types.ts';
import { convertCell } from './convert-cell.ts';
import type { ConvertOptions, ValueKind } from './value-kind.ts';

function read(
  kind: ValueKind,
  cell: Cell | string | number | boolean | undefined,
  options: ConvertOptions = {},
) {
  const c: Cell | undefined =
    cell === undefined || (typeof cell === 'object' && cell !== null) ? cell : { value: cell };
  return convertCell(kind, c, options);
}

function value(
  kind: ValueKind,
  cell: Cell | string | number | boolean | undefined,
  options?: ConvertOptions,
) {
  const r = read(kind, cell, options);
  if (!r.ok) throw new Error(`rejected: ${r.problem}`);
  return r.value;
}

function problem(
  kind: ValueKind,
  cell: Cell | string | number | boolean | undefined,
  options?: ConvertOptions,
) {
  const r = read(kind, cell, options);
  if (r.ok) throw new Error(`accepted: ${String(r.value)}`);
  return r.problem;
}

function warning(
  kind: ValueKind,
  cell: Cell | string | number | boolean | undefined,
  options?: ConvertOptions,
) {
  const r = read(kind, cell, options);
  return r.ok ? r.warning : undefined;
}

describe('convertCell', () => {
  it('treats blank cells as absent (flags as no), and error values as problems', () => {
    for (const kind of [
      'text',
      'name',
      'code',
      'date',
      'sex',
      'subjectLevel',
      'traitLevel',
      'integer',
      'decimal',
      'boolean',
    ] as const) {
      expect(read(kind, undefined)).toEqual({ ok: true, value: undefined });
      expect(read(kind, ' \u00A0')).toEqual({ ok: true, value: undefined });
      expect(problem(kind, { value: null })).toContain('error value');
    }
    expect(value('flag', undefined)).toBe(false);
    expect(value('flag', '', { blank: 'absent' })).toBeUndefined();
  });

  it('rejects an unknown kind (a programming error)', () => {
    expect(() => convertCell('colour' as ValueKind, { value: 'x' })).toThrow(TypeError);
  });

  describe("'text'", () => {
    it('decodes TCVN3 and VNI by font and normalizes', () => {
      expect(value('text', { value: 'Hµ Néi', font: '.VnTime' })).toBe('Hà Nội');
      expect(value('text', { value: 'Hµ Néi', font: '.VnTimeH' })).toBe('HÀ NỘI');
      expect(value('text', { value: 'Tröôøng Tieåu hoïc', font: 'VNI-Times' })).toBe(
        'Trường Tiểu học',
      );
      expect(value('text', { value: '  Tỉnh  Hòa\nBình '.normalize('NFD') })).toBe('Tỉnh Hòa Bình');
      expect(value('text', 2024)).toBe('2024');
    });
  });

  describe("'name'", () => {
    it('keeps names as written, with a warning when not in title case', () => {
      expect(read('name', 'Nguyễn Văn An')).toEqual({ ok: true, value: 'Nguyễn Văn An' });
      expect(value('name', 'NGUYỄN VĂN AN')).toBe('NGUYỄN VĂN AN');
      expect(warning('name', 'NGUYỄN VĂN AN')).toContain('capitals');
      expect(warning('name', 'nguyễn văn an')).toContain('lower case');
      expect(warning('name', 'Nguyễn Văn An 2')).toContain('digits');
      expect(value('name', "h'hen NIÊ", { format: true })).toBe("H'Hen Niê");
      expect(problem('name', 12)).toContain('not a name');
    });
  });

  describe("'code'", () => {
    it('writes numbers without .0 and restores leading zeros with pad', () => {
      expect(value('code', 1175538200001)).toBe('1175538200001');
      expect(value('code', 1, { pad: 2 })).toBe('01');
      expect(value('code', '1', { pad: 2 })).toBe('01');
      expect(value('code', 11319761095, { pad: 12 })).toBe('011319761095');
      expect(value('code', 'DANG_HOC', { pad: 2 })).toBe('DANG_HOC');
      expect(value('code', '123', { pad: 2 })).toBe('123');
      expect(value('code', " '0123")).toBe('0123');
    });

    it('drops a trailing .0 from text, with a warning', () => {
      expect(read('code', '12.0')).toMatchObject({ ok: true, value: '12' });
      expect(warning('code', '12.0')).toContain('.0');
      expect(warning('code', 1.5)).toContain('decimal');
    });

    it('rejects codes the spreadsheet damaged', () => {
      expect(problem('code', { value: 45293, date: '2024-01-02' })).toContain(
        'turned the code into a date',
      );
      expect(problem('code', 1.2345678901234567e19)).toContain('rounded');
      expect(problem('code', '1.17554E+12')).toContain('scientific notation');
      expect(problem('code', true)).toContain('not a code');
    });
  });

  describe("'date'", () => {
    it('reads date cells, serials and dd/mm/yyyy text', () => {
      expect(value('date', { value: 44096, date: '2020-09-22' })).toBe('2020-09-22');
      expect(value('date', 44096)).toBe('2020-09-22');
      expect(value('date', '44096')).toBe('2020-09-22');
      expect(value('date', '22/09/2020')).toBe('2020-09-22');
      expect(value('date', '2.9.2020')).toBe('2020-09-02');
      expect(value('date', '2020-09-22')).toBe('2020-09-22');
      expect(value('date', 42634, { dateSystem: '1904' })).toBe('2020-09-22');
    });

    it('rejects impossible days, two-digit years, years and booleans', () => {
      expect(problem('date', '31/02/2017')).toContain('not a calendar date');
      expect(problem('date', '22/09/20')).toContain('two-digit year');
      expect(problem('date', 2015)).toContain('looks like a year');
      expect(problem('date', 60)).toContain('is a number');
      expect(problem('date', true)).toContain('not a date');
    });

    it('masks a personal ID typed into a date column, or hides the value', () => {
      const shown = problem('date', '012345678901');
      expect(shown).not.toContain('012345678901');
      expect(shown).toContain('*********901');
      expect(problem('date', '31/02/2017', { hideValue: true })).not.toContain('31/02');
    });
  });

  describe("'sex'", () => {
    it('reads Nam/Nữ in any case and normalization, and the codes', () => {
      expect(read('sex', 'Nam')).toEqual({ ok: true, value: '1' });
      expect(read('sex', 'Nữ')).toEqual({ ok: true, value: '2' });
      expect(value('sex', 'NỮ')).toBe('2');
      expect(value('sex', 'nữ'.normalize('NFD'))).toBe('2');
      expect(value('sex', ' nam ')).toBe('1');
      expect(value('sex', '2')).toBe('2');
      expect(value('sex', 1)).toBe('1');
    });

    it('reads M/F/male/female with a warning', () => {
      expect(read('sex', 'F')).toMatchObject({ ok: true, value: '2' });
      expect(warning('sex', 'F')).toContain('Nữ');
      expect(value('sex', 'Male')).toBe('1');
      expect(warning('sex', 'female')).toBeDefined();
    });

    it('rejects anything else', () => {
      expect(problem('sex', 'Khác')).toContain('not a sex');
      expect(problem('sex', 3)).toContain('not a sex');
      expect(problem('sex', true)).toContain('not a sex');
    });
  });

  describe("'subjectLevel'", () => {
    it('reads T/H/C and the words', () => {
      expect(value('subjectLevel', 'T')).toBe('T');
      expect(value('subjectLevel', 'h')).toBe('H');
      expect(value('subjectLevel', 'Hoàn thành tốt')).toBe('T');
      expect(value('subjectLevel', 'HOÀN THÀNH')).toBe('H');
      expect(value('subjectLevel', 'Chưa hoàn thành'.normalize('NFD'))).toBe('C');
      expect(value('subjectLevel', 'HTT')).toBe('T');
      expect(warning('subjectLevel', 'CHT')).toContain('T, H or C');
    });

    it('rejects other levels', () => {
      expect(problem('subjectLevel', 'Đ')).toContain('not a subject level');
      expect(problem('subjectLevel', 9)).toContain('not a subject level');
    });
  });

  describe("'traitLevel'", () => {
    it('reads T/Đ/C and the words', () => {
      expect(read('traitLevel', 'Đ')).toEqual({ ok: true, value: 'Đ' });
      expect(value('traitLevel', 'đ')).toBe('Đ');
      expect(value('traitLevel', 't')).toBe('T');
      expect(value('traitLevel', 'C')).toBe('C');
      expect(value('traitLevel', 'Tốt')).toBe('T');
      expect(value('traitLevel', 'ĐẠT')).toBe('Đ');
      expect(value('traitLevel', 'Cần cố gắng')).toBe('C');
    });

    it('reads D and the look-alikes of Đ with a warning', () => {
      for (const lookAlike of ['D', 'd', '\u00D0', '\u00F0', '\u0189', '\u0256']) {
        const r = read('traitLevel', lookAlike);
        expect(r).toMatchObject({ ok: true, value: 'Đ' });
        expect(r.ok && r.warning).toContain('read as Đ');
      }
    });

    it('rejects other levels', () => {
      expect(problem('traitLevel', 'H')).toContain('not a quality or competency level');
      expect(problem('traitLevel', 'Chưa đạt')).toContain('expected T (Tốt), Đ (Đạt) or C');
    });
  });

  describe("'flag'", () => {
    it('reads marks as yes and blanks or noes as no', () => {
      for (const yes of ['x', 'X', '✓', '✔', '1', 'có', 'Có', 'CO', 1, true]) {
        expect(value('flag', yes)).toBe(true);
      }
      for (const no of ['0', 'không', 'Khong', 0, false, '']) {
        expect(value('flag', no)).toBe(false);
      }
      expect(problem('flag', 'y')).toContain('not a mark');
      expect(problem('flag', 2)).toContain('not a mark');
    });
  });

  describe("'boolean'", () => {
    it('reads explicit yes and no', () => {
      expect(value('boolean', 'TRUE')).toBe(true);
      expect(value('boolean', 'Có')).toBe(true);
      expect(value('boolean', 'Đúng')).toBe(true);
      expect(value('boolean', 'Không')).toBe(false);
      expect(value('boolean', 'sai')).toBe(false);
      expect(value('boolean', 0)).toBe(false);
      expect(value('boolean', false)).toBe(false);
      expect(value('boolean', undefined)).toBeUndefined();
      expect(problem('boolean', 'có lẽ')).toContain('not yes or no');
    });
  });

  describe("'integer'", () => {
    it('reads whole numbers from numbers and text', () => {
      expect(value('integer', 9)).toBe(9);
      expect(value('integer', '10')).toBe(10);
      expect(value('integer', ' 1985 ')).toBe(1985);
      expect(value('integer', '7,0')).toBe(7);
      expect(value('integer', '-3')).toBe(-3);
      expect(value('integer', '1.234')).toBe(1234);
      expect(warning('integer', '1.234')).toContain('thousands');
      expect(value('integer', '1 234 567')).toBe(1234567);
      expect(warning('integer', { value: 1985, date: '1905-06-07' })).toContain(
        'formatted as a date',
      );
    });

    it('rejects fractions and text', () => {
      expect(problem('integer', 7.5)).toContain('not a whole number');
      expect(problem('integer', '7,5')).toContain('not a whole number');
      expect(problem('integer', 'bảy')).toContain('not a number');
      expect(problem('integer', true)).toContain('not a number');
      expect(problem('integer', 2 ** 60)).toContain('too large');
    });
  });

  describe("'decimal'", () => {
    it('reads a decimal comma or point', () => {
      expect(read('decimal', '7,5')).toEqual({ ok: true, value: 7.5 });
      expect(value('decimal', '7.5')).toBe(7.5);
      expect(value('decimal', 7.5)).toBe(7.5);
      expect(value('decimal', '1.234,5')).toBe(1234.5);
      expect(value('decimal', '1,234.5')).toBe(1234.5);
      expect(value('decimal', '106,8')).toBe(106.8);
      expect(value('decimal', '-0')).toBe(0);
      expect(value('decimal', '1.234')).toBe(1.234);
      expect(warning('decimal', '1.234')).toContain('1234');
    });

    it('rejects what is not a number', () => {
      expect(problem('decimal', '7,5 điểm')).toContain('not a number');
      expect(problem('decimal', '1.2.3')).toContain('not a number');
      expect(problem('decimal', '1e5')).toContain('not a number');
      expect(problem('decimal', false)).toContain('not a number');
    });
  });

  it('never echoes a long value in full', () => {
    const id = '079123456789';
    for (const kind of [
      'sex',
      'subjectLevel',
      'traitLevel',
      'flag',
      'integer',
      'decimal',
      'boolean',
      'date',
    ] as const) {
      const p = problem(kind, `${id} x`);
      expect(p).not.toContain(id);
    }
    const long = 'Nguyễn Văn An '.repeat(50);
    expect(problem('sex', long).length).toBeLessThan(120);
    expect(problem('sex', id, { hideValue: true })).toContain('a text of 12 characters');
  });
});
