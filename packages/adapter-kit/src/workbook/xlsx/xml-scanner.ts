import { DEFAULT_LIMITS, LimitHit, type Limits } from '../../errors.ts';
import { decodeEntities, ownText, XmlSyntaxError } from './xml-text.ts';

/**
 * What an {@link XmlScanner} reports to. Element names are reported as the index of their local
 * name (the part after a namespace prefix) in the scanner's `names`, or `-1` for any other.
 *
 * @internal
 */
export interface XmlHandler {
  /** Whether text is wanted now: text is decoded and passed to {@link XmlHandler.text} only then. */
  readonly collecting: boolean;
  /** An element starts; read its attributes from `scanner` before returning. */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void;
  /** An element ends (not called for self-closing elements). */
  close(id: number): void;
  /**
   * Character data (entities decoded, line ends normalized to `\n`; CDATA sections included). One
   * text node may come in several pieces when it spans chunks.
   */
  text(text: string): void;
  /**
   * A reader of the part's UTF-8 bytes, when the handler reads them itself (faster than text):
   * the scanner then hands it every piece it is given (text pieces as UTF-8) instead of scanning
   * them, and the reader makes the same checks as the scanner.
   */
  readonly bytes?: XmlByteReader | undefined;
}

/**
 * Reads an XML part from its UTF-8 bytes, piece by piece, for an {@link XmlHandler} that does so
 * itself (see {@link XmlHandler.bytes}).
 *
 * @internal
 */
export interface XmlByteReader {
  /** The next bytes of the part. */
  write(bytes: Uint8Array): void;
  /** The end of the part; throws {@link XmlSyntaxError} when it is incomplete. */
  end(): void;
}

/**
 * A piece of an XML part as {@link XmlScanner.write} takes it: UTF-8 bytes (checked as they are
 * read), or text.
 *
 * @internal
 */
export type XmlPiece = string | Uint8Array;

