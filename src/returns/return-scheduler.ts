import { Injectable } from '@nestjs/common';
import type { Tx } from '../common/database/transaction';
import { OutboxService } from '../common/outbox/outbox.service';

/** A timer of one returned-goods record: which record, and the due time it was set for. */
export interface ReturnTimerPayload {
  returnId: string;
  dueAt: string;
}

/**
 * Sets the timers of returned goods as delayed jobs: the next chase of the vendor and the customer
 * notice. Each is an outbox row written with the change that set its time, so it survives a restart or
 * a Redis outage; a time that moves gets a new timer, and the old one finds its time gone and does nothing.
 */
@Injectable()
export class ReturnScheduler {
  constructor(private readonly outbox: OutboxService) {}

  async chaseAt(tx: Tx, returnId: string, dueAt: Date, requestId: string | null): Promise<void> {
    const payload: ReturnTimerPayload = { returnId, dueAt: dueAt.toISOString() };
    await this.outbox.add(tx, 'return.chase-due', { ...payload }, { runAt: dueAt, requestId });
  }

  async noticeAt(tx: Tx, returnId: string, dueAt: Date, requestId: string | null): Promise<void> {
    const payload: ReturnTimerPayload = { returnId, dueAt: dueAt.toISOString() };
    await this.outbox.add(tx, 'return.notice-due', { ...payload }, { runAt: dueAt, requestId });
  }
}
