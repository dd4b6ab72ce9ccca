import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssetsModule } from '../assets/assets.module';
import { AttachmentOwners } from '../attachments/attachment-owners';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { CustomersModule } from '../customers/customers.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { OutletsModule } from '../outlets/outlets.module';
import { PolicyModule } from '../policy/policy.module';
import { UsersModule } from '../users/users.module';
import { TICKET_READERS } from './domain/ticket-access';
import { TicketEventPublisher, TicketEventSubscribers } from './events/ticket-events';
import { TicketNotifier } from './events/ticket-notifier';
import { TicketActionsService } from './ticket-actions.service';
import { TicketDeadlineScheduler } from './ticket-deadline.scheduler';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { ticketEvidenceSources } from './ticket-evidence';
import { TicketLinks } from './ticket-links';
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
    TicketLinks,
  ],
  exports: [
    TicketsService,
    TicketActionsService,
    TicketDeadlinesService,
    TicketEventSubscribers,
    TicketWorkloadService,
    TicketLinks,
  ],
})
export class TicketsModule implements OnModuleInit {
  constructor(
    private readonly tickets: TicketsService,
    private readonly owners: AttachmentOwners,
    private readonly subscribers: TicketEventSubscribers,
    private readonly notifier: TicketNotifier,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.owners.register({
      ownerType: 'ticket',
      readRoles: TICKET_READERS,
      writeRoles: TICKET_ATTACHERS,
      visibleTo: (id, user) => this.tickets.isVisibleTo(id, user),
    });
    this.subscribers.register(this.notifier);
    for (const source of ticketEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
