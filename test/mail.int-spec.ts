import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import type { FindOptionsWhere } from 'typeorm';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { MessageEntity } from '../src/common/mail/message.entity';
import { JOB_ATTEMPTS, QUEUE_MAIL } from '../src/common/queue/queue.constants';
import { type SmtpStub, startSmtp } from './support/smtp-stub';
import { TestApp, createTestApp, eventually } from './support/test-app';

describe('mail through SMTP', () => {
  let smtp: SmtpStub;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'service@example.com' },
    });
    admin = await t.tokenFor(['admin']);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  const auditCount = (where: FindOptionsWhere<AuditLogEntity>) =>
    t.dataSource.getRepository(AuditLogEntity).countBy(where);
  const message = (id: string) => t.dataSource.getRepository(MessageEntity).findOneByOrFail({ id });
  const sendTest = (to: string, language?: string) =>
    t
      .http()
      .post('/api/v1/messages/test')
      .set('Authorization', `Bearer ${admin}`)
      .send(language ? { to, language } : { to })
      .expect(202);

  it('delivers a Chinese message with the right subject and body, and records it as sent', async () => {
    const queued = await sendTest('manager@example.com');
    expect(queued.body).toMatchObject({
      status: 'queued',
      recipient: 'manager@example.com',
      template: 'test-mail',
    });
    await t.relay();
    const sent = await eventually(async () => {
      const row = await message(queued.body.id as string);
      return row.status === 'sent' ? row : null;
    });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.attempts).toBe(1);
    expect(await auditCount({ entityId: sent.id, action: 'message.sent' })).toBe(1);
    const mail = smtp.received.find((m) => m.headers.get('x-aftersales-message-id') === sent.id);
    expect(mail?.subject).toBe('【售后服务系统】邮件发送测试');
    expect(mail?.text).toContain('这是一封测试邮件');
    expect(mail?.from?.text).toContain('service@example.com');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toContain('manager@example.com');

    const listed = await t
      .http()
      .get(`/api/v1/messages?status=sent`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect((listed.body.items as { id: string }[]).map((m) => m.id)).toContain(sent.id);
  });

  it('sends English when asked', async () => {
    const queued = await sendTest('en@example.com', 'en');
    await t.relay();
    await eventually(async () => (await message(queued.body.id as string)).status === 'sent');
    const mail = smtp.received.find((m) => m.headers.get('x-aftersales-message-id') === queued.body.id);
    expect(mail?.subject).toBe('[After-sales service] Mail test');
  });

  it('retries a refused message with backoff, leaves it failed and visible, and lets an admin retry it', async () => {
    const queued = await sendTest('nobody@refuse.example.com');
    await t.relay();
    const failed = await eventually(async () => {
      const row = await message(queued.body.id as string);
      return row.status === 'failed' ? row : null;
    }, 20000);
    expect(failed.attempts).toBe(JOB_ATTEMPTS);
    expect(failed.error).toMatch(/550|mailbox unavailable/);
    expect(await auditCount({ entityId: failed.id, action: 'message.failed' })).toBe(1);

    const jobs = await t
      .http()
      .get('/api/v1/jobs/failed')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(jobs.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(jobs.body.items).toEqual([expect.objectContaining({ queue: 'mail', attemptsMade: JOB_ATTEMPTS })]);
    const jobId = jobs.body.items[0].id as string;
    // Exponential backoff from JOB_BACKOFF_MS=20: at least 20 + 40 + 80 + 160 ms between first try and failure.
    const job = await t.app.get<Queue>(getQueueToken(QUEUE_MAIL)).getJob(jobId);
    expect((job?.finishedOn ?? 0) - (job?.timestamp ?? Infinity)).toBeGreaterThanOrEqual(300);
    const counts = await t.http().get('/api/v1/jobs').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(counts.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ queue: 'mail', failed: 1 })]),
    );

    await t
      .http()
      .post('/api/v1/jobs/mail/no-such-job/retry')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    await t
      .http()
      .post(`/api/v1/jobs/mail/${jobId}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
    expect(await auditCount({ action: 'job.retried', entityId: `mail:${jobId}` })).toBe(1);
  });
});
