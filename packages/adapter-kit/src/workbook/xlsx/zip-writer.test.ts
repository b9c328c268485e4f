import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.ts';
import { crc32 } from './crc32.ts';
import { readDirectorySync, readEntrySync, type ZipEntry } from './zip-reader.ts';
import { concat, SegmentWriter, ZipWriter } from './zip-writer.ts';

const context = { file: undefined };

describe('ZipWriter', () => {
  it('joins segments compressed separately (a head written after its body) into one valid entry', () => {
    const body = new SegmentWriter();
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `<row r="${i + 2}"><c><v>${i}</v></c></row>`,
    );
    for (const row of rows) body.write(row);
    body.write('</sheetData></worksheet>');
    const head = new SegmentWriter();
    head.write('<worksheet><dimension ref="A2:A30001"/><sheetData>');
    const zip = new ZipWriter();
    zip.addSegments('sheet.xml', [head.finish(), body.finish()]);
    const bytes = zip.finish();
    const expected = `<worksheet><dimension ref="A2:A30001"/><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const directory = readDirectorySync(bytes, DEFAULT_LIMITS, context);
    const entry = directory.find('sheet.xml') as ZipEntry;
    expect(entry.crc32).toBe(crc32(new TextEncoder().encode(expected)));
    expect(
      new TextDecoder().decode(readEntrySync(bytes, directory, entry, DEFAULT_LIMITS, context)),
    ).toBe(expected);
    // Plain zlib agrees the deflate stream is well formed and ends.
    const start = entry.localHeaderOffset + 30 + entry.nameBytes.length;
    const raw = bytes.subarray(start, start + entry.compressedSize);
    expect(new TextDecoder().decode(inflateRawSync(raw))).toBe(expected);
  });

  it('writes UTF-8 names with the language-encoding flag, stored entries, and refuses duplicates', () => {
    const zip = new ZipWriter();
    zip.add('Tệp.txt', 'x', false);
    expect(() => zip.add('Tệp.txt', 'y')).toThrow(RangeError);
    const bytes = zip.finish();
    const [entry] = readDirectorySync(bytes, DEFAULT_LIMITS, context).entries;
    expect(entry?.name).toBe('Tệp.txt');
    expect(entry?.flags).toBe(0x0800);
    expect(entry?.method).toBe(0);
    expect(concat([new Uint8Array([1]), new Uint8Array([2, 3])])).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });

  it('stamps entries with a fixed time unless told otherwise', () => {
    const at = (modified?: Date): ZipEntry => {
      const zip = new ZipWriter(modified === undefined ? {} : { modified });
      zip.add('a', 'a');
      return readDirectorySync(zip.finish(), DEFAULT_LIMITS, context).entries[0] as ZipEntry;
    };
    expect([at().date, at().time]).toEqual([0x21, 0]);
    const when = at(new Date(2024, 8, 5, 7, 30, 10));
    expect(when.date).toBe(((2024 - 1980) << 9) | (9 << 5) | 5);
    expect(when.time).toBe((7 << 11) | (30 << 5) | 5);
  });
});
