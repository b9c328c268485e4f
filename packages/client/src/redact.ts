/**
 * Texts that must never reach an error message or a log line: bearer tokens, client secrets, and
 * full personal identification numbers (12 digits; only the last three may be shown: `*********234`, as `maskText` of
 * `@eduvn/standard` does).
 */
const BEARER = /(Bearer\s+)[\w.~+/=-]+/gi;
const TOKEN = /\bevs1\.[\w-]+\.[\w-]+/g;
const SECRET = /((?:client_secret|secret|password|access_token)["']?\s*[=:]\s*["']?)[^\s"'&,}]+/gi;
const PERSONAL_ID = /(?<!\d)\d{9}(\d{3})(?!\d)/g;

/** `text` with tokens, secrets and 12-digit personal IDs masked. */
export function redact(text: string): string {
  return text
    .replace(BEARER, '$1[redacted]')
    .replace(TOKEN, '[redacted token]')
    .replace(SECRET, '$1[redacted]')
    .replace(PERSONAL_ID, '*********$1');
}

/** A copy of log metadata with every string redacted (one level of nesting is enough for ours). */
export function redactMeta(meta: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (/authorization|secret|password|token/i.test(key)) out[key] = '[redacted]';
    else if (typeof value === 'string') out[key] = redact(value);
    else out[key] = value;
  }
  return out;
}

/**
 * A copy of a JSON value with every string redacted (keys that name a secret are replaced),
 * bounded in depth (deeper levels become `'[…]'`).
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = /authorization|secret|password|token/i.test(key)
      ? '[redacted]'
      : redactDeep(v, depth + 1);
  }
  return out;
}
