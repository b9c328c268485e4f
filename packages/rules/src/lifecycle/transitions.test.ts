import { describe, expect, it } from 'vitest';
import { PUPIL_STATES, STAFF_STATES } from './states.ts';
import {
  PUPIL_ENTRY_STATES,
  PUPIL_TRANSITIONS,
  STAFF_ENTRY_STATES,
  STAFF_TRANSITIONS,
} from './transitions.ts';

describe('pupil transitions', () => {
  it('are the documented graph', () => {
    const studying = ['transferredOut', 'paused', 'droppedOut', 'completedPrimary'];
    expect(PUPIL_ENTRY_STATES).toEqual(['enrolled', 'transferredIn']);
    expect(PUPIL_TRANSITIONS).toEqual({
      enrolled: studying,
      transferredIn: [...studying, 'enrolled'],
      studyingAgain: [...studying, 'enrolled'],
      paused: ['studyingAgain', 'droppedOut', 'transferredOut'],
      droppedOut: ['studyingAgain'],
      transferredOut: ['transferredIn'],
      completedPrimary: [],
    });
  });

  it('name known states only, never a move to the same state', () => {
    for (const [from, tos] of Object.entries(PUPIL_TRANSITIONS)) {
      expect(PUPIL_STATES).toContain(from);
      for (const to of tos) {
        expect(PUPIL_STATES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });
});

describe('staff transitions', () => {
  it('are the documented graph', () => {
    expect(STAFF_ENTRY_STATES).toEqual(['working']);
    expect(STAFF_TRANSITIONS).toEqual({
      working: ['onLeave', 'transferred', 'retired', 'resigned'],
      onLeave: ['working', 'retired', 'resigned'],
      transferred: ['working'],
      resigned: ['working'],
      retired: [],
    });
  });

  it('name known states only, never a move to the same state', () => {
    for (const [from, tos] of Object.entries(STAFF_TRANSITIONS)) {
      expect(STAFF_STATES).toContain(from);
      for (const to of tos) {
        expect(STAFF_STATES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });
});
