import type { Job } from 'bull';
import { OutboxEventEntity } from '../../src/common/outbox/outbox-event.entity';
import type { OutboxJobData, OutboxTopic } from '../../src/common/queue/queue.constants';
import type { TicketEvent } from '../../src/tickets/events/ticket-events';
import { TicketsProcessor } from '../../src/tickets/jobs/tickets.processor';
import type { DeadlineCheckPayload } from '../../src/tickets/ticket-deadline.scheduler';
import type { TestApp } from './test-app';

/**
 * The tickets queue driven by hand: a test picks the outbox rows a ticket wrote and runs the job the
 * relay would make of each, at a moment it sets with the TestClock, instead of waiting for Bull.
 */

export type TicketTopic = 'ticket.deadline-check' | 'ticket.event';

/** A ticket's outbox rows of one topic, oldest first. */
export function ticketOutboxRows(
  t: TestApp,
  topic: TicketTopic,
  ticketId: string,
): Promise<OutboxEventEntity[]> {
  return outboxRowsWhere(t, topic, 'ticketId', ticketId);
}

/** The outbox rows of a topic whose payload has `key` = `value`, oldest first (any module's jobs). */
export function outboxRowsWhere(
  t: TestApp,
  topic: OutboxTopic,
  key: string,
  value: string,
): Promise<OutboxEventEntity[]> {
  return t.dataSource
    .getRepository(OutboxEventEntity)
    .createQueryBuilder('o')
    .where('o.topic = :topic', { topic })
    .andWhere(`o.payload ->> :key = :value`, { key, value })
    .orderBy('o.id', 'ASC')
    .getMany();
}

/** The job the relay hands to the queue for the row (see OutboxRelay.deliver). */
export function jobFor<P>(row: OutboxEventEntity): Job<OutboxJobData<P>> {
  const data: OutboxJobData<P> = {
    outboxId: row.id,
    topic: row.topic as OutboxTopic,
    payload: row.payload as P,
    requestId: row.requestId,
  };
  return { data } as Job<OutboxJobData<P>>;
}

/** Runs a 'ticket.deadline-check' row's job as the worker does; returns the deadlines it recorded. */
export function runDeadlineCheck(t: TestApp, row: OutboxEventEntity): Promise<string[]> {
  return t.app.get(TicketsProcessor).checkDeadline(jobFor<DeadlineCheckPayload>(row));
}

/** Runs a 'ticket.event' row's job as the worker does. */
export async function runTicketEvent(t: TestApp, row: OutboxEventEntity): Promise<void> {
  await t.app.get(TicketsProcessor).handleEvent(jobFor<TicketEvent>(row));
}
