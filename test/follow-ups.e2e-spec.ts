import { createOutlet } from './factories/registers';
import {
  type Session,
  type TicketDesk,
  type TicketView,
  act,
  api,
  createTicketDesk,
  session,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-06-15T09:00:00+08:00';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface FollowUpView {
  id: string;
  number: string;
  kind: string;
  status: string;
  version: number;
  overdue: boolean;
  dueAt: string;
  ticket: { id: string; number: string; status: string } | null;
  ticketResolvedAt: string | null;
  attemptCount: number;
  attempts: { method: string; note: string | null }[];
  assignee: { id: string; name: string } | null;
  complaint: { id: string; number: string } | null;
  [field: string]: unknown;
}

/** Follow-up visits (回访): made from resolved tickets, completed, and what their outcome does to the ticket. */
describe('follow-ups (回访)', () => {
  let t: TestApp;
  let desk: TicketDesk;

  const at = (offsetMs: number) => new Date(new Date(T0).getTime() + offsetMs).toISOString();
  /** Hands the ticket's events to the worker's handler twice, as a redelivery would. */
  const handleEvents = async (ticketId: string) => {
    for (const row of await ticketOutboxRows(t, 'ticket.event', ticketId)) {
      await runTicketEvent(t, row);
      await runTicketEvent(t, row);
    }
  };
  const followUpsOf = async (ticketId: string, token = desk.manager.token): Promise<FollowUpView[]> =>
    (await api(t, token).get(`/follow-ups?ticketId=${ticketId}`).expect(200)).body.items as FollowUpView[];
  /** A ticket resolved at T0 and its follow-up, made by the worker. */
  const resolvedWithFollowUp = async (): Promise<{ ticket: TicketView; followUp: FollowUpView }> => {
    t.clock.setTo(T0);
    const ticket = await ticketInState(t, desk, 'resolved');
    await handleEvents(ticket.id);
    const [followUp] = await followUpsOf(ticket.id);
    if (!followUp) throw new Error('no follow-up was made');
    return { ticket, followUp };
  };
  const complete = (id: string, body: object, token = desk.agent.token) =>
    api(t, token).post(`/follow-ups/${id}/complete`, body);
  const ticketView = async (id: string) =>
    (await api(t, desk.manager.token).get(`/tickets/${id}`).expect(200)).body as TicketView & {
      timeline: { action: string; summary: string; reason: string | null }[];
      linked: { type: string; id: string; summary: string }[];
    };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
  });
  afterAll(() => t.close());

  it('makes exactly one follow-up for a resolution, due three days later under the policy in force', async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    const all = await followUpsOf(ticket.id);
    expect(all).toHaveLength(1);
    const resolvedAt = (await ticketView(ticket.id)).resolvedAt as string;
    expect(followUp).toMatchObject({
      kind: 'follow_up',
      status: 'pending',
      overdue: false,
      ticket: { id: ticket.id, number: ticket.number, status: 'resolved' },
      ticketResolvedAt: resolvedAt,
      dueAt: new Date(new Date(resolvedAt).getTime() + 3 * DAY).toISOString(),
      assignee: null,
      attemptCount: 0,
    });
    expect(followUp.number).toMatch(/^FU2026-\d{6}$/);
    expect(followUp.policyVersionId).toEqual(expect.any(String));
    expect(
      (await auditEntriesFor(t.dataSource, 'follow_up', followUp.id)).map((entry) => entry.action),
    ).toEqual(['follow_up.created']);

    // The ticket's page lists it.
    const view = await ticketView(ticket.id);
    expect(view.linked).toEqual([
      expect.objectContaining({
        type: 'follow_up',
        id: followUp.id,
        number: followUp.number,
        status: 'pending',
      }),
    ]);
    expect(view.linked[0]?.summary).toContain('待回访');
  });

  it('follows up a reopened ticket again when it is resolved again, cancelling the earlier pending one', async () => {
    const { ticket, followUp: first } = await resolvedWithFollowUp();
    t.clock.setTo(at(DAY));
    await act(t, desk, ticket, 'reopen', { reason: '客户来电：故障复发' });
    await act(t, desk, ticket, 'dispatch');
    await act(t, desk, ticket, 'accept', { appointmentAt: at(DAY + 2 * HOUR) });
    t.clock.setTo(at(DAY + 3 * HOUR));
    await act(t, desk, ticket, 'check_in');
    await act(t, desk, ticket, 'diagnose');
    await act(t, desk, ticket, 'resolve', {
      outcome: '更换电容',
      customerName: '王芳',
      confirmedAt: at(DAY + 3 * HOUR),
    });
    await handleEvents(ticket.id);

    const [earlier, later] = await followUpsOf(ticket.id);
    expect(earlier).toMatchObject({
      id: first.id,
      status: 'cancelled',
      cancelReason: expect.stringContaining('重新打开'),
    });
    expect(later).toMatchObject({ status: 'pending', ticketResolvedAt: expect.any(String) });
    expect(later?.ticketResolvedAt).not.toBe(first.ticketResolvedAt);
    expect(await followUpsOf(ticket.id)).toHaveLength(2);
  });

  it('completes a satisfied follow-up and closes the resolved ticket in the same step', async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(2 * DAY));
    const done = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(2 * DAY - 10 * 60 * 1000),
      satisfied: true,
      score: 5,
      comments: '空调制冷正常，师傅很专业',
      expectedVersion: followUp.version,
    }).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      version: followUp.version + 1,
      method: 'phone',
      satisfied: true,
      score: 5,
      action: null,
      completedBy: { id: desk.agent.id },
      ticket: { status: 'closed' },
    });

    const view = await ticketView(ticket.id);
    expect(view.status).toBe('closed');
    expect(view.timeline.at(-1)).toMatchObject({ action: 'close_after_follow_up' });
    expect(view.linked[0]?.summary).toBe('电话回访完成：满意，评分 5');
    const actions = (await auditEntriesFor(t.dataSource, 'follow_up', followUp.id)).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(['follow_up.created', 'follow_up.complete']);

    // Done is done: a second completion is refused and changes nothing.
    const again = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(2 * DAY - 5 * 60 * 1000),
      satisfied: false,
      score: 1,
      comments: 'x',
      action: 'reopen_ticket',
    }).expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    expect((await ticketView(ticket.id)).status).toBe('closed');
  });

  it('only completes the follow-up when a manager has already closed the ticket', async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(DAY));
    await act(t, desk, ticket, 'close', { reason: '客户来电确认正常' });
    await complete(followUp.id, { method: 'sms', contactedAt: at(DAY), satisfied: true, score: 4 }).expect(
      200,
    );
    const view = await ticketView(ticket.id);
    expect(view.status).toBe('closed');
    expect(view.timeline.filter((entry) => entry.action.startsWith('close'))).toHaveLength(1);
  });

  it('reopens the ticket when a dissatisfied customer reports the fault again, and keeps the link', async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(3 * DAY));
    const done = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(3 * DAY - HOUR),
      satisfied: false,
      score: 2,
      comments: '空调又不制冷了，室外机仍有异响',
      action: 'reopen_ticket',
    }).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      satisfied: false,
      action: 'reopen_ticket',
      ticket: { id: ticket.id, status: 'reopened' },
    });
    const view = await ticketView(ticket.id);
    expect(view.status).toBe('reopened');
    expect(view.timeline.at(-1)).toMatchObject({
      action: 'reopen',
      reason: `回访 ${followUp.number} 客户不满意：空调又不制冷了，室外机仍有异响`,
    });
    expect(view.linked).toEqual([
      expect.objectContaining({
        id: followUp.id,
        status: 'completed',
        summary: expect.stringContaining('重新打开工单'),
      }),
    ]);

    // The reopening's own event leaves the completed follow-up alone.
    await handleEvents(ticket.id);
    expect((await followUpsOf(ticket.id)).map((item) => item.status)).toEqual(['completed']);
  });

  it('opens a complaint from a dissatisfied follow-up, about the ticket, and leaves the ticket resolved', async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(2 * DAY));
    const done = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(2 * DAY - HOUR),
      satisfied: false,
      score: 1,
      comments: '师傅上门迟到两小时，态度也不好',
      action: 'open_complaint',
      complaint: { category: 'attitude' },
    }).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      action: 'open_complaint',
      complaint: { id: expect.any(String), number: expect.stringMatching(/^CP2026-\d{6}$/) },
      ticket: { status: 'resolved' },
    });
    const [complaint] = await t.dataSource.query(
      'SELECT number, channel, category, severity, ticket_id, customer_id, description FROM complaints WHERE id = $1',
      [done.body.complaint.id],
    );
    expect(complaint).toEqual({
      number: done.body.complaint.number,
      channel: 'follow_up',
      category: 'attitude',
      severity: 'normal',
      ticket_id: ticket.id,
      customer_id: ((await ticketView(ticket.id)).customer as { id: string }).id,
      description: '师傅上门迟到两小时，态度也不好',
    });
  });

  it('names every field a completion lacks or gets wrong, and changes nothing', async () => {
    const { followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(DAY));
    const fieldsOf = (body: { details: { fields: { field: string }[] } }) =>
      body.details.fields.map((entry) => entry.field).sort();

    const empty = await complete(followUp.id, {}).expect(400);
    expect(fieldsOf(empty.body)).toEqual(['contactedAt', 'method', 'satisfied', 'score']);

    const dissatisfied = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(DAY),
      satisfied: false,
      score: 2,
    }).expect(400);
    expect(fieldsOf(dissatisfied.body)).toEqual(['action', 'comments']);

    const wrong = await complete(followUp.id, {
      method: 'fax',
      contactedAt: at(2 * DAY),
      satisfied: true,
      score: 6,
    }).expect(400);
    expect(fieldsOf(wrong.body)).toEqual(['method', 'score']);

    const future = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(2 * DAY),
      satisfied: true,
      score: 5,
    }).expect(400);
    expect(future.body.details.fields).toEqual([
      { field: 'contactedAt', problems: ['contactedAt must not be in the future'] },
    ]);
    const beforeResolution = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(-HOUR),
      satisfied: true,
      score: 5,
    }).expect(400);
    expect(fieldsOf(beforeResolution.body)).toEqual(['contactedAt']);

    const stale = await complete(followUp.id, {
      method: 'phone',
      contactedAt: at(DAY),
      satisfied: true,
      score: 5,
      expectedVersion: followUp.version + 1,
    }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await followUpsOf(followUp.ticket?.id ?? ''))[0]).toMatchObject({
      status: 'pending',
      version: 1,
    });
  });

  it(`ends a follow-up as unreachable after three failed attempts, each one kept`, async () => {
    const { ticket, followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(DAY));
    const tries = ['无人接听', '关机', '无人接听'];
    let last: FollowUpView | undefined;
    for (const [index, note] of tries.entries()) {
      last = (
        await api(t, desk.agent.token)
          .post(`/follow-ups/${followUp.id}/attempts`, {
            method: 'phone',
            note,
            attemptedAt: at(DAY - (3 - index) * HOUR),
          })
          .expect(201)
      ).body as FollowUpView;
      expect(last.status).toBe(index < 2 ? 'pending' : 'unreachable');
    }
    expect(last).toMatchObject({ attemptCount: 3, completedBy: { id: desk.agent.id } });
    expect(last?.attempts.map((attempt) => attempt.note)).toEqual(tries);
    await api(t, desk.agent.token)
      .post(`/follow-ups/${followUp.id}/attempts`, { method: 'phone' })
      .expect(409);
    // The ticket waits for a manager's decision.
    expect((await ticketView(ticket.id)).status).toBe('resolved');
    expect((await ticketView(ticket.id)).linked[0]?.summary).toBe('无法联系（尝试 3 次未联系上）');
  });

  it('marks a follow-up unreachable early only after an attempt is on record', async () => {
    const { followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(DAY));
    const unreachable = (body: object) =>
      api(t, desk.manager.token).post(`/follow-ups/${followUp.id}/unreachable`, body);
    const refused = await unreachable({ reason: '号码已停机' }).expect(409);
    expect(refused.body.code).toBe('CONFLICT');
    await api(t, desk.agent.token)
      .post(`/follow-ups/${followUp.id}/attempts`, { method: 'phone', note: '空号' })
      .expect(201);
    await unreachable({}).expect(400);
    const done = await unreachable({ reason: '号码已停机，客户资料无其他联系方式' }).expect(200);
    expect(done.body).toMatchObject({
      status: 'unreachable',
      attemptCount: 1,
      comments: '号码已停机，客户资料无其他联系方式',
    });
  });

  it('assigns a follow-up to a manager or agent who may see it, and lists by assignee', async () => {
    const { followUp } = await resolvedWithFollowUp();
    const agentUser = await t.createUser(['agent'], { displayName: '陈静' });
    const assign = (assigneeId: string, token = desk.manager.token) =>
      api(t, token).post(`/follow-ups/${followUp.id}/assign`, { assigneeId });

    const done = await assign(agentUser.id).expect(200);
    expect(done.body.assignee).toEqual({ id: agentUser.id, name: '陈静' });
    const mine = await api(t, desk.manager.token).get(`/follow-ups?assigneeId=${agentUser.id}`).expect(200);
    expect(mine.body.items.map((item: FollowUpView) => item.id)).toEqual([followUp.id]);

    // A technician takes inspections, not follow-ups; another outlet's agent may not see it.
    const refused = await assign(desk.technician.id).expect(400);
    expect(refused.body.details.fields[0].field).toBe('assigneeId');
    const elsewhere = await t.createUser(['agent'], { outletId: (await createOutlet(t.dataSource)).id });
    await assign(elsewhere.id).expect(400);
    // Only a manager assigns.
    await assign(agentUser.id, desk.agent.token).expect(403);
  });

  it('lists overdue follow-ups, and shows an outlet only its own', async () => {
    const { followUp } = await resolvedWithFollowUp();
    t.clock.setTo(at(3 * DAY + HOUR));
    const overdue = await api(t, desk.manager.token).get('/follow-ups?overdue=true&pageSize=200').expect(200);
    expect(overdue.body.items.map((item: FollowUpView) => item.id)).toContain(followUp.id);
    expect(overdue.body.items.every((item: FollowUpView) => item.overdue && item.status === 'pending')).toBe(
      true,
    );
    const notOverdue = await api(t, desk.manager.token)
      .get('/follow-ups?overdue=false&pageSize=200')
      .expect(200);
    expect(notOverdue.body.items.map((item: FollowUpView) => item.id)).not.toContain(followUp.id);

    // The ticket was done by the technician's outlet: its agent sees it, another outlet's does not.
    const own: Session = await session(t, ['agent'], { outletId: desk.technician.outletId });
    const other: Session = await session(t, ['agent'], { outletId: (await createOutlet(t.dataSource)).id });
    await api(t, own.token).get(`/follow-ups/${followUp.id}`).expect(200);
    await api(t, other.token).get(`/follow-ups/${followUp.id}`).expect(404);
    const seen = await api(t, other.token).get('/follow-ups').expect(200);
    expect(seen.body.total).toBe(0);
    await complete(
      followUp.id,
      { method: 'phone', contactedAt: at(3 * DAY), satisfied: true, score: 5 },
      other.token,
    ).expect(404);
  });

  it('lets auditors read but not act, and technicians neither read follow-ups nor complete them', async () => {
    const { followUp } = await resolvedWithFollowUp();
    const auditor = await session(t, ['auditor']);
    await api(t, auditor.token).get(`/follow-ups/${followUp.id}`).expect(200);
    await complete(followUp.id, {}, auditor.token).expect(403);
    await api(t, desk.technician.token).get(`/follow-ups/${followUp.id}`).expect(404);
    await complete(
      followUp.id,
      { method: 'phone', contactedAt: at(0), satisfied: true, score: 5 },
      desk.technician.token,
    ).expect(404);
  });
});
