import { type AuthenticatedUser, hasAnyRole } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import type { Role } from '../../users/domain/roles';

/** Who keeps the outlet register: creates and edits outlets, their files and reviews, and runs their lifecycle. */
export const OUTLET_KEEPERS: readonly Role[] = ['manager', 'admin'];

/** Who reads every outlet's reviews and qualification file; other users read only their own outlet's. */
export const OUTLET_FILE_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];

type Reader = Pick<AuthenticatedUser, 'roles' | 'outletId'>;

/** Whether a user reads reviews and qualification files at all: a reader role, or being bound to an outlet. */
export function readsOutletFiles(user: Reader): boolean {
  return hasAnyRole(user, OUTLET_FILE_READERS) || user.outletId !== null;
}

/**
 * A user's access to one outlet's reviews and qualification file: `hidden` for another outlet's
 * (answered as not found, like the outlet itself), `forbidden` without a reader role, else `allowed`.
 */
export function outletFileAccess(user: Reader, outletId: string): 'allowed' | 'hidden' | 'forbidden' {
  if (!canSeeOutletRecord(user, outletId)) return 'hidden';
  return readsOutletFiles(user) ? 'allowed' : 'forbidden';
}
