import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { describeError } from '../logging/describe-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxJobData, OutboxTopic, TOPIC_ROUTES, jobOptions } from '../queue/queue.constants';
import { QueueRegistry } from '../queue/queue.registry';
import { OutboxEventEntity } from './outbox-event.entity';
import {
  REDELIVERY_SWEEP_INTERVAL_MS,
  REDELIVER_AFTER_MS,
  REDELIVER_WINDOW_MS,
  dispatchRetryDelayMs,
} from './outbox-retry';

const BATCH_SIZE = 100;
const ADD_TIMEOUT_MS = 5000;

interface DeliveryFailure {
  reason: string;
  /** The queue could not be reached: later rows would fail the same way. */
  queueDown: boolean;
}

export interface RelayResult {
  delivered: number;
  waiting: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves outbox rows into their Bull queues. It polls on its own timer rather than a queue's,
 * because it must keep trying while Redis is away. Rows are claimed with SKIP LOCKED, so several
 * workers can relay at once; a job id derived from the row stops Bull from holding a row twice.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RelayResult> | null = null;
  private stopped = false;
  private lastSweepAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.relayOnce()
        .catch((error: unknown) =>
          this.logger.warn({ err: describeError(error) }, 'Outbox relay pass failed'),
        )
        .finally(() => this.schedule());
    }, this.config.outboxPollMs);
  }

  /** One pass over the waiting rows; concurrent calls share the pass under way. */
  relayOnce(): Promise<RelayResult> {
    this.running ??= this.relayBatch().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async relayBatch(): Promise<RelayResult> {
    if (this.clock.now().getTime() - this.lastSweepAt >= REDELIVERY_SWEEP_INTERVAL_MS) {
      this.lastSweepAt = this.clock.now().getTime();
      await this.redeliverLost();
    }
    return this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      const rows = await tx
        .getRepository(OutboxEventEntity)
        .createQueryBuilder('o')
        .where('o.dispatchedAt IS NULL')
        .andWhere('(o.nextAttemptAt IS NULL OR o.nextAttemptAt <= :now)', { now })
        .orderBy('o.id', 'ASC')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let delivered = 0;
      for (const row of rows) {
        const failure = await this.deliver(row);
        if (failure === null) {
          delivered += 1;
          await tx.update(
            OutboxEventEntity,
            { id: row.id },
            { dispatchedAt: now, lastError: null, nextAttemptAt: null },
          );
          continue;
        }
        const attempts = row.dispatchAttempts + 1;
        await tx.update(
          OutboxEventEntity,
          { id: row.id },
          {
            dispatchAttempts: attempts,
            lastError: failure.reason.slice(0, 2000),
            // A row that fails for its own reasons (an unknown topic) backs off so it cannot hold up the rest.
            nextAttemptAt: failure.queueDown
              ? null
              : new Date(now.getTime() + dispatchRetryDelayMs(attempts)),
          },
        );
        // With the queue unreachable, the rest of the batch waits, in order, for the next pass.
        if (failure.queueDown) return { delivered, waiting: rows.length - delivered };
      }
      return { delivered, waiting: rows.length - delivered };
    });
  }

  /** Hands over again the rows whose jobs were never consumed (see REDELIVER_AFTER_MS). */
  private async redeliverLost(): Promise<number> {
    const now = this.clock.now().getTime();
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxEventEntity)
      .set({ dispatchedAt: null })
      .where('dispatched_at IS NOT NULL')
      .andWhere('COALESCE(run_at, dispatched_at) < :stale', { stale: new Date(now - REDELIVER_AFTER_MS) })
      .andWhere('created_at > :windowStart', { windowStart: new Date(now - REDELIVER_WINDOW_MS) })
      .andWhere('NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.outbox_id = outbox.id)')
      .execute();
    return result.affected ?? 0;
  }

  /** Returns null when the row is now held by its queue, or why it is not. */
  private async deliver(row: OutboxEventEntity): Promise<DeliveryFailure | null> {
    const route = TOPIC_ROUTES[row.topic as OutboxTopic] as (typeof TOPIC_ROUTES)[OutboxTopic] | undefined;
    if (!route) return { reason: `unknown topic ${row.topic}`, queueDown: false };
    const queue = this.queues.get(route.queue);
    if (!this.queues.isReady(queue))
      return { reason: `queue ${route.queue} is not connected`, queueDown: true };
    const data: OutboxJobData = {
      outboxId: row.id,
      topic: row.topic as OutboxTopic,
      payload: row.payload,
      requestId: row.requestId,
    };
    const delay = row.runAt ? Math.max(0, row.runAt.getTime() - this.clock.now().getTime()) : 0;
    try {
      await withTimeout(
        queue.add(route.job, data, {
          ...jobOptions(this.config.jobBackoffMs),
          // The row's creation time keeps ids apart when a database is recreated under the same
          // Redis prefix (ids restart at 1, and Bull ignores a job whose id it still holds).
          jobId: `outbox-${row.id}-${row.createdAt.getTime()}`,
          delay,
        }),
        ADD_TIMEOUT_MS,
      );
      return null;
    } catch (error) {
      return { reason: error instanceof Error ? error.message : String(error), queueDown: true };
    }
  }
}
