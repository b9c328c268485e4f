import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePersonalId, encodePersonalId, maskPersonalId } from './personal-id.ts';

describe('decodePersonalId', () => {
  // TT 59/2021/TT-BCA Art. 4: every century-and-sex digit, written out as the regulation lists them.
  it.each([
    ['0', 1900, '1'],
    ['1', 1900, '2'],
    ['2', 2000, '1'],
    ['3', 2000, '2'],
    ['4', 2100, '1'],
    ['5', 2100, '2'],
    ['6', 2200, '1'],
    ['7', 2200, '2'],
    ['8', 2300, '1'],
    ['9', 2300, '2'],
  ] as const)('G = %s is the century from %i, sex %s', (g, century, sex) => {
    const decoded = decodePersonalId(`031${g}17000123`);
    expect(decoded).toEqual({
      ok: true,
      prefix: '031',
      centuryDigit: Number(g),
      century,
      sex,
      birthYear: century + 17,
      serial: '000123',
    });
  });

  it('reads YY 00 and 99 at the edges of a century', () => {
    expect(decodePersonalId('001200000000')).toMatchObject({ ok: true, birthYear: 2000 });
    expect(decodePersonalId('001199999999')).toMatchObject({ ok: true, birthYear: 1999, sex: '2' });
  });

  it.each([
    ['', 'not-12-digits'],
    ['03121700012', 'not-12-digits'],
    ['0312170001234', 'not-12-digits'],
    ['03121700012a', 'not-12-digits'],
    [' 31217000123', 'not-12-digits'],
    ['031 217 000123', 'not-12-digits'],
    ['０３１２１７０００１２３', 'not-12-digits'], // full-width digits
    ['٠٣١٢١٧٠٠٠١٢٣', 'not-12-digits'], // Arabic-Indic digits
  ])('refuses %j: %s', (value, reason) => {
    const decoded = decodePersonalId(value);
    expect(decoded).toMatchObject({ ok: false, reason });
  });

  it('refuses what is not a string, without throwing', () => {
    for (const value of [null, undefined, 31217000123, {}, [], Symbol('x')]) {
      expect(decodePersonalId(value)).toMatchObject({ ok: false, reason: 'not-a-string' });
    }
  });

  it('never repeats the value in its message', () => {
    const result = decodePersonalId('03121700012');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toContain('03121700012');
      expect(result.message).toContain('11');
    }
  });

  it('copes with hostile values', () => {
    expect(decodePersonalId('9'.repeat(10_000))).toMatchObject({
      ok: false,
      reason: 'not-12-digits',
    });
    expect(decodePersonalId('__proto__')).toMatchObject({ ok: false });
  });
});

const parts = fc.record({
  prefix: fc.stringMatching(/^[0-9]{3}$/),
  birthYear: fc.integer({ min: 1900, max: 2399 }),
  sex: fc.constantFrom('1' as const, '2' as const),
  serial: fc.stringMatching(/^[0-9]{6}$/),
});

describe('encodePersonalId and decodePersonalId', () => {
  it('round-trip from parts', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const id = encodePersonalId(p);
        expect(id).toMatch(/^[0-9]{12}$/);
        expect(decodePersonalId(id)).toMatchObject({ ok: true, ...p });
      }),
    );
  });

  it('round-trip from any 12 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (id) => {
        const decoded = decodePersonalId(id);
        if (!decoded.ok) throw new Error('12 digits always decode');
        expect(encodePersonalId(decoded)).toBe(id);
        // The century and sex digit agrees with the decoded parts.
        expect(decoded.century).toBe(1900 + 100 * Math.floor(decoded.centuryDigit / 2));
        expect(decoded.sex).toBe(decoded.centuryDigit % 2 === 0 ? '1' : '2');
      }),
    );
  });

  it('anything else than 12 ASCII digits is refused', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => !/^[0-9]{12}$/.test(s)),
        (s) => {
          expect(decodePersonalId(s).ok).toBe(false);
        },
      ),
    );
  });

  it('encodePersonalId refuses impossible parts', () => {
    const good = { prefix: '001', birthYear: 2018, sex: '1', serial: '000001' } as const;
    expect(() => encodePersonalId({ ...good, prefix: '01' })).toThrow(RangeError);
    expect(() => encodePersonalId({ ...good, birthYear: 1899 })).toThrow(RangeError);
    expect(() => encodePersonalId({ ...good, birthYear: 2400 })).toThrow(RangeError);
    expect(() => encodePersonalId({ ...good, sex: '3' as never })).toThrow(RangeError);
    expect(() => encodePersonalId({ ...good, serial: '12345' })).toThrow(RangeError);
    expect(encodePersonalId(good)).toBe('001218000001');
  });
});

describe('maskPersonalId', () => {
  it('keeps at most the last three digits', () => {
    expect(maskPersonalId('031217000123')).toBe('*********123');
  });

  it('shortens hostile values and hides short ones', () => {
    const masked = maskPersonalId('1'.repeat(10_000));
    expect(masked.length).toBeLessThan(20);
    expect(maskPersonalId('12345')).toBe('*****');
  });
});
