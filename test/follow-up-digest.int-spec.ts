import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { MessageEntity } from '../src/common/mail/message.entity';
import {
  FOLLOW_UP_DIGEST_CRON,
  JOB_FOLLOW_UP_DIGEST,
  QUEUE_FOLLOW_UPS,
} from '../src/common/queue/queue.constants';
import { FollowUpsProcessor } from '../src/follow-ups/jobs/follow-ups.processor';
import { createCustomer, createOutlet } from './factories/registers';
import { type TicketDesk, api, createTicketDesk, ticketInState } from './factories/tickets';
import { type TestApp, createTestApp } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-06-15T09:00:00+08:00';
const DAY = 24 * 60 * 60 * 1000;

/** The daily digest of overdue follow-ups and inspections to the managers (逾期回访提醒). */
describe('overdue follow-up digest', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let outletId: string;
  let followUpNumber: string;
  let inspectionNumber: string;

  const at = (offsetMs: number) => new Date(new Date(T0).getTime() + offsetMs).toISOString();
  const runDigest = () => t.app.get(FollowUpsProcessor).sendDigest();
  const digests = (recipient?: string) =>
    t.dataSource.getRepository(MessageEntity).find({
      where: { template: 'follow-up-digest', ...(recipient ? { recipient } : {}) },
      order: { createdAt: 'ASC' },
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
    outletId = (await createOutlet(t.dataSource, { name: '嘉兴服务站' })).id;
    await t.createUser(['manager'], { email: 'wang@example.com', displayName: '王建国' });
    await t.createUser(['manager'], { email: 'jx@example.com', displayName: '嘉兴站长', outletId });
    await t.createUser(['manager'], { displayName: '无邮箱经理' });
    await t.createUser(['manager'], { email: 'gone@example.com', disabled: true });

    // A follow-up due three days after T0 (the technician's outlet), and an inspection of a Jiaxing customer.
    const ticket = await ticketInState(t, desk, 'resolved');
    for (const row of await ticketOutboxRows(t, 'ticket.event', ticket.id)) await runTicketEvent(t, row);
    followUpNumber = (await api(t, desk.manager.token).get(`/follow-ups?ticketId=${ticket.id}`).expect(200))
      .body.items[0].number;
    const customer = await createCustomer(t.dataSource, { name: '嘉兴南湖宾馆', outletId });
    inspectionNumber = (
      await api(t, desk.manager.token)
        .post('/inspections', { customerId: customer.id, dueAt: at(DAY) })
        .expect(201)
    ).body.number;
    await api(t, desk.manager.token)
      .post('/inspections', { customerId: customer.id, dueAt: at(30 * DAY) })
      .expect(201);
  });
  afterAll(() => t.close());

  it('is a repeatable job at the digest hour of the company time zone', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QUEUE_FOLLOW_UPS), { strict: false });
    await t.app.get(FollowUpsProcessor).schedule();
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable).toEqual([
      expect.objectContaining({
        name: JOB_FOLLOW_UP_DIGEST,
        cron: FOLLOW_UP_DIGEST_CRON,
        tz: 'Asia/Shanghai',
      }),
    ]);
  });

  it('sends nothing while nothing is overdue', async () => {
    t.clock.setTo(at(12 * 60 * 60 * 1000));
    expect(await runDigest()).toMatchObject({ overdue: 0, mailed: 0 });
    expect(await digests()).toEqual([]);
  });

  it('mails each manager once a day the overdue visits they may see', async () => {
    t.clock.setTo(at(4 * DAY - 60 * 60 * 1000));
    expect(await runDigest()).toEqual({ day: '2026-06-19', overdue: 2, mailed: 2 });

    const [headOffice] = await digests('wang@example.com');
    expect(headOffice?.subject).toBe('【售后服务系统】逾期回访与巡检 2 项（2026-06-19）');
    expect(headOffice?.body).toContain('王建国，您好');
    const lines = headOffice?.body.split('\n').filter((line) => /^\d\. /.test(line));
    expect(lines).toEqual([
      `1. 巡检 ${inspectionNumber}，嘉兴南湖宾馆，应于 2026-06-16 09:00，逾期 3 天，未分派`,
      expect.stringMatching(
        new RegExp(
          `^2\\. 回访 ${followUpNumber}，王芳，工单 RT2026-\\d{6}，应于 2026-06-18 09:00，逾期 1 天，未分派$`,
        ),
      ),
    ]);
    // Jiaxing's manager hears only of Jiaxing's inspection; no mail without an address or to a disabled user.
    const [jiaxing] = await digests('jx@example.com');
    expect(jiaxing?.subject).toContain('1 项');
    expect(jiaxing?.body).toContain(inspectionNumber);
    expect(jiaxing?.body).not.toContain(followUpNumber);
    expect((await digests()).map((mail) => mail.recipient).sort()).toEqual([
      'jx@example.com',
      'wang@example.com',
    ]);

    // The same day again (a second worker, a retry): nothing more.
    t.clock.advance(60 * 60 * 1000);
    expect(await runDigest()).toMatchObject({ day: '2026-06-19', mailed: 0 });
    expect(await digests()).toHaveLength(2);
  });

  it('mails again the next day, and no longer lists what was done', async () => {
    const [inspection] = (await api(t, desk.manager.token).get('/inspections?overdue=true').expect(200)).body
      .items as { id: string }[];
    await api(t, desk.manager.token)
      .post(`/follow-ups/${inspection!.id}/complete`, { contactedAt: at(3 * DAY), findings: '运行正常' })
      .expect(200);
    t.clock.setTo(at(5 * DAY));
    expect(await runDigest()).toEqual({ day: '2026-06-20', overdue: 1, mailed: 1 });
    const mails = await digests('wang@example.com');
    expect(mails).toHaveLength(2);
    expect(mails[1]?.body).toContain(followUpNumber);
    expect(mails[1]?.body).not.toContain(inspectionNumber);
    expect(await digests('jx@example.com')).toHaveLength(1);
  });
});
