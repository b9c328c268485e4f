import { LimitHit, type Limits } from '../../errors.ts';
import type { MergedRange } from '../types.ts';
import { parseRange } from './cell-ref.ts';
import { type XmlHandler, XmlScanner } from './xml-scanner.ts';
import { scanChunks } from './xml-stream.ts';
import { XmlSyntaxError } from './xml-text.ts';

/** `mergeCell` in ASCII (no `Buffer`: this scan also runs in browsers). */
const NEEDLE = Uint8Array.from('mergeCell', (c) => c.charCodeAt(0));
/** The longest `<mergeCell …>` tag taken into account. */
const MAX_TAG = 1024;

function isSpace(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The `<` of a prefixed tag whose local name starts at `at` (`<x:mergeCell`), or -1. */
/** Where `needle` next occurs in `buf` from `from`, or -1. */
function indexOfBytes(buf: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0] as number;
  const last = buf.length - needle.length;
  for (let at = buf.indexOf(first, from); at >= 0 && at <= last; at = buf.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && buf[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

/** Bytes `[start, end)` as Latin-1 text (a tag, at most `MAX_TAG` bytes). */
function latin1(buf: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...buf.subarray(start, end));
}

function prefixedTagStart(buf: Uint8Array, at: number): number {
  for (let i = at - 2; i >= 0 && i > at - 34; i--) {
    const c = buf[i] as number;
    if (c === 60) return i < at - 2 ? i : -1;
    const nameChar =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 45 ||
      c === 46;
    if (!nameChar) return -1;
  }
  return -1;
}

/** What {@link scanMerges} may accumulate. */
type MergeBudget = Pick<Limits, 'maxMergedRanges' | 'maxXmlDepth' | 'maxTagLength'>;

/** Adds a range, within `maxMergedRanges`. */
function addRange(ranges: MergedRange[], range: MergedRange, max: number): void {
  if (ranges.length >= max) {
    throw new LimitHit(
      'maxMergedRanges',
      max,
      ranges.length + 1,
      'The number of merged ranges of the sheet',
    );
  }
  ranges.push(range);
}

/** The value of attribute `ref` in a tag's text, or `undefined`. */
function refOf(tag: string): string | undefined {
  const match = /(?:^|\s)ref\s*=\s*(["'])([^"']*)\1/.exec(tag);
  return match?.[2];
}

/**
 * The merged ranges of a sheet from its (inflated, UTF-8) XML, found by a fast byte search for
 * `<mergeCell ref="…"/>` tags (namespace prefixes allowed) — the sheet's cells are not parsed.
 *
 * @throws XmlSyntaxError when a `mergeCell` has no valid `ref`; `LimitHit` beyond
 * `maxMergedRanges` ranges.
 * @internal
 */
export async function scanMerges(
  chunks: AsyncIterable<Uint8Array>,
  budget: MergeBudget,
): Promise<MergedRange[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done === true) return [];
    const head = first.value;
    // A UTF-16 part (rare): the byte search does not apply; parse it.
    if (
      head.length >= 2 &&
      ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    ) {
      return await parseMerges(head, iterator, budget);
    }
    return await searchMerges(head, iterator, budget.maxMergedRanges);
  } finally {
    await iterator.return?.();
  }
}

/** The rest of an iterator, as an iterable that does not close it. */
async function* remaining(
  first: Uint8Array,
  iterator: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
    yield next.value;
}

async function searchMerges(
  first: Uint8Array,
  iterator: AsyncIterator<Uint8Array>,
  max: number,
): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  let carry = new Uint8Array(0);
  for await (const chunk of remaining(first, iterator)) {
    let buf = chunk;
    if (carry.length > 0) {
      buf = new Uint8Array(carry.length + chunk.length);
      buf.set(carry);
      buf.set(chunk, carry.length);
    }
    let keepFrom = Math.max(0, buf.length - MAX_TAG);
    let at = indexOfBytes(buf, NEEDLE);
    while (at >= 0) {
      const after = buf[at + NEEDLE.length];
      const before = buf[at - 1];
      const tagStart =
        before === 60 /* < */ ? at - 1 : before === 58 /* : */ ? prefixedTagStart(buf, at) : -1;
      if (after === undefined) {
        keepFrom = Math.min(keepFrom, tagStart >= 0 ? tagStart : at);
        break;
      }
      if (tagStart >= 0 && (isSpace(after) || after === 47 || after === 62)) {
        const end = buf.indexOf(62 /* > */, at);
        if (end < 0) {
          if (buf.length - tagStart > MAX_TAG)
            throw new XmlSyntaxError('A mergeCell tag is too long.');
          keepFrom = Math.min(keepFrom, tagStart);
          break;
        }
        const ref = refOf(latin1(buf, at + NEEDLE.length, end));
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range === undefined) throw new XmlSyntaxError('A mergeCell has no valid range.');
        addRange(ranges, range, max);
        keepFrom = Math.max(keepFrom, end + 1);
      }
      at = indexOfBytes(buf, NEEDLE, at + 1);
    }
    carry = buf.slice(keepFrom);
  }
  return ranges;
}

/** Merged ranges by parsing the part (for UTF-16 parts). */
async function parseMerges(
  first: Uint8Array,
  iterator: AsyncIterator<Uint8Array>,
  budget: MergeBudget,
): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  const handler: XmlHandler = {
    collecting: false,
    open(id, scanner) {
      if (id !== 0) return;
      const ref = scanner.attr('ref');
      const range = ref === undefined ? undefined : parseRange(ref);
      if (range === undefined) throw new XmlSyntaxError('A mergeCell has no valid range.');
      addRange(ranges, range, budget.maxMergedRanges);
    },
    close() {},
    text() {},
  };
  await scanChunks(remaining(first, iterator), new XmlScanner(['mergeCell'], handler, budget));
  return ranges;
}
