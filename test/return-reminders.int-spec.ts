import { MessageEntity } from '../src/common/mail/message.entity';
import { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { ReturnScheduler } from '../src/returns/return-scheduler';
import { UserEntity } from '../src/users/user.entity';
import {
  type ReturnView,
  type ReturnsDesk,
  createReturnsDesk,
  createSupplier,
  intake,
  returnAct,
  returnTimers,
  runReturnTimer,
  shippedReturn,
} from './factories/returns';
import { createCustomer, createOutlet } from './factories/registers';
import { api, session } from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp, eventually } from './support/test-app';

/**
 * Goods are received an hour before T0 and shipped at T0; the clock is moved to the days after T0 at
 * which each timer's job runs, as the worker would run it when Bull hands it over.
 */
const T0 = '2026-06-15T09:00:00+08:00';
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const at = (days: number, plusMs = 0) => new Date(new Date(T0).getTime() + days * DAY + plusMs);
const RECEIVED = at(0, -60 * MINUTE).toISOString();

describe('returned goods: chase reminders and the customer notice', () => {
  let t: TestApp;
  let desk: ReturnsDesk;
  let supplierId: string;
  let clerkEmail: string;

  const messagesOf = (returnId: string) =>
    t.dataSource
      .getRepository(MessageEntity)
      .find({ where: { relatedType: 'return', relatedId: returnId }, order: { createdAt: 'ASC' } });
  const latest = async (topic: 'return.chase-due' | 'return.notice-due', id: string) => {
    const rows = await returnTimers(t, topic, id);
    const row = rows.at(-1);
    if (!row) throw new Error(`no ${topic} timer for ${id}`);
    return row;
  };
  const get = async (id: string): Promise<ReturnView> =>
    (await api(t, desk.clerk.token).get(`/returns/${id}`).expect(200)).body as ReturnView;
  const ship = (fields: Record<string, unknown> = {}) =>
    shippedReturn(t, desk, supplierId, { receivedAt: RECEIVED, ...fields }, { shippedAt: T0 });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createReturnsDesk(t);
    supplierId = (await createSupplier(t.dataSource)).id;
    clerkEmail =
      (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: desk.clerk.id })).email ?? '';
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('chase cadence', () => {
    const CASES = [
      { kind: 'exchange', urgent: false, days: 2 },
      { kind: 'repair', urgent: false, days: 7 },
      { kind: 'refund', urgent: false, days: 7 },
      { kind: 'repair', urgent: true, days: 1 },
      { kind: 'exchange', urgent: true, days: 1 },
    ] as const;

    it.each(CASES)(
      '$kind (urgent: $urgent) falls due every $days days after the shipment',
      async ({ kind, urgent, days }) => {
        t.clock.setTo(at(0, MINUTE));
        const record = await ship({ kind, urgent });
        expect(record).toMatchObject({ chaseIntervalDays: days, nextChaseDueAt: at(days).toISOString() });
        const [first, ...others] = await returnTimers(t, 'return.chase-due', record.id);
        expect(others).toEqual([]);
        expect(first?.runAt?.toISOString()).toBe(at(days).toISOString());
        expect(first?.payload).toEqual({ returnId: record.id, dueAt: at(days).toISOString() });

        // Handed over a minute early (a worker clock ahead): nothing is sent, the timer is set again.
        t.clock.setTo(at(days, -MINUTE));
        expect(await runReturnTimer(t, first as OutboxEventEntity)).toBe('early');
        expect(await messagesOf(record.id)).toEqual([]);
        const again = await latest('return.chase-due', record.id);
        expect(again.id).not.toBe(first?.id);
        expect(again.runAt?.toISOString()).toBe(at(days).toISOString());

        // On the day: the clerk who took the goods over is mailed, and the next chase falls due a step on.
        t.clock.setTo(at(days, MINUTE));
        expect(await runReturnTimer(t, again)).toBe('reminded');
        const [reminder] = await messagesOf(record.id);
        expect(reminder).toMatchObject({
          template: 'return-chase-due',
          recipient: clerkEmail,
          channel: 'email',
        });
        expect(reminder?.subject).toContain(record.number);
        expect(reminder?.body).toContain('苏州恒温制冷设备维修有限公司');
        const reminded = await get(record.id);
        expect(reminded).toMatchObject({
          nextChaseDueAt: at(2 * days).toISOString(),
          chaseDue: false,
          chaseCount: 0,
        });
        expect(reminded.timeline).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ action: 'chase_due', actorName: null, title: '催办提醒' }),
          ]),
        );
        const next = await latest('return.chase-due', record.id);
        expect(next.runAt?.toISOString()).toBe(at(2 * days).toISOString());

        // The same job delivered twice sends nothing more.
        expect(await runReturnTimer(t, again)).toBe('nothing');
        expect(await messagesOf(record.id)).toHaveLength(1);

        // Still no chase recorded a step later: reminded again.
        t.clock.setTo(at(2 * days, MINUTE));
        expect(await runReturnTimer(t, next)).toBe('reminded');
        expect(await messagesOf(record.id)).toHaveLength(2);
        expect(
          (await auditEntriesFor(t.dataSource, 'return', record.id)).filter(
            (entry) => entry.action === 'return.chase_due',
          ),
        ).toHaveLength(2);
      },
    );

    it('moves the next chase a full interval after a recorded chase; the old timer does nothing', async () => {
      t.clock.setTo(at(0, MINUTE));
      const record = await ship({ kind: 'repair' });
      const shipTimer = await latest('return.chase-due', record.id);

      t.clock.setTo(at(3, MINUTE));
      const chased = await returnAct(t, desk.clerk.token, record.id, 'chase', {
        note: '电话联系严卫东，已安排检测',
        chasedAt: at(3).toISOString(),
      });
      expect(chased).toMatchObject({
        nextChaseDueAt: at(10).toISOString(),
        lastChasedAt: at(3).toISOString(),
        chaseCount: 1,
      });
      const chaseTimer = await latest('return.chase-due', record.id);
      expect(chaseTimer.runAt?.toISOString()).toBe(at(10).toISOString());

      t.clock.setTo(at(7, MINUTE));
      expect(await runReturnTimer(t, shipTimer)).toBe('nothing');
      expect(await messagesOf(record.id)).toEqual([]);

      t.clock.setTo(at(10, MINUTE));
      expect(await runReturnTimer(t, chaseTimer)).toBe('reminded');
      expect(await messagesOf(record.id)).toHaveLength(1);

      // Back from the vendor: no more chasing.
      t.clock.setTo(at(11));
      await returnAct(t, desk.clerk.token, record.id, 'receive-back', { outcome: 'repaired' });
      const leftOver = await latest('return.chase-due', record.id);
      expect(leftOver.runAt?.toISOString()).toBe(at(17).toISOString());
      t.clock.setTo(at(17, MINUTE));
      expect(await runReturnTimer(t, leftOver)).toBe('nothing');
      expect(await messagesOf(record.id)).toHaveLength(1);
    });

    it('after a worker outage sends one reminder and goes on from the next step still ahead', async () => {
      t.clock.setTo(at(0, MINUTE));
      const record = await ship({ kind: 'exchange' });
      t.clock.setTo(at(7, 12 * 60 * MINUTE));
      expect(await runReturnTimer(t, await latest('return.chase-due', record.id))).toBe('reminded');
      // Due on day 2, every 2 days; run on day 7½: days 4 and 6 have passed too, day 8 is next.
      expect((await get(record.id)).nextChaseDueAt).toBe(at(8).toISOString());
      expect(await messagesOf(record.id)).toHaveLength(1);
    });

    it('reminds every returns clerk who may see the record when the one who took it over cannot be mailed', async () => {
      t.clock.setTo(at(0, MINUTE));
      const outlet = await createOutlet(t.dataSource);
      const otherOutlet = await createOutlet(t.dataSource);
      const outletAgent = await session(t, ['agent'], { outletId: outlet.id });
      const customer = await createCustomer(t.dataSource, { outletId: outlet.id });
      const received = await intake(t, outletAgent.token, { customerId: customer.id, receivedAt: RECEIVED });
      const outletClerk = await t.createUser(['returns_clerk'], {
        outletId: outlet.id,
        email: 'clerk.a@example.com',
        displayName: '钱多',
      });
      await t.createUser(['returns_clerk'], { outletId: otherOutlet.id, email: 'clerk.b@example.com' });
      const noMail = await t.createUser(['returns_clerk'], { email: null, displayName: '无邮箱' });
      const noMailLogin = await t.login(noMail.username).expect(200);
      await returnAct(t, desk.clerk.token, received.id, 'inspect', { finding: 'product_fault' });
      await returnAct(t, noMailLogin.body.accessToken as string, received.id, 'register', {
        handedOverBy: '赵敏',
      });
      await returnAct(t, desk.clerk.token, received.id, 'ship', {
        supplierId,
        carrier: '德邦',
        trackingNumber: 'DB1',
        shippedAt: T0,
      });

      t.clock.setTo(at(7, MINUTE));
      expect(await runReturnTimer(t, await latest('return.chase-due', received.id))).toBe('reminded');
      const recipients = (await messagesOf(received.id)).map((message) => message.recipient);
      expect(recipients).toContain(outletClerk.email);
      expect(recipients).toContain(clerkEmail);
      expect(recipients).not.toContain('clerk.b@example.com');
    });
  });

  describe('customer notice', () => {
    it('tells the customer once by mail after 14 days away, records it, and not again on later checks', async () => {
      t.clock.setTo(at(0, MINUTE));
      const record = await ship();
      const timer = await latest('return.notice-due', record.id);
      expect(timer.runAt?.toISOString()).toBe(at(14, -60 * MINUTE).toISOString());

      t.clock.setTo(at(13));
      expect(await runReturnTimer(t, timer)).toBe('early');
      expect(await messagesOf(record.id)).toEqual([]);

      t.clock.setTo(at(14));
      expect(await runReturnTimer(t, await latest('return.notice-due', record.id))).toBe('noticed');
      const [notice, ...more] = await messagesOf(record.id);
      expect(more).toEqual([]);
      expect(notice).toMatchObject({
        channel: 'email',
        recipient: 'wangfang@example.com',
        template: 'return-notice',
        status: 'queued',
      });
      expect(notice?.body).toContain(record.number);
      expect(notice?.body).toContain('超过了我们承诺的 14 天');
      const mailJobs = await t.dataSource
        .getRepository(OutboxEventEntity)
        .createQueryBuilder('o')
        .where(`o.topic = 'mail.send' AND o.payload ->> 'messageId' = :id`, { id: notice?.id })
        .getCount();
      expect(mailJobs).toBe(1);
      const noticed = await get(record.id);
      expect(noticed.notice).toEqual({
        sentAt: expect.any(String),
        channel: 'email',
        messageId: notice?.id,
        calledAt: null,
      });
      expect(noticed.noticeMessage).toMatchObject({
        channel: 'email',
        status: 'queued',
        recipient: 'wangfang@example.com',
      });
      expect(noticed.timeline).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'notice', title: '告知客户' })]),
      );
      expect(
        (await auditEntriesFor(t.dataSource, 'return', record.id)).map((entry) => entry.action),
      ).toContain('return.customer_noticed');

      // A later check, however it came about, finds the customer told already.
      t.clock.setTo(at(20));
      await t.dataSource.transaction((tx) =>
        t.app.get(ReturnScheduler).noticeAt(tx, record.id, new Date(noticed.noticeDueAt as string), null),
      );
      expect(await runReturnTimer(t, await latest('return.notice-due', record.id))).toBe('nothing');
      expect(await messagesOf(record.id)).toHaveLength(1);
    });

    it('tells no one when the goods are back with the customer in time', async () => {
      t.clock.setTo(at(0, MINUTE));
      const record = await intake(t, desk.agent.token, { receivedAt: RECEIVED });
      await returnAct(t, desk.clerk.token, record.id, 'inspect', { finding: 'no_fault_found' });
      await returnAct(t, desk.clerk.token, record.id, 'return-to-customer', {
        method: 'pickup',
        receivedByName: '王芳',
      });
      t.clock.setTo(at(14));
      expect(await runReturnTimer(t, await latest('return.notice-due', record.id))).toBe('nothing');
      expect(await messagesOf(record.id)).toEqual([]);
    });

    it('puts a phone call on the list for a customer without mail, and records the call once', async () => {
      t.clock.setTo(at(0, MINUTE));
      const customer = await createCustomer(t.dataSource, {
        email: null,
        phone: '13916257704',
        name: '何志明',
      });
      const record = await ship({ customerId: customer.id });
      t.clock.setTo(at(14));
      expect(await runReturnTimer(t, await latest('return.notice-due', record.id))).toBe('noticed');
      const [task] = await messagesOf(record.id);
      expect(task).toMatchObject({
        channel: 'phone',
        recipient: '13916257704',
        status: 'to_call',
        sentAt: null,
      });
      expect(task?.body).toContain('尊敬的何志明');
      // Nothing for the mail queue to send.
      expect(
        await t.dataSource
          .getRepository(OutboxEventEntity)
          .createQueryBuilder('o')
          .where(`o.topic = 'mail.send' AND o.payload ->> 'messageId' = :id`, { id: task?.id })
          .getCount(),
      ).toBe(0);
      expect((await get(record.id)).notice).toMatchObject({ channel: 'phone', calledAt: null });

      t.clock.setTo(at(14, 30 * MINUTE));
      const called = await returnAct(t, desk.agent.token, record.id, 'notice-call', {
        note: '已电话告知何主任维修进度，对方表示理解',
      });
      expect(called.notice).toMatchObject({ channel: 'phone', calledAt: expect.any(String) });
      expect(called.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'notice_call',
            summary: expect.stringContaining('已电话告知何主任'),
          }),
        ]),
      );
      const made = await t.dataSource.getRepository(MessageEntity).findOneByOrFail({ id: task?.id });
      expect(made).toMatchObject({ status: 'called' });
      expect(made.sentAt?.toISOString()).toBe((called.notice as { calledAt: string }).calledAt);

      const twice = await api(t, desk.agent.token)
        .post(`/returns/${record.id}/notice-call`, { note: '再次致电' })
        .expect(409);
      expect(twice.body.code).toBe('CONFLICT');
      const auditor = await session(t, ['auditor']);
      await api(t, auditor.token).post(`/returns/${record.id}/notice-call`, { note: '致电' }).expect(403);
    });

    it('refuses a call record where no phone notice is to be made', async () => {
      t.clock.setTo(at(0, MINUTE));
      const record = await intake(t, desk.agent.token);
      const response = await api(t, desk.agent.token)
        .post(`/returns/${record.id}/notice-call`, { note: '致电客户' })
        .expect(409);
      expect(response.body.code).toBe('CONFLICT');
      expect((await get(record.id)).version).toBe(record.version);
    });
  });

  it("runs a due chase through the outbox relay and the worker's returns queue", async () => {
    t.clock.setTo(at(30));
    const record = await shippedReturn(
      t,
      desk,
      supplierId,
      { kind: 'exchange', urgent: true, receivedAt: at(28).toISOString() },
      { shippedAt: at(29).toISOString() },
    );
    await t.relay();
    await eventually(async () =>
      (await messagesOf(record.id)).some((message) => message.template === 'return-chase-due'),
    );
    expect((await get(record.id)).nextChaseDueAt).toBe(at(31).toISOString());
  });
});
