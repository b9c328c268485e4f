import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new client secret: 32 random bytes, base64url (43 characters). Machine-made, so a fast salted
 * hash is enough to keep it (no password stretching needed).
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret: `sha256$<salt>$<hash>`. */
export function hashSecret(secret: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `sha256$${salt}$${digest(salt, secret)}`;
}

/** Whether `secret` is the one `stored` was made from (constant time). */
export function verifySecret(secret: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'sha256' || salt === undefined || hash === undefined) return false;
  const a = Buffer.from(digest(salt, secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

const digest = (salt: string, secret: string): string =>
  createHash('sha256').update(salt).update('\0').update(secret).digest('base64url');
