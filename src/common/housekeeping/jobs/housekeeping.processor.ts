import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { describeError } from '../../logging/describe-error';
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

  /**
   * Scheduled whenever the queue's connection becomes ready (at start and after every outage), never
   * waited for: start-up must not hang on a Redis that is away. Adding the same schedule twice is a no-op.
   */
  onApplicationBootstrap(): void {
    this.queue.client.on('ready', () => this.scheduleQuietly());
    if (this.queue.client.status === 'ready') this.scheduleQuietly();
  }

  private scheduleQuietly(): void {
    this.schedule().catch((error: unknown) =>
      this.logger.warn({ err: describeError(error) }, 'Could not schedule housekeeping'),
    );
  }

  async schedule(): Promise<void> {
    await this.queue.add(
      JOB_PRUNE,
      {},
      {
        repeat: { cron: PRUNE_CRON, tz: this.config.companyTimeZone },
        removeOnComplete: 10,
        removeOnFail: 50,
      },
    );
  }

  @Process(JOB_PRUNE)
  async prune(): Promise<PruneResult> {
    const result = await this.housekeeping.prune();
    this.logger.log(result, 'Pruned bookkeeping rows');
    return result;
  }
}
