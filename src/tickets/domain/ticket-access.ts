import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import type { Role } from '../../users/domain/roles';

/** Who reads tickets at all; IT administrators do not. */
export const TICKET_READERS: readonly Role[] = [
  'agent',
  'dispatcher',
  'technician',
  'returns_clerk',
  'manager',
  'auditor',
];
/** The hotline registers repair requests (报修). */
export const TICKET_INTAKE: readonly Role[] = ['agent', 'dispatcher', 'manager'];

type Viewer = Pick<AuthenticatedUser, 'id' | 'roles' | 'outletId'>;

/** Every role that reads tickets beyond the jobs assigned to the reader. */
const WIDE_READERS: readonly Role[] = TICKET_READERS.filter((role) => role !== 'technician');

/** A user who reads tickets only as a technician sees only the jobs assigned to them. */
export function seesOnlyOwnJobs(viewer: Pick<AuthenticatedUser, 'roles'>): boolean {
  return !viewer.roles.some((role) => WIDE_READERS.includes(role));
}

export interface TicketOwnership {
  outletId: string | null;
  technicianId: string | null;
}

/**
 * Whether a viewer may see a ticket: a technician only their own jobs; an outlet-bound user only
 * their outlet's tickets (an unassigned ticket belongs to no outlet yet, so head office alone sees it).
 */
export function canSeeTicket(viewer: Viewer, ticket: TicketOwnership): boolean {
  if (seesOnlyOwnJobs(viewer)) return ticket.technicianId === viewer.id;
  return canSeeOutletRecord(viewer, ticket.outletId);
}
