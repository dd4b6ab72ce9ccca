import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { CustomersModule } from '../customers/customers.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { PolicyModule } from '../policy/policy.module';
import { TicketEventSubscribers } from '../tickets/events/ticket-events';
import { TicketLinks } from '../tickets/ticket-links';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { FollowUpActionsService } from './follow-up-actions.service';
import { FollowUpDigestService } from './follow-up-digest.service';
import { followUpEvidenceSources } from './follow-up-evidence';
import { FollowUpFormsService } from './follow-up-forms.service';
import { FollowUpTicketEvents } from './follow-up-ticket-events';
import { FollowUpFormsController, FollowUpsController, InspectionsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

/**
 * Customer care visits (SPEC §3.3): follow-ups of resolved tickets and inspections of installed
 * units, their outcomes, the daily overdue digest, and their evidence and record forms.
 */
@Module({
  imports: [UsersModule, CustomersModule, CatalogModule, PolicyModule, TicketsModule, ComplaintsModule],
  controllers: [FollowUpsController, InspectionsController, FollowUpFormsController],
  providers: [
    FollowUpsService,
    FollowUpActionsService,
    FollowUpTicketEvents,
    FollowUpDigestService,
    FollowUpFormsService,
  ],
  exports: [FollowUpsService, FollowUpDigestService],
})
export class FollowUpsModule implements OnModuleInit {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly ticketEvents: FollowUpTicketEvents,
    private readonly subscribers: TicketEventSubscribers,
    private readonly links: TicketLinks,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(this.ticketEvents);
    this.links.registerProvider({
      type: 'follow_up',
      list: (ticketId, viewer) => this.followUps.linkedTo(ticketId, viewer),
    });
    for (const source of followUpEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
