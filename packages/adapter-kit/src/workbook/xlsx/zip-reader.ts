import { platform } from '#platform';
import type { Limits } from '../../errors.ts';
import { NodeOnlyError } from '../../platform/platform.ts';
import { crc32, hasNativeCrc32 } from './crc32.ts';
import { adapterError, asAdapterError, corrupt, limitExceeded, type ReadContext } from './fail.ts';

/**
 * Random access to the bytes of a zip file: an in-memory array, an open file or a `Blob`.
 *
 * @internal
 */
export interface ByteSource {
  /** The size in bytes. */
  readonly size: number;
  /** `length` bytes from `position`; fails (`'corrupt-file'`) when the file is shorter. */
  read(position: number, length: number): Promise<Uint8Array>;
  /** Chunks of the bytes in `[position, position + length)`, read as they are consumed. */
  chunks(position: number, length: number): AsyncGenerator<Uint8Array>;
}

/** How many bytes one read of a file takes when streaming an entry. */
const FILE_CHUNK = 256 * 1024;
/** How many bytes of an in-memory source are handed to the inflater at a time. */
const MEMORY_CHUNK = 1024 * 1024;
/** How many bytes one read of a `Blob` takes when streaming an entry. */
const BLOB_CHUNK = 256 * 1024;

/**
 * What {@link fileSource} needs of an open file: positional reads (Node's `FileHandle` has them).
 *
 * @internal
 */
export interface PositionalReader {
  /** Reads into `buffer[offset, offset + length)` from `position`. */
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ readonly bytesRead: number }>;
}

/**
 * A {@link ByteSource} over bytes in memory (no copy: the caller must not change them meanwhile).
 *
 * @internal
 */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(position, length) {
      return Promise.resolve(bytes.subarray(position, position + length));
    },
    async *chunks(position, length) {
      const end = Math.min(bytes.length, position + length);
      for (let at = position; at < end; at += MEMORY_CHUNK) {
        yield bytes.subarray(at, Math.min(end, at + MEMORY_CHUNK));
      }
    },
  };
}

/**
 * A {@link ByteSource} over an open file of `size` bytes. The caller closes the handle.
 *
 * @internal
 */
export function fileSource(
  handle: PositionalReader,
  size: number,
  context: ReadContext,
): ByteSource {
  async function readFully(position: number, length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
      if (bytesRead === 0)
        throw corrupt(context, 'The file ended before a zip record it points to.');
      done += bytesRead;
    }
    return buffer;
  }
  return {
    size,
    read: readFully,
    async *chunks(position, length) {
      const end = position + length;
      for (let at = position; at < end; at += FILE_CHUNK) {
        yield await readFully(at, Math.min(FILE_CHUNK, end - at));
      }
    },
  };
}

/**
 * A {@link ByteSource} over a `Blob` (a browser's `File`): each read is a `slice(…).arrayBuffer()`,
 * so only the central directory and the entry being read are ever in memory.
 *
 * @internal
 */
export function blobSource(blob: Blob, context: ReadContext): ByteSource {
  async function readFully(position: number, length: number): Promise<Uint8Array> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await blob.slice(position, position + length).arrayBuffer());
    } catch (error) {
      throw adapterError(
        context,
        'corrupt-file',
        'The file could not be read (it may have been changed or removed since it was chosen). Choose it again.',
        error,
      );
    }
    if (bytes.length < length)
      throw corrupt(context, 'The file ended before a zip record it points to.');
    return bytes;
  }
  return {
    size: blob.size,
    read: readFully,
    async *chunks(position, length) {
      const end = position + length;
      for (let at = position; at < end; at += BLOB_CHUNK) {
        yield await readFully(at, Math.min(BLOB_CHUNK, end - at));
      }
    },
  };
}

/**
 * One file inside a zip, as its central directory describes it (sizes from ZIP64 fields where the
 * 32-bit ones overflow).
 *
 * @internal
 */
