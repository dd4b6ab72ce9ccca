import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { CustomersModule } from '../customers/customers.module';
import { EvidenceSources } from '../evidence/evidence-sources';
import { PolicyModule } from '../policy/policy.module';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { TicketLinks } from '../tickets/ticket-links';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { ReturnActionsService } from './return-actions.service';
import { ReturnFormsController, ReturnFormsService } from './return-forms';
import { ReturnRemindersService } from './return-reminders.service';
import { ReturnScheduler } from './return-scheduler';
import { returnEvidenceSources } from './returns-evidence';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';

/**
 * Returned goods (物品返修 / 退换货, SPEC §3.2). Built on tickets without tickets knowing it: a
 * take-back opens a record in its own transaction, the ticket lists its records, and a ticket whose
 * goods are still away may not be resolved.
 */
@Module({
  imports: [TicketsModule, SuppliersModule, PolicyModule, CustomersModule, CatalogModule, UsersModule],
  controllers: [ReturnsController, ReturnFormsController],
  providers: [
    ReturnsService,
    ReturnActionsService,
    ReturnScheduler,
    ReturnRemindersService,
    ReturnFormsService,
  ],
  exports: [ReturnsService, ReturnRemindersService],
})
export class ReturnsModule implements OnModuleInit {
  constructor(
    private readonly returns: ReturnsService,
    private readonly links: TicketLinks,
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.links.registerActionHook({
      name: 'returns',
      actions: ['take_back'],
      run: async (tx, ticket, context) => {
        await this.returns.createFromTicket(tx, ticket, context);
      },
    });
    this.links.registerResolveCheck({
      name: 'returns',
      check: (tx, ticket) => this.returns.resolveObjection(tx, ticket),
    });
    this.links.registerProvider({
      type: 'return',
      list: (ticketId, viewer) => this.returns.linkedTo(ticketId, viewer),
    });
    for (const source of returnEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
