import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../clock';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../outbox/processed-event.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Clients retry within minutes; a day is generous. */
export const IDEMPOTENCY_KEY_RETENTION_MS = DAY_MS;
/** Long after any queue could hand the same outbox row over again. */
export const DELIVERED_OUTBOX_RETENTION_MS = 30 * DAY_MS;

export interface PruneResult {
  idempotencyKeys: number;
  outboxRows: number;
  processedEvents: number;
}

/** Removes bookkeeping rows that have served their purpose. Business records and the audit trail are never touched. */
@Injectable()
export class HousekeepingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async prune(): Promise<PruneResult> {
    const now = this.clock.now().getTime();
    const keysBefore = new Date(now - IDEMPOTENCY_KEY_RETENTION_MS);
    const outboxBefore = new Date(now - DELIVERED_OUTBOX_RETENTION_MS);
    const keys = await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .delete({ createdAt: LessThan(keysBefore) });
    const outbox = await this.dataSource
      .getRepository(OutboxEventEntity)
      .delete({ dispatchedAt: LessThan(outboxBefore) });
    const processed = await this.dataSource
      .getRepository(ProcessedEventEntity)
      .delete({ processedAt: LessThan(outboxBefore) });
    return {
      idempotencyKeys: keys.affected ?? 0,
      outboxRows: outbox.affected ?? 0,
      processedEvents: processed.affected ?? 0,
    };
  }
}
