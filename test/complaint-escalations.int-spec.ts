import { ComplaintEscalationEntity } from '../src/complaints/complaint-escalation.entity';
import { ComplaintEscalationsService } from '../src/complaints/complaint-escalations.service';
import { ComplaintHistoryEntity } from '../src/complaints/complaint-history.entity';
import { ComplaintEntity } from '../src/complaints/complaint.entity';
import type { ComplaintStep } from '../src/complaints/domain/complaint-fields';
import { ComplaintsProcessor } from '../src/complaints/jobs/complaints.processor';
import { MessageEntity } from '../src/common/mail/message.entity';
import type { OutboxEventEntity } from '../src/common/outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../src/common/outbox/processed-event.entity';
import { createCustomer, createOutlet } from './factories/registers';
import { api } from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp, eventually } from './support/test-app';
import { jobFor, outboxRowsWhere } from './support/ticket-jobs';

/**
 * Each complaint is received at T0 (acknowledge within 24 h, resolve within 7 days by the default
 * policy); the clock is moved to the hours after T0 at which each step or deadline check happens, and
 * the check's job is run by hand as the worker would run it.
 */
const T0 = '2026-06-15T09:00:00+08:00';
const HOUR_MS = 3_600_000;
const at = (hours: number): Date => new Date(new Date(T0).getTime() + hours * HOUR_MS);
const ACK_DUE = 24;
const RESOLVE_DUE = 7 * 24;

interface ComplaintBody {
  id: string;
  number: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
}

