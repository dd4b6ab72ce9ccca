import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { keepScheduled, scheduleRepeatable } from '../../queue/keep-scheduled';
import { EXPIRY_SCAN_CRON, JOB_EXPIRY_SCAN, QUEUE_EXPIRY } from '../../queue/queue.constants';
import { ExpiryScanResult, ExpiryScanService } from '../expiry-scan.service';

/** The daily expiry check as a repeatable job; safe to run twice (the notice ledger keeps it to once). */
@Processor(QUEUE_EXPIRY)
export class ExpiryScanProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExpiryScanProcessor.name);

  constructor(
    private readonly expiry: ExpiryScanService,
    @InjectQueue(QUEUE_EXPIRY) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    keepScheduled(this.queue, this.logger, () => this.schedule());
  }

  schedule(): Promise<void> {
    return scheduleRepeatable(this.queue, JOB_EXPIRY_SCAN, EXPIRY_SCAN_CRON, this.config.companyTimeZone);
  }

  @Process(JOB_EXPIRY_SCAN)
  scan(): Promise<ExpiryScanResult> {
    return this.expiry.scan();
  }
}
