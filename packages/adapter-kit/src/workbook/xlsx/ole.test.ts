import { describe, expect, it } from 'vitest';
import { compoundFile } from './ole.test-helper.ts';
import { cfbKind, isCfb } from './ole.ts';
import { bytesSource } from './zip-reader.ts';

describe('cfbKind', () => {
  it('tells an encrypted workbook from a legacy one, following the directory chain', async () => {
    const encrypted = compoundFile([
      '\u0006DataSpaces',
      'Version',
      'DataSpaceMap',
      'EncryptionInfo',
      'EncryptedPackage',
    ]);
    expect(isCfb(encrypted)).toBe(true);
    expect(await cfbKind(bytesSource(encrypted))).toBe('encrypted-ooxml');
    expect(await cfbKind(bytesSource(compoundFile(['Workbook', '\u0005SummaryInformation'])))).toBe(
      'xls',
    );
    expect(await cfbKind(bytesSource(compoundFile(['Book'])))).toBe('xls');
    expect(await cfbKind(bytesSource(compoundFile(['WordDocument'])))).toBe('other');
  });

  it('gives up quietly on a damaged header', async () => {
    const bad = compoundFile(['EncryptedPackage']);
    bad[0x1e] = 7;
    expect(await cfbKind(bytesSource(bad))).toBe('other');
    const cut = compoundFile(['EncryptedPackage']).subarray(0, 600);
    expect(await cfbKind(bytesSource(cut))).toBe('other');
    expect(isCfb(new Uint8Array([0xd0, 0xcf]))).toBe(false);
  });
});
