import { DEFAULT_LIMITS, LimitHit, type Limits } from '../../errors.ts';
import {
  checkUtf8,
  decodeShortUtf8,
  RPH as RPH_ID,
  SheetByteReader,
  type SheetSink,
  SI as SI_ID,
  T as T_ID,
} from './sheet-bytes.ts';
import type { XmlBudget, XmlHandler, XmlScanner } from './xml-scanner.ts';
import { cutText, unescapeOoxml } from './xml-text.ts';

/**
 * A workbook's shared strings (`sharedStrings.xml`), decoded once: the text of each `<si>` — a
 * plain `<t>` or the `<t>` of its rich-text runs `<r>`, never the phonetic `<rPh>` runs — with
 * entities and OOXML `_xHHHH_` escapes replaced, kept as stored otherwise (white space and
 * Unicode normalization untouched), cut at `maxCellLength`. The table is bounded by
 * `maxSharedStrings` and `maxSharedStringsLength`.
 *
 * Kept compact: the strings of a table read from a file are held as UTF-8 bytes with their
 * offsets, not as one JavaScript string each, and a string is decoded when a cell needs it (a
 * small cache keeps the ones cells use again). Each string {@link SharedStrings.get} gives is a
 * string of its own (never a slice keeping a larger string alive).
 *
 * @internal
 */
export interface SharedStrings {
  /** How many strings the table holds. */
  readonly count: number;
  /** The string at `index`, or `undefined` when there is none. */
  get(index: number): string | undefined;
  /** The indexes of strings that were longer than `maxCellLength` and were cut. */
  readonly truncated: ReadonlySet<number>;
}

/**
 * A {@link SharedStrings} table over strings in memory (tests, small tables).
 *
 * @internal
 */
export function sharedStringsOf(
  strings: readonly string[],
  truncated: ReadonlySet<number> = new Set(),
): SharedStrings {
  return {
    count: strings.length,
    get: (index) => strings[index],
    truncated,
  };
}

/**
 * No shared strings (a workbook without `sharedStrings.xml`).
 *
 * @internal
 */
export const NO_SHARED_STRINGS: SharedStrings = sharedStringsOf([]);

/** Bytes of one page of a {@link StringTable} (a longer string gets a page of its own). */
const PAGE_BYTES = 1 << 20;
/** Entries of one chunk of a {@link StringTable}'s offsets. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
/** Decoded strings a {@link StringTable} remembers (by index, direct-mapped). */
const CACHE_SIZE = 16_384;
/** Longer strings than this (UTF-16 units) are not cached, so that the cache stays small. */
const CACHE_TEXT = 256;
/** Up to this many bytes, a string is decoded by hand (a decoder call costs more). */
const SHORT = 64;

/** Whether `text` holds a lone surrogate (which UTF-8 cannot carry). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

/**
 * Strings stored as UTF-8 bytes in pages of {@link PAGE_BYTES}, each string inside one page, with
 * the end of each string (within its page) in chunks of offsets: no array is ever copied to grow,
 * and a string costs its bytes and four more. Strings UTF-8 cannot carry (lone surrogates, which
 * an `_xD800_` escape may give) are kept aside as they are.
 */
class StringTable implements SharedStrings {
  count = 0;
  readonly truncated = new Set<number>();
  private readonly pages: Uint8Array[] = [];
  /** The index of the first string of each page. */
  private readonly firsts: number[] = [];
  private readonly ends: Uint32Array[] = [];
  private page: Uint8Array = new Uint8Array(0);
  private used = 0;
  private readonly odd = new Map<number, string>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private readonly cacheKeys = new Int32Array(CACHE_SIZE).fill(-1);
  private readonly cacheValues: (string | undefined)[] = new Array(CACHE_SIZE);
  /** 1 where the cached string was asked for again since it came (see {@link StringTable.get}). */
  private readonly cacheUsed = new Uint8Array(CACHE_SIZE);
  /**
   * 1 for each string asked for before, made when the table is finished (before that, and for a
   * table not finished, strings are cached from their first use).
   */
  private seen = new Uint8Array(0);
  /** Where the last looked-up page starts and ends (in string indexes), to skip the search. */
  private lastPage = -1;
  /** Bytes of a string being added piece by piece ({@link StringTable.appendBytes}), after `used`. */
  private pending = 0;

