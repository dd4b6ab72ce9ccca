import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Tx } from '../database/transaction';
import { OutboxTopic } from '../queue/queue.constants';
import { OutboxEventEntity } from './outbox-event.entity';

export interface OutboxOptions {
  requestId?: string | null;
  /** Run no earlier than this: timers are outbox rows too, so they survive a Redis outage. */
  runAt?: Date | null;
}

@Injectable()
export class OutboxService {
  /** Records a job in the caller's transaction; the relay hands it to its queue after commit. */
  async add(
    tx: Tx,
    topic: OutboxTopic,
    payload: Record<string, unknown>,
    options: OutboxOptions = {},
  ): Promise<string> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(OutboxEventEntity)
      .values({
        topic,
        payload: payload as QueryDeepPartialEntity<Record<string, unknown>>,
        requestId: options.requestId ?? null,
        runAt: options.runAt ?? null,
      })
      .returning(['id'])
      .execute();
    return String((result.identifiers[0] as { id: string }).id);
  }
}
