import type { CatalogEntry } from '../catalogs/types.ts';
import { DM_HUYEN, DM_TINH, DM_XA, GSO_2025_03_01, REFORM_2025_07_01 } from './ids.ts';
import { adminUnitsPack } from './pack.ts';

/** The administrative level of {@link successors} and {@link predecessors}. */
export type AdminUnitLevel = 'province' | 'commune';

/**
 * A candidate unit on the other side of the 2025-07-01 reorganisation, as {@link successors} and
 * {@link predecessors} return it. The code always comes with its code system and version: the
 * same code may name another unit in another version.
 */
export interface AdminUnitMapping {
  /** The code system of {@link AdminUnitMapping.code}: `'DM_TINH'`, `'DM_XA'`, or `'DM_HUYEN'` for an island district without communes. */
  readonly system: string;
  /** The catalog version the code belongs to: `'gso-2025-03-01'` (before) or `'2025-07-01'` (after). */
  readonly version: string;
  /** The unit's code in that version. */
  readonly code: string;
  /** The unit's name in that version. */
  readonly name: string;
  /**
   * `'full'`: the old unit went wholly into the new one. `'partial'`: the old unit was split
   * among several new units and this one took only part of it — which one applies to a given
   * address needs a person (or the address's street and village) to decide.
   */
  readonly coverage: 'full' | 'partial';
}

type Index = ReadonlyMap<string, CatalogEntry>;
const indexes = new Map<string, Index>();

/** The entries of one version of one code system, by code (built once). */
function index(system: string, version: string): Index {
  const key = `${system}@${version}`;
  let found = indexes.get(key);
  if (!found) {
    const entries =
      adminUnitsPack()
        .codeSystems.find((s) => s.id === system)
        ?.versions.find((v) => v.version === version)?.entries ?? [];
    found = new Map(entries.map((e) => [e.code, e]));
    indexes.set(key, found);
  }
  return found;
}

function systemOf(level: AdminUnitLevel): string | undefined {
  if (level === 'province') return DM_TINH;
  if (level === 'commune') return DM_XA;
  return undefined;
}

const splitCount = (old: CatalogEntry): number => old.replacedBy?.length ?? 0;

/**
 * The units that replaced an old province or commune on 2025-07-01: its candidates in the
 * `'2025-07-01'` version, each `'full'` when the old unit went wholly into one new unit, or
 * `'partial'` — several candidates — when it was split. A split unit is never reduced to one
 * guess: which successor holds a given school or address must be decided from more than the
 * code.
 *
 * `oldCode` is read in the GSO list of 01/03/2025 (`'gso-2025-03-01'`): `successors('province',
 * '24')` is the successor of Bắc Giang, not of today's Bắc Ninh. For `'commune'`, the code of one
 * of the five island districts without communes (`'318'` Bạch Long Vĩ, `'471'` Cồn Cỏ, `'498'`
 * Hoàng Sa, `'536'` Lý Sơn, `'755'` Côn Đảo) gives the special zone (đặc khu) it became. An
 * unknown code gives `[]`.
 *
 * The correspondence comes from the dvhcvn/20250701 mapping (MIT License), which was built
 * with LLM help and spot-checked: treat it as a suggestion that a person confirms, not as the
 * official text of the resolutions.
 *
 * @example
 * ```ts
 * successors('province', '30') // [{ system: 'DM_TINH', version: '2025-07-01', code: '31', name: 'Thành phố Hải Phòng', coverage: 'full' }]
 * successors('commune', '00007') // Phường Cống Vị: Ngọc Hà and Giảng Võ, both 'partial'
 * ```
 */
export function successors(level: AdminUnitLevel, oldCode: string): AdminUnitMapping[] {
  const system = systemOf(level);
  if (system === undefined) return [];
  let old = index(system, GSO_2025_03_01).get(oldCode);
  if (!old && system === DM_XA) {
    const district = index(DM_HUYEN, GSO_2025_03_01).get(oldCode);
    if (district?.attributes?.['replacedBySystem'] === DM_XA) old = district;
  }
  if (!old) return [];
  const coverage = splitCount(old) > 1 ? 'partial' : 'full';
  const news = index(system, REFORM_2025_07_01);
  return (old.replacedBy ?? []).flatMap((code) => {
    const unit = news.get(code);
    return unit
      ? [{ system, version: REFORM_2025_07_01, code, name: unit.name, coverage } as const]
      : [];
  });
}

/**
 * The old units (GSO list of 01/03/2025) that a province or commune of the `'2025-07-01'` version
 * was made of. Each is `'full'` when the whole old unit went into this one, `'partial'` when the
 * old unit was split and only part of it came here. `newCode` is read in the 2025-07-01 version
 * (`predecessors('province', '24')` is Bắc Giang and the old Bắc Ninh, `'27'`). A special zone made
 * of an island district without communes gives that district, with `system: 'DM_HUYEN'`. An
 * unknown code gives `[]`.
 *
 * Like {@link successors}, this is the dvhcvn/20250701 mapping (LLM-assisted, spot-checked): a suggestion
 * to confirm.
 *
 * @example
 * ```ts
 * predecessors('province', '31').map((u) => u.name) // ['Tỉnh Hải Dương', 'Thành phố Hải Phòng']
 * ```
 */
export function predecessors(level: AdminUnitLevel, newCode: string): AdminUnitMapping[] {
  const system = systemOf(level);
  if (system === undefined) return [];
  const unit = index(system, REFORM_2025_07_01).get(newCode);
  if (!unit) return [];
  const oldSystem = String(unit.attributes?.['replacesSystem'] ?? system);
  const olds = index(oldSystem, GSO_2025_03_01);
  return (unit.replaces ?? []).flatMap((code) => {
    const old = olds.get(code);
    if (!old) return [];
    const coverage = splitCount(old) > 1 ? 'partial' : 'full';
    return [
      { system: oldSystem, version: GSO_2025_03_01, code, name: old.name, coverage } as const,
    ];
  });
}
