import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { keepScheduled, scheduleRepeatable } from '../../queue/keep-scheduled';
import { JOB_PRUNE, PRUNE_CRON, QUEUE_HOUSEKEEPING } from '../../queue/queue.constants';
import { HousekeepingService, PruneResult } from '../housekeeping.service';

/** Schedules the daily prune as a repeatable job (one schedule, however many workers start) and runs it. */
@Processor(QUEUE_HOUSEKEEPING)
export class HousekeepingProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(HousekeepingProcessor.name);

  constructor(
    private readonly housekeeping: HousekeepingService,
    @InjectQueue(QUEUE_HOUSEKEEPING) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    keepScheduled(this.queue, this.logger, () => this.schedule());
  }

  schedule(): Promise<void> {
    return scheduleRepeatable(this.queue, JOB_PRUNE, PRUNE_CRON, this.config.companyTimeZone);
  }

  @Process(JOB_PRUNE)
  async prune(): Promise<PruneResult> {
    const result = await this.housekeeping.prune();
    this.logger.log(result, 'Pruned bookkeeping rows');
    return result;
  }
}
