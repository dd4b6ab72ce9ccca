import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The Idempotency-Key a request holds, carried to the transactions its use case runs. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** Set once a transaction of the request has committed with the key marked. */
  committed: boolean;
}

const claims = new AsyncLocalStorage<IdempotencyClaim>();

export function runWithClaim<T>(claim: IdempotencyClaim, work: () => Promise<T>): Promise<T> {
  return claims.run(claim, work);
}

/**
 * Marks the request's key as carried out inside the use case's own transaction, so that the business
 * change and "this key has been used" commit together: a retry can then never do the change twice.
 * Returns the claim to confirm after commit, or null when there is nothing to mark.
 */
export async function markClaimInTransaction(tx: EntityManager): Promise<IdempotencyClaim | null> {
  const claim = claims.getStore();
  if (!claim || claim.committed) return null;
  await tx.update(
    IdempotencyKeyEntity,
    { userId: claim.userId, key: claim.key },
    { committedAt: new Date() },
  );
  return claim;
}
