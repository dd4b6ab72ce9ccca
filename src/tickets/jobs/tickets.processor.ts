import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { consumeOnce } from '../../common/outbox/consume-once';
import {
  JOB_TICKET_DEADLINE,
  JOB_TICKET_EVENT,
  type OutboxJobData,
  QUEUE_TICKETS,
} from '../../common/queue/queue.constants';
import { type TicketEvent, TicketEventSubscribers } from '../events/ticket-events';
import type { DeadlineCheckPayload } from '../ticket-deadline.scheduler';
import { TicketDeadlinesService } from '../ticket-deadlines.service';

/** The tickets queue: deadline checks at their due time, and ticket events handed to their subscribers. */
@Processor(QUEUE_TICKETS)
export class TicketsProcessor {
  private readonly logger = new Logger(TicketsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: TicketDeadlinesService,
    private readonly subscribers: TicketEventSubscribers,
  ) {}

  @Process(JOB_TICKET_DEADLINE)
  async checkDeadline(job: Job<OutboxJobData<DeadlineCheckPayload>>): Promise<string[]> {
    const { outboxId, payload, requestId } = job.data;
    let recorded: string[] = [];
    await consumeOnce(this.dataSource, 'ticket-deadline', outboxId, async (tx) => {
      recorded = await this.deadlines.check(tx, payload, requestId);
    });
    if (recorded.length > 0) {
      this.logger.log(
        { requestId, ticketId: payload.ticketId, breaches: recorded },
        'Ticket deadlines missed',
      );
    }
    return recorded;
  }

  @Process(JOB_TICKET_EVENT)
  async handleEvent(job: Job<OutboxJobData<TicketEvent>>): Promise<string[]> {
    const { outboxId, payload } = job.data;
    const subscribers = this.subscribers.for(payload.type);
    await consumeOnce(this.dataSource, 'ticket-events', outboxId, async (tx) => {
      for (const subscriber of subscribers) await subscriber.handle(tx, payload);
    });
    return subscribers.map((subscriber) => subscriber.name);
  }
}
