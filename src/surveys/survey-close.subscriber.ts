import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../audit/audit.service';
import type { Tx } from '../common/database/transaction';
import type { TicketEvent, TicketEventSubscriber } from '../tickets/events/ticket-events';
import { TicketEntity } from '../tickets/ticket.entity';
import { SurveyInvitationsService } from './survey-invitations.service';
import { SurveyTemplatesService } from './survey-templates.service';

/**
 * Invites the customer of a closed ticket to the survey, when the settings say so and the customer
 * has an email address. One invitation per ticket: a redelivered event, or the ticket closed again
 * after a reopening, finds the invitation already there (unique per ticket) and sends nothing.
 */
@Injectable()
export class SurveyCloseSubscriber implements TicketEventSubscriber {
  readonly name = 'survey-invitations';
  readonly handles = ['closed'] as const;

  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly invitations: SurveyInvitationsService,
  ) {}

  async handle(tx: Tx, event: TicketEvent): Promise<void> {
    const settings = await this.templates.settings(tx);
    if (!settings.inviteOnTicketClose || !settings.template) return;
    const ticket = await tx
      .getRepository(TicketEntity)
      .findOne({ where: { id: event.ticketId }, relations: { customer: true, product: true } });
    // Reopened before the event was handled: the job is not done; its next close will ask.
    if (ticket?.status !== 'closed') return;
    const customer = ticket.customer;
    if (!customer?.active || !customer.email) return;
    await this.invitations.invite(
      tx,
      {
        template: settings.template,
        source: 'ticket_closed',
        campaignId: null,
        ticket: { id: ticket.id, number: ticket.number },
        customer: { id: customer.id, name: customer.name, email: customer.email },
        outletId: event.outletId,
        technicianId: event.technicianId,
        productCategory: ticket.product?.category ?? null,
        language: 'zh',
        expiryDays: settings.expiryDays,
      },
      SYSTEM_ACTOR,
      null,
    );
  }
}
