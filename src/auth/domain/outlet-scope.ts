import type { AuthenticatedUser } from '../authenticated-user';

/**
 * A user bound to an outlet sees only that outlet's records (outsourced outlets must never see
 * other outlets' customers). These two rules are what every outlet-owned module applies.
 */

/** The outlet a user's reads are restricted to, or null when the user sees every outlet. */
export function outletRestriction(user: Pick<AuthenticatedUser, 'outletId'>): string | null {
  return user.outletId;
}

/** Whether a user may see a record owned by the given outlet (null: a record of no outlet, e.g. head office). */
export function canSeeOutletRecord(
  user: Pick<AuthenticatedUser, 'outletId'>,
  recordOutletId: string | null,
): boolean {
  const restriction = outletRestriction(user);
  return restriction === null || restriction === recordOutletId;
}
