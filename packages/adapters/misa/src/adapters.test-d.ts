import type { Adapter } from '@eduvn/adapter-kit';
import { describe, expectTypeOf, it } from 'vitest';
import { createMisaAdapters, type MisaPupilCode, misaAdapters } from './index.ts';

describe('types', () => {
  it('takes only the known pupil-code choices', () => {
    expectTypeOf<MisaPupilCode>().toEqualTypeOf<'none' | 'misa' | 'statistics'>();
    createMisaAdapters({ pupilCode: 'misa' });
    // @ts-expect-error the Ministry's code is not in a MISA list
    createMisaAdapters({ pupilCode: 'ministry' });
  });

  it('gives adapters', () => {
    expectTypeOf(createMisaAdapters().classSheets).toEqualTypeOf<Adapter>();
    expectTypeOf(misaAdapters).toEqualTypeOf<readonly Adapter[]>();
  });
});
