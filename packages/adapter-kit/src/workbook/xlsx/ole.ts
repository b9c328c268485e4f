import type { ByteSource } from './zip-reader.ts';

/** The signature of an OLE2 Compound File (CFB): legacy .xls, and encrypted .xlsx. */
export const CFB_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether bytes start with the {@link CFB_SIGNATURE}.
 *
 * @internal
 */
export function isCfb(head: Uint8Array): boolean {
  return CFB_SIGNATURE.every((byte, i) => head[i] === byte);
}

/** What a Compound File holds, as far as an .xlsx reader cares. */
export type CfbKind = 'encrypted-ooxml' | 'xls' | 'other';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** Stop following sector chains after this many sectors (a loop in a hostile file). */
const MAX_SECTORS = 4096;

/**
 * The kind of a Compound File from the names in its directory: an Excel workbook encrypted with a
 * password (`EncryptionInfo` + `EncryptedPackage`, MS-OFFCRYPTO), a legacy BIFF workbook
 * (`Workbook` or `Book`), or something else. Reads the header, the FAT sectors it needs and the
 * directory chain — never the whole file.
 *
 * @internal
 */
export async function cfbKind(source: ByteSource): Promise<CfbKind> {
  const header = await source.read(0, 512);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = hv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return 'other';
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorAt = (sid: number): number => (sid + 1) * sectorSize;
  const fatSectorCount = hv.getUint32(0x2c, true);
  // The DIFAT: the first 109 FAT sector ids are in the header, the rest in a chain of sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++)
    fatSectors.push(hv.getUint32(0x4c + i * 4, true));
  let difat = hv.getUint32(0x44, true);
  for (
    let n = 0;
    difat !== END_OF_CHAIN &&
    difat !== FREE &&
    fatSectors.length < fatSectorCount &&
    n < MAX_SECTORS;
    n++
  ) {
    if (sectorAt(difat) + sectorSize > source.size) return 'other';
    const sector = await source.read(sectorAt(difat), sectorSize);
    const sv = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++)
      fatSectors.push(sv.getUint32(i * 4, true));
    difat = sv.getUint32(sectorSize - 4, true);
  }
  const fatCache = new Map<number, DataView>();
  const next = async (sid: number): Promise<number> => {
    const index = Math.floor(sid / perSector);
    let fat = fatCache.get(index);
    if (fat === undefined) {
      const fatSid = fatSectors[index];
      if (fatSid === undefined || sectorAt(fatSid) + sectorSize > source.size) return END_OF_CHAIN;
      const bytes = await source.read(sectorAt(fatSid), sectorSize);
      fat = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      fatCache.set(index, fat);
    }
    return fat.getUint32((sid % perSector) * 4, true);
  };
  const names = new Set<string>();
  let sid = hv.getUint32(0x30, true);
  for (let n = 0; sid !== END_OF_CHAIN && sid !== FREE && n < MAX_SECTORS; n++) {
    if (sectorAt(sid) + sectorSize > source.size) break;
    const sector = await source.read(sectorAt(sid), sectorSize);
    const sv = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
    for (let e = 0; e + 128 <= sectorSize; e += 128) {
      const nameBytes = Math.min(64, sv.getUint16(e + 0x40, true));
      let name = '';
      for (let i = 0; i + 1 < nameBytes; i += 2) {
        const c = sv.getUint16(e + i, true);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      if (name.length > 0) names.add(name);
    }
    sid = await next(sid);
  }
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-ooxml';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return 'other';
}
