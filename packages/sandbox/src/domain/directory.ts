import type { Unit } from '../store/store.ts';

/**
 * The organisation units in memory — the Sở, its Phòng, their schools — and what each unit's
 * accounts may reach: a school reaches itself; a Phòng or a Sở reaches every school under it.
 */
export class Directory {
  readonly #units = new Map<string, Unit>();
  readonly #schools = new Map<string, readonly string[]>();

  constructor(units: readonly Unit[]) {
    for (const unit of units) this.#units.set(unit.id, unit);
  }

  /** A unit by id. */
  unit(id: string): Unit | undefined {
    return this.#units.get(id);
  }

  /** Every unit. */
  units(): Unit[] {
    return [...this.#units.values()];
  }

  /** The schools a unit reaches (itself, for a school), sorted. */
  schoolsOf(unitId: string): readonly string[] {
    let found = this.#schools.get(unitId);
    if (!found) {
      found = [...this.#units.values()]
        .filter((u) => u.kind === 'truong' && this.#isUnder(u.id, unitId))
        .map((u) => u.id)
        .sort();
      this.#schools.set(unitId, found);
    }
    return found;
  }

  /** Whether a unit reaches a school. */
  reaches(unitId: string, truongId: string): boolean {
    return this.#units.get(truongId)?.kind === 'truong' && this.#isUnder(truongId, unitId);
  }

  /** Whether `id` is `ancestor` or below it (a cycle in bad data ends the walk). */
  #isUnder(id: string, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); ) {
      if (at === ancestor) return true;
      seen.add(at);
      at = this.#units.get(at)?.parentId;
    }
    return false;
  }
}
