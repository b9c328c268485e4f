import { platform } from '#platform';
import { crc32, crc32Combine } from './crc32.ts';
import type { ZipEntry } from './zip-reader.ts';

/**
 * A piece of an entry's data, compressed on its own: deflate output ending with a sync flush (so
 * that pieces can be joined in any order into one deflate stream), with the CRC-32 and the size of
 * the bytes it holds.
 *
 * @internal
 */
export interface Segment {
  /** The stored bytes (compressed, or raw for stored entries). */
  readonly parts: readonly Uint8Array[];
  /** CRC-32 of the uncompressed bytes. */
  readonly crc: number;
  /** Uncompressed size. */
  readonly size: number;
}

/** Characters of text gathered before they are compressed. */
const FLUSH_CHARS = 512 * 1024;
/** The final, empty, fixed-Huffman deflate block that ends a stream of sync-flushed pieces. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);
const encoder = new TextEncoder();

/**
 * Writes text or bytes into a {@link Segment}, compressing every half megabyte of text as it
 * comes, so that a large sheet is never held uncompressed.
 *
 * @internal
 */
export class SegmentWriter {
  private readonly parts: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;

  /**
   * @param deflate - Compress (else store).
   * @param level - The zlib compression level.
   */
  constructor(
    private readonly deflate = true,
    private readonly level = 6,
  ) {}

  /** Adds text (as UTF-8). */
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_CHARS) this.flush();
  }

  /** Adds bytes. */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.add(bytes);
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.add(encoder.encode(text));
  }

  private add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.parts.push(this.deflate ? platform.deflateRawSync(bytes, this.level) : bytes);
  }

  /** The segment written so far (the writer must not be used afterwards). */
  finish(): Segment {
    this.flush();
    return { parts: this.parts, crc: this.crc, size: this.size };
  }
}

/** Options of {@link ZipWriter}. */
export interface ZipWriterOptions {
  /** The entries' modification time (default 1980-01-01 00:00, the earliest, for reproducible output). */
  readonly modified?: Date;
  /** Write ZIP64 records even when sizes fit in 32 bits (for tests of readers). */
  readonly forceZip64?: boolean;
}

