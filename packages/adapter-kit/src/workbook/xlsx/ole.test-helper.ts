/**
 * A minimal OLE2 Compound File (version 3, 512-byte sectors) whose directory lists `names` as
 * streams — enough for a reader to tell an encrypted workbook (`EncryptionInfo`,
 * `EncryptedPackage`) from a legacy one (`Workbook`). Sector 0 is the FAT, sector 1 the directory.
 */
export function compoundFile(names: readonly string[]): Uint8Array {
  const sector = 512;
  const entries = ['Root Entry', ...names];
  const directorySectors = Math.ceil(entries.length / 4);
  const out = new Uint8Array(sector * (1 + 1 + directorySectors));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x003e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector
  v.setUint32(0x30, 1, true); // the directory starts at sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0, at offset 512): sector 0 is a FAT sector, the directory chain is 1 → 2 → … → end.
  const fat = sector;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= directorySectors; s++) {
    v.setUint32(fat + s * 4, s === directorySectors ? 0xfffffffe : s + 1, true);
  }
  entries.forEach((name, i) => {
    const at = sector * 2 + i * 128;
    for (let c = 0; c < name.length; c++) v.setUint16(at + c * 2, name.charCodeAt(c), true);
    v.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = i === 0 ? 5 : 2;
    v.setUint32(at + 0x44, 0xffffffff, true);
    v.setUint32(at + 0x48, 0xffffffff, true);
    v.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
  });
  return out;
}
