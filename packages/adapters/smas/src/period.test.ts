import { matchKey, placeTones } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPeriods,
  isSmasPeriod,
  PERIOD_TITLES,
  parsePeriod,
  SMAS_PERIODS,
  type SmasPeriod,
} from './period.ts';

/** Text with every diacritic removed (đ → d), as typed without a Vietnamese keyboard. */
const bare = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Any way a person or a program may write a text: case, diacritics, form, tone style, spaces. */
const variantOf = (text: string) =>
  fc
    .record({
      cases: fc.array(fc.constantFrom('keep', 'upper', 'lower'), {
        minLength: text.length,
        maxLength: text.length,
      }),
      diacritics: fc.boolean(),
      form: fc.constantFrom('NFC', 'NFD'),
      tones: fc.constantFrom('old', 'new'),
      space: fc.constantFrom(' ', '  ', '\n', '\t', '\u00A0', ' \r\n '),
    })
    .map(({ cases, diacritics, form, tones, space }) => {
      const styled = placeTones(text, tones as 'old' | 'new');
      const cased = [...styled]
        .map((ch, i) =>
          cases[i] === 'upper' ? ch.toUpperCase() : cases[i] === 'lower' ? ch.toLowerCase() : ch,
        )
        .join('');
      const marked = diacritics ? cased : bare(cased);
      return marked.replace(/ /g, space).normalize(form as 'NFC' | 'NFD');
    });

const everyTitle = SMAS_PERIODS.flatMap((p) => PERIOD_TITLES[p].map((t) => [p, t] as const));

describe('parsePeriod', () => {
  it.each(everyTitle)('reads %s from %j', (period, title) => {
    expect(parsePeriod(title)).toBe(period);
  });

  it.each([
    ['Giữa kỳ I', 'GK1'],
    ['Cuối kỳ I', 'CK1'],
    ['Giữa kỳ II', 'GK2'],
    ['Cuối năm', 'CN'],
    ['Giữa học kỳ 1', 'GK1'],
    ['Cuối HK1', 'CK1'],
    ['CUỐI NĂM HỌC', 'CN'],
    ['cuoi hk ii', 'CN'],
    ['GIỮA HKII', 'GK2'],
    ['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CUỐI KỲ I NĂM HỌC 2024-2025', 'CK1'],
    ['Kết quả giữa kì 2 (lớp 4A)', 'GK2'],
    ['ĐÁNH GIÁ CUỐI NĂM HỌC 2024 - 2025', 'CN'],
  ] as const)('reads %j as %s', (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each([
    '',
    'Danh sách học sinh',
    'Học kỳ I',
    'Năm học 2024-2025',
    'Giữa kỳ III',
    'Cuối kỳ 12',
    'Giữa năm',
    'Cuối tuần',
    'KẾT QUẢ ĐÁNH GIÁ HỌC SINH',
  ])('reads no period from %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
    expect(findPeriods(text)).toEqual([]);
  });

  it('reads no single period from a text that names two, and says which', () => {
    expect(parsePeriod('Giữa kỳ I và Cuối kỳ I')).toBeUndefined();
    expect(findPeriods('Giữa kỳ I và Cuối kỳ I')).toEqual(['GK1', 'CK1']);
    expect(findPeriods('Cuối năm học — Cuối HK2 — cuối kỳ II')).toEqual(['CN']);
  });

  it('reads any case, diacritics, normalization, tone style or spacing of a known title the same', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...everyTitle)
          .chain(([period, title]) => variantOf(title).map((v) => [period, v] as const)),
        ([period, variant]) => {
          expect(parsePeriod(variant)).toBe(period);
        },
      ),
    );
  });

  it('reads Roman and Arabic numerals, every spelling of "học kỳ", inside any title', () => {
    const parts = fc.record({
      when: fc.constantFrom(['Giữa', true] as const, ['Cuối', false] as const),
      word: fc.constantFrom('kỳ', 'kì', 'học kỳ', 'học kì', 'HK', 'hk'),
      first: fc.boolean(),
      roman: fc.boolean(),
      joined: fc.boolean(),
      before: fc.constantFrom(
        '',
        'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ ',
        'Đánh giá: ',
        '(',
        'Lớp 3A - ',
      ),
      after: fc.constantFrom('', ' NĂM HỌC 2024-2025', ')', ' - Lớp 3A', '.'),
    });
    fc.assert(
      fc.property(
        parts.chain((p) => {
          const numeral = p.first ? (p.roman ? 'I' : '1') : p.roman ? 'II' : '2';
          const gap = p.joined && p.word.toLowerCase() === 'hk' ? '' : ' ';
          const text = `${p.before}${p.when[0]} ${p.word}${gap}${numeral}${p.after}`;
          const mid = p.when[1];
          const expected: SmasPeriod = mid ? (p.first ? 'GK1' : 'GK2') : p.first ? 'CK1' : 'CN';
          return variantOf(text).map((v) => [expected, v] as const);
        }),
        ([expected, text]) => {
          expect(parsePeriod(text)).toBe(expected);
        },
      ),
    );
  });

  it('finds no period in text that never says giữa or cuối', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        fc.pre(!/giua|cuoi/.test(matchKey(text)));
        expect(findPeriods(text)).toEqual([]);
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        const periods = findPeriods(input as string);
        expect(periods.every(isSmasPeriod)).toBe(true);
      }),
    );
  });

  it('knows the four periods and nothing else', () => {
    expect(SMAS_PERIODS).toEqual(['GK1', 'CK1', 'GK2', 'CN']);
    expect(isSmasPeriod('CK1')).toBe(true);
    expect(isSmasPeriod('CK2')).toBe(false);
    expect(isSmasPeriod(1)).toBe(false);
  });
});
