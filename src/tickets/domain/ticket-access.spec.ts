import type { Role } from '../../users/domain/roles';
import { type TicketOwnership, canSeeTicket, seesOnlyOwnJobs } from './ticket-access';

const ME = 'user-me';
const SOMEONE_ELSE = 'user-other';

const viewer = (roles: Role[], outletId: string | null = null) => ({ id: ME, roles, outletId });
const ticket = (outletId: string | null, technicianId: string | null): TicketOwnership => ({
  outletId,
  technicianId,
});

const MY_JOB_AT_A = ticket('outlet-a', ME);
const OTHER_JOB_AT_A = ticket('outlet-a', SOMEONE_ELSE);
const UNASSIGNED_AT_A = ticket('outlet-a', null);
const OTHER_JOB_AT_B = ticket('outlet-b', SOMEONE_ELSE);
const NOT_YET_DISPATCHED = ticket(null, null);

describe('seesOnlyOwnJobs', () => {
  it.each<[Role[], boolean]>([
    [['technician'], true],
    [['technician', 'dispatcher'], false],
    [['technician', 'manager'], false],
    [['technician', 'agent'], false],
    [['technician', 'returns_clerk'], false],
    [['technician', 'auditor'], false],
    [['dispatcher'], false],
    [['auditor'], false],
  ])('%j: %s', (roles, expected) => {
    expect(seesOnlyOwnJobs({ roles })).toBe(expected);
  });
});

describe('canSeeTicket', () => {
  it('shows a technician only the jobs assigned to them, whatever the outlet', () => {
    for (const outletId of [null, 'outlet-a']) {
      const technician = viewer(['technician'], outletId);
      expect(canSeeTicket(technician, MY_JOB_AT_A)).toBe(true);
      expect(canSeeTicket(technician, ticket('outlet-b', ME))).toBe(true);
      expect(canSeeTicket(technician, OTHER_JOB_AT_A)).toBe(false);
      expect(canSeeTicket(technician, UNASSIGNED_AT_A)).toBe(false);
      expect(canSeeTicket(technician, NOT_YET_DISPATCHED)).toBe(false);
    }
  });

  it('shows a technician who also dispatches by outlet, not by assignment', () => {
    const headOffice = viewer(['technician', 'dispatcher']);
    for (const shown of [MY_JOB_AT_A, OTHER_JOB_AT_A, OTHER_JOB_AT_B, NOT_YET_DISPATCHED]) {
      expect(canSeeTicket(headOffice, shown)).toBe(true);
    }
    const atOutletA = viewer(['technician', 'dispatcher'], 'outlet-a');
    expect(canSeeTicket(atOutletA, OTHER_JOB_AT_A)).toBe(true);
    expect(canSeeTicket(atOutletA, UNASSIGNED_AT_A)).toBe(true);
    expect(canSeeTicket(atOutletA, OTHER_JOB_AT_B)).toBe(false);
  });

  it.each<Role>(['agent', 'dispatcher', 'returns_clerk', 'manager', 'auditor'])(
    'shows an outlet-bound %s only that outlet’s tickets',
    (role) => {
      const user = viewer([role], 'outlet-a');
      expect(canSeeTicket(user, OTHER_JOB_AT_A)).toBe(true);
      expect(canSeeTicket(user, UNASSIGNED_AT_A)).toBe(true);
      expect(canSeeTicket(user, OTHER_JOB_AT_B)).toBe(false);
      expect(canSeeTicket(user, NOT_YET_DISPATCHED)).toBe(false);
    },
  );

  it.each<Role>(['agent', 'dispatcher', 'returns_clerk', 'manager', 'auditor'])(
    'shows a head-office %s every ticket',
    (role) => {
      const user = viewer([role]);
      for (const shown of [MY_JOB_AT_A, OTHER_JOB_AT_A, OTHER_JOB_AT_B, NOT_YET_DISPATCHED]) {
        expect(canSeeTicket(user, shown)).toBe(true);
      }
    },
  );
});
