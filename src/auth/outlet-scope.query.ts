import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from './authenticated-user';
import { canSeeOutletRecord, outletRestriction } from './domain/outlet-scope';
import { NotFoundError } from '../common/errors/domain-error';

/** Narrows a list query to the user's outlet, when the user has one. */
export function scopeToOutlet<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  user: AuthenticatedUser,
  outletColumn: string,
): SelectQueryBuilder<T> {
  const outletId = outletRestriction(user);
  return outletId === null
    ? query
    : query.andWhere(`${outletColumn} = :scopeOutletId`, { scopeOutletId: outletId });
}

/** Refuses a single record outside the user's outlet as not found, so its existence is not revealed. */
export function assertOutletVisible(
  user: AuthenticatedUser,
  entity: string,
  id: string,
  recordOutletId: string | null,
): void {
  if (!canSeeOutletRecord(user, recordOutletId)) throw new NotFoundError(entity, id);
}
