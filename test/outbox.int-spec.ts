import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { In } from 'typeorm';
import { MessageEntity } from '../src/common/mail/message.entity';
import { NotificationService } from '../src/common/mail/notification.service';
import { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { REDELIVERY_SWEEP_INTERVAL_MS } from '../src/common/outbox/outbox-retry';
import { ProcessedEventEntity } from '../src/common/outbox/processed-event.entity';
import {
  JOB_SEND_MAIL,
  QUEUE_HOUSEKEEPING,
  QUEUE_MAIL,
  jobOptions,
} from '../src/common/queue/queue.constants';
import { TestApp, createTestApp, eventually } from './support/test-app';
import { TcpProxy } from './support/tcp-proxy';

describe('transactional outbox', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let admin: string;
  let queue: Queue;

  beforeAll(async () => {
    // The application starts while Redis is unreachable: its port is known but nothing listens.
    proxy = new TcpProxy(6379);
    await proxy.start();
    await proxy.stop();
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    admin = await t.tokenFor(['admin']);
    queue = t.app.get<Queue>(getQueueToken(QUEUE_MAIL));
  });
  afterAll(async () => {
    await proxy.start();
    await t.close();
    await proxy.stop();
  });

  const outboxRow = (messageId: string) =>
    t.dataSource
      .getRepository(OutboxEventEntity)
      .createQueryBuilder('o')
      .where(`o.payload ->> 'messageId' = :messageId`, { messageId })
      .getOneOrFail();
  const mailFiles = async () => readdir(path.join(t.config.dataDir, 'mail')).catch(() => [] as string[]);

  it('commits the business change while Redis is down, and delivers once when it is back', async () => {
    expect(queue.client.status).not.toBe('ready');

    const jobs = await t.http().get('/api/v1/jobs').set('Authorization', `Bearer ${admin}`).expect(503);
    expect(jobs.body.code).toBe('QUEUE_UNAVAILABLE');
    const health = await t.http().get('/health').expect(503);
    expect(health.body.down).toEqual(expect.arrayContaining(['redis', 'queue']));
    expect(health.body.checks.database).toBe('up');

    const response = await t
      .http()
      .post('/api/v1/messages/test')
      .set('Authorization', `Bearer ${admin}`)
      .send({ to: 'ops@example.com' })
      .expect(202);
    const messageId = response.body.id as string;
    await t.relay();
    const waiting = await outboxRow(messageId);
    expect(waiting.dispatchedAt).toBeNull();
    expect(waiting.dispatchAttempts).toBeGreaterThanOrEqual(1);
    expect(waiting.lastError).toContain('not connected');
    expect((await t.dataSource.getRepository(MessageEntity).findOneByOrFail({ id: messageId })).status).toBe(
      'queued',
    );

    await proxy.start();
    await eventually(() => queue.client.status === 'ready', 15000);
    await t.relay();
    expect((await outboxRow(messageId)).dispatchedAt).not.toBeNull();
    const sent = await eventually(async () => {
      const message = await t.dataSource.getRepository(MessageEntity).findOneByOrFail({ id: messageId });
      return message.status === 'sent' ? message : null;
    }, 15000);
    expect(sent.transportId).toContain(`${messageId}.eml`);
    await t.http().get('/health').expect(200);
    // The daily housekeeping, which could not be scheduled while Redis was away, is scheduled now.
    const housekeeping = t.app.get<Queue>(getQueueToken(QUEUE_HOUSEKEEPING));
    await eventually(async () => (await housekeeping.getRepeatableJobs()).length === 1);

    // Delivered again (a relay that crashed before marking the row, a retried job): nothing more happens.
    const row = await outboxRow(messageId);
    const again = await queue.add(
      JOB_SEND_MAIL,
      { outboxId: row.id, topic: 'mail.send', payload: { messageId }, requestId: null },
      { ...jobOptions(20), jobId: `replay-${row.id}` },
    );
    await eventually(async () => ((await again.isCompleted()) ? true : null));
    await t.relay();
    const consumed = await t.dataSource.getRepository(ProcessedEventEntity).findBy({ outboxId: row.id });
    expect(consumed).toHaveLength(1);
    expect((await mailFiles()).filter((file) => file.startsWith(messageId))).toHaveLength(1);
  });

  it('relays rows in order and leaves none behind', async () => {
    const ids: string[] = [];
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const response = await t
        .http()
        .post('/api/v1/messages/test')
        .set('Authorization', `Bearer ${admin}`)
        .send({ to })
        .expect(202);
      ids.push(response.body.id as string);
    }
    await t.relay();
    const pending = await t.dataSource
      .getRepository(OutboxEventEntity)
      .createQueryBuilder('o')
      .where('o.dispatchedAt IS NULL')
      .getCount();
    expect(pending).toBe(0);
    await eventually(async () => {
      const messages = await t.dataSource.getRepository(MessageEntity).findBy({ id: In(ids) });
      return messages.every((m) => m.status === 'sent');
    });
  });

  it('sets aside a row it cannot route without holding up the rows behind it', async () => {
    const outbox = t.dataSource.getRepository(OutboxEventEntity);
    const stray = await outbox.save({ topic: 'topic.from.a.newer.version', payload: {} });
    const response = await t
      .http()
      .post('/api/v1/messages/test')
      .set('Authorization', `Bearer ${admin}`)
      .send({ to: 'behind@example.com' })
      .expect(202);
    await t.relay();
    const strayAfter = await outbox.findOneByOrFail({ id: stray.id });
    expect(strayAfter.dispatchedAt).toBeNull();
    expect(strayAfter.lastError).toContain('unknown topic');
    expect(strayAfter.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    await eventually(async () => {
      const message = await t.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ id: response.body.id as string });
      return message.status === 'sent';
    });
  });

  it('hands over again a job the queue lost, and it is handled once', async () => {
    const message = await t.dataSource.transaction((tx) =>
      t.app
        .get(NotificationService)
        .queueMail(tx, { to: 'lost@example.com', template: 'test-mail', params: {} }),
    );
    // As if the relay had handed it over to a Redis that then restarted without its data.
    const row = await outboxRow(message.id);
    await t.dataSource
      .getRepository(OutboxEventEntity)
      .update({ id: row.id }, { dispatchedAt: new Date(Date.now() - 20 * 60 * 1000) });
    t.clock.advance(REDELIVERY_SWEEP_INTERVAL_MS);
    await t.relay();
    await eventually(async () => {
      const sent = await t.dataSource.getRepository(MessageEntity).findOneByOrFail({ id: message.id });
      return sent.status === 'sent';
    });
    await t.relay();
    expect((await outboxRow(message.id)).dispatchedAt).not.toBeNull();
    expect(await t.dataSource.getRepository(ProcessedEventEntity).countBy({ outboxId: row.id })).toBe(1);
  });
});
