import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError, DEFAULT_LIMITS, type Limits, resolveLimits } from '../../errors.ts';
import { crc32 } from './crc32.ts';
import { rejectsWith } from './xlsx.test-helper.ts';
import {
  bytesSource,
  entryChunks,
  fileSource,
  readDirectory,
  readDirectorySync,
  readEntry,
  readEntrySync,
  type ZipEntry,
} from './zip-reader.ts';
import { concat, ZipWriter } from './zip-writer.ts';

const context = { file: 'test.zip' };
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Text that deflates about 2:1, as sheet XML with varied data does. */
function noise(length: number): string {
  let seed = 42;
  let out = '';
  while (out.length < length) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(97 + ((seed >>> 16) % 26));
  }
  return out;
}

const BIG = `${noise(3_000_000)}<end/>`;

function sample(options: { forceZip64?: boolean } = {}): Uint8Array {
  const zip = new ZipWriter(options);
  zip.add('a.txt', 'Trường Tiểu học Kim Đồng');
  zip.add('dir/b.bin', new Uint8Array([1, 2, 3]), false);
  zip.add('big.xml', BIG);
  return zip.finish();
}

async function all(
  source: Uint8Array,
  name: string,
  limits: Partial<Limits> = {},
): Promise<Uint8Array> {
  const resolved = resolveLimits(limits);
  const directory = await readDirectory(bytesSource(source), resolved, context);
  const entry = directory.find(name) as ZipEntry;
  return readEntry(bytesSource(source), directory, entry, resolved, context);
}

/** A zip with one crafted entry: its data, and what its directory record claims. */
function crafted(
  raw: Uint8Array,
  claims: { method?: number; flags?: number; uncompressedSize: number; crc32?: number },
): Uint8Array {
  const zip = new ZipWriter();
  const entry: ZipEntry = {
    name: 'xl/worksheets/sheet1.xml',
    nameBytes: new TextEncoder().encode('xl/worksheets/sheet1.xml'),
    method: claims.method ?? 8,
    flags: claims.flags ?? 0,
    crc32: claims.crc32 ?? 0,
    compressedSize: raw.length,
    uncompressedSize: claims.uncompressedSize,
    localHeaderOffset: 0,
    versionMadeBy: 20,
    versionNeeded: 20,
    time: 0,
    date: 0x21,
    internalAttributes: 0,
    externalAttributes: 0,
    extra: new Uint8Array(0),
    comment: new Uint8Array(0),
  };
  zip.copy(entry, raw);
  return zip.finish();
}

/** Raw deflate of `size` zero bytes, made without holding them all. */
async function deflatedZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= zeros.length) {
    const piece = left >= zeros.length ? zeros : zeros.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return concat(out);
}

async function drain(zip: Uint8Array, limits: Partial<Limits> = {}): Promise<number> {
  const resolved = resolveLimits(limits);
  const directory = await readDirectory(bytesSource(zip), resolved, context);
  let n = 0;
  for await (const chunk of entryChunks(
    bytesSource(zip),
    directory,
    directory.entries[0] as ZipEntry,
    resolved,
    context,
  )) {
    n += chunk.length;
  }
  return n;
}

