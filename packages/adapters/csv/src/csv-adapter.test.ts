import { column, defineMapping, detectAdapter, readAll } from '@eduvn/adapter-kit';
import { describe, expect, it } from 'vitest';
import { csvAdapter } from './csv-adapter.ts';
import {
  crlf,
  generatedPupils,
  healthAdapter,
  healthMapping,
  pupilFixtures,
  pupilMapping,
  pupilsAdapter,
  utf8Bytes,
} from './fixtures.test-helper.ts';
import { readCsvAll } from './read-csv.ts';

const staffMapping = defineMapping({
  entity: 'CanBo',
  columns: {
    giaoVienId: column(['Mã cán bộ', 'Mã giáo viên'], 'code', { required: true }),
    hoTen: column('Họ và tên', 'name', { required: true }),
    email: column('Email', 'text'),
    diDong: column('Điện thoại di động', 'code'),
  },
});

describe('csvAdapter', () => {
  it('makes a frozen adapter for CSV with sensible defaults', () => {
    const adapter = csvAdapter({ mapping: pupilMapping });
    expect(adapter).toMatchObject({
      id: 'csv',
      label: 'CSV file of HocSinh',
      version: 'test',
      basis: 'a mapping supplied by the user',
      formats: ['csv'],
      defined: true,
      csv: {},
      writeOptions: {},
    });
    expect(adapter.entities[0]?.minScore).toBe(3);
    expect(Object.isFrozen(adapter)).toBe(true);
    expect(csvAdapter({ mapping: healthMapping, version: '2025' }).version).toBe('2025');
  });

  it('keeps its CSV options, checked', () => {
    const adapter = csvAdapter({
      mapping: pupilMapping,
      encoding: 'windows-1258',
      delimiter: ';',
      unquoteFormulas: false,
      write: { delimiter: ';', bom: false },
    });
    expect(adapter.csv).toEqual({
      encoding: 'windows-1258',
      delimiter: ';',
      unquoteFormulas: false,
    });
    expect(adapter.writeOptions).toEqual({ delimiter: ';', bom: false });
    expect(() => csvAdapter({ mapping: pupilMapping, encoding: 'latin1' as 'utf-8' })).toThrow(
      RangeError,
    );
    expect(() => csvAdapter({ mapping: pupilMapping, delimiter: ':' as ',' })).toThrow(RangeError);
    expect(() =>
      csvAdapter({ mapping: pupilMapping, write: { colour: 'red' } as unknown as { bom: true } }),
    ).toThrow(/unknown option "colour"/);
  });

  it('refuses definitions without a mapping, with both, or with a foreign object', () => {
    expect(() => csvAdapter({})).toThrow(/no mapping.*inferCsvAdapter/);
    expect(() => csvAdapter({ mappings: [] })).toThrow(/no mapping/);
    expect(() => csvAdapter({ mapping: pupilMapping, mappings: [healthMapping] })).toThrow(
      /not both/,
    );
    expect(() =>
      csvAdapter({ mapping: { entity: 'HocSinh', columns: {} } as unknown as typeof pupilMapping }),
    ).toThrow(/made by defineMapping/);
    expect(() => csvAdapter(null as unknown as { mapping: typeof pupilMapping })).toThrow(
      TypeError,
    );
    expect(() => csvAdapter({ mapping: pupilMapping, id: 'Not An Id' })).toThrow(/lower-case/);
    expect(() => csvAdapter({ mappings: [pupilMapping, healthMapping] })).toThrow(/defined twice/);
  });

  it('reads several entities, each file by the header found in it', async () => {
    const adapter = csvAdapter({ id: 'school-export', mappings: [pupilMapping, staffMapping] });
    expect(adapter.label).toBe('CSV file of HocSinh, CanBo');
    const staff = utf8Bytes(
      crlf([
        'Mã cán bộ,Họ và tên,Email,Điện thoại di động',
        'GV001,Trần Thị Mai,mai@example.com,0912000111',
      ]),
    );
    const fromStaff = await readCsvAll(adapter, staff);
    expect(fromStaff.records.map((r) => [r.entity, r.record])).toEqual([
      [
        'CanBo',
        {
          giaoVienId: 'GV001',
          hoTen: 'Trần Thị Mai',
          email: 'mai@example.com',
          diDong: '0912000111',
        },
      ],
    ]);
    const [pupilsFile] = pupilFixtures();
    const fromPupils = await readCsvAll(adapter, pupilsFile?.bytes ?? new Uint8Array());
    expect(new Set(fromPupils.records.map((r) => r.entity))).toEqual(new Set(['HocSinh']));
  });

  it("writes an entity with its mapping, the request's options over the adapter's", async () => {
    const pupils = generatedPupils(3).map((p) => ({ hocSinhId: p.hocSinhId, hoTen: p.hoTen }));
    const written = await healthAdapter.write?.({
      entity: 'HocSinh',
      records: [{ ...pupils[0], chieuCao: 112.5, canNang: 19 }],
    });
    const text = new TextDecoder().decode(written);
    expect(text).toBe(
      `Mã học sinh;Họ và tên;Chiều cao (cm);Cân nặng (kg)\r\n${pupils[0]?.hocSinhId};${pupils[0]?.hoTen};"112,5";19\r\n`,
    );
    const comma = await healthAdapter.write?.({
      entity: 'HocSinh',
      records: [{ chieuCao: 112.5 }],
      options: { delimiter: ',', decimalSeparator: '.', bom: false },
    });
    expect(new TextDecoder().decode(comma)).toBe(
      'Mã học sinh,Họ và tên,Chiều cao (cm),Cân nặng (kg)\r\n,,112.5,\r\n',
    );
    await expect(async () =>
      healthAdapter.write?.({ entity: 'CanBo', records: [] }),
    ).rejects.toThrow(/writes HocSinh, not "CanBo"/);
    await expect(async () =>
      healthAdapter.write?.({ entity: 'HocSinh', records: [], options: { delimeter: ';' } }),
    ).rejects.toThrow(/unknown option "delimeter"/);
  });

  it('is ranked first by detection on its own files, and reads them with the kit', async () => {
    for (const fixture of pupilFixtures()) {
      const ranked = await detectAdapter(fixture.bytes, [healthAdapter, pupilsAdapter], {
        file: fixture.name,
      });
      expect(ranked.map((d) => d.adapter.id)).toEqual(['csv-test-pupils', 'csv-test-health']);
      expect(ranked[0]?.confidence).toBeGreaterThan(0.9);
      const kit = await readAll(pupilsAdapter, fixture.bytes, { file: fixture.name });
      expect(kit.records.length).toBe(fixture.expect?.records?.['HocSinh']);
    }
  });
});
