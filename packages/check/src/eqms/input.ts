import type { CanBo, CoSoVatChat, DanhGiaHocSinh, HocSinh, Lop, Truong } from '@eduvn/standard';
import { EqmsError } from './errors.ts';
import type { EqmsNote, EqmsRecords, EqmsTaggedRecord } from './types.ts';

/** The records of one school, sorted by entity. */
export interface SchoolRecords {
  readonly truongId: string;
  readonly truong: Truong | undefined;
  readonly lops: readonly Lop[];
  readonly hocSinhs: readonly HocSinh[];
  readonly canBos: readonly CanBo[];
  readonly danhGias: readonly DanhGiaHocSinh[];
  readonly coSoVatChats: readonly CoSoVatChat[];
}

/** Counts notes by code; one message per code. */
export class Notes {
  readonly #notes = new Map<string, { message: string; count: number }>();

  /** Records one more occurrence of `code`. */
  add(code: string, message: string, count = 1): void {
    const note = this.#notes.get(code);
    if (note === undefined) this.#notes.set(code, { message, count });
    else note.count += count;
  }

  /** The notes, in the order first seen. */
  list(): EqmsNote[] {
    return [...this.#notes].map(([code, { message, count }]) => ({ code, message, count }));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIterable(value: unknown): value is Iterable<EqmsTaggedRecord> {
  return (
    isObject(value) &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

interface Sorted {
  readonly truongs: readonly Truong[];
  readonly lops: readonly Lop[];
  readonly hocSinhs: readonly HocSinh[];
  readonly canBos: readonly CanBo[];
  readonly danhGias: readonly DanhGiaHocSinh[];
  readonly coSoVatChats: readonly CoSoVatChat[];
}

/** Sorts tagged records by entity; other entities are ignored. */
function fromTagged(records: Iterable<EqmsTaggedRecord>): Sorted {
  const truongs: Truong[] = [];
  const lops: Lop[] = [];
  const hocSinhs: HocSinh[] = [];
  const canBos: CanBo[] = [];
  const danhGias: DanhGiaHocSinh[] = [];
  const coSoVatChats: CoSoVatChat[] = [];
  for (const item of records) {
    if (!isObject(item) || !isObject(item.record)) continue;
    const record = item.record as never;
    switch (item.entity) {
      case 'Truong':
        truongs.push(record);
        break;
      case 'Lop':
        lops.push(record);
        break;
      case 'HocSinh':
        hocSinhs.push(record);
        break;
      case 'CanBo':
        canBos.push(record);
        break;
      case 'DanhGiaHocSinh':
        danhGias.push(record);
        break;
      case 'CoSoVatChat':
        coSoVatChats.push(record);
        break;
      default:
        break;
    }
  }
  return { truongs, lops, hocSinhs, canBos, danhGias, coSoVatChats };
}

function fromRecords(records: EqmsRecords): Sorted {
  return {
    truongs: records.truong === undefined ? [] : [records.truong],
    lops: records.lops ?? [],
    hocSinhs: records.hocSinhs ?? [],
    canBos: records.canBos ?? [],
    danhGias: records.danhGias ?? [],
    coSoVatChats: records.coSoVatChats ?? [],
  };
}

function schoolIdOf(record: unknown): string | undefined {
  if (!isObject(record)) return undefined;
  const id = record['truongId'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Picks the records of one school: `truongId` when given, else the only school the records name.
 * Records of other schools are left out (and noted).
 */
export function schoolRecords(
  input: EqmsRecords | Iterable<EqmsTaggedRecord>,
  truongId: string | undefined,
  notes: Notes,
): SchoolRecords {
  const { truongs, ...lists } = isIterable(input) ? fromTagged(input) : fromRecords(input);
  let id = truongId;
  if (id === undefined) {
    const ids = new Set<string>();
    for (const t of truongs) {
      const s = schoolIdOf(t);
      if (s !== undefined) ids.add(s);
    }
    if (ids.size === 0) {
      for (const list of Object.values(lists)) {
        for (const r of list) {
          const s = schoolIdOf(r);
          if (s !== undefined) ids.add(s);
        }
      }
    }
    if (ids.size === 0) {
      throw new EqmsError(
        'no-school',
        'No school code (truongId) in the records: an EQMS report belongs to one school.',
      );
    }
    if (ids.size > 1) {
      const shown = [...ids].slice(0, 5).join(', ');
      throw new EqmsError(
        'several-schools',
        `The records hold ${ids.size} schools (${shown}${ids.size > 5 ? ', …' : ''}); choose one with truongId.`,
      );
    }
    id = [...ids][0] as string;
  }
  const mine = <T>(list: readonly T[], entity: string): T[] => {
    const kept = list.filter((r) => schoolIdOf(r) === id);
    const other = list.length - kept.length;
    if (other > 0) {
      notes.add(
        `other-school-${entity}`,
        `${entity} records of another school (or without a school code) were left out.`,
        other,
      );
    }
    return kept;
  };
  return {
    truongId: id,
    truong: truongs.find((t) => schoolIdOf(t) === id),
    lops: mine(lists.lops, 'Lop'),
    hocSinhs: mine(lists.hocSinhs, 'HocSinh'),
    canBos: mine(lists.canBos, 'CanBo'),
    danhGias: mine(lists.danhGias, 'DanhGiaHocSinh'),
    coSoVatChats: mine(lists.coSoVatChats, 'CoSoVatChat'),
  };
}