/** The error for bytes that are not valid in the part's encoding. */
export function notText(cause?: unknown): XmlSyntaxError {
  return new XmlSyntaxError('The XML part is not valid UTF-8 or UTF-16 text.', { cause });
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
/** How much of a chunk is joined to a carried token to finish it. */
const HEAD = 512;
/**
 * A carried token longer than this waits for more text before it is scanned again: each retry
 * scans it from its start, so retries come only when the text has doubled (linear, not quadratic).
 */
const LONG_TOKEN = 16 * HEAD;

/**
 * What an {@link XmlScanner} may accumulate: the deepest nesting of elements and the longest tag
 * (or comment, CDATA section, processing instruction) carried from one chunk to the next.
 *
 * @internal
 */
export type XmlBudget = Pick<Limits, 'maxXmlDepth' | 'maxTagLength'>;
/**
 * Above this many characters, the buffer being scanned holds a long token joined with the chunks
 * after it: text and attribute values taken from it are copied, so that a cell never keeps a
 * megabyte tag alive (an ordinary chunk is 64 KiB of text at most).
 */
const COPY_ABOVE = 256 * 1024;
/** The longest element name an {@link XmlScanner} matches. */
const MAX_NAME = 31;

/** Whether `c` may start an XML name (approximately: letters, `_`, `:`, any non-ASCII). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON || c >= 0x80;
}

/** Line ends as XML parsers report them: CR LF and lone CR become LF. */
function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * A small streaming XML tokenizer for OOXML parts, fed decoded text chunk by chunk. Tags,
 * entities, CDATA sections, comments and line ends split across chunk boundaries are carried over
 * to the next chunk; nothing else is kept. Checks well-formedness as far as a reader needs it:
 * balanced, matching tags (by a hash of the name), one root, known entities, no DTD (OOXML forbids
 * them; refusing them also rules out entity-expansion attacks), and a complete document at
 * {@link XmlScanner.end}. Errors are {@link XmlSyntaxError}s.
 *
 * Allocation-light: element names are matched against `names` in place; attributes are read
 * through a cursor ({@link XmlScanner.nextAttr}) over the buffer, without objects.
 *
 * @internal
 */
export class XmlScanner {
  /** The text being scanned (the carried-over tail of the previous chunk, then the chunk). */
  buf = '';
  /** The position of the current tag's `<` (start or end tag). */
  tagStart = 0;
  /** The end of the current tag's qualified name. */
  nameEnd = 0;
  /**
   * The position of the current tag's `>` (the `/` before it for self-closing tags); for an end
   * tag (in {@link XmlHandler.close}), its `>`.
   */
  tagEnd = 0;
  /** The start of the current attribute's local name (after its prefix). */
  attrLocal = 0;
  /** The start of the current attribute's qualified name. */
  attrQualified = 0;
  /** The end of the current attribute's name. */
  attrNameEnd = 0;
  /** The start of the current attribute's value (after the quote). */
  valueStart = 0;
  /** The end of the current attribute's value (the closing quote). */
  valueEnd = 0;
  /**
   * Characters handed to the tokenizer so far, retries of unfinished tokens included: at most a
   * few times the document's length (work stays linear whatever the chunking).
   */
  scanned = 0;

  /**
   * Element ids by name length and first character (`length * 128 + (code & 127)`): the id when
   * one name fits, -2 when several do, -1 when none.
   */
  private readonly table = new Int16Array((MAX_NAME + 1) * 128);
  /** Names of interest by length, and their ids. */
  private readonly byLength: (string[] | undefined)[] = [];
  private readonly ids: (number[] | undefined)[] = [];
  private carry = '';
  /** Chunks that came while a long token waits (see {@link LONG_TOKEN}). */
  private waiting: string[] = [];
  private waitingLength = 0;
  /** The length the carry and the waiting chunks must reach before a retry; 0 when none waits. */
  private retryAt = 0;
  private readonly maxTagLength: number;
  private readonly maxDepth: number;
  /** The attributes of the current tag: 5 positions each (qualified, local, name end, value start, value end). */
  private attrs = new Int32Array(5 * 16);
  private attrCount = 0;
  private attrIndex = 0;
  /** While finishing a carried token: the carry's length (scanning stops past it), else -1. */
  private bounded = -1;
  /** Where a bounded scan stopped. */
  private stoppedAt = -1;
  private stack = new Int32Array(64);
  private depth = 0;
  private rootSeen = false;
  private rootClosed = false;

  /**
   * @param names - The local element names the handler cares about; their index is the `id`.
   * @param handler - Receives elements and text.
   * @param budget - The deepest nesting and the longest tag (default: {@link DEFAULT_LIMITS}'s);
   * beyond them the scanner throws a `LimitHit`.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly handler: XmlHandler,
    budget: Partial<XmlBudget> = {},
  ) {
    this.maxTagLength = budget.maxTagLength ?? DEFAULT_LIMITS.maxTagLength;
    this.maxDepth = budget.maxXmlDepth ?? DEFAULT_LIMITS.maxXmlDepth;
    this.byteReader = handler.bytes;
    this.table.fill(-1);
    names.forEach((name, id) => {
      if (name.length === 0 || name.length > MAX_NAME)
        throw new RangeError(`Element name ${name} is not 1–${MAX_NAME} long.`);
      const list = this.byLength[name.length] ?? [];
      const ids = this.ids[name.length] ?? [];
      list.push(name);
      ids.push(id);
      this.byLength[name.length] = list;
      this.ids[name.length] = ids;
      const key = name.length * 128 + (name.charCodeAt(0) & 127);
      this.table[key] = this.table[key] === -1 ? id : -2;
    });
  }

  private decoder: TextDecoder | undefined;
  private readonly byteReader: XmlByteReader | undefined;
  private encoder: TextEncoder | undefined;

  /**
   * Scans the next piece of the document: UTF-8 bytes (a character may be split between pieces;
   * the bytes are checked) or text. A handler that reads bytes itself (see
   * {@link XmlHandler.bytes}) is given the piece as UTF-8 bytes instead.
   */
  write(piece: XmlPiece): void {
    if (this.byteReader !== undefined) {
      if (typeof piece === 'string') {
        this.encoder ??= new TextEncoder();
        this.byteReader.write(this.encoder.encode(piece));
      } else {
        this.byteReader.write(piece);
      }
      return;
    }
    if (typeof piece === 'string') {
      this.writeText(piece);
      return;
    }
    this.decoder ??= new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = this.decoder.decode(piece, { stream: true });
    } catch (error) {
      throw notText(error);
    }
    if (text.length > 0) this.writeText(text);
  }

  private writeText(chunk: string): void {
    if (this.retryAt > 0) {
      // A long token is unfinished: scan it again only once the text has doubled.
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      if (this.carry.length + this.waitingLength >= this.retryAt) this.retry(false);
      return;
    }
    const carry = this.carry;
    if (carry.length === 0) {
      this.buf = chunk;
      this.scan(chunk, 0, false);
      this.waitIfLong();
      return;
    }
    this.carry = '';
    if (chunk.length > HEAD) {
      // Finish the carried token with the start of the chunk, then scan the chunk itself: no
      // copy of the whole chunk into a joined string.
      const head = carry + chunk.slice(0, HEAD);
      this.buf = head;
      this.bounded = carry.length;
      try {
        this.scan(head, 0, false);
      } finally {
        this.bounded = -1;
      }
      const at = this.stoppedAt;
      if (at >= carry.length) {
        this.buf = chunk;
        this.scan(chunk, at - carry.length, false);
        this.waitIfLong();
        return;
      }
      // A token longer than HEAD began in the carry: join as usual.
      const rest = carry.slice(at) + chunk;
      this.buf = rest;
      this.scan(rest, 0, false);
      this.waitIfLong();
      return;
    }
    const buf = carry + chunk;
    this.buf = buf;
    this.scan(buf, 0, false);
    this.waitIfLong();
  }

  /** After a scan: an unfinished token longer than {@link LONG_TOKEN} waits for twice the text. */
  private waitIfLong(): void {
    if (this.carry.length > LONG_TOKEN) this.retryAt = 2 * this.carry.length;
  }

  /** Scans the waiting long token with the chunks that came since. */
  private retry(final: boolean): void {
    const buf = this.carry + this.waiting.join('');
    this.carry = '';
    this.waiting = [];
    this.waitingLength = 0;
    this.retryAt = 0;
    this.buf = buf;
    this.scan(buf, 0, final);
    if (!final) this.waitIfLong();
  }

  /** Ends the document; throws {@link XmlSyntaxError} when it is incomplete. */
  end(): void {
    if (this.byteReader !== undefined) {
      this.byteReader.end();
      return;
    }
    if (this.decoder !== undefined) {
      let rest: string;
      try {
        rest = this.decoder.decode();
      } catch (error) {
        throw notText(error);
      }
      if (rest.length > 0) this.writeText(rest);
    }
    if (this.retryAt > 0) {
      this.retry(true);
    } else if (this.carry.length > 0) {
      const buf = this.carry;
      this.carry = '';
      this.buf = buf;
      this.scan(buf, 0, true);
    }
    if (this.carry.length > 0) throw new XmlSyntaxError('The XML ends inside a tag.');
    if (!this.rootSeen) throw new XmlSyntaxError('The XML part has no root element.');
    if (this.depth !== 0) throw new XmlSyntaxError('The XML ends before its elements are closed.');
  }

  private id(localStart: number, end: number): number {
    const length = end - localStart;
    if (length > MAX_NAME) return -1;
    const candidate = this.table[length * 128 + (this.buf.charCodeAt(localStart) & 127)] as number;
    if (candidate >= 0) {
      const name = this.names[candidate] as string;
      return length === 1 || this.buf.startsWith(name, localStart) ? candidate : -1;
    }
    if (candidate === -1) return -1;
    const list = this.byLength[length] as string[];
    for (let k = 0; k < list.length; k++) {
      if (this.buf.startsWith(list[k] as string, localStart))
        return this.ids[length]?.[k] as number;
    }
    return -1;
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

  /** Throws when a complete token from `lt` to `end` (excluded) is longer than the limit. */
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

  private keep(from: number, buf: string, final: boolean): void {
    if (this.bounded >= 0) {
      this.stoppedAt = from;
      return;
    }
    if (final) throw new XmlSyntaxError('The XML ends inside a tag.');
    if (buf.length - from > this.maxTagLength) this.tooLong(buf.length - from);
    this.carry = buf.slice(from);
  }

  /** Text in `[start, end)`; with `more`, a partial entity or CR at the end is carried over. */
  private text(buf: string, start: number, end: number, more: boolean): void {
    if (this.depth === 0) {
      for (let i = start; i < end; i++) {
        const c = buf.charCodeAt(i);
        if (c > 32 && !(c === 0xfeff && i === 0)) {
          throw new XmlSyntaxError('The XML has text outside its root element.');
        }
      }
      return;
    }
    if (!this.handler.collecting) return;
    let stop = end;
    if (more) {
      const amp = buf.lastIndexOf('&', end - 1);
      if (amp >= start && amp > end - 14 && buf.indexOf(';', amp) < 0) stop = amp;
      else if (buf.charCodeAt(end - 1) === CR) stop = end - 1;
      if (stop < end) this.carry = buf.slice(stop, end);
    }
    if (stop === start) return;
    let piece = buf.slice(start, stop);
    if (piece.indexOf('\r') >= 0) piece = normalizeNewlines(piece);
    if (piece.indexOf('&') >= 0) piece = decodeEntities(piece);
    if (buf.length > COPY_ABOVE) piece = ownText(piece);
    this.handler.text(piece);
  }

  private scan(buf: string, start: number, final: boolean): void {
    const len = buf.length;
    this.scanned += len - start;
    let pos = start;
    while (pos < len) {
      if (this.bounded >= 0 && pos >= this.bounded) {
        this.stoppedAt = pos;
        return;
      }
      // Tags mostly follow one another or short text: look a few characters before searching.
      let lt = pos;
      if (buf.charCodeAt(pos) !== LT) {
        const near = Math.min(pos + 48, len);
        lt = pos + 1;
        while (lt < near && buf.charCodeAt(lt) !== LT) lt++;
        if (lt === near) lt = near === len ? -1 : buf.indexOf('<', near);
      }
      if (lt < 0) {
        if (this.bounded >= 0) this.stoppedAt = pos;
        else this.text(buf, pos, len, !final);
        return;
      }
      if (lt > pos) this.text(buf, pos, lt, false);
      pos = lt;
      if (lt + 1 >= len) {
        this.keep(lt, buf, final);
        return;
      }
      const c = buf.charCodeAt(lt + 1);
      if (c === SLASH) {
        // An end tag: name (hashed as it is read), optional white space, `>`.
        let i = lt + 2;
        let colon = -1;
        let h = 0;
        let ch = 0;
        while (i < len) {
          ch = buf.charCodeAt(i);
          if (ch <= 32 || ch === GT) break;
          if (ch === COLON) colon = i;
          h = (Math.imul(h, 31) + ch) | 0;
          i++;
        }
        const nameEnd = i;
        while (i < len && ch <= 32) ch = buf.charCodeAt(++i);
        if (i >= len) {
          this.keep(lt, buf, final);
          return;
        }
        if (ch !== GT || nameEnd === lt + 2)
          throw new XmlSyntaxError('An XML end tag is malformed.');
        if (this.depth === 0 || this.stack[this.depth - 1] !== h) {
          throw new XmlSyntaxError('An XML end tag does not match its start tag.');
        }
        if (i - lt >= this.maxTagLength) this.checkLength(lt, i + 1);
        this.depth--;
        if (this.depth === 0) this.rootClosed = true;
        this.tagStart = lt;
        this.tagEnd = i;
        this.handler.close(this.id(colon >= 0 ? colon + 1 : lt + 2, nameEnd));
        pos = i + 1;
        continue;
      }
      if (c === QUESTION || c === BANG) {
        pos = this.special(buf, lt, c, final);
        if (pos < 0) return;
        continue;
      }
      if (!isNameStart(c)) throw new XmlSyntaxError('A "<" in the XML starts no tag.');
      // A start tag: its name (hashed as it is read), attributes (recorded), then `>` or `/>`.
      let i = lt + 1;
      let colon = -1;
      let h = 0;
      while (i < len) {
        const ch = buf.charCodeAt(i);
        if (ch <= 32 || ch === GT || ch === SLASH) break;
        if (ch === COLON) colon = i;
        h = (Math.imul(h, 31) + ch) | 0;
        i++;
      }
      const nameEnd = i;
      let count = 0;
      let selfClosing = false;
      let complete = false;
      while (i < len) {
        let ch = buf.charCodeAt(i);
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
          if (buf.charCodeAt(i + 1) !== GT) throw new XmlSyntaxError('An XML tag has a stray "/".');
          selfClosing = true;
          complete = true;
          i++;
          break;
        }
        // An attribute: name, `=`, a quoted value.
        const qualified = i;
        let local = i;
        while (i < len) {
          ch = buf.charCodeAt(i);
          if (ch === EQUALS || ch <= 32 || ch === GT || ch === SLASH || ch === LT) break;
          if (ch === COLON) local = i + 1;
          i++;
        }
        const attrEnd = i;
        while (i < len && buf.charCodeAt(i) <= 32) i++;
        if (i >= len) break;
        if (buf.charCodeAt(i) !== EQUALS)
          throw new XmlSyntaxError('An XML attribute has no value.');
        i++;
        while (i < len && buf.charCodeAt(i) <= 32) i++;
        if (i >= len) break;
        const quote = buf.charCodeAt(i);
        if (quote !== QUOTE && quote !== APOS)
          throw new XmlSyntaxError('An XML attribute value is not quoted.');
        // Values are mostly short: look at a few characters before searching.
        let close = i + 1;
        const near = Math.min(close + 32, len);
        while (close < near && buf.charCodeAt(close) !== quote) close++;
        if (close === near && near < len) {
          close = buf.indexOf(quote === QUOTE ? '"' : "'", near);
          if (close < 0) close = len;
        }
        if (close >= len) {
          i = len;
          break;
        }
        if (count === this.attrs.length / 5) {
          const bigger = new Int32Array(this.attrs.length * 2);
          bigger.set(this.attrs);
          this.attrs = bigger;
        }
        const a = count * 5;
        const attrs = this.attrs;
        attrs[a] = qualified;
        attrs[a + 1] = local;
        attrs[a + 2] = attrEnd;
        attrs[a + 3] = i + 1;
        attrs[a + 4] = close;
        count++;
        i = close + 1;
      }
      if (!complete) {
        this.keep(lt, buf, final);
        return;
      }
      if (i - lt >= this.maxTagLength) this.checkLength(lt, i + 1);
      if (this.rootClosed) throw new XmlSyntaxError('The XML has a second root element.');
      this.tagStart = lt;
      this.nameEnd = nameEnd;
      this.tagEnd = selfClosing ? i - 1 : i;
      this.attrCount = count;
      this.attrIndex = 0;
      this.rootSeen = true;
      if (selfClosing) {
        if (this.depth === 0) this.rootClosed = true;
      } else {
        this.push(h);
      }
      this.handler.open(this.id(colon >= 0 ? colon + 1 : lt + 1, nameEnd), this, selfClosing);
      pos = i + 1;
    }
    if (this.bounded >= 0) this.stoppedAt = pos;
  }

  /**
   * A processing instruction, comment, CDATA section or declaration at `lt`: where scanning goes
   * on, or -1 when it continues in the next chunk.
   */
  private special(buf: string, lt: number, c: number, final: boolean): number {
    const len = buf.length;
    if (c === QUESTION) {
      const end = buf.indexOf('?>', lt + 2);
      if (end < 0) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 2);
      return end + 2;
    }
    if (buf.startsWith('!--', lt + 1)) {
      const end = buf.indexOf('-->', lt + 4);
      if (end < 0) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 3);
      return end + 3;
    }
    if (buf.startsWith('![CDATA[', lt + 1)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) {
        this.keep(lt, buf, final);
        return -1;
      }
      this.checkLength(lt, end + 3);
      if (this.depth === 0) throw new XmlSyntaxError('CDATA outside the root element.');
      if (this.handler.collecting) this.handler.text(normalizeNewlines(buf.slice(lt + 9, end)));
      return end + 3;
    }
    if (len - lt < 9 && !final) {
      this.keep(lt, buf, final);
      return -1;
    }
    throw new XmlSyntaxError(
      buf.startsWith('!DOCTYPE', lt + 1)
        ? 'The XML part has a DTD, which OOXML forbids.'
        : 'The XML has a malformed declaration.',
    );
  }

  /** Restarts the attribute cursor of the current tag. */
  rewindAttrs(): void {
    this.attrIndex = 0;
  }

  /**
   * Moves the attribute cursor to the next attribute of the current tag, setting
   * {@link XmlScanner.attrLocal}, {@link XmlScanner.attrNameEnd}, {@link XmlScanner.valueStart} and
   * {@link XmlScanner.valueEnd}; `false` after the last.
   */
  nextAttr(): boolean {
    if (this.attrIndex >= this.attrCount) return false;
    const a = this.attrIndex * 5;
    const attrs = this.attrs;
    this.attrQualified = attrs[a] as number;
    this.attrLocal = attrs[a + 1] as number;
    this.attrNameEnd = attrs[a + 2] as number;
    this.valueStart = attrs[a + 3] as number;
    this.valueEnd = attrs[a + 4] as number;
    this.attrIndex++;
    return true;
  }

  /** Whether the current attribute's local name is `local` (`xmlns:*` declarations never match). */
  attrNamed(local: string): boolean {
    return (
      this.attrNameEnd - this.attrLocal === local.length &&
      this.buf.startsWith(local, this.attrLocal) &&
      !(this.attrLocal > this.attrQualified && this.buf.startsWith('xmlns:', this.attrQualified))
    );
  }

  /** The current attribute's value, entities decoded and white space normalized as XML does. */
  attrValue(): string {
    let value = this.buf.slice(this.valueStart, this.valueEnd);
    if (this.buf.length > COPY_ABOVE) value = ownText(value);
    if (value.indexOf('&') >= 0) value = decodeEntities(value);
    if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
    return value;
  }

  /** The value of the current tag's attribute with local name `local`, or `undefined`. */
  attr(local: string): string | undefined {
    this.rewindAttrs();
    while (this.nextAttr()) if (this.attrNamed(local)) return this.attrValue();
    return undefined;
  }

  /** The current attribute's value as a non-negative integer, or `-1` when it is not one. */
  attrInt(): number {
    const buf = this.buf;
    let n = 0;
    if (this.valueEnd === this.valueStart || this.valueEnd - this.valueStart > 15) return -1;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const d = buf.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }
}
