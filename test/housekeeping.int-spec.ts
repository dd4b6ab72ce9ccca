import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { HousekeepingService } from '../src/common/housekeeping/housekeeping.service';
import { HousekeepingProcessor } from '../src/common/housekeeping/jobs/housekeeping.processor';
import { IdempotencyKeyEntity } from '../src/common/idempotency/idempotency-key.entity';
import { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../src/common/outbox/processed-event.entity';
import { PRUNE_CRON, QUEUE_HOUSEKEEPING } from '../src/common/queue/queue.constants';
import { type TestApp, createTestApp, eventually } from './support/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('housekeeping', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('schedules one daily prune however often workers start', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QUEUE_HOUSEKEEPING));
    await t.app.get(HousekeepingProcessor).schedule();
    await t.app.get(HousekeepingProcessor).schedule();
    const repeatable = await eventually(async () => {
      const jobs = await queue.getRepeatableJobs();
      return jobs.length > 0 ? jobs : null;
    });
    expect(repeatable).toEqual([expect.objectContaining({ cron: PRUNE_CRON, tz: 'Asia/Shanghai' })]);
  });

  it('removes old bookkeeping rows and keeps recent and undelivered ones', async () => {
    const user = await t.createUser(['agent']);
    const now = Date.now();
    const keys = t.dataSource.getRepository(IdempotencyKeyEntity);
    await keys.insert([
      { userId: user.id, key: 'old', requestHash: 'h'.repeat(64), createdAt: new Date(now - 2 * DAY_MS) },
      { userId: user.id, key: 'new', requestHash: 'h'.repeat(64), createdAt: new Date(now - 60_000) },
    ]);
    const outbox = t.dataSource.getRepository(OutboxEventEntity);
    const base = { topic: 'mail.send', payload: {} };
    const [oldDelivered, recentDelivered, oldPending] = await outbox.save([
      { ...base, dispatchedAt: new Date(now - 40 * DAY_MS) },
      { ...base, dispatchedAt: new Date(now - DAY_MS) },
      { ...base, dispatchedAt: null, createdAt: new Date(now - 40 * DAY_MS) },
    ]);
    await t.dataSource
      .getRepository(ProcessedEventEntity)
      .insert([{ consumer: 'mail', outboxId: oldDelivered!.id, processedAt: new Date(now - 40 * DAY_MS) }]);

    const result = await t.app.get(HousekeepingService).prune();
    expect(result).toEqual({ idempotencyKeys: 1, outboxRows: 1, processedEvents: 1 });
    expect((await keys.find()).map((k) => k.key)).toEqual(['new']);
    const left = (await outbox.find()).map((row) => row.id).sort();
    expect(left).toEqual([recentDelivered!.id, oldPending!.id].sort());
  });
});
