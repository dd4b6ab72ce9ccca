import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { CustomersModule } from '../customers/customers.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { PolicyModule } from '../policy/policy.module';
import { TicketLinks } from '../tickets/ticket-links';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintEscalationsService } from './complaint-escalations.service';
import { complaintEvidenceSource } from './complaint-evidence';
import { ComplaintFormsController, ComplaintFormsService } from './complaint-forms';
import { ComplaintNotifier } from './complaint-notifier';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

/**
 * Complaints (投诉, SPEC §3.4). Exports ComplaintsService so that other modules (follow-ups) register
 * a complaint in their own transaction, and ComplaintEscalationsService for the worker's processor.
 */
@Module({
  imports: [UsersModule, CustomersModule, PolicyModule, TicketsModule],
  controllers: [ComplaintsController, ComplaintFormsController],
  providers: [
    ComplaintsService,
    ComplaintActionsService,
    ComplaintEscalationsService,
    ComplaintNotifier,
    ComplaintFormsService,
  ],
  exports: [ComplaintsService, ComplaintEscalationsService],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly links: TicketLinks,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.links.registerProvider({
      type: 'complaint',
      list: (ticketId, viewer) => this.complaints.linkedTo(ticketId, viewer),
    });
    // 'corrective-actions' stays the outlets' source: the registry holds one source per code.
    this.evidence.register(complaintEvidenceSource(this.dataSource, this.config.companyTimeZone));
  }
}
