import { describe, expect, it } from 'vitest';
import { lifecycleMachines, machineFor } from './machine.ts';
import { PUPIL_STATES, STAFF_STATES } from './states.ts';
import { PUPIL_TRANSITIONS, STAFF_TRANSITIONS } from './transitions.ts';

describe('lifecycleMachines', () => {
  const { pupil, staff } = lifecycleMachines();

  it('allow exactly the transitions of the tables, and entry states from no status', () => {
    for (const from of PUPIL_STATES) {
      for (const to of PUPIL_STATES) {
        expect(pupil.allows(from, to)).toBe(PUPIL_TRANSITIONS[from].includes(to));
      }
    }
    for (const from of STAFF_STATES) {
      for (const to of STAFF_STATES) {
        expect(staff.allows(from, to)).toBe(STAFF_TRANSITIONS[from].includes(to));
      }
    }
    expect(PUPIL_STATES.filter((s) => pupil.allows(undefined, s))).toEqual([
      'enrolled',
      'transferredIn',
    ]);
    expect(STAFF_STATES.filter((s) => staff.allows(undefined, s))).toEqual(['working']);
  });

  it('know their terminal states', () => {
    expect(PUPIL_STATES.filter((s) => pupil.isTerminal(s))).toEqual(['completedPrimary']);
    expect(STAFF_STATES.filter((s) => staff.isTerminal(s))).toEqual(['retired']);
  });

  it('describe their entity, events and catalog', () => {
    expect([pupil.entity, pupil.subject, pupil.catalog, pupil.keyField, pupil.statusField]).toEqual(
      ['HocSinh', 'HOC_SINH', 'DM_TRANG_THAI_HOC_SINH', 'hocSinhId', 'maTrangThaiHienTai'],
    );
    expect([staff.entity, staff.subject, staff.catalog, staff.keyField, staff.statusField]).toEqual(
      ['CanBo', 'CAN_BO', 'DM_TRANG_THAI_CAN_BO', 'giaoVienId', 'maTrangThaiCanBo'],
    );
    expect(pupil.isState('paused')).toBe(true);
    expect(pupil.isState('retired')).toBe(false);
  });

  it('share one code (TAM_NGHI) across the two machines without confusion', () => {
    expect(pupil.stateOf('TAM_NGHI')).toBe('paused');
    expect(staff.stateOf('TAM_NGHI')).toBe('onLeave');
  });

  it('are cached without options and rebuilt with overrides', () => {
    expect(lifecycleMachines()).toBe(lifecycleMachines());
    const custom = lifecycleMachines({ staffStatusCodes: { onLeave: 'NGHI_PHEP' } });
    expect(custom.staff.stateOf('NGHI_PHEP')).toBe('onLeave');
    expect(custom.pupil.stateOf('TAM_NGHI')).toBe('paused');
    expect(lifecycleMachines().staff.stateOf('NGHI_PHEP')).toBeUndefined();
  });
});

describe('machineFor', () => {
  it('finds a machine by entity or by doiTuong', () => {
    const machines = lifecycleMachines();
    expect(machineFor(machines, 'HocSinh')).toBe(machines.pupil);
    expect(machineFor(machines, 'HOC_SINH')).toBe(machines.pupil);
    expect(machineFor(machines, 'CanBo')).toBe(machines.staff);
    expect(machineFor(machines, 'CAN_BO')).toBe(machines.staff);
    expect(machineFor(machines, 'Lop')).toBeUndefined();
  });
});
