import { DataSource } from 'typeorm';
import { Tx } from '../database/transaction';
import { ProcessedEventEntity } from './processed-event.entity';

/**
 * Runs a consumer's work for an outbox row at most once: the claim and the work commit together,
 * so a job delivered twice (a relay retry, a Bull retry after a crash) does nothing the second time.
 * Returns false when the row had already been handled.
 */
export async function consumeOnce(
  dataSource: DataSource,
  consumer: string,
  outboxId: string,
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (tx) => {
    const claimed = await tx
      .createQueryBuilder()
      .insert()
      .into(ProcessedEventEntity)
      .values({ consumer, outboxId })
      .orIgnore()
      .returning(['outbox_id'])
      .execute();
    if ((claimed.raw as unknown[]).length === 0) return false;
    await work(tx);
    return true;
  });
}
