import { MessageEntity } from '../src/common/mail/message.entity';
import type { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { ReturnEntity } from '../src/returns/return.entity';
import { createCustomer, createOutlet, createProduct } from './factories/registers';
import { type TestApp, createTestApp } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-06-15T09:00:00+08:00';

/** The ticket events of the workflow actions, and the mail the dispatch event sends. */
describe('ticket events', () => {
  let t: TestApp;
  let agent: string;
  let dispatcher: string;
  let manager: string;
  let outletId: string;
  let customerId: string;
  let productId: string;
  let zhang: { id: string; token: string };
  let li: { id: string; token: string };

  const as = (token: string) => ({
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const technician = async (email: string, displayName: string) => {
    const user = await t.createUser(['technician'], { outletId, email, displayName });
    return { id: user.id, token: (await t.login(user.username).expect(200)).body.accessToken as string };
  };
  const report = async (): Promise<{ id: string; number: string }> =>
    (
      await as(agent)
        .post('/tickets', {
          customerId,
          productId,
          fault: '洗衣机不脱水',
          channel: 'phone',
          priority: 'normal',
        })
        .expect(201)
    ).body as { id: string; number: string };
  const act = (id: string, action: string, body: object, token: string) =>
    as(token).post(`/tickets/${id}/${action}`, body).expect(200);

  const events = (id: string) => ticketOutboxRows(t, 'ticket.event', id);
  const dispatchMails = (id: string) =>
    t.dataSource.getRepository(MessageEntity).find({
      where: { template: 'ticket-dispatched', relatedType: 'ticket', relatedId: id },
      order: { createdAt: 'ASC' },
    });
  /** Relays the outbox, then runs each event's job twice, as a redelivery would. */
  const relayAndHandle = async (rows: OutboxEventEntity[]) => {
    await t.relay();
    for (const row of rows) {
      await runTicketEvent(t, row);
      await runTicketEvent(t, row);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    outletId = (await createOutlet(t.dataSource)).id;
    customerId = (await createCustomer(t.dataSource)).id;
    productId = (await createProduct(t.dataSource, { category: '洗衣机', name: '滚筒洗衣机 XQG100' })).id;
    agent = await t.tokenFor(['agent']);
    dispatcher = await t.tokenFor(['dispatcher']);
    manager = await t.tokenFor(['manager']);
    zhang = await technician('zhangwei@example.com', '张伟');
    li = await technician('liqiang@example.com', '李强');
  });
  afterAll(() => t.close());

  it('mails the technician a job is dispatched to, once, and the new one after a re-dispatch', async () => {
    t.clock.setTo(T0);
    const ticket = await report();
    await act(ticket.id, 'dispatch', { technicianId: zhang.id }, dispatcher);
    const [first] = await events(ticket.id);
    expect(first?.payload).toMatchObject({
      type: 'dispatched',
      technicianId: zhang.id,
      number: ticket.number,
    });

    await relayAndHandle([first as OutboxEventEntity]);
    const toZhang = await dispatchMails(ticket.id);
    expect(toZhang.map((mail) => mail.recipient)).toEqual(['zhangwei@example.com']);
    expect(toZhang[0]?.subject).toContain(`新派工单 ${ticket.number}`);
    expect(toZhang[0]?.body).toContain('张伟，您好');
    expect(toZhang[0]?.body).toContain('洗衣机不脱水');

    await act(ticket.id, 'dispatch', { technicianId: li.id, reason: '张伟请假' }, dispatcher);
    const rows = await events(ticket.id);
    expect(rows.map((row) => [row.payload.type, row.payload.technicianId])).toEqual([
      ['dispatched', zhang.id],
      ['dispatched', li.id],
    ]);
    await relayAndHandle(rows);
    const mails = await dispatchMails(ticket.id);
    expect(mails.map((mail) => mail.recipient)).toEqual(['zhangwei@example.com', 'liqiang@example.com']);
    expect(mails[1]?.subject).toContain(ticket.number);
    expect(mails[1]?.body).toContain('李强，您好');
  });

  it('tells each technician of their own dispatch, though the events are handled after a re-dispatch', async () => {
    t.clock.setTo(T0);
    const ticket = await report();
    await act(ticket.id, 'dispatch', { technicianId: zhang.id }, dispatcher);
    await act(ticket.id, 'dispatch', { technicianId: li.id, reason: '改派就近人员' }, dispatcher);

    await relayAndHandle(await events(ticket.id));
    const mails = await dispatchMails(ticket.id);
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([
      'liqiang@example.com',
      'zhangwei@example.com',
    ]);
  });

  it('writes one event for each of take-back, resolve, close, reopen and cancel, and none for the other steps', async () => {
    t.clock.setTo(T0);
    const ticket = await report();
    await act(ticket.id, 'dispatch', { technicianId: zhang.id }, dispatcher);
    const expectEvents = async (...types: string[]) => {
      const rows = await events(ticket.id);
      expect(rows.map((row) => row.payload.type)).toEqual(types);
      expect(rows[rows.length - 1]?.payload).toEqual({
        type: types[types.length - 1],
        ticketId: ticket.id,
        number: ticket.number,
        priority: 'normal',
        outletId,
        // Reopening takes the job off the technician until it is dispatched again.
        technicianId: types.at(-1) === 'cancelled' ? null : zhang.id,
        occurredAt: expect.any(String),
      });
    };
    await expectEvents('dispatched');

    await act(ticket.id, 'accept', { appointmentAt: '2026-06-15T14:00:00+08:00' }, zhang.token);
    await act(ticket.id, 'check-in', {}, zhang.token);
    await act(ticket.id, 'diagnose', { cause: 'product_fault', diagnosis: '电机损坏' }, zhang.token);
    await act(ticket.id, 'hold', { reason: 'awaiting_parts' }, zhang.token);
    await act(ticket.id, 'resume', {}, zhang.token);
    await expectEvents('dispatched');

    await act(ticket.id, 'take-back', { items: [{ description: '洗衣机电机' }] }, zhang.token);
    await expectEvents('dispatched', 'taken_back');
    // The goods go back to the customer before the repair can be resolved.
    const clerk = await t.createUser(['returns_clerk']);
    const clerkToken = (await t.login(clerk.username).expect(200)).body.accessToken as string;
    const goods = await t.dataSource.getRepository(ReturnEntity).findOneByOrFail({ ticketId: ticket.id });
    await as(clerkToken).post(`/returns/${goods.id}/inspect`, { finding: 'product_fault' }).expect(200);
    await as(clerkToken)
      .post(`/returns/${goods.id}/return-to-customer`, { method: 'delivery', receivedByName: '王芳' })
      .expect(200);
    const confirmedAt = t.clock.now().toISOString();
    await act(ticket.id, 'resolve', { outcome: '返厂更换电机', customerName: '王芳', confirmedAt }, manager);
    await expectEvents('dispatched', 'taken_back', 'resolved');
    await act(ticket.id, 'close', { reason: '回访满意' }, manager);
    await expectEvents('dispatched', 'taken_back', 'resolved', 'closed');
    await act(ticket.id, 'reopen', { reason: '客户反映再次不脱水' }, manager);
    await expectEvents('dispatched', 'taken_back', 'resolved', 'closed', 'reopened');
    await act(ticket.id, 'cancel', { reason: '客户改为退货' }, dispatcher);
    await expectEvents('dispatched', 'taken_back', 'resolved', 'closed', 'reopened', 'cancelled');
  });
});