describe('complaint deadlines and escalation', () => {
  let t: TestApp;
  let agent: string;
  let manager: string;
  let customerId: string;
  let outletId: string;

  const moveTo = (hours: number) => t.clock.setTo(at(hours));
  const as = (token: string) => api(t, token);

  const receive = async (fields: Record<string, unknown> = {}): Promise<ComplaintBody> => {
    moveTo(0);
    const response = await as(agent)
      .post('/complaints', {
        customerId,
        outletId,
        channel: 'phone',
        category: 'timeliness',
        severity: 'normal',
        description: '报修三天无人上门',
        ...fields,
      })
      .expect(201);
    return response.body as ComplaintBody;
  };
  const act = (id: string, action: string, body: object, token: string) =>
    as(token).post(`/complaints/${id}/${action}`, body).expect(200);
  const acknowledge = (id: string) => act(id, 'acknowledge', { note: '已回电致歉' }, agent);
  const resolve = async (id: string) => {
    await act(id, 'investigate', {}, manager);
    await act(
      id,
      'resolve',
      { rootCause: '派单遗漏', remedy: '优先上门并致歉', correctiveAction: '每日核对未派工单' },
      manager,
    );
  };

  const timers = (id: string) => outboxRowsWhere(t, 'complaint.deadline-check', 'complaintId', id);
  const timerOf = async (id: string, step: ComplaintStep): Promise<OutboxEventEntity> => {
    const row = (await timers(id)).find((candidate) => candidate.payload.step === step);
    if (!row) throw new Error(`no ${step} timer for complaint ${id}`);
    return row;
  };
  const run = (row: OutboxEventEntity) => t.app.get(ComplaintsProcessor).checkDeadline(jobFor(row));
  /** A second timer of the same step, as a duplicate schedule would write it. */
  const anotherTimer = async (id: string, step: ComplaintStep): Promise<OutboxEventEntity> => {
    const complaint = await t.dataSource.getRepository(ComplaintEntity).findOneByOrFail({ id });
    await t.dataSource.transaction((tx) =>
      t.app.get(ComplaintEscalationsService).schedule(tx, complaint, [step], null),
    );
    return (await timers(id)).filter((row) => row.payload.step === step).at(-1) as OutboxEventEntity;
  };

  const escalationsOf = (id: string) =>
    t.dataSource
      .getRepository(ComplaintEscalationEntity)
      .find({ where: { complaintId: id }, order: { escalatedAt: 'ASC' } });
  const escalationMails = (id: string) =>
    t.dataSource
      .getRepository(MessageEntity)
      .find({ where: { template: 'complaint-escalated', relatedType: 'complaint', relatedId: id } });
  const escalationHistory = (id: string) =>
    t.dataSource.getRepository(ComplaintHistoryEntity).findBy({ complaintId: id, action: 'escalate' });
  const escalationAudits = async (id: string) =>
    (await auditEntriesFor(t.dataSource, 'complaint', id)).filter(
      (entry) => entry.action === 'complaint.escalated',
    );
  const recipients = (mails: MessageEntity[]) => mails.map((mail) => mail.recipient).sort();
  /** Nothing at all was written about an escalation of the complaint. */
  const expectNoEscalation = async (id: string) => {
    expect(await escalationsOf(id)).toEqual([]);
    expect(await escalationMails(id)).toEqual([]);
    expect(await escalationHistory(id)).toEqual([]);
    expect(await escalationAudits(id)).toEqual([]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    moveTo(0);
    const outlet = await createOutlet(t.dataSource);
    outletId = outlet.id;
    customerId = (await createCustomer(t.dataSource)).id;
    agent = await t.tokenFor(['agent']);
    manager = await t.tokenFor(['manager'], { email: 'manager@example.com', displayName: '王建国' });
    // Who is told of an escalation: every enabled manager with an address who may see the complaint
    // (head office and the complaint's outlet), and no one else.
    await t.createUser(['manager'], { email: 'outlet-manager@example.com', outletId });
    const elsewhere = await createOutlet(t.dataSource);
    await t.createUser(['manager'], { email: 'elsewhere-manager@example.com', outletId: elsewhere.id });
    await t.createUser(['manager'], { email: 'former@example.com', disabled: true });
    await t.createUser(['dispatcher'], { email: 'dispatcher@example.com' });
    await t.createUser(['manager']);
  });
  afterAll(() => t.close());

  it('escalates an unacknowledged complaint once when its acknowledgment deadline passes', async () => {
    const complaint = await receive();
    const timer = await timerOf(complaint.id, 'acknowledge');
    moveTo(ACK_DUE + 0.05);
    expect(await run(timer)).toBe(true);

    const [escalation, ...more] = await escalationsOf(complaint.id);
    expect(more).toEqual([]);
    expect(escalation).toMatchObject({
      step: 'acknowledge',
      trigger: 'deadline',
      dueAt: new Date(complaint.acknowledgeDueAt),
      actorId: null,
      reason: null,
      notified: 2,
    });
    const mails = await escalationMails(complaint.id);
    expect(recipients(mails)).toEqual(['manager@example.com', 'outlet-manager@example.com']);
    expect(mails[0]?.subject).toBe(`【售后服务系统】投诉升级：${complaint.number} 超过确认时限`);
    expect(mails[0]?.body).toContain('已超时未完成，现升级至经理处理');
    expect(await escalationHistory(complaint.id)).toEqual([
      expect.objectContaining({ actorId: null, fromStatus: 'received', toStatus: 'received' }),
    ]);
    expect(await escalationAudits(complaint.id)).toEqual([
      expect.objectContaining({
        actorId: null,
        changes: expect.objectContaining({ step: 'acknowledge', trigger: 'deadline' }),
      }),
    ]);
    const detail = await as(manager).get(`/complaints/${complaint.id}`).expect(200);
    expect(detail.body.overdue).toBe(true);
    expect(detail.body.timeline.at(-1)).toMatchObject({
      action: 'escalate',
      actorName: null,
      summary: '确认时限 2026-06-16 09:00 已过，自动升级至经理，已通知经理 2 人',
    });

    // The same job delivered again, a second timer of the step, and a check much later: nothing more.
    expect(await run(timer)).toBe(false);
    moveTo(ACK_DUE + 30);
    expect(await run(await anotherTimer(complaint.id, 'acknowledge'))).toBe(false);
    expect(await escalationsOf(complaint.id)).toHaveLength(1);
    expect(await escalationMails(complaint.id)).toHaveLength(2);
    expect(await escalationHistory(complaint.id)).toHaveLength(1);
    expect(await escalationAudits(complaint.id)).toHaveLength(1);
  });

  it('never escalates when each deadline is met', async () => {
    const complaint = await receive();
    moveTo(2);
    await acknowledge(complaint.id);
    moveTo(ACK_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'acknowledge'))).toBe(false);
    moveTo(RESOLVE_DUE - 5);
    await resolve(complaint.id);
    moveTo(RESOLVE_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'resolve'))).toBe(false);
    await expectNoEscalation(complaint.id);
    // Both jobs were handled (claimed), so a redelivery is a no-op too.
    for (const row of await timers(complaint.id)) {
      expect(await t.dataSource.getRepository(ProcessedEventEntity).countBy({ outboxId: row.id })).toBe(1);
    }
  });

  it('treats an acknowledgment at the very due moment as met', async () => {
    const complaint = await receive();
    t.clock.setTo(new Date(new Date(complaint.acknowledgeDueAt).getTime() - 500));
    await acknowledge(complaint.id);
    moveTo(ACK_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'acknowledge'))).toBe(false);
    await expectNoEscalation(complaint.id);
  });

  it('escalates a missed resolution once, though the acknowledgment was in time', async () => {
    const complaint = await receive({ severity: 'major' });
    moveTo(1);
    await acknowledge(complaint.id);
    moveTo(ACK_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'acknowledge'))).toBe(false);
    moveTo(RESOLVE_DUE + 0.1);
    const timer = await timerOf(complaint.id, 'resolve');
    expect(await run(timer)).toBe(true);
    expect(await run(timer)).toBe(false);
    const escalations = await escalationsOf(complaint.id);
    expect(escalations.map((escalation) => [escalation.step, escalation.trigger])).toEqual([
      ['resolve', 'deadline'],
    ]);
    expect((await escalationMails(complaint.id))[0]?.body).toContain('严重程度：重大');
    // Resolved late: the miss stands, and a later check of the step finds it escalated already.
    moveTo(RESOLVE_DUE + 20);
    await resolve(complaint.id);
    expect(await run(await anotherTimer(complaint.id, 'resolve'))).toBe(false);
    expect(await escalationsOf(complaint.id)).toHaveLength(1);
  });

  it('checks again at the due time when the timer goes off early, and escalates then', async () => {
    const complaint = await receive();
    const early = await timerOf(complaint.id, 'acknowledge');
    moveTo(ACK_DUE - 1);
    expect(await run(early)).toBe(false);
    await expectNoEscalation(complaint.id);
    const rows = (await timers(complaint.id)).filter((row) => row.payload.step === 'acknowledge');
    expect(rows).toHaveLength(2);
    const again = rows[1] as OutboxEventEntity;
    expect(again.runAt?.toISOString()).toBe(complaint.acknowledgeDueAt);
    moveTo(ACK_DUE + 0.01);
    expect(await run(again)).toBe(true);
    expect(await escalationsOf(complaint.id)).toHaveLength(1);
  });

  it('does not escalate a step again by its deadline after a user escalated it by hand', async () => {
    const complaint = await receive();
    moveTo(3);
    await act(complaint.id, 'escalate', { reason: '客户第二次来电催促' }, agent);
    moveTo(ACK_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'acknowledge'))).toBe(false);
    const escalations = await escalationsOf(complaint.id);
    expect(escalations.map((escalation) => [escalation.step, escalation.trigger])).toEqual([
      ['acknowledge', 'manual'],
    ]);
    expect(await escalationMails(complaint.id)).toHaveLength(2);
  });

  it('refuses a manual escalation of a step the deadline job escalated already', async () => {
    const complaint = await receive();
    moveTo(ACK_DUE + 1);
    expect(await run(await timerOf(complaint.id, 'acknowledge'))).toBe(true);
    const response = await as(agent)
      .post(`/complaints/${complaint.id}/escalate`, { reason: '客户投诉无人理会' })
      .expect(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(await escalationsOf(complaint.id)).toHaveLength(1);
  });

  it('runs the check through the queue: the relay hands the due timer to Bull and the worker escalates', async () => {
    moveTo(0);
    // Received two days ago and never acknowledged: the acknowledgment timer is due already.
    const response = await as(agent)
      .post('/complaints', {
        customerId,
        channel: 'email',
        category: 'attitude',
        severity: 'normal',
        description: '客服电话无人接听',
        receivedAt: at(-48).toISOString(),
      })
      .expect(201);
    const complaint = response.body as ComplaintBody;
    await t.relay();
    const [escalation] = await eventually(async () => {
      const found = await escalationsOf(complaint.id);
      return found.length > 0 ? found : null;
    });
    expect(escalation).toMatchObject({ step: 'acknowledge', trigger: 'deadline' });
    // Head office's complaint: its managers alone are told.
    expect(recipients(await escalationMails(complaint.id))).toEqual(['manager@example.com']);
  });
});
