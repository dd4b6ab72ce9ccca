import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { DomainError, NotFoundError } from '../errors/domain-error';
import { OutboxJobData, QUEUE_NAMES, QueueName } from './queue.constants';
import { QueueRegistry } from './queue.registry';

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string | null;
  failedAt: string | null;
  outboxId: string | null;
  requestId: string | null;
}

function toFailedJob(queue: string, job: Job<Partial<OutboxJobData>>): FailedJob {
  return {
    queue,
    id: String(job.id),
    name: job.name,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    outboxId: job.data.outboxId ?? null,
    requestId: job.data.requestId ?? null,
  };
}

/** What background work is doing, and the failed jobs that wait for a person to look at them. */
@Injectable()
export class JobsService {
  constructor(private readonly queues: QueueRegistry) {}

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const counts = await this.queues.get(name).getJobCounts();
        return { queue: name, ...counts };
      }),
    );
  }

  async failed(queue: QueueName, start: number, count: number): Promise<FailedJob[]> {
    const jobs = await this.queues.get(queue).getFailed(start, start + count - 1);
    return jobs.map((job) => toFailedJob(queue, job as Job<Partial<OutboxJobData>>));
  }

  async retry(queue: QueueName, id: string): Promise<void> {
    const job = await this.queues.get(queue).getJob(id);
    if (!job) throw new NotFoundError('job', id);
    if (!(await job.isFailed())) throw new DomainError('INVALID_TRANSITION', `Job ${id} has not failed`);
    await job.retry();
  }
}
