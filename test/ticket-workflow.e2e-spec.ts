import type { TicketStatus } from '../src/tickets/domain/ticket-fields';
import { attachmentOn } from './factories/attachments';
import { createAsset, createCustomer, createOutlet, createProduct } from './factories/registers';
import {
  ACTION_PATHS,
  type ActionName,
  type Session,
  type Technician,
  type TicketDesk,
  act,
  api,
  createCustomerWithUnit,
  createTechnician,
  createTicketDesk,
  reportTicket,
  session,
  ticketInState,
  validActionBody,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;
/** A company-zone morning every scenario starts from (the clock ticks on from wherever it is set). */
const MORNING = '2026-06-15T09:00:00+08:00';
const at = (iso: string, plusMs: number) => new Date(new Date(iso).getTime() + plusMs).toISOString();
const ms = (iso: string) => new Date(iso).getTime();
/** Minutes as the timeline shows them in the company zone (UTC+8, no daylight saving). */
const shanghai = (iso: string) => new Date(ms(iso) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

/** Where each action may start (SPEC §3.1), written out here so that a wrong workflow table fails. */
const ALLOWED_FROM: Record<ActionName, readonly TicketStatus[]> = {
  dispatch: ['reported', 'reopened', 'dispatched', 'accepted'],
  accept: ['dispatched'],
  reschedule: ['accepted'],
  check_in: ['accepted'],
  diagnose: ['on_site'],
  log_work: ['on_site', 'diagnosed'],
  take_back: ['on_site', 'diagnosed'],
  resolve: ['diagnosed', 'taken_back'],
  hold: ['accepted', 'on_site', 'diagnosed', 'taken_back'],
  resume: ['on_hold'],
  close: ['resolved'],
  cancel: ['reported', 'dispatched', 'accepted', 'reopened'],
  reopen: ['resolved', 'closed'],
};
const STATES: readonly TicketStatus[] = [
  'reported',
  'dispatched',
  'accepted',
  'on_site',
  'diagnosed',
  'taken_back',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
  'reopened',
];
/** Actions only the assigned technician takes: on an unassigned ticket they are 404, not 409. */
const TECHNICIAN_ONLY: readonly ActionName[] = ['accept', 'check_in', 'diagnose', 'log_work', 'take_back'];
/** States with no technician on the job: before the first dispatch, and reopened until dispatched again. */
const UNASSIGNED: readonly TicketStatus[] = ['reported', 'reopened'];

describe('ticket workflow (报修 → 派单 → 上门 → 维修 → 完工)', () => {
  let t: TestApp;
  let desk: TicketDesk;

  const row = async (id: string): Promise<{ status: string; version: number }> =>
    (await t.dataSource.query(`SELECT status, version FROM tickets WHERE id = $1`, [id]))[0];
  const historyCount = async (id: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket_history WHERE ticket_id = $1`, [id]))[0]
      .n;
  const auditCount = async (id: string) => (await auditEntriesFor(t.dataSource, 'ticket', id)).length;
  const detail = async (id: string) =>
    (await api(t, desk.manager.token).get(`/tickets/${id}`).expect(200)).body;
  const post = (token: string, id: string, action: ActionName, body: object) =>
    api(t, token).post(`/tickets/${id}/${ACTION_PATHS[action]}`, body);
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();

  const createPart = async (fields: {
    code: string;
    name: string;
    category: string;
    price: number;
    labour: number;
  }) =>
    (
      await api(t, desk.manager.token)
        .post('/parts', {
          code: fields.code,
          name: fields.name,
          productCategory: fields.category,
          unitPrice: fields.price,
          labourFee: fields.labour,
        })
        .expect(201)
    ).body as { id: string };

  const uploadSignature = async (ticketId: string, token: string) =>
    (
      await t
        .http()
        .post('/api/v1/attachments')
        .set('Authorization', `Bearer ${token}`)
        .field('ownerType', 'ticket')
        .field('ownerId', ticketId)
        .field('purpose', 'signature')
        .attach('file', Buffer.from('\x89PNG\r\n\x1a\n签名'), {
          filename: '客户签名.png',
          contentType: 'image/png',
        })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(MORNING);
    desk = await createTicketDesk(t);
  });
  afterAll(() => t.close());

  describe('paths through the workflow', () => {
    it('goes from intake to close with the right roles, and the ticket reads as its whole story', async () => {
      t.clock.setTo(MORNING);
      const capacitor = await createPart({
        code: 'HP-CAP-01',
        name: '启动电容',
        category: '空调',
        price: 35.5,
        labour: 20,
      });
      const { customer, asset } = await createCustomerWithUnit(t);
      const reportedElsewhere = await reportTicket(t, desk.agent.token);
      const reported = await reportTicket(t, desk.agent.token, {
        customerId: customer.id,
        serialNumber: asset.serialNumber,
        fault: '不制冷',
        channel: 'phone',
        priority: 'high',
      });
      expect(reported).toMatchObject({ status: 'reported', version: 1, warrantyStatus: 'in_warranty' });
      expect(reported.number).toMatch(/^RT2026-\d{6}$/);
      const id = reported.id;

      const dispatched = await post(desk.dispatcher.token, id, 'dispatch', {
        technicianId: desk.technician.id,
        expectedVersion: 1,
      }).expect(200);
      expect(dispatched.body).toMatchObject({
        status: 'dispatched',
        version: 2,
        technician: { id: desk.technician.id, name: '张伟' },
        outlet: { id: desk.technician.outletId },
      });
      await post(desk.technician.token, id, 'accept', {
        appointmentAt: '2026-06-15T14:00:00+08:00',
      }).expect(200);
      t.clock.setTo('2026-06-15T14:05:00+08:00');
      await post(desk.technician.token, id, 'check_in', {}).expect(200);
      await post(desk.technician.token, id, 'diagnose', {
        cause: 'product_fault',
        diagnosis: '压缩机启动电容损坏',
      }).expect(200);
      t.clock.setTo('2026-06-15T15:00:00+08:00');
      const logged = await post(desk.technician.token, id, 'log_work', {
        startedAt: '2026-06-15T14:10:00+08:00',
        endedAt: '2026-06-15T14:50:00+08:00',
        description: '更换启动电容，试机正常',
        parts: [{ partId: capacitor.id, quantity: 2 }],
      }).expect(201);
      expect(logged.body.status).toBe('diagnosed');
      const signature = await uploadSignature(id, desk.technician.token);
      const resolution = {
        outcome: '更换电容后制冷恢复正常',
        customerName: '王芳',
        confirmedAt: '2026-06-15T14:55:00+08:00',
      };
      // A signature filed on another record is not this customer's confirmation.
      const elsewhere = await attachmentOn(t.dataSource, 'ticket', reportedElsewhere.id, desk.agent.id);
      const wrongFile = await post(desk.technician.token, id, 'resolve', {
        ...resolution,
        signatureAttachmentId: elsewhere.id,
      }).expect(400);
      expect(fieldsOf(wrongFile.body)).toEqual(['signatureAttachmentId']);
      await post(desk.technician.token, id, 'resolve', {
        ...resolution,
        signatureAttachmentId: signature.id,
      }).expect(200);
      t.clock.setTo('2026-06-18T10:00:00+08:00');
      await post(desk.manager.token, id, 'close', { reason: '回访满意' }).expect(200);

      const ticket = await detail(id);
      expect(ticket).toMatchObject({
        status: 'closed',
        version: 8,
        cause: 'product_fault',
        outcome: '更换电容后制冷恢复正常',
        chargeTotal: 0,
        confirmation: {
          customerName: '王芳',
          confirmedAt: '2026-06-15T06:55:00.000Z',
          signatureAttachmentId: signature.id,
        },
        charges: {
          basis: 'free_in_warranty',
          lines: [
            {
              partId: capacitor.id,
              code: 'HP-CAP-01',
              name: '启动电容',
              quantity: 2,
              unitPrice: 35.5,
              labourFee: 20,
              partsAmount: 71,
              labourAmount: 40,
            },
          ],
          partsTotal: 71,
          labourTotal: 40,
          total: 0,
        },
        workLogs: [
          {
            technicianId: desk.technician.id,
            startedAt: '2026-06-15T06:10:00.000Z',
            endedAt: '2026-06-15T06:50:00.000Z',
            description: '更换启动电容，试机正常',
            parts: [{ partId: capacitor.id, code: 'HP-CAP-01', quantity: 2, unitPrice: 35.5, labourFee: 20 }],
          },
        ],
      });
      expect(ticket.appointmentAt).toBe('2026-06-15T06:00:00.000Z');
      expect(ms(ticket.closedAt)).toBeGreaterThanOrEqual(ms('2026-06-18T10:00:00+08:00'));

      const timeline = ticket.timeline as {
        action: string;
        title: string;
        summary: string;
        actorId: string;
        at: string;
        reason: string | null;
        fromStatus: string | null;
        toStatus: string;
      }[];
      expect(timeline.map((e) => [e.action, e.title, e.actorId, e.fromStatus, e.toStatus])).toEqual([
        ['report', '报修登记', desk.agent.id, null, 'reported'],
        ['dispatch', '派单', desk.dispatcher.id, 'reported', 'dispatched'],
        ['accept', '接单', desk.technician.id, 'dispatched', 'accepted'],
        ['check_in', '到场签到', desk.technician.id, 'accepted', 'on_site'],
        ['diagnose', '故障诊断', desk.technician.id, 'on_site', 'diagnosed'],
        ['log_work', '维修记录', desk.technician.id, 'diagnosed', 'diagnosed'],
        ['resolve', '完工确认', desk.technician.id, 'diagnosed', 'resolved'],
        ['close', '关闭', desk.manager.id, 'resolved', 'closed'],
      ]);
      const times = timeline.map((e) => ms(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(ms(MORNING));
      expect(times[7]).toBeGreaterThanOrEqual(ms('2026-06-18T10:00:00+08:00'));
      expect(timeline.map((e) => e.summary)).toEqual([
        '通过电话报修，优先级：高',
        '派给 张伟',
        '已联系客户，预约上门时间 2026-06-15 14:00',
        expect.stringMatching(/^到达现场 2026-06-15 14:05$/),
        '产品故障：压缩机启动电容损坏',
        '2026-06-15 14:10 至 2026-06-15 14:50：更换启动电容，试机正常；用料：启动电容×2',
        '更换电容后制冷恢复正常；客户 王芳 于 2026-06-15 14:55 确认；费用 ¥0.00（保修期内免费）',
        '回访满意',
      ]);
      expect(timeline[7]?.reason).toBe('回访满意');

      const audit = await auditEntriesFor(t.dataSource, 'ticket', id);
      expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
        ['ticket.reported', desk.agent.id],
        ['ticket.dispatch', desk.dispatcher.id],
        ['ticket.accept', desk.technician.id],
        ['ticket.check_in', desk.technician.id],
        ['ticket.diagnose', desk.technician.id],
        ['ticket.log_work', desk.technician.id],
        ['ticket.resolve', desk.technician.id],
        ['ticket.close', desk.manager.id],
      ]);
      expect(audit[7]?.changes).toMatchObject({
        status: { from: 'resolved', to: 'closed' },
        reason: '回访满意',
      });
    });

    it('takes the goods back to the depot, and the service manager resolves the repair there', async () => {
      t.clock.setTo(MORNING);
      const diagnosed = await ticketInState(t, desk, 'diagnosed');
      const taken = await post(desk.technician.token, diagnosed.id, 'take_back', {
        items: [
          {
            description: '室外机主板',
            serialNumber: ' mb-2026-01 ',
            condition: '外壳有划痕',
            accessories: '无',
          },
          { description: '遥控器' },
        ],
        reason: '现场无法检测主板',
      }).expect(200);
      expect(taken.body).toMatchObject({
        status: 'taken_back',
        takenBackItems: [
          {
            description: '室外机主板',
            serialNumber: 'MB-2026-01',
            condition: '外壳有划痕',
            accessories: '无',
          },
          { description: '遥控器', serialNumber: null, condition: null, accessories: null },
        ],
      });
      expect(taken.body.takenBackAt).not.toBeNull();
      // Its goods are traced as returned goods, and go back to the customer before the repair is resolved.
      const goods = (await api(t, desk.manager.token).get(`/returns?ticketId=${diagnosed.id}`).expect(200))
        .body.items as { id: string }[];
      expect(goods).toHaveLength(1);
      const clerk = await session(t, ['returns_clerk']);
      await api(t, clerk.token)
        .post(`/returns/${goods[0]?.id}/inspect`, { finding: 'product_fault' })
        .expect(200);
      await api(t, clerk.token)
        .post(`/returns/${goods[0]?.id}/return-to-customer`, { method: 'delivery', receivedByName: '王芳' })
        .expect(200);
      // The repair is finished at the depot, so the service manager confirms it.
      const resolved = await post(desk.manager.token, diagnosed.id, 'resolve', {
        outcome: '更换主板，返厂检测合格',
        customerName: '王芳',
        confirmedAt: t.clock.now().toISOString(),
      }).expect(200);
      expect(resolved.body.status).toBe('resolved');
      const timeline = resolved.body.timeline as {
        action: string;
        summary: string;
        actorId: string;
        reason: string;
      }[];
      expect(timeline.map((e) => e.action)).toEqual([
        'report',
        'dispatch',
        'accept',
        'check_in',
        'diagnose',
        'take_back',
        'resolve',
      ]);
      expect(timeline[5]).toMatchObject({
        summary: '带回 2 件：室外机主板、遥控器（原因：现场无法检测主板）',
        reason: '现场无法检测主板',
        actorId: desk.technician.id,
      });
      expect(timeline[6]).toMatchObject({ actorId: desk.manager.id });
    });

    it('reopens a resolved ticket with a reason and dispatches it again', async () => {
      t.clock.setTo(MORNING);
      const resolved = await ticketInState(t, desk, 'resolved');
      const other = await createTechnician(t, { displayName: '李强' });
      await post(desk.manager.token, resolved.id, 'reopen', { reason: '  ' }).expect(400);
      const reopened = await post(desk.agent.token, resolved.id, 'reopen', {
        reason: '回访发现故障复发',
      }).expect(200);
      // The job leaves the technician until it is dispatched again.
      expect(reopened.body).toMatchObject({
        status: 'reopened',
        reopenCount: 1,
        resolvedAt: null,
        closedAt: null,
        technician: null,
      });
      await api(t, desk.technician.token).get(`/tickets/${resolved.id}`).expect(404);
      const again = await post(desk.dispatcher.token, resolved.id, 'dispatch', {
        technicianId: other.id,
      }).expect(200);
      expect(again.body).toMatchObject({ status: 'dispatched', technician: { id: other.id, name: '李强' } });
      const timeline = again.body.timeline as {
        action: string;
        title: string;
        summary: string;
        reason: string;
      }[];
      expect(timeline.slice(-2)).toMatchObject([
        { action: 'reopen', title: '重新打开', reason: '回访发现故障复发', summary: '回访发现故障复发' },
        { action: 'dispatch', title: '派单', summary: '派给 李强' },
      ]);
      await post(other.token, resolved.id, 'accept', validActionBody(t, 'accept', resolved, '')).expect(200);
    });

    it('cancels a reported ticket with the reason', async () => {
      t.clock.setTo(MORNING);
      const reported = await reportTicket(t, desk.agent.token);
      await post(desk.agent.token, reported.id, 'cancel', {}).expect(400);
      const cancelled = await post(desk.agent.token, reported.id, 'cancel', {
        reason: '客户自行解决',
      }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 2 });
      expect(cancelled.body.cancelledAt).not.toBeNull();
      expect(cancelled.body.timeline.at(-1)).toMatchObject({
        action: 'cancel',
        title: '取消',
        summary: '客户自行解决',
        reason: '客户自行解决',
        actorId: desk.agent.id,
      });
      const audit = await auditEntriesFor(t.dataSource, 'ticket', reported.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'ticket.cancel',
        changes: { status: { from: 'reported', to: 'cancelled' }, reason: '客户自行解决' },
      });
    });
  });

  describe('refused transitions', () => {
    /** The non-technician role where the action has one, so that assignment never decides the answer. */
    const actorOf = (action: ActionName): Session => {
      switch (action) {
        case 'dispatch':
        case 'reschedule':
        case 'hold':
        case 'resume':
          return desk.dispatcher;
        case 'resolve':
        case 'close':
        case 'reopen':
          return desk.manager;
        case 'cancel':
          return desk.agent;
        case 'accept':
        case 'check_in':
        case 'diagnose':
        case 'log_work':
        case 'take_back':
          return desk.technician;
      }
    };

    it('answers every action not allowed from a state with 409 INVALID_TRANSITION and changes nothing', async () => {
      t.clock.setTo(MORNING);
      const unexpected: string[] = [];
      let checked = 0;
      for (const state of STATES) {
        const ticket = await ticketInState(t, desk, state);
        const before = await row(ticket.id);
        expect(before.status).toBe(state);
        const history = await historyCount(ticket.id);
        const audit = await auditCount(ticket.id);
        for (const action of Object.keys(ACTION_PATHS) as ActionName[]) {
          if (ALLOWED_FROM[action].includes(state)) continue;
          if (UNASSIGNED.includes(state) && TECHNICIAN_ONLY.includes(action)) continue;
          checked += 1;
          const body = validActionBody(t, action, ticket, desk.technician.id);
          const response = await post(actorOf(action).token, ticket.id, action, body);
          if (response.status !== 409 || response.body.code !== 'INVALID_TRANSITION') {
            unexpected.push(`${state} ${action}: ${response.status} ${JSON.stringify(response.body)}`);
          }
          const after = await row(ticket.id);
          if (after.status !== before.status || after.version !== before.version) {
            unexpected.push(`${state} ${action}: ticket became ${after.status} v${after.version}`);
          }
          if ((await historyCount(ticket.id)) !== history)
            unexpected.push(`${state} ${action}: history added`);
          if ((await auditCount(ticket.id)) !== audit) unexpected.push(`${state} ${action}: audit added`);
        }
      }
      expect(unexpected).toEqual([]);
      // 11 states × 13 actions, less the 26 allowed pairs and 2 × 5 technician actions on unassigned tickets.
      expect(checked).toBe(107);
    });

    it('says in the refusal what was tried from which state', async () => {
      t.clock.setTo(MORNING);
      const reported = await reportTicket(t, desk.agent.token);
      const response = await post(desk.manager.token, reported.id, 'close', { reason: '无' }).expect(409);
      expect(response.body).toMatchObject({
        statusCode: 409,
        code: 'INVALID_TRANSITION',
        details: { action: 'close', status: 'reported', allowedFrom: ['resolved'] },
      });
    });
  });

  describe('concurrent changes', () => {
    it('lets exactly one of two racing dispatches with the same expectedVersion win', async () => {
      t.clock.setTo(MORNING);
      const second = await createTechnician(t, { displayName: '李强' });
      for (let round = 0; round < 5; round += 1) {
        const ticket = await reportTicket(t, desk.agent.token);
        const [a, b] = await Promise.all(
          [desk.technician, second].map((technician) =>
            post(desk.dispatcher.token, ticket.id, 'dispatch', {
              technicianId: technician.id,
              expectedVersion: 1,
            }),
          ),
        );
        const answers = [a, b].map((response) => response?.status).sort();
        expect(answers).toEqual([200, 409]);
        const [winner, loser] = a?.status === 200 ? [a, b] : [b, a];
        expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(loser?.body.code);
        expect(await row(ticket.id)).toEqual({ status: 'dispatched', version: 2 });
        const current = await detail(ticket.id);
        expect(current.technician.id).toBe(winner?.body.technician.id);
        expect(current.timeline.filter((e: { action: string }) => e.action === 'dispatch')).toHaveLength(1);
        const audit = await auditEntriesFor(t.dataSource, 'ticket', ticket.id);
        expect(audit.map((entry) => entry.action)).toEqual(['ticket.reported', 'ticket.dispatch']);
      }
    });

    it('refuses a stale expectedVersion with 409 VERSION_CONFLICT and changes nothing', async () => {
      t.clock.setTo(MORNING);
      const dispatched = await ticketInState(t, desk, 'dispatched');
      const response = await post(desk.dispatcher.token, dispatched.id, 'dispatch', {
        technicianId: desk.technician.id,
        reason: '重新派单',
        expectedVersion: 1,
      }).expect(409);
      expect(response.body).toMatchObject({ code: 'VERSION_CONFLICT' });
      await post(desk.technician.token, dispatched.id, 'accept', {
        ...validActionBody(t, 'accept', dispatched, ''),
        expectedVersion: 1,
      }).expect(409);
      expect(await row(dispatched.id)).toEqual({ status: 'dispatched', version: 2 });
      expect(await historyCount(dispatched.id)).toBe(2);
      await post(desk.technician.token, dispatched.id, 'accept', {
        ...validActionBody(t, 'accept', dispatched, ''),
        expectedVersion: 2,
      }).expect(200);
    });
  });

  describe('holds', () => {
    it('pauses the resolve clock: the deadline moves by the time on hold, and holds add up', async () => {
      const start = '2026-06-15T09:00:00+08:00';
      t.clock.setTo(start);
      const accepted = await ticketInState(t, desk, 'accepted', { reportedAt: start, priority: 'normal' });
      const reported = await detail(accepted.id);
      const planned = ms(reported.plannedResolveDueAt);
      expect(planned).toBe(ms(start) + 72 * HOUR);
      expect(reported.resolveDueAt).toBe(reported.plannedResolveDueAt);

      t.clock.setTo(at(start, 1 * HOUR));
      const held = await post(desk.technician.token, accepted.id, 'hold', {
        reason: 'awaiting_parts',
        note: '压缩机需向厂家订货',
      }).expect(200);
      expect(held.body).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_parts' });
      t.clock.setTo(at(start, 4 * HOUR));
      const resumed = await post(desk.dispatcher.token, accepted.id, 'resume', {}).expect(200);
      expect(resumed.body).toMatchObject({ status: 'accepted', holdReason: null, heldSince: null });
      const [firstHold] = resumed.body.holds;
      expect(firstHold).toMatchObject({ reason: 'awaiting_parts', note: '压缩机需向厂家订货' });
      const firstSpan = ms(firstHold.endedAt) - ms(firstHold.startedAt);
      expect(Math.abs(ms(firstHold.startedAt) - ms(at(start, HOUR)))).toBeLessThan(2000);
      expect(Math.abs(firstSpan - 3 * HOUR)).toBeLessThan(2000);
      expect(ms(resumed.body.resolveDueAt) - planned).toBe(firstSpan);
      expect(resumed.body.plannedResolveDueAt).toBe(reported.plannedResolveDueAt);
      expect(resumed.body.timeline.at(-1)).toMatchObject({
        action: 'resume',
        summary: `挂起 3 小时 0 分，修复时限顺延至 ${shanghai(resumed.body.resolveDueAt)}`,
      });
      // The resolve deadline gets a new check at its new time.
      const checks = await t.dataSource.query(
        `SELECT run_at AS "runAt" FROM outbox WHERE topic = 'ticket.deadline-check'
           AND payload->>'ticketId' = $1 AND payload->>'deadline' = 'resolve' ORDER BY id`,
        [accepted.id],
      );
      expect(checks.map((c: { runAt: Date }) => c.runAt.toISOString())).toEqual([
        reported.plannedResolveDueAt,
        resumed.body.resolveDueAt,
      ]);

      t.clock.setTo(at(start, 5 * HOUR));
      expect((await detail(accepted.id)).elapsed).toEqual({
        rawMinutes: 300,
        pausedMinutes: 180,
        netMinutes: 120,
      });

      await post(desk.dispatcher.token, accepted.id, 'hold', { reason: 'awaiting_customer' }).expect(200);
      t.clock.setTo(at(start, 6 * HOUR));
      // While on hold the paused time runs up to now.
      expect((await detail(accepted.id)).elapsed).toEqual({
        rawMinutes: 360,
        pausedMinutes: 240,
        netMinutes: 120,
      });
      t.clock.setTo(at(start, 7 * HOUR));
      const again = await post(desk.technician.token, accepted.id, 'resume', { note: '客户已回家' }).expect(
        200,
      );
      const spans = (again.body.holds as { startedAt: string; endedAt: string }[]).map(
        (hold) => ms(hold.endedAt) - ms(hold.startedAt),
      );
      expect(again.body.holds).toMatchObject([
        { reason: 'awaiting_parts' },
        { reason: 'awaiting_customer', note: null },
      ]);
      expect(Math.abs((spans[1] ?? 0) - 2 * HOUR)).toBeLessThan(2000);
      expect(ms(again.body.resolveDueAt) - planned).toBe((spans[0] ?? 0) + (spans[1] ?? 0));

      t.clock.setTo(at(start, 8 * HOUR));
      expect((await detail(accepted.id)).elapsed).toEqual({
        rawMinutes: 480,
        pausedMinutes: 300,
        netMinutes: 180,
      });
      // The list shows the same raw and net time, for reports.
      const listed = await t
        .http()
        .get(`/api/v1/tickets?q=${encodeURIComponent(reported.number)}`)
        .set('Authorization', `Bearer ${desk.manager.token}`)
        .expect(200);
      expect(listed.body.items[0].elapsed).toEqual({ rawMinutes: 480, pausedMinutes: 300, netMinutes: 180 });
    });
  });

  describe('charges from the fee list', () => {
    let capacitor: { id: string };
    let seal: { id: string };
    let belt: { id: string };

    beforeAll(async () => {
      capacitor = await createPart({
        code: 'CH-CAP',
        name: '启动电容',
        category: '空调',
        price: 35.5,
        labour: 20,
      });
      seal = await createPart({ code: 'CH-SEAL', name: '密封圈', category: '空调', price: 0.1, labour: 0.2 });
      belt = await createPart({
        code: 'CH-BELT',
        name: '洗衣机皮带',
        category: '洗衣机',
        price: 25,
        labour: 10,
      });
    });

    /** A ticket on the unit diagnosed with the cause, two work logs of parts, resolved by the technician. */
    const resolvedWith = async (cause: string, intake: Record<string, unknown> = {}) => {
      t.clock.setTo(MORNING);
      const onSite = await ticketInState(t, desk, 'on_site', intake);
      await post(desk.technician.token, onSite.id, 'diagnose', { cause, diagnosis: '检查结果' }).expect(200);
      const log = (parts: object[]) =>
        post(desk.technician.token, onSite.id, 'log_work', {
          ...validActionBody(t, 'log_work', onSite, ''),
          parts,
        }).expect(201);
      await log([{ partId: capacitor.id, quantity: 2 }]);
      await log([{ partId: seal.id, quantity: 3 }]);
      const resolved = await post(desk.technician.token, onSite.id, 'resolve', {
        ...validActionBody(t, 'resolve', onSite, ''),
      }).expect(200);
      expect(resolved.body.charges.lines).toHaveLength(2);
      return resolved.body;
    };
    const priced = (
      partId: string,
      code: string,
      name: string,
      quantity: number,
      unitPrice: number,
      labourFee: number,
    ) => ({
      partId,
      code,
      name,
      quantity,
      unitPrice,
      labourFee,
    });
    /** One line per part used, in whichever order the work logs come. */
    const expectedLines = () =>
      expect.arrayContaining([
        { ...priced(capacitor.id, 'CH-CAP', '启动电容', 2, 35.5, 20), partsAmount: 71, labourAmount: 40 },
        { ...priced(seal.id, 'CH-SEAL', '密封圈', 3, 0.1, 0.2), partsAmount: 0.3, labourAmount: 0.6 },
      ]);

    it('charges nothing for a product fault in warranty, and still shows the breakdown', async () => {
      const resolved = await resolvedWith('product_fault');
      expect(resolved).toMatchObject({
        warrantyStatus: 'in_warranty',
        chargeTotal: 0,
        charges: {
          basis: 'free_in_warranty',
          lines: expectedLines(),
          partsTotal: 71.3,
          labourTotal: 40.6,
          total: 0,
        },
      });
    });

    it('charges parts × price plus labour × quantity for human damage in warranty', async () => {
      const resolved = await resolvedWith('human_damage');
      expect(resolved).toMatchObject({
        warrantyStatus: 'in_warranty',
        chargeTotal: 111.9,
        charges: {
          basis: 'chargeable_human_damage',
          lines: expectedLines(),
          partsTotal: 71.3,
          labourTotal: 40.6,
          total: 111.9,
        },
      });
      expect(resolved.timeline.at(-1).summary).toMatch(/费用 ¥111\.90（人为损坏收费）$/);
    });

    it('charges wear out of warranty', async () => {
      const customer = await createCustomer(t.dataSource);
      const product = await createProduct(t.dataSource, { category: '空调' });
      const asset = await createAsset(t.dataSource, {
        productId: product.id,
        customerId: customer.id,
        soldOn: '2024-01-10',
        standardWarrantyEnd: '2025-01-10',
      });
      const resolved = await resolvedWith('wear', {
        customerId: customer.id,
        serialNumber: asset.serialNumber,
      });
      expect(resolved).toMatchObject({
        warrantyStatus: 'out_of_warranty',
        chargeTotal: 111.9,
        charges: { basis: 'chargeable_out_of_warranty', total: 111.9, partsTotal: 71.3, labourTotal: 40.6 },
      });
    });

    it('refuses a part of another product category, naming the line, and logs nothing', async () => {
      t.clock.setTo(MORNING);
      const onSite = await ticketInState(t, desk, 'on_site');
      const before = await row(onSite.id);
      const response = await post(desk.technician.token, onSite.id, 'log_work', {
        ...validActionBody(t, 'log_work', onSite, ''),
        parts: [{ partId: belt.id, quantity: 1 }],
      }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['parts.0.partId']);
      expect(await row(onSite.id)).toEqual(before);
      const logs = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ticket_work_logs WHERE ticket_id = $1`,
        [onSite.id],
      );
      expect(logs[0].n).toBe(0);
    });
  });

  describe('access', () => {
    it("hides another technician's job from a technician, for reading and acting, and lists only their own", async () => {
      t.clock.setTo(MORNING);
      const other: Technician = await createTechnician(t, { displayName: '李强' });
      const mine = await ticketInState(t, desk, 'dispatched');
      const theirs = await act(t, desk, await reportTicket(t, desk.agent.token), 'dispatch', {
        technicianId: other.id,
      });
      await api(t, other.token).get(`/tickets/${mine.id}`).expect(404);
      const refused = await post(
        other.token,
        mine.id,
        'accept',
        validActionBody(t, 'accept', mine, ''),
      ).expect(404);
      expect(refused.body.code).toBe('NOT_FOUND');
      expect(await row(mine.id)).toMatchObject({ status: 'dispatched', version: 2 });

      const list = (await api(t, other.token).get('/tickets?pageSize=200').expect(200)).body;
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
      const own = (await api(t, desk.technician.token).get('/tickets?pageSize=200').expect(200)).body;
      const ids = own.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      expect(
        own.items.every((item: { technician: { id: string } }) => item.technician.id === desk.technician.id),
      ).toBe(true);
    });

    it("keeps an outlet-bound agent and dispatcher to their outlet's tickets", async () => {
      t.clock.setTo(MORNING);
      const [north, south] = [await createOutlet(t.dataSource), await createOutlet(t.dataSource)];
      const northAgent = await session(t, ['agent'], { outletId: north.id });
      const southAgent = await session(t, ['agent'], { outletId: south.id });
      const northDispatcher = await session(t, ['dispatcher'], { outletId: north.id });
      const southDispatcher = await session(t, ['dispatcher'], { outletId: south.id });
      const northTechnician = await createTechnician(t, { outletId: north.id });
      const { customer, asset } = await createCustomerWithUnit(t, { outletId: north.id });
      const ticket = await reportTicket(t, northAgent.token, {
        customerId: customer.id,
        serialNumber: asset.serialNumber,
      });

      for (const outsider of [southAgent, southDispatcher]) {
        await api(t, outsider.token).get(`/tickets/${ticket.id}`).expect(404);
        const list = (await api(t, outsider.token).get('/tickets?pageSize=200').expect(200)).body;
        expect(list.items.map((item: { id: string }) => item.id)).not.toContain(ticket.id);
      }
      await post(southDispatcher.token, ticket.id, 'dispatch', { technicianId: northTechnician.id }).expect(
        404,
      );
      await post(southAgent.token, ticket.id, 'cancel', { reason: '误报' }).expect(404);

      for (const insider of [northAgent, northDispatcher]) {
        await api(t, insider.token).get(`/tickets/${ticket.id}`).expect(200);
        const list = (await api(t, insider.token).get('/tickets?pageSize=200').expect(200)).body;
        expect(list.items.map((item: { id: string }) => item.id)).toEqual([ticket.id]);
      }
      await post(northDispatcher.token, ticket.id, 'dispatch', { technicianId: northTechnician.id }).expect(
        200,
      );
    });

    it('lets an auditor read but take no action, and keeps IT administrators out', async () => {
      t.clock.setTo(MORNING);
      const auditor = await session(t, ['auditor']);
      const admin = await session(t, ['admin']);
      const ticket = await ticketInState(t, desk, 'diagnosed');
      await api(t, auditor.token).get(`/tickets/${ticket.id}`).expect(200);
      const list = (await api(t, auditor.token).get('/tickets').expect(200)).body;
      expect(list.total).toBeGreaterThan(0);

      const refusals: string[] = [];
      for (const action of Object.keys(ACTION_PATHS) as ActionName[]) {
        const response = await post(
          auditor.token,
          ticket.id,
          action,
          validActionBody(t, action, ticket, desk.technician.id),
        );
        if (response.status !== 403) refusals.push(`${action}: ${response.status}`);
      }
      expect(refusals).toEqual([]);
      const { customer, asset } = await createCustomerWithUnit(t);
      await api(t, auditor.token)
        .post('/tickets', {
          customerId: customer.id,
          serialNumber: asset.serialNumber,
          fault: '异响',
          channel: 'web',
          priority: 'low',
        })
        .expect(403);
      expect(await row(ticket.id)).toMatchObject({ status: 'diagnosed' });

      await api(t, admin.token).get('/tickets').expect(403);
      await api(t, admin.token).get(`/tickets/${ticket.id}`).expect(403);
    });
  });

  describe('validation of actions', () => {
    it('names the bad field and changes nothing', async () => {
      t.clock.setTo(MORNING);
      const dispatched = await ticketInState(t, desk, 'dispatched');
      const early = await post(desk.technician.token, dispatched.id, 'accept', {
        appointmentAt: at(dispatched.reportedAt, -HOUR),
      }).expect(400);
      expect(fieldsOf(early.body)).toEqual(['appointmentAt']);
      const noReason = await post(desk.dispatcher.token, dispatched.id, 'dispatch', {
        technicianId: desk.technician.id,
      }).expect(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason']);
      expect(await row(dispatched.id)).toEqual({ status: 'dispatched', version: 2 });

      const onSite = await ticketInState(t, desk, 'on_site');
      const backwards = await post(desk.technician.token, onSite.id, 'log_work', {
        startedAt: t.clock.now().toISOString(),
        endedAt: onSite.reportedAt,
        description: '更换电容',
      }).expect(400);
      expect(fieldsOf(backwards.body)).toEqual(['endedAt']);
      const badHold = await post(desk.technician.token, onSite.id, 'hold', { reason: 'lunch_break' }).expect(
        400,
      );
      expect(fieldsOf(badHold.body)).toEqual(['reason']);
      const missing = await post(desk.technician.token, onSite.id, 'diagnose', { cause: 'aliens' }).expect(
        400,
      );
      expect(fieldsOf(missing.body)).toEqual(['cause', 'diagnosis']);
      expect(await row(onSite.id)).toEqual({ status: 'on_site', version: 4 });
      expect(await historyCount(onSite.id)).toBe(4);
    });
  });
});
