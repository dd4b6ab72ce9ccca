import { Module } from '@nestjs/common';
import { ExpiryScanProcessor } from './common/expiry/jobs/expiry-scan.processor';
import { HousekeepingService } from './common/housekeeping/housekeeping.service';
import { HousekeepingProcessor } from './common/housekeeping/jobs/housekeeping.processor';
import { MailProcessor } from './common/mail/jobs/mail.processor';
import { OutboxRelay } from './common/outbox/outbox.relay';
import { ExportsProcessor } from './evidence/jobs/exports.processor';
import { TicketsProcessor } from './tickets/jobs/tickets.processor';
import { TicketsModule } from './tickets/tickets.module';
import { ReturnsModule } from './returns/returns.module';
import { ReturnsProcessor } from './returns/jobs/returns.processor';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsProcessor } from './complaints/jobs/complaints.processor';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { FollowUpsProcessor } from './follow-ups/jobs/follow-ups.processor';
import { SurveysProcessor } from './surveys/jobs/surveys.processor';
import { SurveysModule } from './surveys/surveys.module';

/**
 * Everything that runs background work: the outbox relay and every queue processor.
 * Loaded for ROLE=all and ROLE=worker, never for ROLE=api, so the two can be scaled apart.
 */
@Module({
  imports: [TicketsModule, ReturnsModule, FollowUpsModule, ComplaintsModule, SurveysModule],
  providers: [
    OutboxRelay,
    MailProcessor,
    HousekeepingService,
    HousekeepingProcessor,
    ExpiryScanProcessor,
    TicketsProcessor,
    ReturnsProcessor,
    ExportsProcessor,
    ComplaintsProcessor,
    FollowUpsProcessor,
    SurveysProcessor,
  ],
})
export class WorkerModule {}
