import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { consumeOnce } from '../../common/outbox/consume-once';
import {
  JOB_RETURN_CHASE_DUE,
  JOB_RETURN_NOTICE_DUE,
  type OutboxJobData,
  QUEUE_RETURNS,
} from '../../common/queue/queue.constants';
import { ReturnRemindersService, type TimerOutcome } from '../return-reminders.service';
import type { ReturnTimerPayload } from '../return-scheduler';

/** The returns queue: each chase reminder and the customer notice, at their due time, each handled once. */
@Processor(QUEUE_RETURNS)
export class ReturnsProcessor {
  private readonly logger = new Logger(ReturnsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: ReturnRemindersService,
  ) {}

  @Process(JOB_RETURN_CHASE_DUE)
  async chaseDue(job: Job<OutboxJobData<ReturnTimerPayload>>): Promise<TimerOutcome> {
    const { outboxId, payload, requestId } = job.data;
    let outcome = 'nothing' as TimerOutcome;
    await consumeOnce(this.dataSource, 'return-chase-due', outboxId, async (tx) => {
      outcome = await this.reminders.chaseDue(tx, payload, requestId);
    });
    if (outcome === 'reminded')
      this.logger.log({ requestId, returnId: payload.returnId }, 'Chase reminder sent');
    return outcome;
  }

  @Process(JOB_RETURN_NOTICE_DUE)
  async noticeDue(job: Job<OutboxJobData<ReturnTimerPayload>>): Promise<TimerOutcome> {
    const { outboxId, payload, requestId } = job.data;
    let outcome = 'nothing' as TimerOutcome;
    await consumeOnce(this.dataSource, 'return-notice-due', outboxId, async (tx) => {
      outcome = await this.reminders.noticeDue(tx, payload, requestId);
    });
    if (outcome === 'noticed')
      this.logger.log({ requestId, returnId: payload.returnId }, 'Customer told of goods away');
    return outcome;
  }
}
