import { MessageEntity } from '../src/common/mail/message.entity';
import type { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import type { Priority } from '../src/policy/domain/policy-commitments';
import type { DeadlineKind } from '../src/tickets/domain/ticket-fields';
import { TicketBreachEntity } from '../src/tickets/ticket-breach.entity';
import { TicketDeadlineScheduler } from '../src/tickets/ticket-deadline.scheduler';
import { TicketDeadlinesService } from '../src/tickets/ticket-deadlines.service';
import { TicketHistoryEntity } from '../src/tickets/ticket-history.entity';
import { TicketEntity } from '../src/tickets/ticket.entity';
import { createCustomer, createOutlet, createProduct } from './factories/registers';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';
import { runDeadlineCheck, runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

/**
 * Every ticket here is reported at T0 (a normal one in the city: respond within 4 h, on site within
 * 24 h, resolved within 72 h; an urgent one: 1 h, 4 h, 24 h), and the clock is moved to the hours
 * after T0 at which each step or check happens.
 */
const T0 = '2026-06-15T09:00:00+08:00';
const HOUR_MS = 3_600_000;
const at = (hours: number): Date => new Date(new Date(T0).getTime() + hours * HOUR_MS);
const iso = (hours: number): string => at(hours).toISOString();
/** Within a second of T0 + hours: the test clock keeps ticking between setting it and the request. */
const near = (instant: string | Date | null | undefined, hours: number): boolean =>
  instant != null && Math.abs(new Date(instant).getTime() - at(hours).getTime()) < 1000;

interface TicketBody {
  id: string;
  number: string;
  responseDueAt: string;
  onSiteDueAt: string;
  resolveDueAt: string;
}

describe('ticket deadlines and breaches', () => {
  let t: TestApp;
  let agent: string;
  let dispatcher: string;
  let manager: string;
  let technician: { id: string; token: string };
  let customerId: string;
  let productId: string;

  const moveTo = (hours: number) => t.clock.setTo(at(hours));
  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });

  const report = async (fields: { priority?: Priority; customerId?: string } = {}): Promise<TicketBody> => {
    const response = await as(agent)
      .post('/tickets', {
        customerId,
        productId,
        fault: '空调不制冷',
        channel: 'phone',
        priority: 'normal',
        reportedAt: T0,
        ...fields,
      })
      .expect(201);
    return response.body as TicketBody;
  };
  const act = async (id: string, action: string, body: object, token: string): Promise<TicketBody> =>
    (await as(token).post(`/tickets/${id}/${action}`, body).expect(200)).body as TicketBody;
  const dispatch = (id: string) => act(id, 'dispatch', { technicianId: technician.id }, dispatcher);
  const accept = (id: string) => act(id, 'accept', { appointmentAt: iso(6) }, technician.token);
  const checkIn = (id: string) => act(id, 'check-in', {}, technician.token);
  const hold = (id: string) => act(id, 'hold', { reason: 'awaiting_parts' }, technician.token);
  const resume = (id: string) => act(id, 'resume', {}, technician.token);

  const checks = (id: string) => ticketOutboxRows(t, 'ticket.deadline-check', id);
  const checksOf = async (id: string, deadline: DeadlineKind): Promise<OutboxEventEntity[]> =>
    (await checks(id)).filter((row) => row.payload.deadline === deadline);
  const firstCheck = async (id: string, deadline: DeadlineKind): Promise<OutboxEventEntity> => {
    const [row] = await checksOf(id, deadline);
    if (!row) throw new Error(`no ${deadline} check for ticket ${id}`);
    return row;
  };
  /** A further check of a deadline, as a moved deadline or a duplicate timer would write it. */
  const scheduleAnotherCheck = async (id: string, deadline: DeadlineKind): Promise<OutboxEventEntity> => {
    const ticket = await t.dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
    await t.dataSource.transaction((tx) =>
      t.app.get(TicketDeadlineScheduler).schedule(tx, ticket, [deadline], null),
    );
    const rows = await checksOf(id, deadline);
    return rows[rows.length - 1] as OutboxEventEntity;
  };
  const recordBreachesNow = (id: string) =>
    t.dataSource.transaction((tx) => t.app.get(TicketDeadlinesService).recordBreaches(tx, id, null));

  const breachesOf = (id: string) =>
    t.dataSource.getRepository(TicketBreachEntity).find({ where: { ticketId: id }, order: { dueAt: 'ASC' } });
  const breachEvents = async (id: string) =>
    (await ticketOutboxRows(t, 'ticket.event', id)).filter((row) => row.payload.type === 'breached');
  const breachAudits = async (id: string) =>
    (await auditEntriesFor(t.dataSource, 'ticket', id)).filter((entry) => entry.action === 'ticket.breached');
  const breachHistory = (id: string) =>
    t.dataSource.getRepository(TicketHistoryEntity).findBy({ ticketId: id, action: 'breach' });
  const breachMails = (id: string) =>
    t.dataSource
      .getRepository(MessageEntity)
      .find({ where: { template: 'ticket-breached', relatedType: 'ticket', relatedId: id } });
  const recipients = (mails: MessageEntity[]) => mails.map((mail) => mail.recipient).sort();

  /** The breach event's job after the relay has handed it over, run twice as a redelivery would. */
  const relayAndHandleBreachEvents = async (id: string) => {
    await t.relay();
    const events = await breachEvents(id);
    for (const row of events) {
      expect(row.dispatchedAt).not.toBeNull();
      await runTicketEvent(t, row);
      await runTicketEvent(t, row);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    moveTo(0.02);
    const outlet = await createOutlet(t.dataSource);
    customerId = (await createCustomer(t.dataSource)).id;
    productId = (await createProduct(t.dataSource)).id;
    agent = await t.tokenFor(['agent']);
    dispatcher = await t.tokenFor(['dispatcher'], { email: 'dispatcher@example.com', displayName: '赵敏' });
    manager = await t.tokenFor(['manager'], { email: 'manager@example.com', displayName: '王建国' });
    // Who else is told of a breach: every enabled dispatcher with an address who may see the ticket
    // (head office and the ticket's outlet), and no one else.
    await t.createUser(['dispatcher'], { email: 'desk@example.com', displayName: '钱程' });
    await t.createUser(['dispatcher'], { email: 'outlet-desk@example.com', outletId: outlet.id });
    const elsewhere = await createOutlet(t.dataSource);
    await t.createUser(['dispatcher'], { email: 'elsewhere@example.com', outletId: elsewhere.id });
    await t.createUser(['manager'], { email: 'elsewhere-manager@example.com', outletId: elsewhere.id });
    await t.createUser(['dispatcher'], { email: 'former@example.com', disabled: true });
    await t.createUser(['dispatcher']);
    const user = await t.createUser(['technician'], {
      outletId: outlet.id,
      email: 'tech@example.com',
      displayName: '张伟',
    });
    technician = {
      id: user.id,
      token: (await t.login(user.username).expect(200)).body.accessToken as string,
    };
  });
  afterAll(() => t.close());

  describe('scheduling the checks', () => {
    it('puts a check of each deadline in the outbox, to run at its due time, when the ticket is reported', async () => {
      moveTo(0.02);
      const ticket = await report();
      expect([ticket.responseDueAt, ticket.onSiteDueAt, ticket.resolveDueAt]).toEqual([
        iso(4),
        iso(24),
        iso(72),
      ]);

      const rows = await checks(ticket.id);
      expect(
        rows.map((row) => ({
          payload: row.payload,
          runAt: row.runAt?.toISOString(),
          dispatchedAt: row.dispatchedAt,
        })),
      ).toEqual([
        {
          payload: { ticketId: ticket.id, deadline: 'response', dueAt: iso(4) },
          runAt: iso(4),
          dispatchedAt: null,
        },
        {
          payload: { ticketId: ticket.id, deadline: 'on_site', dueAt: iso(24) },
          runAt: iso(24),
          dispatchedAt: null,
        },
        {
          payload: { ticketId: ticket.id, deadline: 'resolve', dueAt: iso(72) },
          runAt: iso(72),
          dispatchedAt: null,
        },
      ]);
    });

    it('checks the resolve deadline again where a hold moved it; the old check finds nothing due', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      await accept(ticket.id);
      await checkIn(ticket.id);
      moveTo(2);
      await hold(ticket.id);
      moveTo(10);
      const resumed = await resume(ticket.id);
      // Eight hours on hold: the resolve deadline moves from T0+72h to T0+80h.
      expect(near(resumed.resolveDueAt, 80)).toBe(true);
      const resolveChecks = await checksOf(ticket.id, 'resolve');
      expect(resolveChecks.map((row) => [row.payload, row.runAt?.toISOString()])).toEqual([
        [{ ticketId: ticket.id, deadline: 'resolve', dueAt: iso(72) }, iso(72)],
        [{ ticketId: ticket.id, deadline: 'resolve', dueAt: resumed.resolveDueAt }, resumed.resolveDueAt],
      ]);
      const [oldCheck, newCheck] = resolveChecks as [OutboxEventEntity, OutboxEventEntity];

      moveTo(72.1);
      expect(await runDeadlineCheck(t, oldCheck)).toEqual([]);
      expect(await breachesOf(ticket.id)).toEqual([]);
      // The old timer leaves the moved deadline to the newer one: no third timer.
      expect(await checksOf(ticket.id, 'resolve')).toHaveLength(2);

      moveTo(80.1);
      expect(await runDeadlineCheck(t, newCheck)).toEqual(['resolve']);
      const breaches = await breachesOf(ticket.id);
      expect(breaches.map((breach) => [breach.deadline, breach.dueAt.toISOString()])).toEqual([
        ['resolve', resumed.resolveDueAt],
      ]);
    });

    it('does not breach the resolve deadline while the ticket is on hold, however late the check', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      await accept(ticket.id);
      await checkIn(ticket.id);
      moveTo(2);
      await hold(ticket.id);

      moveTo(72.1);
      expect(await runDeadlineCheck(t, await firstCheck(ticket.id, 'resolve'))).toEqual([]);
      moveTo(100);
      expect(await recordBreachesNow(ticket.id)).toEqual([]);
      expect(await breachesOf(ticket.id)).toEqual([]);

      // Resumed after 98 hours on hold: resolve is now due at T0+170h.
      const resumed = await resume(ticket.id);
      expect(near(resumed.resolveDueAt, 170)).toBe(true);
      const newCheck = (await checksOf(ticket.id, 'resolve'))[1];
      expect(newCheck?.runAt?.toISOString()).toBe(resumed.resolveDueAt);
      moveTo(169.9);
      expect(await recordBreachesNow(ticket.id)).toEqual([]);
      moveTo(170.1);
      expect(await runDeadlineCheck(t, newCheck as OutboxEventEntity)).toEqual(['resolve']);
      expect((await breachesOf(ticket.id)).map((breach) => breach.dueAt.toISOString())).toEqual([
        resumed.resolveDueAt,
      ]);
    });
  });

  describe('a missed deadline', () => {
    it('is recorded by the check: breach row, timeline entry by no one, event and audit entry', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);

      moveTo(4.1);
      expect(await runDeadlineCheck(t, await firstCheck(ticket.id, 'response'))).toEqual(['response']);

      const breaches = await breachesOf(ticket.id);
      expect(breaches).toHaveLength(1);
      expect(breaches[0]).toMatchObject({ deadline: 'response', dueAt: at(4) });
      expect(breaches[0]?.recordedAt.getTime()).toBeGreaterThanOrEqual(at(4.1).getTime());

      const history = await breachHistory(ticket.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        actorId: null,
        actorName: null,
        fromStatus: 'dispatched',
        toStatus: 'dispatched',
        details: { deadline: 'response', dueAt: iso(4) },
      });

      const events = await breachEvents(ticket.id);
      expect(events.map((row) => row.payload)).toEqual([
        {
          type: 'breached',
          ticketId: ticket.id,
          number: ticket.number,
          priority: 'normal',
          outletId: expect.any(String),
          technicianId: technician.id,
          occurredAt: expect.any(String),
          deadline: 'response',
          dueAt: iso(4),
        },
      ]);

      const audits = await breachAudits(ticket.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        actorId: null,
        changes: { deadline: 'response', dueAt: iso(4), status: 'dispatched' },
      });

      const detail = await as(dispatcher).get(`/tickets/${ticket.id}`).expect(200);
      expect(detail.body.breaches).toEqual([
        { deadline: 'response', dueAt: iso(4), recordedAt: breaches[0]?.recordedAt.toISOString() },
      ]);
      const entries = (detail.body.timeline as { action: string }[]).filter(
        (entry) => entry.action === 'breach',
      );
      expect(entries).toEqual([
        expect.objectContaining({ title: '超时', actorId: null, actorName: null, toStatus: 'dispatched' }),
      ]);
      expect(entries[0]).toMatchObject({ summary: expect.stringContaining('响应时限') });
    });

    it('is recorded and told once however often and however late the check runs', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);

      moveTo(4.1);
      const check = await firstCheck(ticket.id, 'response');
      const duplicate = await scheduleAnotherCheck(ticket.id, 'response');
      expect(duplicate.id).not.toBe(check.id);
      // Two checks of the same deadline at once: the ticket lock and the unique breach key let one record it.
      const together = await Promise.all([runDeadlineCheck(t, check), runDeadlineCheck(t, duplicate)]);
      expect(together.flat()).toEqual(['response']);
      // The same job delivered again, and another check hours later.
      expect(await runDeadlineCheck(t, check)).toEqual([]);
      moveTo(10);
      expect(await runDeadlineCheck(t, await scheduleAnotherCheck(ticket.id, 'response'))).toEqual([]);
      expect(await recordBreachesNow(ticket.id)).toEqual([]);

      expect(await breachesOf(ticket.id)).toHaveLength(1);
      expect(await breachHistory(ticket.id)).toHaveLength(1);
      expect(await breachEvents(ticket.id)).toHaveLength(1);
      expect(await breachAudits(ticket.id)).toHaveLength(1);

      await relayAndHandleBreachEvents(ticket.id);
      const mails = await breachMails(ticket.id);
      // Each enabled dispatcher with an address who may see the ticket; managers only hear of urgent ones.
      expect(recipients(mails)).toEqual([
        'desk@example.com',
        'dispatcher@example.com',
        'outlet-desk@example.com',
      ]);
      for (const mail of mails) {
        expect(mail.subject).toContain(ticket.number);
        expect(mail.subject).toContain('响应时限');
        expect(mail.body).toContain('张伟');
      }
    });

    it('of an urgent ticket is told to the managers as well', async () => {
      moveTo(0.02);
      const ticket = await report({ priority: 'urgent' });
      expect(ticket.responseDueAt).toBe(iso(1));
      moveTo(0.5);
      await dispatch(ticket.id);

      moveTo(1.1);
      const check = await firstCheck(ticket.id, 'response');
      expect(await runDeadlineCheck(t, check)).toEqual(['response']);
      expect(await runDeadlineCheck(t, check)).toEqual([]);
      await relayAndHandleBreachEvents(ticket.id);

      const mails = await breachMails(ticket.id);
      expect(recipients(mails)).toEqual([
        'desk@example.com',
        'dispatcher@example.com',
        'manager@example.com',
        'outlet-desk@example.com',
      ]);
      expect(mails.every((mail) => mail.subject.includes(ticket.number) && mail.body.includes('紧急'))).toBe(
        true,
      );
    });

    it('counts a response made after its deadline, when the check runs late', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      moveTo(5);
      await accept(ticket.id);

      moveTo(5.1);
      expect(await runDeadlineCheck(t, await firstCheck(ticket.id, 'response'))).toEqual(['response']);
      expect((await breachesOf(ticket.id)).map((breach) => breach.deadline)).toEqual(['response']);
    });
  });

  describe('no breach', () => {
    it('for a ticket that met every deadline, though the checks run after them', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      await accept(ticket.id);
      await checkIn(ticket.id);
      await act(
        ticket.id,
        'diagnose',
        { cause: 'product_fault', diagnosis: '启动电容损坏' },
        technician.token,
      );
      await act(
        ticket.id,
        'resolve',
        { outcome: '更换电容后制冷正常', customerName: '王芳', confirmedAt: iso(0.5) },
        technician.token,
      );

      moveTo(73);
      for (const check of await checks(ticket.id)) expect(await runDeadlineCheck(t, check)).toEqual([]);
      expect(await breachesOf(ticket.id)).toEqual([]);
      expect(await breachEvents(ticket.id)).toEqual([]);
    });

    it('for a ticket resolved in time and reopened later, until its new resolve window has passed', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      await accept(ticket.id);
      await checkIn(ticket.id);
      await act(ticket.id, 'diagnose', { cause: 'wear', diagnosis: '皮带老化' }, technician.token);
      await act(
        ticket.id,
        'resolve',
        { outcome: '更换皮带', customerName: '王芳', confirmedAt: iso(0.5) },
        technician.token,
      );
      moveTo(100);
      const reopened = await act(ticket.id, 'reopen', { reason: '回访发现仍有异响' }, manager);
      expect(near(reopened.resolveDueAt, 172)).toBe(true);
      const resolveChecks = await checksOf(ticket.id, 'resolve');
      expect(resolveChecks).toHaveLength(2);
      expect(near(resolveChecks[1]?.runAt, 172)).toBe(true);

      // Run early (a worker whose clock runs ahead), the check finds nothing and sets its timer again.
      moveTo(171.9);
      for (const check of await checks(ticket.id)) expect(await runDeadlineCheck(t, check)).toEqual([]);
      const again = await checksOf(ticket.id, 'resolve');
      expect(again).toHaveLength(3);
      expect(near(again[2]?.runAt, 172)).toBe(true);
      moveTo(172.1);
      expect(await runDeadlineCheck(t, again[2] as OutboxEventEntity)).toEqual(['resolve']);
    });

    it('when a check fires before its deadline', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);

      moveTo(3.9);
      expect(await recordBreachesNow(ticket.id)).toEqual([]);
      expect(await breachesOf(ticket.id)).toEqual([]);
      moveTo(4.1);
      expect(await runDeadlineCheck(t, await firstCheck(ticket.id, 'response'))).toEqual(['response']);
    });

    it('for a cancelled ticket', async () => {
      moveTo(0.02);
      const ticket = await report();
      moveTo(0.5);
      await dispatch(ticket.id);
      moveTo(1);
      await act(ticket.id, 'cancel', { reason: '客户已自行修好' }, dispatcher);

      moveTo(73);
      for (const check of await checks(ticket.id)) expect(await runDeadlineCheck(t, check)).toEqual([]);
      expect(await breachesOf(ticket.id)).toEqual([]);
      expect(await breachEvents(ticket.id)).toEqual([]);
    });
  });

  describe('overdue tickets', () => {
    it('lists a ticket past its response deadline and not one that met it', async () => {
      moveTo(0.02);
      const ownCustomer = (await createCustomer(t.dataSource, { name: '李娜' })).id;
      const late = await report({ customerId: ownCustomer });
      const met = await report({ customerId: ownCustomer });
      moveTo(0.5);
      await dispatch(late.id);
      await dispatch(met.id);
      await accept(met.id);
      const overdue = async () =>
        (
          (await as(manager).get(`/tickets?overdue=true&customerId=${ownCustomer}`).expect(200)).body
            .items as {
            id: string;
          }[]
        ).map((item) => item.id);

      moveTo(3.9);
      expect(await overdue()).toEqual([]);
      moveTo(4.1);
      // Listed as soon as the deadline passes, before the check has recorded anything.
      expect(await overdue()).toEqual([late.id]);
      expect((await as(manager).get(`/tickets/${late.id}`).expect(200)).body.breaches).toEqual([]);

      await runDeadlineCheck(t, await firstCheck(late.id, 'response'));
      await runDeadlineCheck(t, await firstCheck(met.id, 'response'));
      expect(await overdue()).toEqual([late.id]);
      const lateDetail = await as(manager).get(`/tickets/${late.id}`).expect(200);
      expect(lateDetail.body.breaches).toEqual([
        { deadline: 'response', dueAt: iso(4), recordedAt: expect.any(String) },
      ]);
      expect((await as(manager).get(`/tickets/${met.id}`).expect(200)).body.breaches).toEqual([]);
    });
  });
});
