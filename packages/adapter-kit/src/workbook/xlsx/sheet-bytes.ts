import { LimitHit } from '../../errors.ts';
import { notText, type XmlBudget, type XmlByteReader } from './xml-scanner.ts';
import { decodeEntities, XmlSyntaxError } from './xml-text.ts';

/** Element ids of a sheet (their index in `SHEET_NAMES`). */
export const SHEET_DATA = 0;
/** `<row>`. */
export const ROW = 1;
/** `<c>`. */
export const C = 2;
/** `<v>`. */
export const V = 3;
/** `<f>`. */
export const F = 4;
/** `<is>`. */
export const IS = 5;
/** `<t>`. */
export const T = 6;
/** `<rPh>`. */
export const RPH = 7;
/** `<dimension>`. */
export const DIMENSION = 8;
/** `<si>` (of the shared strings, read with the same reader). */
export const SI = 9;

/** Cell types (`t`). */
export const TYPE_N = 0;
/** `t="s"`. */
export const TYPE_S = 1;
/** `t="str"`. */
export const TYPE_STR = 2;
/** `t="inlineStr"`. */
export const TYPE_INLINE = 3;
/** `t="b"`. */
export const TYPE_B = 4;
/** `t="e"`. */
export const TYPE_E = 5;
/** `t="d"`. */
export const TYPE_D = 6;

/**
 * What a {@link SheetByteReader} reports a sheet's elements to (the sheet handler).
 *
 * @internal
 */
