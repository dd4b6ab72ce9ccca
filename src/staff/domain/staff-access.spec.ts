import { QUALIFICATION_READERS, canSeePersonRecord, canSeeTraining } from './staff-access';

describe('staff record access', () => {
  const person = { id: 'p1', outletId: 'o1' };

  it('shows a person their own record whatever their role', () => {
    expect(
      canSeePersonRecord({ id: 'p1', roles: ['technician'], outletId: 'o1' }, person, QUALIFICATION_READERS),
    ).toBe(true);
  });

  it("shows others' records to readers only, and outlet-bound readers only their outlet's people", () => {
    expect(
      canSeePersonRecord({ id: 'x', roles: ['technician'], outletId: null }, person, QUALIFICATION_READERS),
    ).toBe(false);
    expect(
      canSeePersonRecord({ id: 'x', roles: ['dispatcher'], outletId: null }, person, QUALIFICATION_READERS),
    ).toBe(true);
    expect(
      canSeePersonRecord({ id: 'x', roles: ['manager'], outletId: 'o1' }, person, QUALIFICATION_READERS),
    ).toBe(true);
    expect(
      canSeePersonRecord({ id: 'x', roles: ['manager'], outletId: 'o2' }, person, QUALIFICATION_READERS),
    ).toBe(false);
  });

  it("shows outlet-bound users their outlet's trainings only, and others trainings by role", () => {
    expect(canSeeTraining({ id: 'x', roles: ['technician'], outletId: 'o1' }, 'o1')).toBe(true);
    expect(canSeeTraining({ id: 'x', roles: ['manager'], outletId: 'o1' }, 'o2')).toBe(false);
    expect(canSeeTraining({ id: 'x', roles: ['manager'], outletId: 'o1' }, null)).toBe(false);
    expect(canSeeTraining({ id: 'x', roles: ['auditor'], outletId: null }, null)).toBe(true);
    expect(canSeeTraining({ id: 'x', roles: ['technician'], outletId: null }, 'o1')).toBe(false);
  });
});
