import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { keepScheduled, scheduleRepeatable } from '../../common/queue/keep-scheduled';
import {
  FOLLOW_UP_DIGEST_CRON,
  JOB_FOLLOW_UP_DIGEST,
  QUEUE_FOLLOW_UPS,
} from '../../common/queue/queue.constants';
import { type DigestResult, FollowUpDigestService } from '../follow-up-digest.service';

/** The daily overdue digest as a repeatable job; safe to run twice (the digest ledger keeps it to once). */
@Processor(QUEUE_FOLLOW_UPS)
export class FollowUpsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpsProcessor.name);

  constructor(
    private readonly digest: FollowUpDigestService,
    @InjectQueue(QUEUE_FOLLOW_UPS) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    keepScheduled(this.queue, this.logger, () => this.schedule());
  }

  /** At FOLLOW_UP_DIGEST_CRON in the company's time zone. */
  schedule(): Promise<void> {
    return scheduleRepeatable(
      this.queue,
      JOB_FOLLOW_UP_DIGEST,
      FOLLOW_UP_DIGEST_CRON,
      this.config.companyTimeZone,
    );
  }

  @Process(JOB_FOLLOW_UP_DIGEST)
  sendDigest(): Promise<DigestResult> {
    return this.digest.send();
  }
}
