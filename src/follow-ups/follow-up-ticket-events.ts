import { Injectable } from '@nestjs/common';
import type { Tx } from '../common/database/transaction';
import type { TicketEvent, TicketEventSubscriber } from '../tickets/events/ticket-events';
import { FollowUpsService } from './follow-ups.service';

/**
 * Follow-ups from the tickets' events: one follow-up for each resolution, and a reopened ticket's
 * pending follow-up cancelled. Runs in the worker with the event's claim (a redelivery does nothing).
 */
@Injectable()
export class FollowUpTicketEvents implements TicketEventSubscriber {
  readonly name = 'follow-ups';
  readonly handles = ['resolved', 'reopened'] as const;

  constructor(private readonly followUps: FollowUpsService) {}

  async handle(tx: Tx, event: TicketEvent): Promise<void> {
    if (event.type === 'resolved') await this.followUps.createForResolution(tx, event);
    if (event.type === 'reopened') await this.followUps.cancelForReopening(tx, event);
  }
}
