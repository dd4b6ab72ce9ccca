import pdfParse from 'pdf-parse';
import type { RequestContext } from '../src/auth/authenticated-user';
import { ComplaintEntity } from '../src/complaints/complaint.entity';
import { ComplaintsService } from '../src/complaints/complaints.service';
import type { CreateComplaintDto } from '../src/complaints/dto/complaint-request.dto';
import { ComplaintHistoryEntity } from '../src/complaints/complaint-history.entity';
import { MessageEntity } from '../src/common/mail/message.entity';
import { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { EvidenceForms } from '../src/evidence/pack/evidence-forms';
import { createCustomer, createOutlet } from './factories/registers';
import {
  type Session,
  type TicketDesk,
  type TicketView,
  api,
  createTicketDesk,
  session,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';
import { outboxRowsWhere } from './support/ticket-jobs';

/** Complaints are received at T0 unless a test says otherwise; the default policy: acknowledge 24 h, resolve 7 days. */
const T0 = '2026-06-15T09:00:00+08:00';
const HOUR_MS = 3_600_000;
const at = (hours: number): Date => new Date(new Date(T0).getTime() + hours * HOUR_MS);
const iso = (hours: number): string => at(hours).toISOString();

interface ComplaintView {
  id: string;
  number: string;
  status: string;
  version: number;
  [field: string]: unknown;
}

interface TimelineView {
  action: string;
  title: string;
  summary: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string;
}

describe('complaints (投诉)', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let auditor: string;
  let hqManager: Session;
  let resolvedTicket: TicketView;

  const as = (token: string) => api(t, token);
  const complain = async (token: string, body: Record<string, unknown>): Promise<ComplaintView> => {
    const response = await as(token).post('/complaints', body);
    if (response.status !== 201)
      throw new Error(`complain: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ComplaintView;
  };
  const aboutTicket = (ticket: TicketView, fields: Record<string, unknown> = {}) => ({
    customerId: (ticket.customer as { id: string }).id,
    ticketId: ticket.id,
    channel: 'phone',
    category: 'attitude',
    severity: 'normal',
    description: '师傅上门迟到两小时，且态度恶劣',
    ...fields,
  });
  const step = async (
    complaint: { id: string },
    action: string,
    body: object,
    token: string,
  ): Promise<ComplaintView> => {
    const response = await as(token).post(`/complaints/${complaint.id}/${action}`, body);
    if (response.status !== 200)
      throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ComplaintView;
  };
  const acknowledge = (c: { id: string }) =>
    step(c, 'acknowledge', { note: '已致电客户致歉' }, desk.agent.token);
  const investigate = (c: { id: string }) =>
    step(c, 'investigate', { note: '调取派工记录' }, desk.manager.token);
  const resolve = (c: { id: string }) =>
    step(
      c,
      'resolve',
      {
        rootCause: '维修人员未按预约时间上门，且未提前告知客户',
        remedy: '经理上门致歉，免除本次上门费',
        correctiveAction: '改约须提前两小时电话告知客户，纳入网点月度考核',
      },
      desk.manager.token,
    );
  const close = (c: { id: string }, body: object = { customerAccepted: true, note: '客户表示满意' }) =>
    step(c, 'close', body, desk.agent.token);
  const received = (fields: Record<string, unknown> = {}) =>
    complain(desk.agent.token, aboutTicket(resolvedTicket, fields));
  const stored = (id: string) => t.dataSource.getRepository(ComplaintEntity).findOneByOrFail({ id });
  const historyOf = (id: string) =>
    t.dataSource
      .getRepository(ComplaintHistoryEntity)
      .find({ where: { complaintId: id }, order: { seq: 'ASC' } });
  const mailsAbout = (id: string) =>
    t.dataSource.getRepository(MessageEntity).find({ where: { relatedType: 'complaint', relatedId: id } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(at(-3));
    desk = await createTicketDesk(t);
    auditor = await t.tokenFor(['auditor']);
    hqManager = await session(t, ['manager']);
    resolvedTicket = await ticketInState(t, desk, 'resolved');
    t.clock.setTo(T0);
  });
  afterAll(() => t.close());

  describe('registering', () => {
    it('numbers the first complaint CP2026-000001, with deadlines from the policy and outlet and technician from the ticket', async () => {
      const complaint = await received();
      expect(complaint).toMatchObject({
        number: 'CP2026-000001',
        status: 'received',
        version: 1,
        channel: 'phone',
        category: 'attitude',
        severity: 'normal',
        customer: { id: (resolvedTicket.customer as { id: string }).id, name: '王芳' },
        contactName: '王芳',
        contactPhone: '13800138000',
        ticket: { id: resolvedTicket.id, number: resolvedTicket.number },
        outlet: { id: desk.technician.outletId },
        technician: { id: desk.technician.id, name: '张伟' },
        acknowledgedAt: null,
        acknowledgedOnTime: null,
        resolvedOnTime: null,
        overdue: false,
        escalations: [],
      });
      const receivedAt = new Date(complaint.receivedAt as string).getTime();
      expect(new Date(complaint.acknowledgeDueAt as string).getTime() - receivedAt).toBe(24 * HOUR_MS);
      expect(new Date(complaint.resolveDueAt as string).getTime() - receivedAt).toBe(7 * 24 * HOUR_MS);
      expect(complaint.timeline).toEqual([
        expect.objectContaining({
          action: 'receive',
          title: '投诉受理',
          summary: '通过电话受理，类别：服务态度，一般投诉',
          fromStatus: null,
          toStatus: 'received',
        }),
      ]);
      const second = await received({ category: 'charges' });
      expect(second.number).toBe('CP2026-000002');
    });

    it('sets a timer for each deadline at its due time, and records the registration in the audit trail', async () => {
      const complaint = await received();
      const timers = await outboxRowsWhere(t, 'complaint.deadline-check', 'complaintId', complaint.id);
      expect(timers.map((row) => [row.payload, row.runAt?.toISOString()])).toEqual([
        [
          { complaintId: complaint.id, step: 'acknowledge', dueAt: complaint.acknowledgeDueAt },
          complaint.acknowledgeDueAt,
        ],
        [
          { complaintId: complaint.id, step: 'resolve', dueAt: complaint.resolveDueAt },
          complaint.resolveDueAt,
        ],
      ]);
      const [entry] = await auditEntriesFor(t.dataSource, 'complaint', complaint.id);
      expect(entry).toMatchObject({
        action: 'complaint.received',
        actorId: desk.agent.id,
        changes: { number: complaint.number, ticketId: resolvedTicket.id, severity: 'normal' },
      });
    });

    it('takes a complaint received earlier, with deadlines counted from then', async () => {
      const complaint = await received({ receivedAt: iso(-2) });
      expect(complaint.receivedAt).toBe(iso(-2));
      expect(complaint.acknowledgeDueAt).toBe(iso(22));
      expect(complaint.resolveDueAt).toBe(iso(-2 + 7 * 24));
    });

    it('shows the complaint on its ticket to those who read complaints, not to the technician', async () => {
      const complaint = await received({ description: '收费与报价不符' });
      const ticket = await as(desk.agent.token).get(`/tickets/${resolvedTicket.id}`).expect(200);
      const linked = ticket.body.linked as { type: string; id: string; number: string; summary: string }[];
      expect(linked.find((record) => record.id === complaint.id)).toEqual(
        expect.objectContaining({
          type: 'complaint',
          number: complaint.number,
          status: 'received',
          summary: '一般投诉（服务态度）：收费与报价不符',
        }),
      );
      const own = await as(desk.technician.token).get(`/tickets/${resolvedTicket.id}`).expect(200);
      expect((own.body.linked as { type: string }[]).filter((record) => record.type === 'complaint')).toEqual(
        [],
      );
    });

    it('registers a complaint with no ticket, for head office', async () => {
      const customer = await createCustomer(t.dataSource, { name: '李娜', phone: '13911112222' });
      const complaint = await complain(desk.manager.token, {
        customerId: customer.id,
        channel: 'web',
        category: 'product',
        severity: 'normal',
        description: '新买的热水器外壳有划痕',
        contactName: '李先生',
      });
      expect(complaint).toMatchObject({
        ticket: null,
        outlet: null,
        technician: null,
        contactName: '李先生',
        contactPhone: '13911112222',
      });
    });

    it('refuses bad input with 400 naming every field', async () => {
      const response = await as(desk.agent.token)
        .post('/complaints', { channel: 'fax', category: 'rude', severity: 'huge', description: '' })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['category', 'channel', 'customerId', 'description', 'severity']);
    });

    it('refuses a ticket of another customer, a receipt in the future or before the ticket, and an unknown technician', async () => {
      const stranger = await createCustomer(t.dataSource);
      const response = await as(desk.agent.token)
        .post('/complaints', aboutTicket(resolvedTicket, { customerId: stranger.id, receivedAt: iso(1) }))
        .expect(400);
      expect(response.body.details.fields).toEqual(
        expect.arrayContaining([
          { field: 'receivedAt', problems: ['receivedAt must not be in the future'] },
          { field: 'ticketId', problems: ["must be a ticket of the complaint's customer"] },
        ]),
      );
      const early = await as(desk.agent.token)
        .post('/complaints', aboutTicket(resolvedTicket, { receivedAt: iso(-10) }))
        .expect(400);
      expect(early.body.details.fields[0].field).toBe('receivedAt');
      const technician = await as(desk.agent.token)
        .post('/complaints', aboutTicket(resolvedTicket, { technicianId: desk.dispatcher.id }))
        .expect(400);
      expect(technician.body.details.fields).toEqual([
        { field: 'technicianId', problems: ['must be an existing technician'] },
      ]);
    });

    it("registers inside a caller's transaction (a follow-up call), and leaves nothing when it fails", async () => {
      const service = t.app.get(ComplaintsService);
      const context: RequestContext = {
        user: { id: desk.agent.id, username: 'agent', roles: ['agent'], outletId: null },
        requestId: null,
      };
      const input = {
        ...aboutTicket(resolvedTicket),
        channel: 'follow_up',
        description: '回访时客户反映师傅走后地面未清理',
      } as CreateComplaintDto;
      const repository = t.dataSource.getRepository(ComplaintEntity);
      const timersCount = () =>
        t.dataSource.getRepository(OutboxEventEntity).countBy({ topic: 'complaint.deadline-check' });
      const before = await repository.count();
      const timersBefore = await timersCount();
      await expect(
        t.dataSource.transaction(async (tx) => {
          await service.createIn(tx, input, context);
          throw new Error('the follow-up failed');
        }),
      ).rejects.toThrow('the follow-up failed');
      expect(await repository.count()).toBe(before);
      expect(await timersCount()).toBe(timersBefore);
      // The number given back with the rollback goes to the next complaint: no gaps.
      const created = await t.dataSource.transaction((tx) => service.createIn(tx, input, context));
      expect(created.number).toBe(`CP2026-${String(before + 1).padStart(6, '0')}`);
      expect(await repository.findOneByOrFail({ id: created.id })).toMatchObject({
        channel: 'follow_up',
        outletId: desk.technician.outletId,
        technicianId: desk.technician.id,
      });
      await expect(
        t.dataSource.transaction((tx) => service.createIn(tx, { ...input, description: '  ' }, context)),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'description', problems: ['description is required'] }] },
      });
    });

    it('creates one complaint for one Idempotency-Key, however often the request is sent', async () => {
      const body = aboutTicket(resolvedTicket, { description: '重复提交测试' });
      const send = () =>
        t
          .http()
          .post('/api/v1/complaints')
          .set('Authorization', `Bearer ${desk.agent.token}`)
          .set('Idempotency-Key', 'complaint-retry-1')
          .send(body)
          .expect(201);
      const first = await send();
      const again = await send();
      expect(again.body.id).toBe(first.body.id);
      expect(await t.dataSource.getRepository(ComplaintEntity).countBy({ description: '重复提交测试' })).toBe(
        1,
      );
    });
  });

  describe('the path end to end', () => {
    it('goes received → acknowledged → investigating → resolved → closed, each step recorded', async () => {
      const complaint = await received();
      t.clock.setTo(at(2));
      const acknowledged = await acknowledge(complaint);
      expect(acknowledged).toMatchObject({
        status: 'acknowledged',
        version: 2,
        acknowledgmentNote: '已致电客户致歉',
        acknowledgedOnTime: true,
      });
      t.clock.setTo(at(3));
      expect(await investigate(complaint)).toMatchObject({
        status: 'investigating',
        version: 3,
        investigationNote: '调取派工记录',
      });
      t.clock.setTo(at(48));
      const resolved = await resolve(complaint);
      expect(resolved).toMatchObject({
        status: 'resolved',
        version: 4,
        rootCause: '维修人员未按预约时间上门，且未提前告知客户',
        remedy: '经理上门致歉，免除本次上门费',
        correctiveAction: '改约须提前两小时电话告知客户，纳入网点月度考核',
        resolvedOnTime: true,
      });
      t.clock.setTo(at(50));
      const closed = await close(complaint);
      expect(closed).toMatchObject({
        status: 'closed',
        version: 5,
        customerAccepted: true,
        closingNote: '客户表示满意',
      });
      expect(new Date(closed.closedAt as string).getTime()).toBeGreaterThanOrEqual(at(50).getTime());

      const timeline = closed.timeline as TimelineView[];
      expect(
        timeline.map((entry) => [entry.action, entry.fromStatus, entry.toStatus, entry.actorName]),
      ).toEqual([
        ['receive', null, 'received', expect.any(String)],
        ['acknowledge', 'received', 'acknowledged', expect.any(String)],
        ['investigate', 'acknowledged', 'investigating', expect.any(String)],
        ['resolve', 'investigating', 'resolved', expect.any(String)],
        ['close', 'resolved', 'closed', expect.any(String)],
      ]);
      expect(timeline[3]?.summary).toBe(
        '根本原因：维修人员未按预约时间上门，且未提前告知客户；补救措施：经理上门致歉，免除本次上门费；纠正措施：改约须提前两小时电话告知客户，纳入网点月度考核',
      );
      expect(timeline[4]?.summary).toBe('客户接受处理结果：客户表示满意');
      const audit = await auditEntriesFor(t.dataSource, 'complaint', complaint.id);
      expect(audit.map((entry) => entry.action)).toEqual([
        'complaint.received',
        'complaint.acknowledge',
        'complaint.investigate',
        'complaint.resolve',
        'complaint.close',
      ]);
      expect(audit[4]?.changes).toMatchObject({
        status: { from: 'resolved', to: 'closed' },
        customerAccepted: true,
      });
      t.clock.setTo(T0);
    });

    it('closes with the customer not accepting only with what they said', async () => {
      const complaint = await received();
      await acknowledge(complaint);
      await investigate(complaint);
      await resolve(complaint);
      const refused = await as(desk.agent.token)
        .post(`/complaints/${complaint.id}/close`, { customerAccepted: false })
        .expect(400);
      expect(refused.body.details.fields).toEqual([
        { field: 'note', problems: ['note is required when the customer does not accept'] },
      ]);
      const closed = await close(complaint, {
        customerAccepted: false,
        note: '客户仍要求全额退款，已告知投诉渠道',
      });
      expect(closed).toMatchObject({ status: 'closed', customerAccepted: false });
    });

    it('asks for root cause, remedy and corrective action to resolve', async () => {
      const complaint = await received();
      await acknowledge(complaint);
      await investigate(complaint);
      const response = await as(desk.manager.token)
        .post(`/complaints/${complaint.id}/resolve`, { rootCause: '态度问题', remedy: '致歉' })
        .expect(400);
      expect(response.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'correctiveAction',
      ]);
      expect((await stored(complaint.id)).status).toBe('investigating');
    });
  });

  describe('refused transitions', () => {
    const refusedWith409 = async (
      complaint: ComplaintView,
      action: string,
      body: object,
      token: string,
    ): Promise<void> => {
      const before = await stored(complaint.id);
      const entries = (await historyOf(complaint.id)).length;
      const response = await as(token).post(`/complaints/${complaint.id}/${action}`, body).expect(409);
      expect(response.body.code).toBe('INVALID_TRANSITION');
      const after = await stored(complaint.id);
      expect([after.status, after.version, after.updatedAt]).toEqual([
        before.status,
        before.version,
        before.updatedAt,
      ]);
      expect(await historyOf(complaint.id)).toHaveLength(entries);
    };
    const RESOLVE_BODY = { rootCause: '原因', remedy: '补救', correctiveAction: '改进' };

    it('refuses to skip steps on a received complaint with 409, and nothing changes', async () => {
      const complaint = await received();
      await refusedWith409(complaint, 'investigate', {}, desk.manager.token);
      await refusedWith409(complaint, 'resolve', RESOLVE_BODY, desk.manager.token);
      await refusedWith409(complaint, 'close', { customerAccepted: true }, desk.agent.token);
    });

    it('refuses every action but none on a closed complaint with 409', async () => {
      const complaint = await received();
      await acknowledge(complaint);
      await investigate(complaint);
      await resolve(complaint);
      await close(complaint);
      await refusedWith409(complaint, 'acknowledge', {}, desk.agent.token);
      await refusedWith409(complaint, 'investigate', {}, desk.manager.token);
      await refusedWith409(complaint, 'resolve', RESOLVE_BODY, desk.manager.token);
      await refusedWith409(complaint, 'close', { customerAccepted: true }, desk.agent.token);
      await refusedWith409(complaint, 'escalate', { reason: '客户再次来电' }, desk.agent.token);
    });

    it('refuses acknowledging twice, and a stale expectedVersion with VERSION_CONFLICT', async () => {
      const complaint = await received();
      await acknowledge(complaint);
      await refusedWith409(complaint, 'acknowledge', {}, desk.manager.token);
      const stale = await as(desk.manager.token)
        .post(`/complaints/${complaint.id}/investigate`, { expectedVersion: 1 })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect((await stored(complaint.id)).status).toBe('acknowledged');
    });

    it('lets exactly one of two racing acknowledgments through', async () => {
      const complaint = await received();
      const answers = await Promise.all([
        as(desk.agent.token).post(`/complaints/${complaint.id}/acknowledge`, {}),
        as(desk.manager.token).post(`/complaints/${complaint.id}/acknowledge`, {}),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await historyOf(complaint.id)).filter((entry) => entry.action === 'acknowledge')).toHaveLength(
        1,
      );
    });
  });

  describe('who may do what', () => {
    it('lets agents and managers register, dispatchers and auditors read, and no one else in', async () => {
      const complaint = await received();
      const body = aboutTicket(resolvedTicket);
      await as(desk.dispatcher.token).post('/complaints', body).expect(403);
      await as(auditor).post('/complaints', body).expect(403);
      await as(desk.technician.token).get('/complaints').expect(403);
      await as(desk.technician.token).get(`/complaints/${complaint.id}`).expect(403);
      await as(desk.dispatcher.token).get(`/complaints/${complaint.id}`).expect(200);
      await as(auditor).get(`/complaints/${complaint.id}`).expect(200);
    });

    it('leaves investigating and resolving to managers; agents acknowledge, close and escalate', async () => {
      const complaint = await received();
      await as(auditor).post(`/complaints/${complaint.id}/acknowledge`, {}).expect(403);
      await acknowledge(complaint);
      const refused = await as(desk.agent.token)
        .post(`/complaints/${complaint.id}/investigate`, {})
        .expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await investigate(complaint);
      await as(desk.agent.token)
        .post(`/complaints/${complaint.id}/resolve`, { rootCause: 'a', remedy: 'b', correctiveAction: 'c' })
        .expect(403);
      expect((await stored(complaint.id)).status).toBe('investigating');
    });

    it("shows an outlet's users only their outlet's complaints", async () => {
      const outletId = desk.technician.outletId;
      const elsewhere = await createOutlet(t.dataSource);
      const outletAgent = await session(t, ['agent'], { outletId });
      const otherAgent = await session(t, ['agent'], { outletId: elsewhere.id });
      const customer = await createCustomer(t.dataSource, { outletId, name: '赵强' });
      const own = await complain(outletAgent.token, {
        customerId: customer.id,
        channel: 'walk_in',
        category: 'quality',
        severity: 'normal',
        description: '维修后一周又出现同样故障',
      });
      // An outlet's user keeps the complaint in their own outlet, so that they can still see it.
      expect(own.outlet).toMatchObject({ id: outletId });
      await as(otherAgent.token).get(`/complaints/${own.id}`).expect(404);
      await as(otherAgent.token).post(`/complaints/${own.id}/acknowledge`, {}).expect(404);
      const theirs = await as(otherAgent.token).get('/complaints?pageSize=200').expect(200);
      expect((theirs.body.items as { id: string }[]).map((item) => item.id)).not.toContain(own.id);
      const mine = await as(outletAgent.token).get('/complaints?pageSize=200').expect(200);
      const ids = (mine.body.items as { id: string; outlet: { id: string } | null }[]).map((item) => item.id);
      expect(ids).toContain(own.id);
      expect(
        (mine.body.items as { outlet: { id: string } | null }[]).every(
          (item) => item.outlet?.id === outletId,
        ),
      ).toBe(true);
      // Another outlet's customer cannot be complained for.
      const refused = await as(otherAgent.token)
        .post('/complaints', {
          customerId: customer.id,
          channel: 'phone',
          category: 'other',
          severity: 'normal',
          description: 'x',
        })
        .expect(400);
      expect(refused.body.details.fields).toEqual([
        { field: 'customerId', problems: ['must be an existing customer'] },
      ]);
    });
  });

  describe('major complaints and manual escalation', () => {
    let outletManager: string;

    beforeAll(async () => {
      const outletId = desk.technician.outletId;
      const elsewhere = await createOutlet(t.dataSource);
      await t.createUser(['manager'], { email: 'hq-manager@example.com', displayName: '王建国' });
      outletManager = 'outlet-manager@example.com';
      await t.createUser(['manager'], { email: outletManager, displayName: '孙丽', outletId });
      await t.createUser(['manager'], { email: 'elsewhere-manager@example.com', outletId: elsewhere.id });
      await t.createUser(['manager'], { email: 'former-manager@example.com', disabled: true });
      await t.createUser(['agent'], { email: 'agent@example.com' });
    });

    it('mails the managers who may see it at once when a major complaint is registered, and records it', async () => {
      const complaint = await received({
        severity: 'major',
        description: '维修人员与客户发生争执并损坏家具',
      });
      const mails = await mailsAbout(complaint.id);
      expect(mails.map((mail) => mail.recipient).sort()).toEqual(['hq-manager@example.com', outletManager]);
      expect(mails.every((mail) => mail.template === 'complaint-major' && mail.status === 'queued')).toBe(
        true,
      );
      expect(mails[0]?.subject).toBe(`【售后服务系统】重大投诉 ${complaint.number}：服务态度`);
      expect(mails[0]?.body).toContain('维修人员与客户发生争执并损坏家具');
      expect(mails[0]?.body).toContain(resolvedTicket.number);
      expect((complaint.timeline as TimelineView[])[0]?.summary).toBe(
        '通过电话受理，类别：服务态度，重大投诉，已通知经理 2 人',
      );
      const [entry] = await auditEntriesFor(t.dataSource, 'complaint', complaint.id);
      expect(entry?.changes).toMatchObject({ severity: 'major', managersNotified: 2 });
    });

    it('mails no one at registration for a normal complaint', async () => {
      const complaint = await received();
      expect(await mailsAbout(complaint.id)).toEqual([]);
    });

    it('escalates by hand once per step, with the reason, to the managers', async () => {
      const complaint = await received();
      const escalated = await step(
        complaint,
        'escalate',
        { reason: '客户情绪激动，要求经理出面' },
        desk.agent.token,
      );
      expect(escalated.status).toBe('received');
      expect(escalated.escalations).toEqual([
        expect.objectContaining({
          step: 'acknowledge',
          trigger: 'manual',
          reason: '客户情绪激动，要求经理出面',
          dueAt: complaint.acknowledgeDueAt,
          notified: 2,
          actor: { id: desk.agent.id, name: expect.any(String) },
        }),
      ]);
      const timeline = escalated.timeline as TimelineView[];
      expect(timeline.at(-1)).toMatchObject({
        action: 'escalate',
        title: '升级',
        summary: '人工升级至经理（原因：客户情绪激动，要求经理出面），已通知经理 2 人',
      });
      const mails = await mailsAbout(complaint.id);
      expect(mails.map((mail) => mail.recipient).sort()).toEqual(['hq-manager@example.com', outletManager]);
      expect(mails[0]?.subject).toBe(`【售后服务系统】投诉升级：${complaint.number}`);
      expect(mails[0]?.body).toContain('原因：客户情绪激动，要求经理出面');

      const again = await as(desk.manager.token)
        .post(`/complaints/${complaint.id}/escalate`, { reason: '再次升级' })
        .expect(409);
      expect(again.body.code).toBe('CONFLICT');
      expect(await mailsAbout(complaint.id)).toHaveLength(2);
      expect((await stored(complaint.id)).version).toBe(escalated.version);

      // Acknowledged, the complaint waits on its resolution: that step may be escalated once too.
      await acknowledge(complaint);
      const later = await step(complaint, 'escalate', { reason: '三天无进展' }, desk.manager.token);
      expect((later.escalations as { step: string }[]).map((e) => e.step)).toEqual([
        'acknowledge',
        'resolve',
      ]);
      const audit = await auditEntriesFor(t.dataSource, 'complaint', complaint.id);
      expect(audit.filter((entry) => entry.action === 'complaint.escalated')).toHaveLength(2);
    });

    it('refuses a manual escalation without a reason', async () => {
      const complaint = await received();
      const response = await as(desk.agent.token)
        .post(`/complaints/${complaint.id}/escalate`, {})
        .expect(400);
      expect(response.body.details.fields[0].field).toBe('reason');
    });
  });

  describe('the list', () => {
    it('filters by status, severity, category, customer, ticket, outlet and overdue', async () => {
      const customer = await createCustomer(t.dataSource, { name: '周敏' });
      const base = {
        customerId: customer.id,
        channel: 'email',
        category: 'timeliness',
        severity: 'normal',
        description: '等了三天没人联系',
      };
      t.clock.setTo(at(-30));
      const late = await complain(desk.agent.token, base);
      t.clock.setTo(T0);
      const fresh = await complain(desk.agent.token, { ...base, category: 'charges', severity: 'major' });
      const acknowledged = await complain(desk.agent.token, base);
      await acknowledge(acknowledged);
      const ids = async (query: string) => {
        const response = await as(desk.manager.token)
          .get(`/complaints?customerId=${customer.id}&${query}`)
          .expect(200);
        return (response.body.items as { id: string }[]).map((item) => item.id).sort();
      };
      expect(await ids('')).toEqual([late.id, fresh.id, acknowledged.id].sort());
      expect(await ids('status=received')).toEqual([late.id, fresh.id].sort());
      expect(await ids('status=acknowledged,closed')).toEqual([acknowledged.id]);
      expect(await ids('severity=major')).toEqual([fresh.id]);
      expect(await ids('category=timeliness')).toEqual([late.id, acknowledged.id].sort());
      expect(await ids('overdue=true')).toEqual([late.id]);
      expect(await ids('overdue=false')).toEqual([fresh.id, acknowledged.id].sort());
      expect(await ids(`outletId=${desk.technician.outletId}`)).toEqual([]);

      const byTicket = await as(desk.manager.token).get(
        `/complaints?ticketId=${resolvedTicket.id}&pageSize=200`,
      );
      expect(
        (byTicket.body.items as { ticket: { id: string } }[]).every(
          (item) => item.ticket.id === resolvedTicket.id,
        ),
      ).toBe(true);
      const listed = (await as(desk.manager.token).get(`/complaints?customerId=${customer.id}&overdue=true`))
        .body;
      expect(listed).toMatchObject({
        total: 1,
        page: 1,
        pageSize: 50,
        items: [{ id: late.id, overdue: true }],
      });
      await as(desk.manager.token).get('/complaints?status=lost&overdue=maybe').expect(400);
    });
  });

  describe('as evidence', () => {
    let closed: ComplaintView;

    beforeAll(async () => {
      t.clock.setTo(T0);
      const complaint = await received({ severity: 'major', description: '上门维修后地板被划伤，要求赔偿' });
      t.clock.setTo(at(30));
      await acknowledge(complaint);
      await investigate(complaint);
      await resolve(complaint);
      closed = await close(complaint, { customerAccepted: true, note: '客户接受赔偿方案' });
      t.clock.setTo(T0);
    });

    const form = (id: string, token: string, lang?: string) =>
      t
        .http()
        .get(`/api/v1/evidence/forms/complaints/${id}${lang ? `?lang=${lang}` : ''}`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
    const textOf = async (body: Buffer) => (await pdfParse(body)).text.replace(/\s+/g, '');

    it('prints the 投诉记录 form with deadlines met or missed, conclusions and history, audit-logged', async () => {
      const response = await form(closed.id, hqManager.token).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await textOf(response.body as Buffer);
      for (const expected of [
        '投诉记录',
        closed.number,
        '一、投诉信息',
        '服务态度',
        '重大',
        '上门维修后地板被划伤，要求赔偿',
        resolvedTicket.number,
        '确认时限',
        '超时',
        '按时',
        '维修人员未按预约时间上门，且未提前告知客户',
        '改约须提前两小时电话告知客户，纳入网点月度考核',
        '客户是否接受',
        '客户接受赔偿方案',
        '五、处理过程',
        '投诉受理',
        '第1页/共',
      ]) {
        expect(text).toContain(expected);
      }
      const entries = await auditEntriesFor(t.dataSource, 'complaint', closed.id);
      expect(entries.at(-1)).toMatchObject({
        action: 'evidence.form_printed',
        changes: { form: 'complaint-record', language: 'zh' },
      });
    });

    it('prints in English on request, to auditors, and not to agents', async () => {
      const text = await textOf((await form(closed.id, auditor, 'en').expect(200)).body as Buffer);
      expect(text).toContain('Complaintrecord');
      expect(text).toContain('Attitude');
      await form(closed.id, desk.agent.token).expect(403);
    });

    it('is printed into the audit pack through the registered form', async () => {
      const packForm = t.app.get(EvidenceForms).find('complaints');
      expect(packForm).toBeDefined();
      const printed = await packForm!.render(closed.id, 'zh', new Date());
      const chunks: Buffer[] = [];
      for await (const chunk of printed.content) chunks.push(chunk as Buffer);
      expect(printed.number).toBe(closed.number);
      expect(await textOf(Buffer.concat(chunks))).toContain('投诉记录');
    });

    it('lists the complaints received in the period with every field, the on-time flags and acceptance', async () => {
      const source = t.app.get(EvidenceSources).find('complaints');
      expect(source).toBeDefined();
      const period = { from: '2026-06-15', to: '2026-06-15' };
      const rows: Record<string, unknown>[] = [];
      for await (const row of source!.rows(period)) rows.push(row);
      expect(rows).toHaveLength(await source!.count(period));
      expect(rows.map((row) => row.number)).toContain('CP2026-000001');
      const row = rows.find((candidate) => candidate.id === closed.id);
      expect(row).toMatchObject({
        number: closed.number,
        channel: 'phone',
        category: 'attitude',
        severity: 'major',
        customerName: '王芳',
        ticketNumber: resolvedTicket.number,
        technicianName: '张伟',
        description: '上门维修后地板被划伤，要求赔偿',
        acknowledgedOnTime: false,
        resolvedOnTime: true,
        rootCause: '维修人员未按预约时间上门，且未提前告知客户',
        remedy: '经理上门致歉，免除本次上门费',
        correctiveAction: '改约须提前两小时电话告知客户，纳入网点月度考核',
        customerAccepted: true,
        status: 'closed',
      });
      const open = rows.find((candidate) => candidate.status === 'received');
      expect(open).toMatchObject({ acknowledgedOnTime: null, resolvedOnTime: null, customerAccepted: null });
      // Received the day before: another period's.
      const earlier: unknown[] = [];
      for await (const r of source!.rows({ from: '2026-06-16', to: '2026-06-30' })) earlier.push(r);
      expect(earlier).toEqual([]);
    });
  });
});
