import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/database/transaction';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { Priority } from '../../policy/domain/policy-commitments';
import type { DeadlineKind } from '../domain/ticket-fields';

/** What happened to a ticket that other parts of the system act on (follow-ups, surveys, mail). */
export const TICKET_EVENT_TYPES = [
  'dispatched',
  'taken_back',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
  'breached',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEvent {
  type: TicketEventType;
  ticketId: string;
  number: string;
  priority: Priority;
  outletId: string | null;
  technicianId: string | null;
  occurredAt: string;
  /** For a breach: which deadline, and when it was due. */
  deadline?: DeadlineKind;
  dueAt?: string;
}

/** A consumer of ticket events, e.g. follow-ups on 'resolved'. Its work commits with the event's claim. */
export interface TicketEventSubscriber {
  name: string;
  handles: readonly TicketEventType[];
  handle(tx: Tx, event: TicketEvent): Promise<void>;
}

/** Modules register their subscribers at start (in onModuleInit). */
@Injectable()
export class TicketEventSubscribers {
  private readonly subscribers: TicketEventSubscriber[] = [];

  register(subscriber: TicketEventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  for(type: TicketEventType): TicketEventSubscriber[] {
    return this.subscribers.filter((subscriber) => subscriber.handles.includes(type));
  }
}

/** Publishes ticket events through the outbox, in the transaction of the change they report. */
@Injectable()
export class TicketEventPublisher {
  constructor(private readonly outbox: OutboxService) {}

  async publish(tx: Tx, event: TicketEvent, requestId: string | null): Promise<void> {
    await this.outbox.add(tx, 'ticket.event', { ...event }, { requestId });
  }
}
