import { column, defineAdapter, defineMapping, readAll } from '@eduvn/adapter-kit';
import { testAdapter } from '@eduvn/adapter-kit/testing';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ADAPTER, smasFixtures } from './fixtures.test-helper.ts';
import { readAllSmas } from './read.ts';

/**
 * A pupil list shaped like the national database's C1-HocSinh export (vendor-formats.md): the SMAS
 * fixtures share its pupil columns and must still be detected as SMAS.
 */
const pupilList = defineAdapter({
  id: 'pupil-list',
  label: 'A pupil list like C1-HocSinh',
  version: 'test',
  basis: 'a model made for this test',
  formats: ['xlsx', 'xls', 'csv'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          maLop: column('Mã lớp', 'code'),
          hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
          maGioiTinh: column('Giới tính', 'sex'),
          maTrangThaiHienTai: column(['Trạng thái HS', 'Trạng thái học sinh'], 'code'),
          maDanToc: column('Dân tộc', 'code'),
          maCongDanId: column('Số định danh cá nhân', 'code'),
          tenCha: column('Họ tên cha', 'name'),
          tenMe: column('Họ tên mẹ', 'name'),
        },
      }),
    },
  ],
});

const fixtures = smasFixtures();

testAdapter(FIXTURE_ADAPTER, fixtures, { competitors: [pupilList] });

describe('the kit’s readAll and readAllSmas', () => {
  for (const fixture of fixtures) {
    it(`read the same records with the same provenance from ${fixture.name}`, async () => {
      const kit = await readAll(FIXTURE_ADAPTER, fixture.bytes, { file: fixture.name });
      const smas = await readAllSmas(FIXTURE_ADAPTER, fixture.bytes, { file: fixture.name });
      expect(kit.records.map((r) => [r.record, r.provenance])).toEqual(
        smas.records.map((r) => [r.record, r.provenance]),
      );
      expect(kit.skipped).toEqual(smas.skipped);
    });
  }
});
