import { Injectable } from '@nestjs/common';
import type { Tx } from '../common/database/transaction';
import { OutboxService } from '../common/outbox/outbox.service';
import { type ClockedTicket, dueAt } from './domain/ticket-clock';
import type { DeadlineKind } from './domain/ticket-fields';

export interface DeadlineCheckPayload {
  ticketId: string;
  deadline: DeadlineKind;
  /** The due time the timer was set for; a deadline that has moved since has a timer of its own. */
  dueAt: string;
}

/**
 * Puts a check of each deadline on the tickets queue, delayed to its due time. The timer is an outbox
 * row, so it commits with the change that set the deadline and survives a Redis outage. A deadline
 * that moves gets a new check; the old one finds nothing due and does nothing.
 */
@Injectable()
export class TicketDeadlineScheduler {
  constructor(private readonly outbox: OutboxService) {}

  async schedule(
    tx: Tx,
    ticket: ClockedTicket & { id: string },
    deadlines: readonly DeadlineKind[],
    requestId: string | null,
  ): Promise<void> {
    for (const deadline of deadlines) {
      const due = dueAt(ticket, deadline);
      const payload: DeadlineCheckPayload = { ticketId: ticket.id, deadline, dueAt: due.toISOString() };
      await this.outbox.add(tx, 'ticket.deadline-check', { ...payload }, { runAt: due, requestId });
    }
  }
}