function dosTime(date: Date | undefined): { time: number; date: number } {
  if (date === undefined || date.getFullYear() < 1980) return { time: 0, date: 0x21 };
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** What a local and a central record need. */
interface EntryRecord {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly extra: Uint8Array;
  readonly comment: Uint8Array;
}

const MAX32 = 0xffffffff;

/**
 * Writes a zip archive in memory: new entries from text or {@link Segment}s (deflated with
 * `deflateRawSync`, CRC-32 from `zlib.crc32`), and entries of another zip copied byte for byte
 * (their compressed data untouched). ZIP64 records are written when sizes or offsets need them.
 *
 * @internal
 */
export class ZipWriter {
  private readonly out: Uint8Array[] = [];
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;
  private readonly stamp: { time: number; date: number };
  private readonly names = new Set<string>();

  /** @param options - Modification time; forced ZIP64. */
  constructor(private readonly options: ZipWriterOptions = {}) {
    this.stamp = dosTime(options.modified);
  }

  /** Adds an entry from text or bytes, deflated unless `deflate` is false. */
  add(name: string, data: string | Uint8Array, deflate = true, level = 6): void {
    const writer = new SegmentWriter(deflate, level);
    if (typeof data === 'string') writer.write(data);
    else writer.writeBytes(data);
    this.addSegments(name, [writer.finish()], deflate);
  }

  /** Adds an entry whose data is `segments` joined (all deflated, or all stored). */
  addSegments(name: string, segments: readonly Segment[], deflate = true): void {
    let crc = 0;
    let size = 0;
    const parts: Uint8Array[] = [];
    for (const segment of segments) {
      crc = size === 0 ? segment.crc : crc32Combine(crc, segment.crc, segment.size);
      size += segment.size;
      parts.push(...segment.parts);
    }
    if (deflate) parts.push(FINAL_BLOCK);
    const nameBytes = encoder.encode(name);
    const ascii = nameBytes.length === name.length;
    this.write(
      {
        nameBytes,
        flags: ascii ? 0 : 0x0800,
        method: deflate ? 8 : 0,
        time: this.stamp.time,
        date: this.stamp.date,
        crc,
        compressedSize: parts.reduce((n, p) => n + p.length, 0),
        size,
        versionMadeBy: 20,
        versionNeeded: 20,
        internalAttributes: 0,
        externalAttributes: 0,
        extra: new Uint8Array(0),
        comment: new Uint8Array(0),
      },
      parts,
      name,
    );
  }

  /** Copies an entry of another zip: same name, flags, method, time and compressed bytes. */
  copy(entry: ZipEntry, raw: Uint8Array): void {
    this.write(
      {
        nameBytes: entry.nameBytes,
        flags: entry.flags & ~0x0008,
        method: entry.method,
        time: entry.time,
        date: entry.date,
        crc: entry.crc32,
        compressedSize: raw.length,
        size: entry.uncompressedSize,
        versionMadeBy: entry.versionMadeBy,
        versionNeeded: entry.versionNeeded,
        internalAttributes: entry.internalAttributes,
        externalAttributes: entry.externalAttributes,
        extra: entry.extra,
        comment: entry.comment,
      },
      [raw],
      entry.name,
    );
  }

  private write(record: EntryRecord, parts: readonly Uint8Array[], name: string): void {
    if (this.names.has(name))
      throw new RangeError(`The zip already has an entry ${JSON.stringify(name)}.`);
    this.names.add(name);
    const force = this.options.forceZip64 === true;
    const localZip64 = force || record.size >= MAX32 || record.compressedSize >= MAX32;
    const offsetZip64 = force || this.offset >= MAX32;
    const versionNeeded =
      localZip64 || offsetZip64 ? Math.max(45, record.versionNeeded) : record.versionNeeded;

    const localExtra = localZip64
      ? zip64Extra([record.size, record.compressedSize])
      : new Uint8Array(0);
    const local = new Uint8Array(
      30 + record.nameBytes.length + localExtra.length + record.extra.length,
    );
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, versionNeeded, true);
    lv.setUint16(6, record.flags, true);
    lv.setUint16(8, record.method, true);
    lv.setUint16(10, record.time, true);
    lv.setUint16(12, record.date, true);
    lv.setUint32(14, record.crc, true);
    lv.setUint32(18, localZip64 ? MAX32 : record.compressedSize, true);
    lv.setUint32(22, localZip64 ? MAX32 : record.size, true);
    lv.setUint16(26, record.nameBytes.length, true);
    lv.setUint16(28, localExtra.length + record.extra.length, true);
    local.set(record.nameBytes, 30);
    local.set(localExtra, 30 + record.nameBytes.length);
    local.set(record.extra, 30 + record.nameBytes.length + localExtra.length);

    const centralValues: number[] = [];
    if (localZip64) centralValues.push(record.size, record.compressedSize);
    if (offsetZip64) centralValues.push(this.offset);
    const centralExtra = centralValues.length > 0 ? zip64Extra(centralValues) : new Uint8Array(0);
    const central = new Uint8Array(
      46 +
        record.nameBytes.length +
        centralExtra.length +
        record.extra.length +
        record.comment.length,
    );
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, record.versionMadeBy, true);
    cv.setUint16(6, versionNeeded, true);
    cv.setUint16(8, record.flags, true);
    cv.setUint16(10, record.method, true);
    cv.setUint16(12, record.time, true);
    cv.setUint16(14, record.date, true);
    cv.setUint32(16, record.crc, true);
    cv.setUint32(20, localZip64 ? MAX32 : record.compressedSize, true);
    cv.setUint32(24, localZip64 ? MAX32 : record.size, true);
    cv.setUint16(28, record.nameBytes.length, true);
    cv.setUint16(30, centralExtra.length + record.extra.length, true);
    cv.setUint16(32, record.comment.length, true);
    cv.setUint16(36, record.internalAttributes, true);
    cv.setUint32(38, record.externalAttributes, true);
    cv.setUint32(42, offsetZip64 ? MAX32 : this.offset, true);
    let at = 46;
    central.set(record.nameBytes, at);
    at += record.nameBytes.length;
    central.set(centralExtra, at);
    at += centralExtra.length;
    central.set(record.extra, at);
    at += record.extra.length;
    central.set(record.comment, at);

    this.out.push(local, ...parts);
    this.offset += local.length + record.compressedSize;
    this.central.push(central);
    this.count++;
  }

  /** The archive's bytes, as a list of chunks to write out in order. */
  finishChunks(): Uint8Array[] {
    const directoryOffset = this.offset;
    const directorySize = this.central.reduce((n, c) => n + c.length, 0);
    const zip64 =
      this.options.forceZip64 === true ||
      this.count >= 0xffff ||
      directoryOffset >= MAX32 ||
      directorySize >= MAX32;
    const tail: Uint8Array[] = [];
    if (zip64) {
      const record = new Uint8Array(56);
      const rv = new DataView(record.buffer);
      rv.setUint32(0, 0x06064b50, true);
      setU64(rv, 4, 44);
      rv.setUint16(12, 45, true);
      rv.setUint16(14, 45, true);
      setU64(rv, 24, this.count);
      setU64(rv, 32, this.count);
      setU64(rv, 40, directorySize);
      setU64(rv, 48, directoryOffset);
      const locator = new Uint8Array(20);
      const lv = new DataView(locator.buffer);
      lv.setUint32(0, 0x07064b50, true);
      setU64(lv, 8, directoryOffset + directorySize);
      lv.setUint32(16, 1, true);
      tail.push(record, locator);
    }
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, zip64 ? 0xffff : this.count, true);
    ev.setUint16(10, zip64 ? 0xffff : this.count, true);
    ev.setUint32(12, zip64 ? MAX32 : directorySize, true);
    ev.setUint32(16, zip64 ? MAX32 : directoryOffset, true);
    tail.push(end);
    return [...this.out, ...this.central, ...tail];
  }

  /** The archive's bytes. */
  finish(): Uint8Array {
    return concat(this.finishChunks());
  }
}

function setU64(v: DataView, at: number, value: number): void {
  v.setUint32(at, value % 0x1_0000_0000, true);
  v.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}

function zip64Extra(values: readonly number[]): Uint8Array {
  const extra = new Uint8Array(4 + values.length * 8);
  const v = new DataView(extra.buffer);
  v.setUint16(0, 0x0001, true);
  v.setUint16(2, values.length * 8, true);
  for (let i = 0; i < values.length; i++) setU64(v, 4 + i * 8, values[i] as number);
  return extra;
}

/**
 * Chunks of bytes joined into one array.
 *
 * @internal
 */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