export interface ZipEntry {
  /** The name as stored, with `/` separators. */
  readonly name: string;
  /** The name's raw bytes. */
  readonly nameBytes: Uint8Array;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The general-purpose bit flags. */
  readonly flags: number;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc32: number;
  /** Bytes stored. */
  readonly compressedSize: number;
  /** Bytes after inflating. */
  readonly uncompressedSize: number;
  /** Where the entry's local header starts. */
  readonly localHeaderOffset: number;
  /** "Version made by" of the central record. */
  readonly versionMadeBy: number;
  /** "Version needed to extract". */
  readonly versionNeeded: number;
  /** MS-DOS time. */
  readonly time: number;
  /** MS-DOS date. */
  readonly date: number;
  /** Internal file attributes. */
  readonly internalAttributes: number;
  /** External file attributes. */
  readonly externalAttributes: number;
  /** The central record's extra field, without its ZIP64 block. */
  readonly extra: Uint8Array;
  /** The entry comment. */
  readonly comment: Uint8Array;
}

/**
 * A zip's central directory: its entries in stored order, and a lookup by part name.
 *
 * @internal
 */
export interface ZipDirectory {
  /** The entries in the order the directory lists them. */
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts (entry data must end before). */
  readonly directoryOffset: number;
  /** The entry of a part name (case-insensitive, as OPC part names are; a leading `/` is ignored). */
  find(name: string): ZipEntry | undefined;
}

/** The key under which a part name is looked up. */
function partKey(name: string): string {
  const slashes = name.replace(/\\/g, '/');
  return (slashes.startsWith('/') ? slashes.slice(1) : slashes).toLowerCase();
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
/** Below this many uncompressed bytes an entry's compression ratio is not checked. */
const RATIO_FLOOR = 1024 * 1024;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number, context: ReadContext): number {
  const value = v.getUint32(at, true) + v.getUint32(at + 4, true) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value))
    throw corrupt(context, 'A ZIP64 size or offset is impossibly large.');
  return value;
}

/** What the end of a zip says about its central directory. */
interface DirectoryLocation {
  readonly offset: number;
  readonly size: number;
  readonly count: number;
}

/** The ZIP64 end record's position, when the tail has a ZIP64 locator. */
type TailResult =
  | { readonly kind: 'plain'; readonly location: DirectoryLocation }
  | { readonly kind: 'zip64'; readonly recordOffset: number };

/** How many bytes at the end of the file can hold the end records. */
export function tailLength(size: number): number {
  return Math.min(size, EOCD_SIZE + MAX_COMMENT + ZIP64_LOCATOR_SIZE + ZIP64_EOCD_SIZE);
}

/** Whether bytes start like a zip (a local file header, or an empty zip's end record). */
function looksLikeZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) ||
      (head[2] === 5 && head[3] === 6) ||
      (head[2] === 7 && head[3] === 8))
  );
}

function parseTail(
  tail: Uint8Array,
  tailStart: number,
  size: number,
  head: Uint8Array,
  context: ReadContext,
): TailResult {
  if (!looksLikeZip(head)) {
    throw adapterError(
      context,
      'wrong-file-type',
      'The file is not an .xlsx workbook (it is not a zip archive). Check that the right file was chosen.',
    );
  }
  const v = view(tail);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (
      v.getUint32(i, true) === SIG_EOCD &&
      i + EOCD_SIZE + v.getUint16(i + 20, true) <= tail.length
    ) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw corrupt(context, 'The zip has no end-of-directory record (it was probably cut short).');
  }
  const disk = v.getUint16(eocd + 4, true);
  const directoryDisk = v.getUint16(eocd + 6, true);
  if (disk !== 0 || directoryDisk !== 0) {
    throw adapterError(
      context,
      'unsupported-format',
      'Split (multi-volume) zip archives are not read.',
    );
  }
  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && v.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const recordOffset = u64(v, locator + 8, context);
    if (recordOffset + ZIP64_EOCD_SIZE > tailStart + locator) {
      throw corrupt(context, 'The ZIP64 end record points outside the file.');
    }
    return { kind: 'zip64', recordOffset };
  }
  const location = {
    count: v.getUint16(eocd + 10, true),
    size: v.getUint32(eocd + 12, true),
    offset: v.getUint32(eocd + 16, true),
  };
  if (
    location.offset + location.size > tailStart + eocd ||
    location.offset + location.size > size
  ) {
    throw corrupt(context, 'The zip central directory points outside the file.');
  }
  return { kind: 'plain', location };
}

