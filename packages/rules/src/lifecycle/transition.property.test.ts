import { generateSchool } from '@eduvn/fixtures';
import { CanBo, HocSinh, SuKienTrangThai } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { lifecycleRules } from '../rules/lifecycle.ts';
import { type LifecycleMachine, lifecycleMachines } from './machine.ts';
import { PUPIL_STATES, STAFF_STATES } from './states.ts';
import { PUPIL_STATUS_CODES, STAFF_STATUS_CODES } from './status-codes.ts';
import { type PupilSubject, type TransitionDetails, transition } from './transition.ts';
import { TransitionError } from './transition-error.ts';

const school = generateSchool({ seed: 'lifecycle-property', pupils: 30 });
const machines = lifecycleMachines();
const DAY = 86_400_000;
const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const START_DAY = '2025-09-05';

const allCodes = [...Object.values(PUPIL_STATUS_CODES), ...Object.values(STAFF_STATUS_CODES)];

/** Where a person starts: an entity, one of the generated people, and any status (or none). */
const startArb = fc.record({
  entity: fc.constantFrom('HocSinh' as const, 'CanBo' as const),
  index: fc.nat(),
  status: fc.option(fc.constantFrom(...allCodes, 'MA_LA'), { nil: undefined }),
});

/** `undefined` `weight` times as often as one of the values. */
const sometimes = <T>(weight: number, ...values: T[]): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight },
    { arbitrary: fc.constantFrom(...values), weight: 1 },
  );

/**
 * One attempt at a change, valid or not: a state the machine allows from where the person is
 * (`pick`), or — one time in three — any state of either machine or none (`wild`); any details.
 */
const attemptArb = fc.record({
  pick: fc.nat(),
  wild: sometimes<string>(2, ...PUPIL_STATES, ...STAFF_STATES, 'deleted'),
  dayOffset: fc.integer({ min: -10, max: 60 }),
  recordedLagDays: fc.integer({ min: -1, max: 2 }),
  malformedTime: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  reasonCode: sometimes(1, 'LY_DO_1', 'LY_DO_1', 'LY_DO_1', '', 'x'.repeat(60)),
  destinationSchool: sometimes(3, '79000001', '79000001', 'x'.repeat(16)),
  originSchool: sometimes(3, '79000002'),
  eventId: sometimes(15, 'x'.repeat(37)),
});

type Person = HocSinh | CanBo;

/** What {@link startArb} draws. */
interface Start {
  readonly entity: 'HocSinh' | 'CanBo';
  readonly index: number;
  readonly status: string | undefined;
}

function startRecord(start: Start): Person {
  const people: readonly Person[] = start.entity === 'HocSinh' ? school.hocSinhs : school.canBos;
  const base = people[start.index % people.length];
  if (!base) throw new Error('no generated people');
  const field = start.entity === 'HocSinh' ? 'maTrangThaiHienTai' : 'maTrangThaiCanBo';
  const { [field]: _, ...rest } = base as Record<string, unknown>;
  return (start.status === undefined ? rest : { ...rest, [field]: start.status }) as Person;
}

const without = (record: Person, field: string): Record<string, unknown> => {
  const { [field]: _, ...rest } = record as Record<string, unknown>;
  return rest;
};

