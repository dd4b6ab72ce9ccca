import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import type { Role } from '../../users/domain/roles';
import type { FollowUpKind } from './follow-up-fields';

/** Who reads follow-ups and inspections; a technician only the inspections given to them. */
export const FOLLOW_UP_READERS: readonly Role[] = ['agent', 'dispatcher', 'technician', 'manager', 'auditor'];

/** Who schedules inspections of installed units. */
export const INSPECTION_PLANNERS: readonly Role[] = ['manager', 'agent'];

/** Who a visit may be given to: the care desk, and for an inspection also a technician. */
export function assignableRoles(kind: FollowUpKind): readonly Role[] {
  return kind === 'inspection' ? ['manager', 'agent', 'technician'] : ['manager', 'agent'];
}

type Viewer = Pick<AuthenticatedUser, 'id' | 'roles' | 'outletId'>;

const WIDE_READERS: readonly Role[] = FOLLOW_UP_READERS.filter((role) => role !== 'technician');

/** A user who reads visits only as a technician sees only the inspections assigned to them. */
export function seesOnlyOwnInspections(viewer: Pick<AuthenticatedUser, 'roles'>): boolean {
  return !viewer.roles.some((role) => WIDE_READERS.includes(role));
}

export interface FollowUpOwnership {
  kind: FollowUpKind;
  outletId: string | null;
  assigneeId: string | null;
}

/** Whether a viewer may see a visit: outlet staff only their outlet's, a technician only their inspections. */
export function canSeeFollowUp(viewer: Viewer, followUp: FollowUpOwnership): boolean {
  if (seesOnlyOwnInspections(viewer)) {
    return followUp.kind === 'inspection' && followUp.assigneeId === viewer.id;
  }
  return canSeeOutletRecord(viewer, followUp.outletId);
}
