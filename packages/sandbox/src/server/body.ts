import { LIMITS } from '../contract/limits.ts';
import { ApiProblem } from './problem.ts';

/** A request body read as JSON: its text (for the idempotency fingerprint) and its value. */
export interface JsonBody {
  /** The text. */
  readonly text: string;
  /** The parsed value. */
  readonly value: unknown;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Reads at most `max` bytes of a body; a longer one is a 413. */
export async function readLimited(request: Request, max: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) throw tooLarge(max);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // Not cancelled: over HTTP that would drop the connection before the 413 goes out. The
      // answer closes the connection instead (the rest of the body is never read).
      reader.releaseLock();
      throw tooLarge(max, true);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const tooLarge = (max: number, close = false): ApiProblem =>
  new ApiProblem('payload-too-large', `The request body is over ${max} bytes`, {
    extensions: { limit: max },
    ...(close ? { headers: { connection: 'close' } } : {}),
  });

/**
 * How deep a JSON text nests (arrays and objects), read byte by byte without parsing, stopping
 * as soon as `max` is passed — so a deeply nested body is refused before `JSON.parse` sees it.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Reads a JSON request body: `application/json` (or `+json`) else 415; at most
 * `LIMITS.maxBodyBytes` else 413; UTF-8 (invalid bytes are a 400, never replaced silently);
 * nested at most `LIMITS.maxJsonDepth` deep and well-formed else 400.
 */
export async function readJson(request: Request): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new ApiProblem(
      'unsupported-media-type',
      `The body must be JSON (Content-Type: application/json), not ${JSON.stringify(type.slice(0, 60) || 'none')}`,
    );
  }
  const bytes = await readLimited(request, LIMITS.maxBodyBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiProblem('malformed-request', 'The body is not valid UTF-8');
  }
  if (jsonDepthExceeds(text, LIMITS.maxJsonDepth)) {
    throw new ApiProblem(
      'malformed-request',
      `The JSON nests deeper than ${LIMITS.maxJsonDepth} levels`,
      {
        extensions: { limit: LIMITS.maxJsonDepth },
      },
    );
  }
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ApiProblem(
      'malformed-request',
      `The body is not well-formed JSON: ${(error as Error).message.slice(0, 120)}`,
    );
  }
}