describe('zip reading', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduvn-zip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads entries written by the zip writer, deflated and stored', async () => {
    const zip = sample();
    expect(text(await all(zip, 'a.txt'))).toBe('Trường Tiểu học Kim Đồng');
    expect([...(await all(zip, 'dir/b.bin'))]).toEqual([1, 2, 3]);
    expect((await all(zip, 'big.xml')).length).toBe(3_000_006);
  });

  it('finds parts case-insensitively and with a leading slash, as OPC names are', () => {
    const directory = readDirectorySync(sample(), DEFAULT_LIMITS, context);
    expect(directory.find('/A.TXT')?.name).toBe('a.txt');
    expect(directory.entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.bin', 'big.xml']);
  });

  it('reads ZIP64 records and extra fields', async () => {
    const zip = sample({ forceZip64: true });
    const directory = readDirectorySync(zip, DEFAULT_LIMITS, context);
    expect(directory.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.txt', 34],
      ['dir/b.bin', 3],
      ['big.xml', 3_000_006],
    ]);
    expect(text(await all(zip, 'a.txt'))).toBe('Trường Tiểu học Kim Đồng');
    expect(
      text(
        readEntrySync(zip, directory, directory.find('a.txt') as ZipEntry, DEFAULT_LIMITS, context),
      ),
    ).toBe('Trường Tiểu học Kim Đồng');
  });

  it('reads from a file handle with positioned reads', async () => {
    const path = join(dir, 'sample.zip');
    await writeFile(path, sample());
    const handle = await open(path, 'r');
    try {
      const size = (await handle.stat()).size;
      const source = fileSource(handle, size, context);
      const directory = await readDirectory(source, DEFAULT_LIMITS, context);
      const entry = directory.find('big.xml') as ZipEntry;
      const bytes = await readEntry(source, directory, entry, DEFAULT_LIMITS, context);
      expect(text(bytes.subarray(bytes.length - 6))).toBe('<end/>');
    } finally {
      await handle.close();
    }
  });

  it('copies entries byte for byte', () => {
    const zip = sample();
    const directory = readDirectorySync(zip, DEFAULT_LIMITS, context);
    const copy = new ZipWriter();
    for (const entry of directory.entries) {
      const start = entry.localHeaderOffset + 30 + entry.nameBytes.length;
      copy.copy(entry, zip.subarray(start, start + entry.compressedSize));
    }
    expect(Buffer.from(copy.finish()).equals(zip)).toBe(true);
  });

  it('says "empty-file" for no bytes and "wrong-file-type" for other files', async () => {
    await rejectsWith(
      readDirectory(bytesSource(new Uint8Array(0)), DEFAULT_LIMITS, context),
      'empty-file',
    );
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer\n%%EOF');
    await rejectsWith(readDirectory(bytesSource(pdf), DEFAULT_LIMITS, context), 'wrong-file-type');
  });

  it('says "corrupt-file" for a zip cut short anywhere', async () => {
    const zip = sample();
    for (const cut of [
      4,
      30,
      100,
      Math.floor(zip.length / 2),
      zip.length - 200,
      zip.length - 23,
      zip.length - 1,
    ]) {
      const error = await rejectsWith(
        readDirectory(bytesSource(zip.subarray(0, cut)), DEFAULT_LIMITS, context),
        'corrupt-file',
      );
      expect(error.file).toBe('test.zip');
    }
  });

  it('says "corrupt-file" for damaged data: a CRC mismatch, a bad deflate stream, a wrong size', async () => {
    const stored = crafted(new TextEncoder().encode('hello'), {
      method: 0,
      uncompressedSize: 5,
      crc32: 1234,
    });
    await rejectsWith(drain(stored), 'corrupt-file');
    const garbage = crafted(new Uint8Array([0xff, 0xff, 0xff, 0xff]), { uncompressedSize: 10 });
    await rejectsWith(drain(garbage), 'corrupt-file');
    const hello = new TextEncoder().encode('hello world');
    const short = crafted(deflateRawSync(hello), { uncompressedSize: 50, crc32: crc32(hello) });
    await rejectsWith(drain(short), 'corrupt-file');
    const long = crafted(deflateRawSync(hello), { uncompressedSize: 5, crc32: crc32(hello) });
    await rejectsWith(drain(long), 'corrupt-file');
    // A zlib error never reaches the caller as is.
    const error = await rejectsWith(drain(garbage), 'corrupt-file');
    expect(error).toBeInstanceOf(AdapterError);
  });

  it('stops a zip bomb: a 2 GB entry declared in a few kilobytes', async () => {
    const raw = await deflatedZeros(16 * 1024 * 1024);
    expect(raw.length).toBeLessThan(20_000);
    const declared = crafted(raw, { uncompressedSize: 2 * 1024 ** 3 });
    expect(declared.length).toBeLessThan(20_000);
    const error = await rejectsWith(drain(declared), 'limit-exceeded');
    expect(error.limit?.name).toBe('maxCompressionRatio');
    expect(error.limit?.found).toBeGreaterThan(200);
  });

  it('stops a zip bomb that lies about its size as soon as it inflates past what it declared', async () => {
    const raw = await deflatedZeros(16 * 1024 * 1024);
    // Declares a plausible ratio (100), would inflate to ~1000× its size.
    const lying = crafted(raw, { uncompressedSize: raw.length * 100 });
    const error = await rejectsWith(drain(lying), 'corrupt-file');
    expect(error.message).toContain('more bytes than its directory record says');
  });

  it('checks the file size and the total uncompressed size against the limits', async () => {
    const zip = sample();
    const big = await rejectsWith(
      readDirectory(bytesSource(zip), resolveLimits({ maxFileBytes: 1000 }), context),
      'limit-exceeded',
    );
    expect(big.limit).toEqual({ name: 'maxFileBytes', max: 1000, found: zip.length });
    const total = await rejectsWith(
      readDirectory(bytesSource(zip), resolveLimits({ maxUncompressedBytes: 1_000_000 }), context),
      'limit-exceeded',
    );
    expect(total.limit?.name).toBe('maxUncompressedBytes');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const data = new TextEncoder().encode('secret');
    await rejectsWith(
      drain(crafted(data, { method: 0, flags: 1, uncompressedSize: 6 })),
      'password-protected',
    );
    await rejectsWith(
      drain(crafted(data, { method: 9, uncompressedSize: 6 })),
      'unsupported-format',
    );
  });
});
