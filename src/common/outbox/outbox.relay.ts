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

const BATCH_SIZE = 100;
const ADD_TIMEOUT_MS = 5000;

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

  private relayBatch(): Promise<RelayResult> {
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx
        .getRepository(OutboxEventEntity)
        .createQueryBuilder('o')
        .where('o.dispatchedAt IS NULL')
        .orderBy('o.id', 'ASC')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let delivered = 0;
      for (const row of rows) {
        const error = await this.deliver(row);
        if (error === null) {
          delivered += 1;
          await tx.update(
            OutboxEventEntity,
            { id: row.id },
            { dispatchedAt: this.clock.now(), lastError: null },
          );
        } else {
          await tx.update(
            OutboxEventEntity,
            { id: row.id },
            {
              dispatchAttempts: row.dispatchAttempts + 1,
              lastError: error.slice(0, 2000),
            },
          );
          // The queue is unreachable: the rest of the batch waits for the next pass, in order.
          return { delivered, waiting: rows.length - delivered };
        }
      }
      return { delivered, waiting: 0 };
    });
  }

  /** Returns null when the row is now held by its queue, or why it is not. */
  private async deliver(row: OutboxEventEntity): Promise<string | null> {
    const route = TOPIC_ROUTES[row.topic as OutboxTopic] as (typeof TOPIC_ROUTES)[OutboxTopic] | undefined;
    if (!route) return `unknown topic ${row.topic}`;
    const queue = this.queues.get(route.queue);
    if (!this.queues.isReady(queue)) return `queue ${route.queue} is not connected`;
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
          jobId: `outbox-${row.id}`,
          delay,
        }),
        ADD_TIMEOUT_MS,
      );
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
