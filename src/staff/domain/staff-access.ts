import { hasAnyRole, type AuthenticatedUser } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import type { Role } from '../../users/domain/roles';

/** Staff records are kept by the service managers. */
export const STAFF_WRITERS: readonly Role[] = ['manager', 'admin'];
/** Dispatchers read certificates to pick a qualified technician. */
export const QUALIFICATION_READERS: readonly Role[] = ['manager', 'dispatcher', 'auditor', 'admin'];
export const TRAINING_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];
export const REVIEW_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];

type Viewer = Pick<AuthenticatedUser, 'id' | 'roles' | 'outletId'>;

/**
 * Whether a viewer may see a record about one person (a certificate, a review): their own always;
 * others' with a reader role, and for outlet-bound viewers only people of their outlet.
 */
export function canSeePersonRecord(
  viewer: Viewer,
  person: { id: string; outletId: string | null },
  readers: readonly Role[],
): boolean {
  if (person.id === viewer.id) return true;
  return hasAnyRole(viewer, readers) && canSeeOutletRecord(viewer, person.outletId);
}

/** Outlet-bound users see their outlet's trainings whatever their role; others need a reader role. */
export function canSeeTraining(viewer: Viewer, trainingOutletId: string | null): boolean {
  if (viewer.outletId !== null) return viewer.outletId === trainingOutletId;
  return hasAnyRole(viewer, TRAINING_READERS);
}
