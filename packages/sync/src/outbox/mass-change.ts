import { isActivePupil, lifecycleMachines } from '@eduvn/rules';
import type { OutboxChange } from '../store/types.ts';
import { personOfKey } from './keys.ts';

/**
 * When a run stops for confirmation (the Clever model): more than `leavingShare` of a school's
 * pupils or staff moved out of active status (default 10%), or more than `changedShare` of the
 * existing ones changed (default 75%). eduvn's thresholds, not the law's: configurable. Schools
 * with fewer than `minPopulation` people of a kind (default 20) are not judged.
 */
export interface MassChangeOptions {
  /** The share of a school's people moved out of active status that holds a run (default 0.1). */
  readonly leavingShare?: number;
  /** The share of a school's existing people changed that holds a run (default 0.75). */
  readonly changedShare?: number;
  /** Fewer people of a kind than this at a school: not judged (default 20). */
  readonly minPopulation?: number;
}

/** One reason a run was held: a school and kind of person, and the shares found. */
export interface MassChangeFinding {
  /** The school. */
  readonly truongId: string;
  /** Pupils or staff. */
  readonly entity: 'HocSinh' | 'CanBo';
  /** How many of them the outbox knows at the school (before the run, plus new ones in it). */
  readonly population: number;
  /** How many the run moves out of active status. */
  readonly leaving: number;
  /** How many existing ones the run changes. */
  readonly changed: number;
  /** Which threshold was passed. */
  readonly reason: 'leaving' | 'changed';
}

/** A run held for confirmation: what it would do; enqueue it again with `{ confirm: true }`. */
export class MassChangeHold extends Error {
  /** Always `'MassChangeHold'`. */
  override readonly name = 'MassChangeHold';
  /** Why. */
  readonly findings: readonly MassChangeFinding[];

  constructor(findings: readonly MassChangeFinding[]) {
    super(
      `This run would change too much at once and waits for confirmation: ${findings
        .map(
          (f) =>
            `${f.truongId} ${f.entity}: ${f.reason === 'leaving' ? `${f.leaving} of ${f.population} leave` : `${f.changed} of ${f.population} change`}`,
        )
        .join('; ')}. Check the source data; if it is right, enqueue again with { confirm: true }.`,
    );
    this.findings = findings;
  }
}

const machines = lifecycleMachines();
const ACTIVE_STAFF = new Set(['working', 'onLeave']);

/** Whether a change moves a person out of active status. */
function leaves(change: OutboxChange): boolean {
  const r = change.record;
  if (change.entity === 'SuKienTrangThai') {
    const to = typeof r['trangThaiSau'] === 'string' ? r['trangThaiSau'] : undefined;
    if (to === undefined) return false;
    return r['doiTuong'] === 'CAN_BO'
      ? !ACTIVE_STAFF.has(machines.staff.stateOf(to) ?? 'working')
      : !isActivePupil({ maTrangThaiHienTai: to });
  }
  if (change.entity === 'HocSinh') return !isActivePupil(r);
  if (change.entity === 'CanBo') {
    const code = typeof r['maTrangThaiCanBo'] === 'string' ? r['maTrangThaiCanBo'] : undefined;
    return code !== undefined && !ACTIVE_STAFF.has(machines.staff.stateOf(code) ?? 'working');
  }
  return false;
}

/** What the outbox knows of a school's people before a run. */
export interface Population {
  /** How many people of a kind the outbox has seen at a school. */
  count(truongId: string, entity: 'HocSinh' | 'CanBo'): Promise<number>;
  /** Which of these record keys it has seen. */
  known(recordKeys: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Judges a run: the findings that hold it (empty: it may go). */
export async function massChangeFindings(
  changes: readonly OutboxChange[],
  population: Population,
  options: MassChangeOptions = {},
): Promise<MassChangeFinding[]> {
  const leavingShare = options.leavingShare ?? 0.1;
  const changedShare = options.changedShare ?? 0.75;
  const minPopulation = options.minPopulation ?? 20;
  const groups = new Map<
    string,
    { truongId: string; entity: 'HocSinh' | 'CanBo'; people: Set<string>; leaving: Set<string> }
  >();
  for (const c of changes) {
    if (c.entity !== 'HocSinh' && c.entity !== 'CanBo' && c.entity !== 'SuKienTrangThai') continue;
    const person = personOfKey(c.recordKey);
    if (!person) continue;
    const entity = person.entity as 'HocSinh' | 'CanBo';
    const id = `${c.truongId}|${entity}`;
    let g = groups.get(id);
    if (!g) {
      g = { truongId: c.truongId, entity, people: new Set(), leaving: new Set() };
      groups.set(id, g);
    }
    g.people.add(c.recordKey);
    if (leaves(c)) g.leaving.add(c.recordKey);
  }
  const findings: MassChangeFinding[] = [];
  for (const g of groups.values()) {
    const known = await population.known([...g.people]);
    const before = await population.count(g.truongId, g.entity);
    const fresh = [...g.people].filter((k) => !known.has(k)).length;
    const total = before + fresh;
    if (total < minPopulation) continue;
    const changed = g.people.size - fresh;
    const leaving = [...g.leaving].filter((k) => known.has(k)).length;
    const base = { truongId: g.truongId, entity: g.entity, population: total, leaving, changed };
    if (leaving > leavingShare * total) findings.push({ ...base, reason: 'leaving' });
    else if (before >= minPopulation && changed > changedShare * before)
      findings.push({ ...base, reason: 'changed' });
  }
  return findings;
}
