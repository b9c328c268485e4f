import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSecret, newSecret, verifySecret } from './secrets.ts';
import { newSigningKey, signToken, verifyToken } from './tokens.ts';

describe('tokens', () => {
  const key = newSigningKey();

  it('verify what they sign until they expire', () => {
    const { token, claims } = signToken(key, 'so-79', 1000, 60);
    expect(claims).toMatchObject({ sub: 'so-79', iat: 1000, exp: 1060 });
    expect(verifyToken(key, token, 1059)).toEqual({ ok: true, claims });
    expect(verifyToken(key, token, 1060)).toEqual({ ok: false, problem: 'expired' });
    expect(verifyToken(newSigningKey(), token, 1000)).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('refuse a token whose claims were changed', () => {
    const { token } = signToken(key, 'truong-a', 1000, 60);
    const [, body, mac] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'so-79', iat: 1000, exp: 9e9, jti: 'x' }),
    ).toString('base64url');
    expect(verifyToken(key, `evs1.${forged}.${mac}`, 1000).ok).toBe(false);
    expect(verifyToken(key, `evs1.${body}.${mac}.x`, 1000)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('never throw, whatever text comes as a token', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(verifyToken(key, `evs1.${a}.${b}`, 0).ok).toBe(false);
        expect(verifyToken(key, a, 0).ok).toBe(false);
      }),
    );
  });
});

describe('secrets', () => {
  it('are kept only as salted hashes that verify the secret and nothing else', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    const stored = hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(hashSecret(secret)).not.toBe(stored);
    expect(verifySecret(secret, stored)).toBe(true);
    expect(verifySecret(`${secret}x`, stored)).toBe(false);
    expect(verifySecret(secret, 'plain')).toBe(false);
  });
});
