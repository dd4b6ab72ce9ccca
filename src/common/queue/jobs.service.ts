import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import type { RequestContext } from '../../auth/authenticated-user';
import { AuditService } from '../../audit/audit.service';
import { DomainError, NotFoundError } from '../errors/domain-error';
import { Page } from '../http/pagination';
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
  constructor(
    private readonly queues: QueueRegistry,
    private readonly audit: AuditService,
  ) {}

  async counts(): Promise<QueueCounts[]> {
    this.assertReady(QUEUE_NAMES);
    return Promise.all(
      QUEUE_NAMES.map(async (name) => ({ queue: name, ...(await this.queues.get(name).getJobCounts()) })),
    );
  }

  /** Failed jobs, newest first; one queue or all, paged over their concatenation. */
  async failed(queues: readonly QueueName[], page: number, pageSize: number): Promise<Page<FailedJob>> {
    this.assertReady(queues);
    const perQueue = await Promise.all(
      queues.map(async (name) => {
        const queue = this.queues.get(name);
        const total = await queue.getFailedCount();
        return { name, queue, total };
      }),
    );
    const items: FailedJob[] = [];
    let skip = (page - 1) * pageSize;
    for (const { name, queue, total } of perQueue) {
      if (items.length >= pageSize) break;
      if (skip >= total) {
        skip -= total;
        continue;
      }
      const jobs = await queue.getFailed(skip, skip + (pageSize - items.length) - 1);
      items.push(...jobs.map((job) => toFailedJob(name, job as Job<Partial<OutboxJobData>>)));
      skip = 0;
    }
    return { items, total: perQueue.reduce((sum, q) => sum + q.total, 0), page, pageSize };
  }

  async retry(queueName: QueueName, id: string, context: RequestContext): Promise<void> {
    this.assertReady([queueName]);
    const job = await this.queues.get(queueName).getJob(id);
    if (!job) throw new NotFoundError('job', id);
    if (!(await job.isFailed())) throw new DomainError('INVALID_TRANSITION', `Job ${id} has not failed`);
    await job.retry();
    await this.audit.appendAlone({
      actor: { id: context.user.id, username: context.user.username },
      action: 'job.retried',
      entityType: 'job',
      entityId: `${queueName}:${id}`.slice(0, 64),
      changes: { failedReason: job.failedReason ?? null, attemptsMade: job.attemptsMade },
      requestId: context.requestId,
    });
  }

  /** Without a connection Bull would wait for Redis indefinitely; answer at once instead. */
  private assertReady(names: readonly QueueName[]): void {
    const down = names.filter((name) => !this.queues.isReady(this.queues.get(name)));
    if (down.length > 0) {
      throw new DomainError('QUEUE_UNAVAILABLE', `Queue not connected: ${down.join(', ')}`, { queues: down });
    }
  }
}
