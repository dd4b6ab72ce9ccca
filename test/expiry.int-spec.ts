import { getQueueToken } from '@nestjs/bull';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { ExpiryScanService } from '../src/common/expiry/expiry-scan.service';
import { ExpiringItem, ExpirySources } from '../src/common/expiry/expiry-sources';
import { ExpiryScanProcessor } from '../src/common/expiry/jobs/expiry-scan.processor';
import { MessageEntity } from '../src/common/mail/message.entity';
import { EXPIRY_SCAN_CRON, QUEUE_EXPIRY } from '../src/common/queue/queue.constants';
import { UserEntity } from '../src/users/user.entity';
import { type TestApp, createTestApp, eventually } from './support/test-app';

const SUBJECT = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
let certificates: ExpiringItem[] = [];

/** A source whose items the test sets, standing in for a register. */
@Module({})
class TestSourceModule implements OnModuleInit {
  constructor(private readonly sources: ExpirySources) {}
  onModuleInit(): void {
    this.sources.register({
      name: 'test-certificates',
      findExpiring: (until) => Promise.resolve(certificates.filter((item) => item.validUntil <= until)),
    });
  }
}

const certificate = (validUntil: string): ExpiringItem => ({
  subjectType: 'qualification',
  subjectId: SUBJECT,
  item: 'certificate',
  validUntil,
  description: '张伟的电工证（证书编号 T-123）',
});

describe('daily expiry check', () => {
  let t: TestApp;
  let scan: () => ReturnType<ExpiryScanService['scan']>;
  const alerts = () =>
    t.dataSource
      .getRepository(MessageEntity)
      .find({ where: { template: 'expiry-alert' }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp({ imports: [TestSourceModule] });
    scan = () => t.app.get(ExpiryScanService).scan();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    certificates = [];
    await t.dataSource.query('DELETE FROM expiry_notices');
    await t.dataSource.query(`DELETE FROM messages WHERE template = 'expiry-alert'`);
  });

  it('waits while no manager has a mail address, then mails managers once per item and stage', async () => {
    const manager = await t.createUser(['manager'], { email: null, displayName: '李经理' });
    await t.createUser(['agent'], { email: 'agent@example.com' });
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    certificates = [certificate('2026-06-20')];

    expect(await scan()).toMatchObject({ due: 1, announced: 0, messages: 0 });
    await t.dataSource.getRepository(UserEntity).update(manager.id, { email: 'li@example.com' });

    expect(await scan()).toMatchObject({ today: '2026-06-01', due: 1, announced: 1, messages: 1 });
    expect(await scan()).toMatchObject({ due: 1, announced: 0, messages: 0 });
    const [first, ...others] = await alerts();
    expect(others).toEqual([]);
    expect(first).toMatchObject({
      recipient: 'li@example.com',
      relatedType: 'qualification',
      relatedId: SUBJECT,
    });
    expect(first?.subject).toContain('即将到期');
    expect(first?.body).toContain('2026-06-20');
    expect(first?.body).toContain('剩余 19 天');

    // The day after the last valid day: the second stage, announced once as well.
    t.clock.setTo('2026-06-21T09:00:00+08:00');
    expect(await scan()).toMatchObject({ announced: 1 });
    expect(await scan()).toMatchObject({ announced: 0 });
    const subjects = (await alerts()).map((message) => message.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toContain('已过期');

    // Renewed: nothing is due; when the new validity nears its end, a new cycle starts.
    certificates = [certificate('2027-06-20')];
    expect(await scan()).toMatchObject({ due: 0, announced: 0 });
    t.clock.setTo('2027-06-01T09:00:00+08:00');
    expect(await scan()).toMatchObject({ announced: 1 });
    await t.dataSource.getRepository(UserEntity).update(manager.id, { email: null });
  });

  it('counts the days in the company time zone', async () => {
    await t.createUser(['manager'], { email: 'wang@example.com' });
    certificates = [certificate('2026-06-01')];
    // 23:30 UTC on 31 May is already 1 June in Shanghai: the last valid day, still "expiring".
    t.clock.setTo('2026-05-31T23:30:00Z');
    const { items } = await t.app.get(ExpiryScanService).due();
    expect(items).toEqual([expect.objectContaining({ threshold: 'expiring', daysLeft: 0 })]);
  });

  it('lists what is due for managers and auditors, not for agents', async () => {
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    certificates = [certificate('2026-05-01'), certificate('2026-09-01')];
    const manager = await t.tokenFor(['auditor']);
    const response = await t
      .http()
      .get('/api/v1/expiries')
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    expect(response.body).toEqual({
      today: '2026-06-01',
      items: [expect.objectContaining({ source: 'test-certificates', threshold: 'expired', daysLeft: -31 })],
    });
    const agent = await t.tokenFor(['agent']);
    await t.http().get('/api/v1/expiries').set('Authorization', `Bearer ${agent}`).expect(403);
  });

  it('schedules one daily check however often workers start', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QUEUE_EXPIRY));
    await t.app.get(ExpiryScanProcessor).schedule();
    await t.app.get(ExpiryScanProcessor).schedule();
    const repeatable = await eventually(async () => {
      const jobs = await queue.getRepeatableJobs();
      return jobs.length > 0 ? jobs : null;
    });
    expect(repeatable).toEqual([expect.objectContaining({ cron: EXPIRY_SCAN_CRON, tz: 'Asia/Shanghai' })]);
  });
});
