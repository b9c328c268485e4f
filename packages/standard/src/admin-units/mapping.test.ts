import { describe, expect, it } from 'vitest';
import { predecessors, successors } from './mapping.ts';
import { adminUnitsPack } from './pack.ts';

const brief = (units: ReturnType<typeof successors>) =>
  units.map((u) => `${u.code} ${u.name} (${u.coverage})`);

describe('successors', () => {
  it('gives a single full candidate for a commune that was not split', () => {
    expect(successors('commune', '00004')).toEqual([
      {
        system: 'DM_XA',
        version: '2025-07-01',
        code: '00004',
        name: 'Phường Ba Đình',
        coverage: 'full',
      },
    ]);
    expect(brief(successors('commune', '00001'))).toEqual(['00097 Phường Hồng Hà (full)']);
  });

  it('gives every candidate, each partial, for a commune that was split', () => {
    expect(brief(successors('commune', '00007'))).toEqual([
      '00008 Phường Ngọc Hà (partial)',
      '00025 Phường Giảng Võ (partial)',
    ]);
    expect(brief(successors('commune', '00019'))).toEqual([
      '00070 Phường Hoàn Kiếm (partial)',
      '00004 Phường Ba Đình (partial)',
      '00226 Phường Văn Miếu - Quốc Tử Giám (partial)',
      '00190 Phường Ô Chợ Dừa (partial)',
    ]);
  });

  it('never reduces a split to one guess: 460 old communes have several partial candidates', () => {
    const communes =
      adminUnitsPack()
        .codeSystems.find((s) => s.id === 'DM_XA')
        ?.versions.find((v) => v.version === 'gso-2025-03-01')?.entries ?? [];
    const sizes = new Map<number, number>();
    const wrong: string[] = [];
    for (const c of communes) {
      const found = successors('commune', c.code);
      const expected = found.length > 1 ? 'partial' : 'full';
      if (found.length === 0 || found.some((u) => u.coverage !== expected)) wrong.push(c.code);
      sizes.set(found.length, (sizes.get(found.length) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    expect(Object.fromEntries(sizes)).toEqual({ 1: 9_587, 2: 386, 3: 57, 4: 16, 5: 1 });
  });

  it('maps every old province wholly to one new province', () => {
    expect(brief(successors('province', '30'))).toEqual(['31 Thành phố Hải Phòng (full)']);
    expect(brief(successors('province', '31'))).toEqual(['31 Thành phố Hải Phòng (full)']);
    // Old code 24 is Bắc Giang; it went into the new Bắc Ninh, which took the code 24.
    expect(brief(successors('province', '24'))).toEqual(['24 Bắc Ninh (full)']);
    expect(brief(successors('province', '27'))).toEqual(['24 Bắc Ninh (full)']);
  });

  it('maps an island district without communes to the special zone it became', () => {
    expect(successors('commune', '318')).toEqual([
      {
        system: 'DM_XA',
        version: '2025-07-01',
        code: '11948',
        name: 'Đặc khu Bạch Long Vĩ',
        coverage: 'full',
      },
    ]);
  });

  it('gives [] for an unknown code or a code of another level', () => {
    expect(successors('commune', '99999')).toEqual([]);
    expect(successors('province', '99')).toEqual([]);
    expect(successors('province', '00004')).toEqual([]);
    expect(successors('commune', '001')).toEqual([]); // a district that had communes
    expect(successors('commune', '')).toEqual([]);
  });
});

describe('predecessors', () => {
  it('gives the old provinces of a merged province', () => {
    expect(brief(predecessors('province', '31'))).toEqual([
      '30 Tỉnh Hải Dương (full)',
      '31 Thành phố Hải Phòng (full)',
    ]);
    expect(brief(predecessors('province', '24'))).toEqual([
      '24 Tỉnh Bắc Giang (full)',
      '27 Tỉnh Bắc Ninh (full)',
    ]);
    expect(predecessors('province', '31')[0]).toMatchObject({
      system: 'DM_TINH',
      version: 'gso-2025-03-01',
    });
  });

  it('gives the several old communes of a merged commune, partial where they were split', () => {
    expect(brief(predecessors('commune', '00004'))).toEqual([
      '00004 Phường Trúc Bạch (full)',
      '00013 Phường Quán Thánh (full)',
      '00016 Phường Ngọc Hà (partial)',
      '00019 Phường Điện Biên (partial)',
      '00022 Phường Đội Cấn (partial)',
      '00028 Phường Kim Mã (partial)',
      '00040 Phường Đồng Xuân (partial)',
      '00055 Phường Cửa Đông (partial)',
      '00073 Phường Cửa Nam (partial)',
      '00112 Phường Thụy Khuê (partial)',
    ]);
  });

  it('is the inverse of successors', () => {
    for (const newCode of ['00004', '00008', '10525', '26485']) {
      for (const old of predecessors('commune', newCode)) {
        expect(successors('commune', old.code).map((u) => u.code)).toContain(newCode);
      }
    }
  });

  it('gives the island district a special zone was made of', () => {
    expect(predecessors('commune', '11948')).toEqual([
      {
        system: 'DM_HUYEN',
        version: 'gso-2025-03-01',
        code: '318',
        name: 'Huyện Bạch Long Vĩ',
        coverage: 'full',
      },
    ]);
  });

  it('gives [] for an unknown code or a code of another level', () => {
    expect(predecessors('commune', '00001')).toEqual([]); // an old code that no longer exists
    expect(predecessors('province', '27')).toEqual([]);
    expect(predecessors('province', '00004')).toEqual([]);
    expect(predecessors('commune', '06978')).toEqual([]); // only in the 2026 snapshot
  });
});
