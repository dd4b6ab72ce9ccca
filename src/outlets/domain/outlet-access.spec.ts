import type { Role } from '../../users/domain/roles';
import { outletFileAccess, readsOutletFiles } from './outlet-access';

const user = (roles: Role[], outletId: string | null = null) => ({ roles, outletId });

describe('outletFileAccess', () => {
  it.each<[string, Role[], string | null, 'allowed' | 'hidden' | 'forbidden']>([
    ['a manager, any outlet', ['manager'], null, 'allowed'],
    ['an auditor, any outlet', ['auditor'], null, 'allowed'],
    ['an admin, any outlet', ['admin'], null, 'allowed'],
    ['a dispatcher of no outlet', ['dispatcher'], null, 'forbidden'],
    ['an agent of no outlet', ['agent'], null, 'forbidden'],
    ['an agent of this outlet', ['agent'], 'outlet-a', 'allowed'],
    ['an agent of another outlet', ['agent'], 'outlet-b', 'hidden'],
    ['a manager of another outlet', ['manager'], 'outlet-b', 'hidden'],
  ])('%s → %s', (_case, roles, outletId, access) => {
    expect(outletFileAccess(user(roles, outletId), 'outlet-a')).toBe(access);
  });
});

describe('readsOutletFiles', () => {
  it('lets reader roles and outlet-bound users list, and nobody else', () => {
    expect(readsOutletFiles(user(['auditor']))).toBe(true);
    expect(readsOutletFiles(user(['technician'], 'outlet-a'))).toBe(true);
    expect(readsOutletFiles(user(['technician', 'dispatcher']))).toBe(false);
  });
});
