import { canSeeOutletRecord, outletRestriction } from './outlet-scope';

const HEAD_OFFICE_USER = { outletId: null };
const OUTLET_A_USER = { outletId: 'outlet-a' };

describe('outletRestriction', () => {
  it('restricts a user bound to an outlet to that outlet', () => {
    expect(outletRestriction(OUTLET_A_USER)).toBe('outlet-a');
  });

  it('does not restrict a user bound to no outlet', () => {
    expect(outletRestriction(HEAD_OFFICE_USER)).toBeNull();
  });

  it('reads only the outlet, whatever else the user carries', () => {
    const user = { id: 'u1', username: 'tech', roles: ['admin' as const], outletId: 'outlet-b' };
    expect(outletRestriction(user)).toBe('outlet-b');
  });
});

describe('canSeeOutletRecord', () => {
  it.each<[string, string | null, string | null, boolean]>([
    ['head office user, record of outlet A', null, 'outlet-a', true],
    ['head office user, record of outlet B', null, 'outlet-b', true],
    ['head office user, record of no outlet', null, null, true],
    ['outlet A user, record of outlet A', 'outlet-a', 'outlet-a', true],
    ['outlet A user, record of outlet B', 'outlet-a', 'outlet-b', false],
    ['outlet A user, record of no outlet', 'outlet-a', null, false],
    ['outlet A user, record of an outlet differing only in case', 'outlet-a', 'OUTLET-A', false],
    ['outlet A user, record of an outlet whose id starts the same', 'outlet-a', 'outlet-ab', false],
  ])('%s → %s', (_case, userOutlet, recordOutlet, visible) => {
    expect(canSeeOutletRecord({ outletId: userOutlet }, recordOutlet)).toBe(visible);
  });

  it('does not treat an empty outlet id as no restriction', () => {
    expect(canSeeOutletRecord({ outletId: '' }, 'outlet-a')).toBe(false);
    expect(canSeeOutletRecord({ outletId: '' }, null)).toBe(false);
  });
});
