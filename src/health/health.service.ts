import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueRegistry } from '../common/queue/queue.registry';

export type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { database: CheckStatus; redis: CheckStatus; queue: CheckStatus };
  /** Names what is down, for people and load balancers. */
  down: string[];
  queue?: { failed: number; waiting: number; delayed: number };
}

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, redis, queue] = await Promise.all([
      within(this.dataSource.query('SELECT 1')).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      this.redisStatus(),
      this.queueCounts(),
    ]);
    const checks = { database, redis, queue: queue ? ('up' as const) : ('down' as const) };
    const down = Object.entries(checks)
      .filter(([, status]) => status === 'down')
      .map(([name]) => name);
    return { status: down.length === 0 ? 'ok' : 'error', checks, down, ...(queue ? { queue } : {}) };
  }

  /** Redis itself answers a PING (only when connected, so a dead server does not stall the check). */
  private async redisStatus(): Promise<CheckStatus> {
    const queue = this.queues.all()[0];
    if (!queue || !this.queues.isReady(queue)) return 'down';
    return within(queue.client.ping()).then(
      () => 'up',
      () => 'down',
    );
  }

  /** Every queue connected and answering, with the totals a person watching would want. */
  private async queueCounts(): Promise<HealthReport['queue'] | null> {
    const queues = this.queues.all();
    if (!queues.every((queue) => this.queues.isReady(queue))) return null;
    try {
      const counts = await within(Promise.all(queues.map((queue) => queue.getJobCounts())));
      return counts.reduce(
        (sum, c) => ({
          failed: sum.failed + c.failed,
          waiting: sum.waiting + c.waiting,
          delayed: sum.delayed + c.delayed,
        }),
        { failed: 0, waiting: 0, delayed: 0 },
      );
    } catch {
      return null;
    }
  }
}
