import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';

type Viewer = Pick<AuthenticatedUser, 'outletId'>;

/**
 * Company-wide documents (no outlet) are read by everyone, outsourced outlets included: staff must
 * know the procedures and the laws (GB/T 27922 规范要求). A document of one outlet (its service
 * agreement, its licence) is for head office and that outlet only.
 */
export function canSeeDocument(viewer: Viewer, documentOutletId: string | null): boolean {
  return documentOutletId === null || canSeeOutletRecord(viewer, documentOutletId);
}

/** Head office keeps the company's documents; a manager bound to an outlet keeps only that outlet's. */
export function canChangeDocument(viewer: Viewer, documentOutletId: string | null): boolean {
  return canSeeOutletRecord(viewer, documentOutletId);
}
