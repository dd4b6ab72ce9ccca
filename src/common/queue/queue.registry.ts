import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { QUEUE_NAMES, QueueName } from './queue.constants';

/** All queues by name, for the relay, health and the jobs screen. */
@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

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
