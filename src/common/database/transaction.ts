import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** One transaction per use case: the change, its audit entry and its outbox rows commit together. */
export function inTransaction<T>(dataSource: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
