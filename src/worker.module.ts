import { Module } from '@nestjs/common';
import { ExpiryScanProcessor } from './common/expiry/jobs/expiry-scan.processor';
import { HousekeepingService } from './common/housekeeping/housekeeping.service';
import { HousekeepingProcessor } from './common/housekeeping/jobs/housekeeping.processor';
import { MailProcessor } from './common/mail/jobs/mail.processor';
import { OutboxRelay } from './common/outbox/outbox.relay';
import { ExportsProcessor } from './evidence/jobs/exports.processor';
import { TicketsProcessor } from './tickets/jobs/tickets.processor';
import { TicketsModule } from './tickets/tickets.module';

/**
 * Everything that runs background work: the outbox relay and every queue processor.
 * Loaded for ROLE=all and ROLE=worker, never for ROLE=api, so the two can be scaled apart.
 */
@Module({
  imports: [TicketsModule],
  providers: [
    OutboxRelay,
    MailProcessor,
    HousekeepingService,
    HousekeepingProcessor,
    ExpiryScanProcessor,
    TicketsProcessor,
    ExportsProcessor,
  ],
})
export class WorkerModule {}
