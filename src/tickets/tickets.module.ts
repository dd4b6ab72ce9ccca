import { Module, OnModuleInit } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { OutletsModule } from '../outlets/outlets.module';
import { PolicyModule } from '../policy/policy.module';
import { UsersModule } from '../users/users.module';
import { TICKET_READERS } from './domain/ticket-access';
import { TicketEventPublisher, TicketEventSubscribers } from './events/ticket-events';
import { TicketNotifier } from './events/ticket-notifier';
import { TicketActionsService } from './ticket-actions.service';
import { TicketDeadlineScheduler } from './ticket-deadline.scheduler';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { TicketWorkloadService } from './ticket-workload.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

/** Who may attach files (photos, the customer's signature) to a ticket they can see. */
const TICKET_ATTACHERS = ['technician', 'dispatcher', 'agent', 'manager'] as const;

@Module({
  imports: [UsersModule, OutletsModule, CustomersModule, AssetsModule, CatalogModule, PolicyModule],
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketActionsService,
    TicketDeadlineScheduler,
    TicketDeadlinesService,
    TicketEventPublisher,
    TicketEventSubscribers,
    TicketNotifier,
    TicketWorkloadService,
  ],
  exports: [TicketsService, TicketDeadlinesService, TicketEventSubscribers, TicketWorkloadService],
})
export class TicketsModule implements OnModuleInit {
  constructor(
    private readonly tickets: TicketsService,
    private readonly owners: AttachmentOwners,
    private readonly subscribers: TicketEventSubscribers,
    private readonly notifier: TicketNotifier,
  ) {}

  onModuleInit(): void {
    this.owners.register({
      ownerType: 'ticket',
      readRoles: TICKET_READERS,
      writeRoles: TICKET_ATTACHERS,
      visibleTo: (id, user) => this.tickets.isVisibleTo(id, user),
    });
    this.subscribers.register(this.notifier);
  }
}