function parseZip64Record(
  record: Uint8Array,
  recordOffset: number,
  context: ReadContext,
): DirectoryLocation {
  const v = view(record);
  if (record.length < ZIP64_EOCD_SIZE || v.getUint32(0, true) !== SIG_ZIP64_EOCD) {
    throw corrupt(context, 'The ZIP64 end record is missing.');
  }
  const location = {
    count: u64(v, 32, context),
    size: u64(v, 40, context),
    offset: u64(v, 48, context),
  };
  if (location.offset + location.size > recordOffset) {
    throw corrupt(context, 'The zip central directory points outside the file.');
  }
  return location;
}

const nameDecoder = new TextDecoder('utf-8');

function parseDirectory(
  bytes: Uint8Array,
  location: DirectoryLocation,
  context: ReadContext,
): ZipDirectory {
  const v = view(bytes);
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = 0;
  while (at + 46 <= bytes.length && v.getUint32(at, true) === SIG_CENTRAL) {
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw corrupt(context, 'A zip directory record is cut short.');
    let compressedSize = v.getUint32(at + 20, true);
    let uncompressedSize = v.getUint32(at + 24, true);
    let localHeaderOffset = v.getUint32(at + 42, true);
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    const rawExtra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    // The extra field as a list of blocks: keep all but the ZIP64 one (0x0001), read that one.
    const kept: Uint8Array[] = [];
    const ev = view(rawExtra);
    let e = 0;
    while (e + 4 <= rawExtra.length) {
      const id = ev.getUint16(e, true);
      const blockSize = ev.getUint16(e + 2, true);
      const blockEnd = Math.min(rawExtra.length, e + 4 + blockSize);
      if (id === 0x0001) {
        let p = e + 4;
        const take = (): number => {
          if (p + 8 > blockEnd) throw corrupt(context, 'A ZIP64 extra field is cut short.');
          const value = u64(ev, p, context);
          p += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      } else {
        kept.push(rawExtra.subarray(e, blockEnd));
      }
      e = blockEnd;
    }
    const extra = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
    let k = 0;
    for (const block of kept) {
      extra.set(block, k);
      k += block.length;
    }
    const entry: ZipEntry = {
      name: nameDecoder.decode(nameBytes).replace(/\\/g, '/'),
      nameBytes,
      versionMadeBy: v.getUint16(at + 4, true),
      versionNeeded: v.getUint16(at + 6, true),
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      time: v.getUint16(at + 12, true),
      date: v.getUint16(at + 14, true),
      crc32: v.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      internalAttributes: v.getUint16(at + 36, true),
      externalAttributes: v.getUint32(at + 38, true),
      localHeaderOffset,
      extra,
      comment: bytes.slice(at + 46 + nameLength + extraLength, end),
    };
    if (localHeaderOffset + 30 > location.offset) {
      throw corrupt(context, 'A zip entry points outside the file.');
    }
    entries.push(entry);
    const key = partKey(entry.name);
    if (!byName.has(key)) byName.set(key, entry);
    at = end;
  }
  if (entries.length !== location.count && location.count !== 0xffff) {
    throw corrupt(
      context,
      'The zip central directory lists fewer entries than its end record says.',
    );
  }
  return {
    entries,
    directoryOffset: location.offset,
    find: (name) => byName.get(partKey(name)),
  };
}

function checkSize(size: number, limits: Limits, context: ReadContext): void {
  if (size === 0) {
    throw adapterError(context, 'empty-file', 'The file is empty (0 bytes).');
  }
  if (size > limits.maxFileBytes) {
    throw limitExceeded(
      context,
      'maxFileBytes',
      limits.maxFileBytes,
      size,
      'The file size in bytes',
    );
  }
}

function checkTotal(directory: ZipDirectory, limits: Limits, context: ReadContext): ZipDirectory {
  let total = 0;
  for (const entry of directory.entries) total += entry.uncompressedSize;
  if (total > limits.maxUncompressedBytes) {
    throw limitExceeded(
      context,
      'maxUncompressedBytes',
      limits.maxUncompressedBytes,
      total,
      'The uncompressed size the zip declares',
    );
  }
  return directory;
}

/**
 * Reads the central directory of a zip (from its end, ZIP64 included).
 *
 * @throws AdapterError `'empty-file'`, `'wrong-file-type'` (not a zip), `'corrupt-file'`,
 * `'limit-exceeded'` (file size, total declared uncompressed size).
 * @internal
 */
export async function readDirectory(
  source: ByteSource,
  limits: Limits,
  context: ReadContext,
): Promise<ZipDirectory> {
  checkSize(source.size, limits, context);
  const length = tailLength(source.size);
  const tailStart = source.size - length;
  const tail = await source.read(tailStart, length);
  const head = tailStart === 0 ? tail : await source.read(0, Math.min(4, source.size));
  const found = parseTail(tail, tailStart, source.size, head, context);
  const location =
    found.kind === 'plain'
      ? found.location
      : parseZip64Record(
          await source.read(found.recordOffset, ZIP64_EOCD_SIZE),
          found.recordOffset,
          context,
        );
  const bytes = await source.read(location.offset, location.size);
  return checkTotal(parseDirectory(bytes, location, context), limits, context);
}

/**
 * {@link readDirectory} over bytes in memory, synchronously (for filling templates: Node only, as
 * inflating synchronously needs `node:zlib`).
 *
 * @throws NodeOnlyError outside Node.
 * @internal
 */
export function readDirectorySync(
  bytes: Uint8Array,
  limits: Limits,
  context: ReadContext,
): ZipDirectory {
  if (platform.name !== 'node') {
    throw new NodeOnlyError(
      'template',
      'Filling an .xlsx template needs Node (node:zlib); in a browser, only reading is available.',
    );
  }
  checkSize(bytes.length, limits, context);
  const length = tailLength(bytes.length);
  const tailStart = bytes.length - length;
  const found = parseTail(bytes.subarray(tailStart), tailStart, bytes.length, bytes, context);
  const location =
    found.kind === 'plain'
      ? found.location
      : parseZip64Record(
          bytes.subarray(found.recordOffset, found.recordOffset + ZIP64_EOCD_SIZE),
          found.recordOffset,
          context,
        );
  return checkTotal(
    parseDirectory(
      bytes.subarray(location.offset, location.offset + location.size),
      location,
      context,
    ),
    limits,
    context,
  );
}

/** Checks an entry can be read at all, and that its declared compression ratio is sane. */
function checkEntry(entry: ZipEntry, limits: Limits, context: ReadContext): void {
  if (entry.flags & 1) {
    throw adapterError(
      context,
      'password-protected',
      `The zip entry ${entry.name} is encrypted. Remove the password and save the file again.`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw adapterError(
      context,
      'unsupported-format',
      `The zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflated entries are read. Save the file again from Excel.`,
    );
  }
  checkRatio(entry, entry.uncompressedSize, limits, context);
  if (entry.uncompressedSize > limits.maxUncompressedBytes) {
    throw limitExceeded(
      context,
      'maxUncompressedBytes',
      limits.maxUncompressedBytes,
      entry.uncompressedSize,
      `The uncompressed size of ${entry.name}`,
    );
  }
}

function checkRatio(entry: ZipEntry, produced: number, limits: Limits, context: ReadContext): void {
  if (
    produced > RATIO_FLOOR &&
    produced > Math.max(1, entry.compressedSize) * limits.maxCompressionRatio
  ) {
    throw limitExceeded(
      context,
      'maxCompressionRatio',
      limits.maxCompressionRatio,
      Math.ceil(produced / Math.max(1, entry.compressedSize)),
      `The compression ratio of ${entry.name} (a zip bomb?)`,
    );
  }
}

/** Where an entry's data starts, from its local header (whose name and extra lengths may differ). */
function dataOffset(
  header: Uint8Array,
  entry: ZipEntry,
  directoryOffset: number,
  context: ReadContext,
): number {
  const v = view(header);
  if (header.length < 30 || v.getUint32(0, true) !== SIG_LOCAL) {
    throw corrupt(
      context,
      `The zip entry ${entry.name} has no local header where the directory says.`,
    );
  }
  const start = entry.localHeaderOffset + 30 + v.getUint16(26, true) + v.getUint16(28, true);
  if (start + entry.compressedSize > directoryOffset) {
    throw corrupt(context, `The data of zip entry ${entry.name} overlaps the directory.`);
  }
  return start;
}

/**
 * The inflated bytes of an entry, chunk by chunk as they are inflated, never more in memory than a
 * chunk. Checks while inflating: the compression ratio (zip bombs), the declared size and, on
 * Node ≥ 20.15, the CRC-32. Any zlib failure becomes an {@link AdapterError}.
 *
 * @internal
 */
export async function* entryChunks(
  source: ByteSource,
  directory: ZipDirectory,
  entry: ZipEntry,
  limits: Limits,
  context: ReadContext,
): AsyncGenerator<Uint8Array> {
  checkEntry(entry, limits, context);
  const header = await source.read(entry.localHeaderOffset, 30);
  const start = dataOffset(header, entry, directory.directoryOffset, context);
  const raw = source.chunks(start, entry.compressedSize);
  let produced = 0;
  let crc = 0;
  const checkCrc = hasNativeCrc32;
  const what = `The zip entry ${entry.name}`;
  const total = context.inflated;
  /** Counts `n` more bytes against `Limits.maxInflatedBytes`. */
  const count = (n: number): void => {
    if (total === undefined) return;
    total.bytes += n;
    if (total.bytes > limits.maxInflatedBytes) {
      throw limitExceeded(
        context,
        'maxInflatedBytes',
        limits.maxInflatedBytes,
        total.bytes,
        'The number of bytes inflated by all reads of this workbook',
        `The part ${entry.name}`,
      );
    }
  };
  if (entry.method === 0) {
    for await (const chunk of raw) {
      produced += chunk.length;
      count(chunk.length);
      if (checkCrc) crc = crc32(chunk, crc);
      yield chunk;
    }
  } else {
    try {
      for await (const chunk of platform.inflateRaw(raw)) {
        produced += chunk.length;
        checkRatio(entry, produced, limits, context);
        count(chunk.length);
        if (produced > entry.uncompressedSize) {
          throw corrupt(context, `${what} inflates to more bytes than its directory record says.`);
        }
        if (checkCrc) crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw asAdapterError(context, error, what);
    }
  }
  if (produced !== entry.uncompressedSize) {
    throw corrupt(context, `${what} is shorter than its directory record says.`);
  }
  if (checkCrc && crc !== entry.crc32) {
    throw corrupt(context, `${what} fails its CRC-32 check.`);
  }
}

/**
 * The whole inflated content of a (small) entry.
 *
 * @internal
 */
export async function readEntry(
  source: ByteSource,
  directory: ZipDirectory,
  entry: ZipEntry,
  limits: Limits,
  context: ReadContext,
): Promise<Uint8Array> {
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  for await (const chunk of entryChunks(source, directory, entry, limits, context)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The stored (still compressed) bytes of an entry in memory, without its local header.
 *
 * @internal
 */
export function rawEntryDataSync(
  bytes: Uint8Array,
  directory: ZipDirectory,
  entry: ZipEntry,
  context: ReadContext,
): Uint8Array {
  const start = dataOffset(
    bytes.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30),
    entry,
    directory.directoryOffset,
    context,
  );
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The whole inflated content of an entry of a zip in memory, synchronously, with the same checks
 * as {@link entryChunks}.
 *
 * @internal
 */
export function readEntrySync(
  bytes: Uint8Array,
  directory: ZipDirectory,
  entry: ZipEntry,
  limits: Limits,
  context: ReadContext,
): Uint8Array {
  checkEntry(entry, limits, context);
  const raw = rawEntryDataSync(bytes, directory, entry, context);
  const what = `The zip entry ${entry.name}`;
  let out: Uint8Array;
  if (entry.method === 0) {
    out = raw;
  } else {
    try {
      out = platform.inflateRawSync(raw, entry.uncompressedSize);
    } catch (error) {
      if (error instanceof NodeOnlyError) throw error;
      throw asAdapterError(context, error, what);
    }
  }
  if (out.length !== entry.uncompressedSize) {
    throw corrupt(context, `${what} does not have the size its directory record says.`);
  }
  if (hasNativeCrc32 && crc32(out) !== entry.crc32) {
    throw corrupt(context, `${what} fails its CRC-32 check.`);
  }
  return out;
}
