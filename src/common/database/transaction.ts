import { DataSource, EntityManager } from 'typeorm';
import { markClaimInTransaction } from '../idempotency/idempotency-context';

export type Tx = EntityManager;

/**
 * One transaction per use case: the change, its audit entry and its outbox rows commit together,
 * and with them the request's Idempotency-Key, when it has one.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  const { result, claim } = await dataSource.transaction('READ COMMITTED', async (tx) => {
    const done = await work(tx);
    return { result: done, claim: await markClaimInTransaction(tx) };
  });
  if (claim) claim.committed = true;
  return result;
}
