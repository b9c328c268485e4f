import { IntColumn } from '../core/int-column.ts';
import { TextNumbers } from '../core/places.ts';
import { ProvenanceColumns } from '../core/targets.ts';
import type { Provenance } from '../core/types.ts';

/** What a lifecycle rule keeps of one record of a person (a pupil, a staff member). */
export interface PersonRecord {
  /** The record's key when it is not the person's identifier itself (see `recordKeyOf`). */
  readonly key: string | undefined;
  /** Its school, `truongId`. */
  readonly school: string | undefined;
  /** Its current status code. */
  readonly status: string | undefined;
  /** Where it came from. */
  readonly provenance: Provenance | undefined;
  /** Its class, for the summary by class. */
  readonly classCode: string | undefined;
}

/**
 * The records of people a rule keeps until the input ends, by entity and person number (the
 * number of the person's identifier in the run's numbering of the entity, `keyNumbersOf`),
 * compactly: a province has half a million pupils, most of whom turn out to have no status events,
 * so a record costs a few column slots (its school, status and class are numbers of texts shared
 * by many records), not an object, a list and a map entry.
 */
export class PersonRecords {
  /** By entity, then person number: the index of the person's latest record + 1 (0: none). */
  readonly #last = new Map<string, IntColumn>();
  /** For each record, the index of the same person's previous record + 1 (0: none). */
  readonly #previous = new IntColumn();
  /** How many records were added. */
  #count = 0;
  /** For each record, its school, status and class, each by its number among its column's texts. */
  readonly #school = new IntColumn();
  readonly #status = new IntColumn();
  readonly #classCode = new IntColumn();
  readonly #schools = new TextNumbers();
  readonly #statuses = new TextNumbers();
  readonly #classCodes = new TextNumbers();
  /** Keys, for the records given one. */
  readonly #keys = new Map<number, string>();
  /** Provenances, in columns too (a sheet's rows share their file, sheet and columns). */
  readonly #provenance = new ProvenanceColumns();

  /** The entity {@link PersonRecords.add} was last called with, and its column. */
  #lastEntity: string | undefined;
  #lastColumn: IntColumn | undefined;

  /**
   * Notes a record of person number `person` of `entity`: the fields of a {@link PersonRecord},
   * given one by one (a record at a time, no object made for it).
   */
  add(
    entity: string,
    person: number,
    key: string | undefined,
    school: string | undefined,
    status: string | undefined,
    provenance: Provenance | undefined,
    classCode: string | undefined,
  ): void {
    let last = this.#lastEntity === entity ? this.#lastColumn : this.#last.get(entity);
    if (!last) {
      last = new IntColumn();
      this.#last.set(entity, last);
    }
    this.#lastEntity = entity;
    this.#lastColumn = last;
    const index = this.#count++;
    this.#previous.set(index, last.get(person));
    last.set(person, index + 1);
    this.#school.set(index, this.#schools.numberOf(school));
    this.#status.set(index, this.#statuses.numberOf(status));
    this.#classCode.set(index, this.#classCodes.numberOf(classCode));
    if (key !== undefined) this.#keys.set(index, key);
    this.#provenance.set(index, provenance);
  }

  /**
   * The records of the given people (entity and person number) that have any, person by person
   * in the order each person's first record came, each person's records in input order.
   */
  recordsOf<P extends { readonly entity: string; readonly person: number }>(
    people: Iterable<P>,
  ): { readonly of: P; readonly records: readonly PersonRecord[] }[] {
    const found: { readonly first: number; readonly of: P; readonly records: PersonRecord[] }[] =
      [];
    for (const of of people) {
      const last = this.#last.get(of.entity)?.get(of.person) ?? 0;
      if (last === 0) continue;
      const indices: number[] = [];
      for (let i = last; i !== 0; i = this.#previous.get(i - 1)) indices.push(i - 1);
      indices.reverse();
      found.push({
        first: indices[0] as number,
        of,
        records: indices.map((i) => this.#recordAt(i)),
      });
    }
    return found.sort((a, b) => a.first - b.first).map(({ of, records }) => ({ of, records }));
  }

  #recordAt(index: number): PersonRecord {
    return {
      key: this.#keys.get(index),
      school: this.#schools.textOf(this.#school.get(index)),
      status: this.#statuses.textOf(this.#status.get(index)),
      provenance: this.#provenance.get(index),
      classCode: this.#classCodes.textOf(this.#classCode.get(index)),
    };
  }
}
