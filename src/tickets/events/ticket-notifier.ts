import { Inject, Injectable } from '@nestjs/common';
import { formatDateTime } from '../../common/calendar';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import type { Tx } from '../../common/database/transaction';
import { NotificationService } from '../../common/mail/notification.service';
import { UsersService } from '../../users/users.service';
import { UserEntity } from '../../users/user.entity';
import { DEADLINE_NAMES, PRIORITY_NAMES, STATUS_NAMES } from '../domain/ticket-fields';
import { TicketEntity } from '../ticket.entity';
import type { TicketEvent, TicketEventSubscriber } from './ticket-events';

/**
 * Tells people about their tickets by mail: the technician when a job is dispatched to them; the
 * dispatchers when a deadline is missed, and the managers too when the ticket is urgent.
 */
@Injectable()
export class TicketNotifier implements TicketEventSubscriber {
  readonly name = 'ticket-notifier';
  readonly handles = ['dispatched', 'breached'] as const;

  constructor(
    private readonly notifications: NotificationService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(tx: Tx, event: TicketEvent): Promise<void> {
    const ticket = await tx
      .getRepository(TicketEntity)
      .findOne({ where: { id: event.ticketId }, relations: { product: true, technician: true } });
    if (!ticket) return;
    if (event.type === 'dispatched') await this.tellTechnician(tx, ticket, event);
    if (event.type === 'breached') await this.tellDispatchers(tx, ticket, event);
  }

  private at(instant: Date | string | undefined): string {
    return instant === undefined ? '' : formatDateTime(new Date(instant), this.config.companyTimeZone);
  }

  /** The technician the event names: a later re-dispatch does not redirect an earlier notice. */
  private async tellTechnician(tx: Tx, ticket: TicketEntity, event: TicketEvent): Promise<void> {
    if (!event.technicianId) return;
    const technician = await tx.getRepository(UserEntity).findOneBy({ id: event.technicianId });
    if (!technician?.email || technician.disabled) return;
    await this.notifications.queueMail(tx, {
      to: technician.email,
      template: 'ticket-dispatched',
      params: {
        recipientName: technician.displayName,
        number: ticket.number,
        priority: PRIORITY_NAMES[ticket.priority],
        contact: ticket.contactName ?? '',
        phone: ticket.contactPhone ?? '',
        address: ticket.address ?? '',
        product: ticket.product?.name ?? '',
        fault: ticket.fault,
        responseDueAt: this.at(ticket.responseDueAt),
        onSiteDueAt: this.at(ticket.onSiteDueAt),
      },
      related: { type: 'ticket', id: ticket.id },
    });
  }

  private async tellDispatchers(tx: Tx, ticket: TicketEntity, event: TicketEvent): Promise<void> {
    if (!event.deadline) return;
    // Only those who may see the ticket: an outsourced outlet never hears of another outlet's jobs.
    const recipients = await this.users.mailRecipients('dispatcher', ticket.outletId);
    if (ticket.priority === 'urgent') {
      recipients.push(...(await this.users.mailRecipients('manager', ticket.outletId)));
    }
    const unique = new Map(recipients.map((recipient) => [recipient.email, recipient]));
    for (const recipient of unique.values()) {
      await this.notifications.queueMail(tx, {
        to: recipient.email,
        template: 'ticket-breached',
        params: {
          recipientName: recipient.displayName,
          number: ticket.number,
          priority: PRIORITY_NAMES[ticket.priority],
          status: STATUS_NAMES[ticket.status],
          deadline: DEADLINE_NAMES[event.deadline],
          dueAt: this.at(event.dueAt),
          technician: ticket.technician?.displayName ?? '未派单',
        },
        related: { type: 'ticket', id: ticket.id },
      });
    }
  }
}
