import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLegacy, encodeLegacy, LegacyEncodingError } from './index.ts';
import { LOWER_LETTERS } from './letters.ts';

/** Any character: Vietnamese letters of both cases, Latin-1, Windows-1252, wider, astral. */
const anyChar = fc.oneof(
  fc.constantFrom(...LOWER_LETTERS, ...LOWER_LETTERS.map((l) => l.toUpperCase())),
  fc.integer({ min: 0, max: 0x2122 }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe.each(['tcvn3', 'vni'] as const)('encodeLegacy %s on any text', (encoding) => {
  it('either round-trips exactly or names the first character it cannot encode', () => {
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const nfc = text.normalize('NFC');
        let encoded: string;
        try {
          encoded = encodeLegacy(text, encoding);
        } catch (e) {
          expect(e).toBeInstanceOf(LegacyEncodingError);
          const { char, index } = e as LegacyEncodingError;
          expect(nfc.slice(index, index + char.length)).toBe(char);
          // Everything before it encodes.
          expect(() => encodeLegacy(nfc.slice(0, index), encoding)).not.toThrow();
          const replaced = encodeLegacy(text, encoding, { unrepresentable: 'replace' });
          expect(replaced.startsWith(`${encodeLegacy(nfc.slice(0, index), encoding)}?`)).toBe(true);
          return;
        }
        expect([...encoded].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
        expect(decodeLegacy(encoded, encoding)).toBe(nfc);
      }),
    );
  });
});
