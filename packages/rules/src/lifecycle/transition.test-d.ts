import type { CanBo, HocSinh } from '@eduvn/standard';
import { describe, expectTypeOf, it } from 'vitest';
import type { PupilState, StaffState } from './states.ts';
import { type TransitionResult, transition } from './transition.ts';

declare const pupil: HocSinh;
declare const staff: CanBo;
const when = { effectiveDate: '2025-11-03', recordedAt: '2025-11-03T09:15:00+07:00' };

describe('transition types', () => {
  it('returns the record type it was given', () => {
    expectTypeOf(transition({ entity: 'HocSinh', record: pupil }, 'enrolled', when)).toEqualTypeOf<
      TransitionResult<HocSinh>
    >();
    expectTypeOf(transition({ entity: 'CanBo', record: staff }, 'retired', when)).toEqualTypeOf<
      TransitionResult<CanBo>
    >();
  });

  it('takes only the states of the entity', () => {
    // @ts-expect-error: 'retired' is a staff state
    transition({ entity: 'HocSinh', record: pupil }, 'retired' satisfies StaffState, when);
    // @ts-expect-error: 'paused' is a pupil state
    transition({ entity: 'CanBo', record: staff }, 'paused' satisfies PupilState, when);
  });
});