  /** Appends bytes (valid UTF-8) to the string being added piece by piece. */
  appendBytes(buf: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.used + this.pending + n > this.page.length) {
      const kept = this.page.slice(this.used, this.used + this.pending);
      this.newPage(kept.length + n);
      this.page.set(kept, this.used);
    }
    const page = this.page;
    const at = this.used + this.pending;
    if (n <= SHORT) {
      // A short string byte by byte: cheaper than a view of it for `set`.
      for (let k = 0; k < n; k++) page[at + k] = buf[start + k] as number;
    } else {
      page.set(buf.subarray(start, end), at);
    }
    this.pending += n;
  }

  /** The string being added piece by piece, as text (it is then no longer pending). */
  takePending(): string {
    const text = this.decoder.decode(this.page.subarray(this.used, this.used + this.pending));
    this.pending = 0;
    return text;
  }

  /** Forgets the string being added piece by piece. */
  dropPending(): void {
    this.pending = 0;
  }

  /** Adds the string added piece by piece. */
  addPending(): void {
    const index = this.count;
    if (index % CHUNK === 0) this.ends.push(new Uint32Array(CHUNK));
    if (this.pages.length === 0) this.newPage(0);
    this.used += this.pending;
    this.pending = 0;
    (this.ends[index >>> CHUNK_BITS] as Uint32Array)[index & (CHUNK - 1)] = this.used;
    this.count++;
  }

  add(text: string): void {
    const index = this.count;
    if (index % CHUNK === 0) this.ends.push(new Uint32Array(CHUNK));
    let bytes = 0;
    if (text.length > 0 && hasLoneSurrogate(text)) {
      this.odd.set(index, text);
    } else if (text.length > 0) {
      // At most 3 bytes per UTF-16 unit.
      const room = text.length * 3;
      if (this.used + room > this.page.length) this.newPage(room);
      bytes = this.encoder.encodeInto(text, this.page.subarray(this.used)).written;
    }
    if (this.pages.length === 0) this.newPage(0);
    this.used += bytes;
    (this.ends[index >>> CHUNK_BITS] as Uint32Array)[index & (CHUNK - 1)] = this.used;
    this.count++;
  }

  private newPage(room: number): void {
    if (this.pages.length > 0 && this.used === 0) {
      // The current page is still empty: only make it bigger.
      this.page = new Uint8Array(Math.max(PAGE_BYTES, room));
      this.pages[this.pages.length - 1] = this.page;
      return;
    }
    this.page = new Uint8Array(Math.max(PAGE_BYTES, room));
    this.pages.push(this.page);
    this.firsts.push(this.count);
    this.used = 0;
  }

  /** Lets go of the unused end of the last page. */
  finish(): void {
    this.seen = new Uint8Array(this.count);
    const last = this.pages.length - 1;
    if (last >= 0 && this.used < this.page.length) {
      this.page = this.page.slice(0, this.used);
      this.pages[last] = this.page;
    }
  }

  private pageOf(index: number): number {
    const firsts = this.firsts;
    const last = this.lastPage;
    if (
      last >= 0 &&
      index >= (firsts[last] as number) &&
      (last + 1 === firsts.length || index < (firsts[last + 1] as number))
    ) {
      return last;
    }
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((firsts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    this.lastPage = low;
    return low;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const slot = index & (CACHE_SIZE - 1);
    if (this.cacheKeys[slot] === index) {
      this.cacheUsed[slot] = 1;
      return this.cacheValues[slot] as string;
    }
    const text = this.decode(index);
    // Kept only from its second use on, short enough, and with a second chance for a string
    // used again since it came: the strings of each row's own cells (names, codes) are mostly
    // used once and would push out those many rows use.
    const seen = this.seen;
    if (seen[index] === 0) {
      seen[index] = 1;
    } else if (text.length <= CACHE_TEXT) {
      if (this.cacheUsed[slot] === 0) {
        this.cacheKeys[slot] = index;
        this.cacheValues[slot] = text;
      } else {
        this.cacheUsed[slot] = 0;
      }
    }
    return text;
  }

  private decode(index: number): string {
    const p = this.pageOf(index);
    const end = (this.ends[index >>> CHUNK_BITS] as Uint32Array)[index & (CHUNK - 1)] as number;
    const start =
      index === this.firsts[p]
        ? 0
        : ((this.ends[(index - 1) >>> CHUNK_BITS] as Uint32Array)[
            (index - 1) & (CHUNK - 1)
          ] as number);
    if (start === end) return this.odd.get(index) ?? '';
    const page = this.pages[p] as Uint8Array;
    if (end - start <= SHORT) {
      // Short text by hand (a decoder call costs more than the characters); four-byte
      // characters go to the decoder.
      const text = decodeShortUtf8(page, start, end);
      if (text !== undefined) return text;
    }
    return this.decoder.decode(page.subarray(start, end));
  }
}

/** Element names {@link SharedStringsHandler} listens to. */
export const SHARED_STRINGS_NAMES = ['si', 't', 'rPh'] as const;
const SI = 0;
const T = 1;
const RPH = 2;

/** The id in {@link SHARED_STRINGS_NAMES} of an element id of {@link SheetByteReader}, or -1. */
function byteIdToLocal(id: number): number {
  return id === SI_ID ? SI : id === T_ID ? T : id === RPH_ID ? RPH : -1;
}

/**
 * Collects {@link SharedStrings} from a `sharedStrings.xml` scan.
 *
 * @internal
 */
export class SharedStringsHandler implements XmlHandler, SheetSink {
  /** Whether the scanner is inside a `<t>` that belongs to the string. */
  collecting = false;
  /** The part's byte reader, unless `asText` is set (see {@link SheetByteReader}). */
  readonly bytes: SheetByteReader | undefined;
  private readonly table = new StringTable();
  /** The string being read: 0 nothing yet, 1 bytes taken as they are, 2 text. */
  private mode = 0;
  /** The UTF-16 length of the bytes taken as they are. */
  private rawLength = 0;
  private inSi = false;
  private phonetic = 0;
  private text_ = '';
  /** The characters of the strings kept so far. */
  private length = 0;
  /** Text beyond this many characters is dropped while collecting (escapes are 7 characters). */
  private readonly collectLimit: number;
  private readonly maxCellLength: number;
  private readonly maxStrings: number;
  private readonly maxLength: number;

  /**
   * @param limits - Longer strings than `maxCellLength` are cut and reported in `truncated`; more
   * strings than `maxSharedStrings`, or more characters than `maxSharedStringsLength`, throw a
   * `LimitHit`; the XML's depth and tag length are bounded as {@link XmlBudget} says (default:
   * {@link DEFAULT_LIMITS}'s).
   * @param asText - Read the part as text through the scanner's events instead of as bytes (the
   * same strings, slower; for tests comparing the two).
   */
  constructor(
    limits: Pick<Limits, 'maxCellLength' | 'maxSharedStrings' | 'maxSharedStringsLength'> &
      Partial<XmlBudget>,
    asText = false,
  ) {
    this.bytes = asText
      ? undefined
      : new SheetByteReader(this, {
          maxXmlDepth: limits.maxXmlDepth ?? DEFAULT_LIMITS.maxXmlDepth,
          maxTagLength: limits.maxTagLength ?? DEFAULT_LIMITS.maxTagLength,
        });
    this.maxCellLength = limits.maxCellLength;
    this.maxStrings = limits.maxSharedStrings;
    this.maxLength = limits.maxSharedStringsLength;
    this.collectLimit = this.maxCellLength * 7 + 16;
  }

  /** @inheritdoc */
  open(id: number, _scanner: XmlScanner, selfClosing: boolean): void {
    if (id === SI) {
      if (this.table.count >= this.maxStrings) {
        throw new LimitHit(
          'maxSharedStrings',
          this.maxStrings,
          this.table.count + 1,
          'The number of shared strings',
        );
      }
      if (selfClosing) {
        this.table.add('');
      } else {
        this.inSi = true;
        this.text_ = '';
        this.mode = 0;
        this.rawLength = 0;
        this.table.dropPending();
      }
    } else if (id === RPH && !selfClosing) {
      this.phonetic++;
    } else if (id === T && !selfClosing && this.inSi && this.phonetic === 0) {
      this.collecting = true;
    }
  }

  /** An element of {@link SHARED_STRINGS_NAMES} ends. */
  private closeLocal(id: number): void {
    if (id === T) {
      this.collecting = false;
    } else if (id === RPH) {
      this.phonetic--;
    } else if (id === SI && this.inSi) {
      this.inSi = false;
      if (this.mode === 1 && this.rawLength <= this.maxCellLength) {
        // Bytes as they are: no entity, escape or line end to change, nothing to cut.
        this.mode = 0;
        this.count(this.rawLength);
        this.table.addPending();
        return;
      }
      if (this.mode === 1) this.text_ = this.table.takePending();
      this.mode = 0;
      let text = unescapeOoxml(this.text_);
      this.text_ = '';
      if (text.length > this.maxCellLength) {
        text = cutText(text, this.maxCellLength);
        this.table.truncated.add(this.table.count);
      }
      this.count(text.length);
      this.table.add(text);
    }
  }

  /** Counts `length` more characters against `maxSharedStringsLength`. */
  private count(length: number): void {
    this.length += length;
    if (this.length > this.maxLength) {
      throw new LimitHit(
        'maxSharedStringsLength',
        this.maxLength,
        this.length,
        'The number of characters of the shared strings',
      );
    }
  }

  /** @inheritdoc */
  ownedText(text: string): void {
    this.text(text);
  }

  /** @inheritdoc */
  text(text: string): void {
    if (this.mode === 1) this.text_ = this.table.takePending();
    this.mode = 2;
    if (this.text_.length < this.collectLimit) this.text_ += text;
  }

  /** @inheritdoc */
  raw(buf: Uint8Array, start: number, end: number): boolean {
    if (this.mode === 2 || buf[end - 1] === 95 /* _ */) return false;
    let units = 0;
    for (let k = start; k < end; k++) {
      const b = buf[k] as number;
      if (b < 0x80) {
        if (b === 38 /* & */ || b === 13 || (b === 95 && buf[k + 1] === 120) /* _x */) return false;
        units++;
      } else if ((b & 0xc0) !== 0x80) {
        units += b >= 0xf0 ? 2 : 1;
      }
    }
    checkUtf8(buf, start, end);
    if (this.rawLength < this.collectLimit) {
      this.table.appendBytes(buf, start, end);
      this.rawLength += units;
    }
    this.mode = 1;
    return true;
  }

  /** @inheritdoc */
  element(id: number, selfClosing: boolean): void {
    const local = byteIdToLocal(id);
    if (local >= 0) this.open(local, undefined as unknown as XmlScanner, selfClosing);
  }

  /** @inheritdoc */
  close(id: number): void {
    // Ids are the byte reader's when it reads the part, else those of SHARED_STRINGS_NAMES.
    this.closeLocal(this.bytes === undefined ? id : byteIdToLocal(id));
  }

  /** @inheritdoc */
  row(): void {}

  /** @inheritdoc */
  cell(): void {}

  /** @inheritdoc */
  dimension(): void {}

  /** @inheritdoc */
  digits(): boolean {
    return false;
  }

  /** @inheritdoc */
  numberCell(): boolean {
    return false;
  }

  /** @inheritdoc */
  plainString(buf: Uint8Array, start: number, end: number): boolean {
    if (this.inSi || this.collecting || this.phonetic !== 0 || buf[end - 1] === 95 /* _ */) {
      return false;
    }
    // What raw() takes as it is (see there), and nothing to cut.
    let units = 0;
    for (let k = start; k < end; k++) {
      const b = buf[k] as number;
      if (b < 0x80) {
        if (b === 38 /* & */ || b === 13 || (b === 95 && buf[k + 1] === 120) /* _x */) return false;
        units++;
      } else if ((b & 0xc0) !== 0x80) {
        units += b >= 0xf0 ? 2 : 1;
      }
    }
    if (units > this.maxCellLength) return false;
    // As <si> opens (the count of strings checked first), then its text, then its end.
    if (this.table.count >= this.maxStrings) {
      throw new LimitHit(
        'maxSharedStrings',
        this.maxStrings,
        this.table.count + 1,
        'The number of shared strings',
      );
    }
    checkUtf8(buf, start, end);
    this.table.dropPending();
    this.table.appendBytes(buf, start, end);
    this.count(units);
    this.table.addPending();
    return true;
  }

  /** The strings found. */
  result(): SharedStrings {
    this.table.finish();
    return this.table;
  }
}