export interface SheetSink {
  /** Whether text is wanted now (inside `<v>`, `<f>` or an inline string's `<t>`). */
  readonly collecting: boolean;
  /** An element read without attributes starts (`sheetData`, `v`, `f`, `is`, `t`, `rPh`). */
  element(id: number, selfClosing: boolean): void;
  /** An element of interest ends (not called for self-closing elements). */
  close(id: number): void;
  /** A `<row>` in `sheetData` or not; `number` is its `r` (0 when not a whole number), -1 without. */
  row(number: number, selfClosing: boolean): void;
  /** A `<c>`: its 0-based column (-1 without `r`), type and style (-1 when not a whole number). */
  cell(column: number, type: number, style: number, selfClosing: boolean): void;
  /** The `ref` of `<dimension>`, if any. */
  dimension(ref: string | undefined): void;
  /**
   * Wanted text (entities decoded, line ends normalized), possibly in several pieces. Each piece
   * is a string of its own, decoded for this call from the piece's bytes: never a view into a
   * larger string (a chunk), so a sink may keep it as it is.
   */
  ownedText(text: string): void;
  /**
   * Wanted text as its bytes, valid UTF-8 of whole characters, before it is decoded: `true` when
   * taken as it is (it holds no `&` and no CR), else it comes again through
   * {@link SheetSink.text} or {@link SheetSink.digits}.
   */
  raw(buf: Uint8Array, start: number, end: number): boolean;
  /**
   * Wanted text that is a plain run of 1–15 ASCII digits, as its number: `true` when taken, else
   * it comes again through {@link SheetSink.text}.
   */
  digits(value: number, count: number): boolean;
  /**
   * A whole cell read at once, `<c …><v>digits</v></c>`: the same as {@link SheetSink.cell}, then
   * `<v>` with its digits ({@link SheetSink.digits}, `count` of them, 1–15) and both ends. `false`
   * when the sink wants the events one by one instead (nothing has been done then).
   */
  numberCell(column: number, type: number, style: number, value: number, count: number): boolean;
  /**
   * A whole shared string read at once, `<si><t>text</t></si>` (`text` not empty, no markup, valid
   * UTF-8 not yet checked): the same as `<si>`, `<t>`, the text ({@link SheetSink.raw}) and both
   * ends. `false` when the sink wants the events one by one instead (nothing has been done then).
   */
  plainString(buf: Uint8Array, start: number, end: number): boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const COLON = 58;
const CR = 13;
const AMP = 38;
const SEMI = 59;
const DOLLAR = 36;
/**
 * A carried token longer than this many bytes waits for more bytes before it is scanned again:
 * each retry scans it from its start, so retries come only when the bytes have doubled.
 */
const LONG_TOKEN = 16 * 1024;
/** How many bytes of a piece are joined to a carried token to finish it. */
const HEAD = 512;

/** Line ends as XML parsers report them: CR LF and lone CR become LF. */
function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** `a` and `b` joined in a new array. */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Whether `buf` holds the ASCII `text` at `at`. */
function bytesAre(buf: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > buf.length) return false;
  for (let k = 0; k < text.length; k++) if (buf[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Where the three bytes `a b c` are in `buf` from `from`, or -1. */
function find3(buf: Uint8Array, from: number, a: number, b: number, c: number): number {
  let at = buf.indexOf(a, from);
  while (at >= 0 && at + 2 < buf.length) {
    if (buf[at + 1] === b && buf[at + 2] === c) return at;
    at = buf.indexOf(a, at + 1);
  }
  return -1;
}

/**
 * Throws unless `buf[start, end)` is valid UTF-8 (whole sequences only).
 *
 * @internal
 */
export function checkUtf8(buf: Uint8Array, start: number, end: number): void {
  let i = start;
  while (i < end) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else {
      throw notText();
    }
    if (i + n >= end) throw notText();
    let code = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const next = buf[i + k] as number;
      if ((next & 0xc0) !== 0x80) throw notText();
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw notText();
    i += n + 1;
  }
}

/** Up to this many bytes, text is decoded by hand ({@link decodeShortUtf8}): a decoder call costs more. */
const SHORT_TEXT = 64;
/** The UTF-16 units of a short text being decoded (at most one per byte). */
const shortUnits = new Uint16Array(SHORT_TEXT);
/** A plain array of each length up to {@link SHORT_TEXT}, for `String.fromCharCode`. */
const shortArrays: number[][] = Array.from({ length: SHORT_TEXT + 1 }, (_, n) =>
  new Array<number>(n).fill(0),
);

/**
 * `buf[start, end)` (at most {@link SHORT_TEXT} bytes) decoded as UTF-8 by hand, checked as it
 * goes as {@link checkUtf8} checks it (throwing the same error), or `undefined` when it holds a
 * four-byte character or a byte no sequence starts with — for the decoder to decode or reject.
 * The string is one of its own (never a view of anything larger).
 *
 * @internal
 */
export function decodeShortUtf8(buf: Uint8Array, start: number, end: number): string | undefined {
  const codes = shortUnits;
  let n = 0;
  let i = start;
  while (i < end) {
    const b = buf[i] as number;
    if (b < 0x80) {
      codes[n++] = b;
      i++;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= end) throw notText();
      const c1 = buf[i + 1] as number;
      if ((c1 & 0xc0) !== 0x80) throw notText();
      codes[n++] = ((b & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= end) throw notText();
      const c1 = buf[i + 1] as number;
      const c2 = buf[i + 2] as number;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) throw notText();
      const code = ((b & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) throw notText();
      codes[n++] = code;
      i += 3;
    } else {
      return undefined;
    }
  }
  // Through a plain array of the exact length: `apply` reads one faster than a typed array.
  const units = shortArrays[n] as number[];
  for (let k = 0; k < n; k++) units[k] = codes[k] as number;
  return String.fromCharCode.apply(null, units);
}

/** The end of the whole UTF-8 characters of `buf[start, end)` (an incomplete last one left out). */
function wholeCharacters(buf: Uint8Array, start: number, end: number): number {
  for (let k = end - 1; k >= start && k >= end - 4; k--) {
    const b = buf[k] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return end;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return k + length > end ? k : end;
  }
  return end;
}

/**
 * A sheet part's reader over its UTF-8 bytes, for speed: the XML is tokenized as bytes, with the
 * same checks as the text scanner (`XmlScanner`) — balanced, matching tags, one root, no DTD,
 * known entities, valid UTF-8, the depth and tag-length budget — and only the text a cell needs is
 * decoded (a plain number or shared-string index is read from its digits without a string).
 * Tokens, characters, entities and line ends split between pieces are carried over; nothing else
 * is kept.
 *
 * @internal
 */
export class SheetByteReader implements XmlByteReader {
  /** Bytes handed to the tokenizer so far, retries of unfinished tokens included. */
  scanned = 0;
  private carry: Uint8Array | undefined;
  private waiting: Uint8Array[] = [];
  private waitingLength = 0;
  private retryAt = 0;
  /** While finishing a carried token: the carry's length (scanning stops past it), else -1. */
  private bounded = -1;
  /** Where a bounded scan stopped. */
  private stoppedAt = -1;
  private started = false;
  private stack = new Int32Array(64);
  private depth = 0;
  private rootSeen = false;
  private rootClosed = false;
  private readonly maxTagLength: number;
  private readonly maxDepth: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /**
   * @param sink - Receives the sheet's elements and text.
   * @param budget - The deepest nesting and the longest tag (in bytes).
   */
  constructor(
    private readonly sink: SheetSink,
    budget: XmlBudget,
  ) {
    this.maxTagLength = budget.maxTagLength;
    this.maxDepth = budget.maxXmlDepth;
  }

  /** @inheritdoc */
  write(bytes: Uint8Array): void {
    if (this.retryAt > 0) {
      this.waiting.push(bytes);
      this.waitingLength += bytes.length;
      if ((this.carry?.length ?? 0) + this.waitingLength >= this.retryAt) this.retry(false);
      return;
    }
    const carry = this.carry;
    if (carry === undefined) {
      this.scan(bytes, 0, false);
      this.waitIfLong();
      return;
    }
    this.carry = undefined;
    if (bytes.length > HEAD) {
      // Finish the carried token with the start of the piece, then scan the piece itself: no
      // copy of the whole piece.
      const head = join(carry, bytes.subarray(0, HEAD));
      this.bounded = carry.length;
      try {
        this.scan(head, 0, false);
      } finally {
        this.bounded = -1;
      }
      const at = this.stoppedAt;
      if (at >= carry.length) {
        this.scan(bytes, at - carry.length, false);
      } else {
        // A token longer than HEAD began in the carry: join as usual.
        this.scan(join(carry.subarray(at), bytes), 0, false);
      }
    } else {
      this.scan(join(carry, bytes), 0, false);
    }
    this.waitIfLong();
  }

  private waitIfLong(): void {
    const carry = this.carry;
    if (carry !== undefined && carry.length > LONG_TOKEN) this.retryAt = 2 * carry.length;
  }

  private retry(final: boolean): void {
    const parts = this.carry === undefined ? this.waiting : [this.carry, ...this.waiting];
    const buf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      buf.set(part, at);
      at += part.length;
    }
    this.carry = undefined;
    this.waiting = [];
    this.waitingLength = 0;
    this.retryAt = 0;
    this.scan(buf, 0, final);
    if (!final) this.waitIfLong();
  }

  /** @inheritdoc */
  end(): void {
    if (this.retryAt > 0) {
      this.retry(true);
    } else if (this.carry !== undefined) {
      const buf = this.carry;
      this.carry = undefined;
      this.scan(buf, 0, true);
    }
    if (this.carry !== undefined) throw new XmlSyntaxError('The XML ends inside a tag.');
    if (!this.rootSeen) throw new XmlSyntaxError('The XML part has no root element.');
    if (this.depth !== 0) throw new XmlSyntaxError('The XML ends before its elements are closed.');
  }

  private push(h: number): void {
    if (this.depth >= this.maxDepth) {
      throw new LimitHit(
        'maxXmlDepth',
        this.maxDepth,
        this.depth + 1,
        'The nesting depth of its XML elements',
      );
    }
    if (this.depth === this.stack.length) {
      const bigger = new Int32Array(this.stack.length * 2);
      bigger.set(this.stack);
      this.stack = bigger;
    }
    this.stack[this.depth++] = h;
  }

  private checkLength(lt: number, end: number): void {
    if (end - lt > this.maxTagLength) this.tooLong(end - lt);
  }

  private tooLong(found: number): never {
    throw new LimitHit(
      'maxTagLength',
      this.maxTagLength,
      found,
      'The length of an XML tag, comment or CDATA section',
    );
  }

  /** Keeps `buf[from…]` (an unfinished token) for the next piece. */
  private keep(from: number, buf: Uint8Array, final: boolean): void {
    if (this.bounded >= 0) {
      this.stoppedAt = from;
      return;
    }
    if (final) throw new XmlSyntaxError('The XML ends inside a tag.');
    if (buf.length - from > this.maxTagLength) this.tooLong(buf.length - from);
    this.carry = buf.slice(from);
  }

  private decode(buf: Uint8Array, start: number, end: number): string {
    if (end - start <= SHORT_TEXT) {
      const text = decodeShortUtf8(buf, start, end);
      if (text !== undefined) return text;
    }
    try {
      return this.decoder.decode(buf.subarray(start, end));
    } catch (error) {
      throw notText(error);
    }
  }

  /** Text in `[start, end)`, whole characters and entities. */
  private text(buf: Uint8Array, start: number, end: number): void {
    if (this.depth === 0) {
      for (let i = start; i < end; i++) {
        if ((buf[i] as number) > 32) {
          throw new XmlSyntaxError('The XML has text outside its root element.');
        }
      }
      return;
    }
    const sink = this.sink;
    if (!sink.collecting) {
      checkUtf8(buf, start, end);
      return;
    }
    if (sink.raw(buf, start, end)) return;
    if (end - start <= 15) {
      let n = 0;
      let k = start;
      for (; k < end; k++) {
        const d = (buf[k] as number) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (k === end && sink.digits(n, end - start)) return;
    }
    let text = this.decode(buf, start, end);
    if (text.indexOf('\r') >= 0) text = normalizeNewlines(text);
    if (text.indexOf('&') >= 0) text = decodeEntities(text);
    sink.ownedText(text);
  }

  /** Text from `start` to the end of the piece: a split character, entity or CR is carried. */
  private tail(buf: Uint8Array, start: number, final: boolean): void {
    const len = buf.length;
    if (this.bounded >= 0) {
      this.stoppedAt = start;
      return;
    }
    if (final || this.depth === 0) {
      this.text(buf, start, len);
      return;
    }
    let cut = wholeCharacters(buf, start, len);
    for (let k = cut - 1; k >= start && k > cut - 14; k--) {
      const b = buf[k];
      if (b === SEMI) break;
      if (b === AMP) {
        cut = k;
        break;
      }
    }
    if (cut > start && buf[cut - 1] === CR) cut--;
    if (cut > start) this.text(buf, start, cut);
    if (cut < len) this.carry = buf.slice(cut);
  }

  private scan(buf: Uint8Array, start: number, final: boolean): void {
    const len = buf.length;
    let pos = start;
    this.scanned += len - start;
    if (!this.started) {
      if (len < 3 && !final && (len === 0 || buf[0] === 0xef)) {
        if (len > 0) this.carry = buf.slice(0);
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    const sink = this.sink;
    while (pos < len) {
      if (this.bounded >= 0 && pos >= this.bounded) {
        this.stoppedAt = pos;
        return;
      }
      let lt = pos;
      if (buf[pos] !== LT) {
        const near = Math.min(pos + 32, len);
        lt = pos + 1;
        while (lt < near && buf[lt] !== LT) lt++;
        if (lt === near) lt = near === len ? -1 : buf.indexOf(LT, near);
      }
      if (lt < 0) {
        this.tail(buf, pos, final);
        return;
      }
      if (lt > pos) this.text(buf, pos, lt);
      pos = lt;
      if (lt + 1 >= len) {
        this.keep(lt, buf, final);
        return;
      }
      const c = buf[lt + 1] as number;
      if (c === SLASH) {
        let i = lt + 2;
        let colon = -1;
        let h = 0;
        let ch = 0;
        let high = 0;
        while (i < len) {
          ch = buf[i] as number;
          if (ch <= 32 || ch === GT) break;
          if (ch === COLON) colon = i;
          high |= ch;
          h = (Math.imul(h, 31) + ch) | 0;
          i++;
        }
        const nameEnd = i;
        while (i < len && ch <= 32) ch = buf[++i] as number;
        if (i >= len) {
          this.keep(lt, buf, final);
          return;
        }
        if (ch !== GT || nameEnd === lt + 2)
          throw new XmlSyntaxError('An XML end tag is malformed.');
        if (this.depth === 0 || this.stack[this.depth - 1] !== h) {
          throw new XmlSyntaxError('An XML end tag does not match its start tag.');
        }
        if (high >= 0x80) checkUtf8(buf, lt + 2, nameEnd);
        if (i - lt >= this.maxTagLength) this.checkLength(lt, i + 1);
        this.depth--;
        if (this.depth === 0) this.rootClosed = true;
        const id = elementId(buf, colon >= 0 ? colon + 1 : lt + 2, nameEnd);
        if (id >= 0) sink.close(id);
        pos = i + 1;
        continue;
      }
      if (c === QUESTION || c === BANG) {
        pos = this.special(buf, lt, c, final);
        if (pos < 0) return;
        continue;
      }
      if (c === 115 /* s */ && buf[lt + 2] === 105 /* i */ && buf[lt + 3] === GT) {
        const next = this.fastString(buf, lt);
        if (next > 0) {
          pos = next;
          continue;
        }
      }
      if (c === 99 /* c */ && this.depth > 0 && buf[lt + 2] === 32) {
        const next = this.fastCell(buf, lt);
        if (next > 0) {
          pos = next;
          continue;
        }
      }
      if (
        !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON || c >= 0x80)
      ) {
        throw new XmlSyntaxError('A "<" in the XML starts no tag.');
      }
      // A start tag: its name (hashed as it is read), attributes, then `>` or `/>`.
      let i = lt + 1;
      let colon = -1;
      let h = 0;
      let high = 0;
      while (i < len) {
        const ch = buf[i] as number;
        if (ch <= 32 || ch === GT || ch === SLASH) break;
        if (ch === COLON) colon = i;
        high |= ch;
        h = (Math.imul(h, 31) + ch) | 0;
        i++;
      }
      const nameEnd = i;
      const id = elementId(buf, colon >= 0 ? colon + 1 : lt + 1, nameEnd);
      let selfClosing = false;
      let complete = false;
      // What the sheet reads from attributes.
      let number = -1;
      let column = -1;
      let type = TYPE_N;
      let style = 0;
      let refStart = -1;
      let refEnd = -1;
      while (i < len) {
        let ch = buf[i] as number;
        if (ch <= 32) {
          i++;
          continue;
        }
        if (ch === GT) {
          complete = true;
          break;
        }
        if (ch === SLASH) {
          if (i + 1 >= len) break;
          if (buf[i + 1] !== GT) throw new XmlSyntaxError('An XML tag has a stray "/".');
          selfClosing = true;
          complete = true;
          i++;
          break;
        }
        const qualified = i;
        let local = i;
        while (i < len) {
          ch = buf[i] as number;
          if (ch === EQUALS || ch <= 32 || ch === GT || ch === SLASH || ch === LT) break;
          if (ch === COLON) local = i + 1;
          high |= ch;
          i++;
        }
        const attrEnd = i;
        while (i < len && (buf[i] as number) <= 32) i++;
        if (i >= len) break;
        if (buf[i] !== EQUALS) throw new XmlSyntaxError('An XML attribute has no value.');
        i++;
        while (i < len && (buf[i] as number) <= 32) i++;
        if (i >= len) break;
        const quote = buf[i] as number;
        if (quote !== QUOTE && quote !== APOS)
          throw new XmlSyntaxError('An XML attribute value is not quoted.');
        const valueStart = i + 1;
        let close = valueStart;
        const near = Math.min(close + 32, len);
        while (close < near) {
          const b = buf[close] as number;
          if (b === quote) break;
          high |= b;
          close++;
        }
        if (close === near && near < len) {
          close = buf.indexOf(quote, near);
          if (close < 0) close = len;
          else if (high < 0x80) checkUtf8(buf, near, close);
        }
        if (close >= len) {
          i = len;
          break;
        }
        if (id >= 0) {
          if (attrEnd - qualified === 1 && local === qualified) {
            const name = buf[qualified];
            if (id === C) {
              if (name === 114 /* r */) column = cellColumn(buf, valueStart, close);
              else if (name === 116 /* t */) type = cellType(buf, valueStart, close);
              else if (name === 115 /* s */) style = whole(buf, valueStart, close);
            } else if (id === ROW && name === 114 /* r */) {
              number = whole(buf, valueStart, close);
              if (number < 0) number = 0;
            }
          } else if (
            id === DIMENSION &&
            attrEnd - local === 3 &&
            bytesAre(buf, local, 'ref') &&
            !(local > qualified && bytesAre(buf, qualified, 'xmlns:'))
          ) {
            refStart = valueStart;
            refEnd = close;
          }
        }
        i = close + 1;
      }
      if (!complete) {
        this.keep(lt, buf, final);
        return;
      }
      if (high >= 0x80) checkUtf8(buf, lt + 1, i);
      if (i - lt >= this.maxTagLength) this.checkLength(lt, i + 1);
      if (this.rootClosed) throw new XmlSyntaxError('The XML has a second root element.');
      this.rootSeen = true;
      if (selfClosing) {
        if (this.depth === 0) this.rootClosed = true;
      } else {
        this.push(h);
      }
      switch (id) {
        case -1:
          break;
        case C:
          sink.cell(column, type, style, selfClosing);
          if (!selfClosing && colon < 0 && this.depth < this.maxDepth) {
            const next = this.plainValue(buf, i + 1);
            if (next > 0) {
              pos = next;
              continue;
            }
          }
          break;
        case ROW:
          sink.row(number, selfClosing);
          break;
        case DIMENSION:
          sink.dimension(refStart < 0 ? undefined : this.attrText(buf, refStart, refEnd));
          break;
        default:
          sink.element(id, selfClosing);
      }
      pos = i + 1;
    }
    if (this.bounded >= 0) this.stoppedAt = pos;
  }

  /**
   * The usual shared string at `lt`, inside the root: `<si><t>`, text without markup, `</t></si>`,
   * read at once (the same events and checks as one by one). Where scanning goes on, or -1 when the
   * bytes there are anything else or do not end in `buf` (they are then read the usual way).
   */
  private fastString(buf: Uint8Array, lt: number): number {
    const len = buf.length;
    const start = lt + 7;
    if (
      this.depth === 0 ||
      this.depth + 2 > this.maxDepth ||
      this.maxTagLength < 8 ||
      start >= len ||
      buf[lt + 4] !== LT ||
      buf[lt + 5] !== 116 /* t */ ||
      buf[lt + 6] !== GT
    ) {
      return -1;
    }
    const end = buf.indexOf(LT, start);
    if (
      end <= start ||
      end + 9 > len ||
      buf[end + 1] !== SLASH ||
      buf[end + 2] !== 116 ||
      buf[end + 3] !== GT ||
      buf[end + 4] !== LT ||
      buf[end + 5] !== SLASH ||
      buf[end + 6] !== 115 ||
      buf[end + 7] !== 105 ||
      buf[end + 8] !== GT ||
      !this.sink.plainString(buf, start, end)
    ) {
      return -1;
    }
    return end + 9;
  }

  /**
   * The usual cell at `lt`, inside the root: `<c` and attributes `r` (letters and digits), `s`
   * (digits) and `t` (`s` or `n`), in any order, each as ` x="…"`, then `/>` or `>` (and then, as
   * in {@link SheetByteReader.plainValue}, its value and end at once when they are plain digits):
   * the same events and checks as the tag read the usual way. Where scanning goes on, or -1 when
   * the tag is anything else or does not end in `buf` (it is then read the usual way).
   */
  private fastCell(buf: Uint8Array, lt: number): number {
    const len = buf.length;
    let i = lt + 2;
    let column = -1;
    let type = TYPE_N;
    let style = 0;
    let b = 0;
    for (;;) {
      if (i + 4 >= len) return -1;
      b = buf[i] as number;
      if (b !== 32) break;
      const name = buf[i + 1];
      if (buf[i + 2] !== EQUALS || buf[i + 3] !== QUOTE) return -1;
      let k = i + 4;
      if (name === 114 /* r */) {
        let col = 0;
        for (; k < len; k++) {
          const letter = (buf[k] as number) - 64;
          if (letter < 1 || letter > 26) break;
          col = col * 26 + letter;
        }
        if (k === i + 4 || k - i > 10) return -1;
        for (; k < len; k++) {
          const d = (buf[k] as number) - 48;
          if (d < 0 || d > 9) break;
        }
        column = col - 1;
      } else if (name === 115 /* s */) {
        let n = 0;
        for (; k < len; k++) {
          const d = (buf[k] as number) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        if (k === i + 4 || k - i > 13) return -1;
        style = n;
      } else if (name === 116 /* t */) {
        b = buf[k] as number;
        if (b === 115) type = TYPE_S;
        else if (b === 110) type = TYPE_N;
        else return -1;
        k++;
      } else {
        return -1;
      }
      if (k >= len || buf[k] !== QUOTE) return -1;
      i = k + 1;
    }
    const sink = this.sink;
    if (b === SLASH) {
      if (buf[i + 1] !== GT) return -1;
      if (i + 1 - lt >= this.maxTagLength) this.checkLength(lt, i + 2);
      sink.cell(column, type, style, true);
      return i + 2;
    }
    if (b !== GT) return -1;
    if (i - lt >= this.maxTagLength) this.checkLength(lt, i + 1);
    if (this.depth + 2 <= this.maxDepth) {
      // `<v>`, digits, `</v></c>`.
      const start = i + 4;
      if (start + 9 <= len && buf[i + 1] === LT && buf[i + 2] === 118 && buf[i + 3] === GT) {
        const limit = Math.min(start + 15, len);
        let k = start;
        let n = 0;
        while (k < limit) {
          const d = (buf[k] as number) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
          k++;
        }
        if (
          k > start &&
          k + 8 <= len &&
          buf[k] === LT &&
          buf[k + 1] === SLASH &&
          buf[k + 2] === 118 &&
          buf[k + 3] === GT &&
          buf[k + 4] === LT &&
          buf[k + 5] === SLASH &&
          buf[k + 6] === 99 &&
          buf[k + 7] === GT &&
          sink.numberCell(column, type, style, n, k - start)
        ) {
          return k + 8;
        }
      }
    }
    this.push(99 /* the hash of "c" */);
    sink.cell(column, type, style, false);
    if (this.depth < this.maxDepth) {
      const next = this.plainValue(buf, i + 1);
      if (next > 0) return next;
    }
    return i + 1;
  }

  /**
   * The usual rest of a cell just opened by an unprefixed `<c …>`: `<v>`, 1–15 digits, `</v></c>`
   * at `at`, read at once (the same events as one by one); where scanning goes on, or -1 when the
   * bytes there are anything else.
   */
  private plainValue(buf: Uint8Array, at: number): number {
    const len = buf.length;
    if (at + 12 > len || buf[at] !== LT || buf[at + 1] !== 118 || buf[at + 2] !== GT) return -1;
    const start = at + 3;
    const limit = Math.min(start + 15, len);
    let k = start;
    let n = 0;
    while (k < limit) {
      const d = (buf[k] as number) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
      k++;
    }
    if (
      k === start ||
      k + 8 > len ||
      buf[k] !== LT ||
      buf[k + 1] !== SLASH ||
      buf[k + 2] !== 118 ||
      buf[k + 3] !== GT ||
      buf[k + 4] !== LT ||
      buf[k + 5] !== SLASH ||
      buf[k + 6] !== 99 ||
      buf[k + 7] !== GT
    ) {
      return -1;
    }
    const sink = this.sink;
    sink.element(V, false);
    if (sink.collecting && !sink.digits(n, k - start)) {
      sink.ownedText(String.fromCharCode(...buf.subarray(start, k)));
    }
    sink.close(V);
    sink.close(C);
    this.depth--;
    if (this.depth === 0) this.rootClosed = true;
    return k + 8;
  }

  /** An attribute value as XML reads it: entities decoded, white space characters as spaces. */
  private attrText(buf: Uint8Array, start: number, end: number): string {
    let value = this.decode(buf, start, end);
    if (value.indexOf('&') >= 0) value = decodeEntities(value);
    if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
    return value;
  }

  /**
   * A processing instruction, comment, CDATA section or declaration at `lt`: where scanning goes
   * on, or -1 when it continues in the next piece.
   */
  private special(buf: Uint8Array, lt: number, c: number, final: boolean): number {
    const len = buf.length;
    if (c === QUESTION) {
      let end = buf.indexOf(QUESTION, lt + 2);
      while (end >= 0 && end + 1 < len && buf[end + 1] !== GT) end = buf.indexOf(QUESTION, end + 1);
      if (end < 0 || end + 1 >= len) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 2);
      checkUtf8(buf, lt + 2, end);
      return end + 2;
    }
    if (bytesAre(buf, lt + 1, '!--')) {
      const end = find3(buf, lt + 4, 45, 45, GT);
      if (end < 0) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 3);
      checkUtf8(buf, lt + 4, end);
      return end + 3;
    }
    if (bytesAre(buf, lt + 1, '![CDATA[')) {
      const end = find3(buf, lt + 9, 93, 93, GT);
      if (end < 0) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 3);
      if (this.depth === 0) throw new XmlSyntaxError('CDATA outside the root element.');
      if (this.sink.collecting) {
        this.sink.ownedText(normalizeNewlines(this.decode(buf, lt + 9, end)));
      } else {
        checkUtf8(buf, lt + 9, end);
      }
      return end + 3;
    }
    if (len - lt < 9 && !final) {
      this.keep(lt, buf, final);
      return -1;
    }
    throw new XmlSyntaxError(
      bytesAre(buf, lt + 1, '!DOCTYPE')
        ? 'The XML part has a DTD, which OOXML forbids.'
        : 'The XML has a malformed declaration.',
    );
  }
}

/** The id of the element whose local name is `buf[start, end)`, or -1. */
function elementId(buf: Uint8Array, start: number, end: number): number {
  switch (end - start) {
    case 1: {
      const c = buf[start];
      if (c === 99 /* c */) return C;
      if (c === 118 /* v */) return V;
      if (c === 102 /* f */) return F;
      if (c === 116 /* t */) return T;
      return -1;
    }
    case 2:
      if (buf[start] === 105 && buf[start + 1] === 115) return IS;
      return buf[start] === 115 && buf[start + 1] === 105 ? SI : -1;
    case 3:
      if (bytesAre(buf, start, 'row')) return ROW;
      return bytesAre(buf, start, 'rPh') ? RPH : -1;
    case 9:
      if (bytesAre(buf, start, 'sheetData')) return SHEET_DATA;
      return bytesAre(buf, start, 'dimension') ? DIMENSION : -1;
    default:
      return -1;
  }
}

/** A non-negative whole number of at most 15 digits, or -1. */
function whole(buf: Uint8Array, start: number, end: number): number {
  if (end === start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The 0-based column of a cell reference (`$` allowed, digits not checked). */
function cellColumn(buf: Uint8Array, start: number, end: number): number {
  let col = 0;
  let i = start;
  if (buf[i] === DOLLAR) i++;
  const lettersStart = i;
  for (; i < end; i++) {
    const c = buf[i] as number;
    if (c < 65 || c > 90) break;
    if (col < 1e9) col = col * 26 + (c - 64);
  }
  if (i === lettersStart) throw new XmlSyntaxError('A cell reference has no column.');
  return col - 1;
}

/** A cell's type from its `t`. */
function cellType(buf: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 1) {
    const c = buf[start];
    if (c === 115) return TYPE_S;
    if (c === 110) return TYPE_N;
    if (c === 98) return TYPE_B;
    if (c === 101) return TYPE_E;
    if (c === 100) return TYPE_D;
  } else if (length === 3 && bytesAre(buf, start, 'str')) {
    return TYPE_STR;
  } else if (length === 9 && bytesAre(buf, start, 'inlineStr')) {
    return TYPE_INLINE;
  }
  throw new XmlSyntaxError('A cell has an unknown type.');
}
