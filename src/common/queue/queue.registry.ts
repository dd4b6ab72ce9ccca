import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { QUEUE_NAMES, QueueName } from './queue.constants';

/** All queues by name, for the relay, health and the jobs screen. */
@Injectable()
export class QueueRegistry implements OnModuleInit {
  private readonly logger = new Logger(QueueRegistry.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  /** A queue without an error listener would crash the process when Redis goes away; we log and carry on. */
  onModuleInit(): void {
    for (const queue of this.all()) {
      queue.on('error', (error: Error) =>
        this.logger.warn({ queue: queue.name, err: error.message }, 'Queue error'),
      );
    }
  }

  get(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.get(name));
  }

  /** Whether the queue's Redis connection can take commands now (without waiting for a reconnect). */
  isReady(queue: Queue): boolean {
    return queue.client.status === 'ready';
  }
}