describe('transition — property', () => {
  it('keeps every invariant over any sequence of attempts, from any start', async () => {
    let accepted = 0;
    let chained = 0;
    await fc.assert(
      fc.asyncProperty(
        startArb,
        fc.array(attemptArb, { minLength: 1, maxLength: 12 }),
        async (start, attempts) => {
          const machine: LifecycleMachine<string> =
            start.entity === 'HocSinh' ? machines.pupil : machines.staff;
          const schema = start.entity === 'HocSinh' ? HocSinh : CanBo;
          const field = machine.statusField;
          let record = startRecord(start);
          expect(schema.safeParse(record).success).toBe(true);
          const events: SuKienTrangThai[] = [];
          let lastDate: string | undefined;
          let lastRecorded = Date.parse(`${START_DAY}T00:00:00+07:00`);

          for (const { pick, wild, ...attempt } of attempts) {
            const fromCode = record[field as keyof Person] as string | undefined;
            const from = machine.stateOf(fromCode);
            const moves = from === undefined ? machine.entry : (machine.transitions[from] ?? []);
            const to = wild ?? moves[pick % Math.max(1, moves.length)] ?? 'enrolled';
            const effectiveDate = addDays(lastDate ?? START_DAY, attempt.dayOffset);
            const recordedInstant = Math.max(
              lastRecorded + 60_000,
              Date.parse(`${addDays(effectiveDate, attempt.recordedLagDays)}T01:00:00Z`),
            );
            const details: TransitionDetails = {
              effectiveDate,
              recordedAt: attempt.malformedTime
                ? 'not a time'
                : new Date(recordedInstant).toISOString(),
              ...(attempt.reasonCode === undefined ? {} : { reasonCode: attempt.reasonCode }),
              ...(attempt.destinationSchool === undefined
                ? {}
                : { destinationSchool: attempt.destinationSchool }),
              ...(attempt.originSchool === undefined ? {} : { originSchool: attempt.originSchool }),
              ...(attempt.eventId === undefined ? {} : { eventId: attempt.eventId }),
              ...(lastDate === undefined ? {} : { lastEventDate: lastDate }),
            };
            const allowed =
              machine.isState(to) &&
              (fromCode === undefined || from !== undefined) &&
              machine.allows(from, to);
            const snapshot = structuredClone(record);

            let result: { record: Person; event: SuKienTrangThai } | undefined;
            try {
              // The subject's entity and the state are random on purpose (the typed overloads
              // forbid mixing them; JavaScript callers can).
              result = transition(
                { entity: start.entity, record } as PupilSubject,
                to as never,
                details,
              );
            } catch (error) {
              expect(error).toBeInstanceOf(TransitionError);
              const e = error as TransitionError;
              expect(e.ruleId).toMatch(/^(LIFE\.[A-Z]+\.\d{3}|STD\.SCHEMA\.001)$/);
              expect(e.to).toBe(to);
              expect(e.from).toBe(from);
              if (!allowed) expect(['LIFE.TRANSITION.001', 'LIFE.STATUS.002']).toContain(e.ruleId);
            }
            // The input is never modified, accepted or not.
            expect(record).toEqual(snapshot);
            if (result === undefined) continue;

            // Accepted: only what the machine allows (so nothing out of a terminal state).
            expect(allowed).toBe(true);
            if (from !== undefined) expect(machine.isTerminal(from)).toBe(false);
            accepted++;
            if (from !== undefined && events.length > 0) chained++;
            const { record: next, event } = result;
            expect(SuKienTrangThai.safeParse(event).success).toBe(true);
            expect(schema.safeParse(next).success).toBe(true);
            // The status changes through the event, and only the status changes.
            expect(next[field as keyof Person]).toBe(machine.codes[to]);
            expect(event.trangThaiSau).toBe(machine.codes[to]);
            expect(event.trangThaiTruoc).toBe(fromCode);
            expect(without(next, field)).toEqual(without(record, field));
            expect(event.doiTuong).toBe(machine.subject);
            expect(event.maDoiTuong).toBe(record[machine.keyField as keyof Person]);
            // Dates never go backwards.
            if (lastDate !== undefined) expect(event.ngayHieuLuc >= lastDate).toBe(true);

            record = next;
            events.push(event);
            lastDate = event.ngayHieuLuc;
            lastRecorded = recordedInstant;
          }

          // The status is the latest event's, or the starting one when nothing was accepted.
          expect(record[field as keyof Person]).toBe(
            events.at(-1)?.trangThaiSau ?? startRecord(start)[field as keyof Person],
          );

          // What transition() accepted, the lifecycle rules accept: no errors (a change recorded
          // ahead of its day is only a query).
          const input: InputRecord[] = [
            ...[...events].reverse().map((e) => ({ entity: 'SuKienTrangThai', record: e })),
            { entity: start.entity, record },
          ];
          const report = await runRules(input, lifecycleRules, { asOf: '2026-05-31' });
          const errors = report.issues.filter((i) => i.severity === 'error');
          expect(errors).toEqual([]);
          const queries = new Set(report.issues.map((i) => i.ruleId));
          for (const id of queries) expect(['LIFE.DATE.002', 'LIFE.STATUS.001']).toContain(id);
          if (events.length > 0) expect(queries.has('LIFE.STATUS.001')).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    // The property is not vacuous: many attempts were accepted, many after an earlier one.
    expect(accepted).toBeGreaterThan(100);
    expect(chained).toBeGreaterThan(25);
  });
});
