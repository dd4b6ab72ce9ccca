import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_COMPLAINTS } from '../scripts/demo-data/complaints';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DISPATCHER, MANAGER } from '../scripts/demo-data/people';
import { DEMO_TICKETS } from '../scripts/demo-data/tickets';
import { DEMO_RETURNS, RETURNS_CLERK } from '../scripts/demo-data/returns';
import {
  DEMO_FOLLOW_UPS,
  DEMO_INSPECTIONS,
  ticketStatusesAfterFollowUps,
} from '../scripts/demo-data/follow-ups';
import { DEMO_SURVEY_ANSWERS } from '../scripts/demo-data/surveys';
import { SeedRefusedError, type SeedSummary, formatSummary, seedDemo } from '../scripts/seed-demo';
import { AppModule } from '../src/app.module';
import { KPI_CODES } from '../src/kpis/domain/kpi-catalog';
import { ExpiryScanService } from '../src/common/expiry/expiry-scan.service';
import { AppConfig, loadConfig } from '../src/common/config/config';
import { HTTP_APP_OPTIONS, configureHttpApp } from '../src/http-app';
import { OPEN_TICKET_STATUSES, TICKET_STATUSES } from '../src/tickets/domain/ticket-fields';
import { RETURN_STATUSES } from '../src/returns/domain/return-fields';
import { COMPLAINT_STATUSES } from '../src/complaints/domain/complaint-fields';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_REDIS_URL } from './support/test-env';
import { deleteRedisKeys } from './support/test-app';

/** A database and Redis prefix of the test's own, as test-app.ts sets them up, but left empty for the seed. */
async function seedTarget(): Promise<{
  config: AppConfig;
  database: TestDatabase;
  redisPrefix: string;
  cleanUp(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersales-seed-'));
  const redisPrefix = `test_seed_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    DATA_DIR: dataDir,
  });
  return {
    config,
    database,
    redisPrefix,
    async cleanUp() {
      await database.drop();
      await deleteRedisKeys(redisPrefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Registers whose every row must carry an audit entry, by table and audit entity type. */
const AUDITED = [
  ['users', 'user'],
  ['outlets', 'outlet'],
  ['outlet_staff', 'outlet_staff'],
  ['outlet_reviews', 'outlet_review'],
  ['rectification_actions', 'rectification_action'],
  ['qualifications', 'qualification'],
  ['products', 'product'],
  ['parts', 'part'],
  ['suppliers', 'supplier'],
  ['tools', 'tool'],
  ['customers', 'customer'],
  ['assets', 'asset'],
  ['trainings', 'training'],
  ['performance_reviews', 'performance_review'],
  ['tickets', 'ticket'],
] as const;

describe('npm run seed:demo (演示数据)', () => {
  let target: Awaited<ReturnType<typeof seedTarget>>;
  let summary: SeedSummary;
  let app: NestExpressApplication;
  let dataSource: DataSource;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const login = async (username: string): Promise<string> => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ username, password: DEMO_PASSWORD })
      .expect(200);
    return response.body.accessToken;
  };
  const get = (token: string, url: string) =>
    request(app.getHttpServer()).get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`);
  const outletId = async (code: string): Promise<string> =>
    (await dataSource.query('SELECT id FROM outlets WHERE code = $1', [code]))[0].id;
  /** Row counts of every seeded table, the audit trail and the jobs run: what "changes nothing" compares. */
  const snapshot = async () => ({
    tables: await Promise.all(AUDITED.map(([table]) => count(table))),
    audit: await count('audit_log'),
    breaches: await count('ticket_breaches'),
    jobsRun: await count('processed_events'),
  });
  /** The fields of each row as one string, sorted: sets of rows compared whatever their order. */
  const sorted = (rows: object[]): string[] => rows.map((row) => JSON.stringify(row)).sort();
  const ticketByFault = async (fault: string): Promise<string> =>
    (await dataSource.query('SELECT id FROM tickets WHERE fault = $1', [fault]))[0].id;

  beforeAll(async () => {
    target = await seedTarget();
    summary = await seedDemo(target.config);
    // The API on the seeded database, to look at it as the demo users would.
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ ...target.config, role: 'api' })],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
    app.useLogger(app.get(Logger));
    configureHttpApp(app);
    await app.init();
    dataSource = app.get(DataSource);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await target?.cleanUp();
  });

  it('fills every register beyond the demo minimums, as the summary says', async () => {
    const minimums: Record<string, number> = {
      outlets: 5,
      users: 11,
      outlet_staff: 2,
      qualifications: 9,
      products: 6,
      parts: 12,
      suppliers: 4,
      tools: 5,
      tool_inspections: 5,
      customers: 20,
      assets: 30,
      trainings: 3,
      performance_reviews: 4,
    };
    const below: string[] = [];
    for (const [table, minimum] of Object.entries(minimums)) {
      const rows = await count(table);
      if (rows < minimum) below.push(`${table}: ${rows} < ${minimum}`);
    }
    expect(below).toEqual([]);
    expect(summary.counts.customers).toBe(await count('customers'));
    expect(summary.counts.assets).toBe(await count('assets'));
    // Users: the ten demo staff plus the seed's own admin.
    expect(summary.counts.users).toBe((await count('users')) - 1);
    expect(await count(`customers WHERE kind = 'company'`)).toBeGreaterThanOrEqual(4);
    expect(await count(`customers WHERE national_id_last4 IS NOT NULL`)).toBeGreaterThanOrEqual(3);
    expect(await count(`suppliers WHERE kind = 'manufacturer'`)).toBe(1);
    expect(await count(`trainings WHERE kind = 'customer'`)).toBe(1);
    expect(await count(`training_attendees WHERE customer_id IS NOT NULL`)).toBe(3);
    // Policy stays at the default version 1.
    expect(await count('service_policies')).toBe(1);
  });

  it('walks the outlets through their lifecycle, approved by the manager', async () => {
    const rows: { code: string; kind: string; status: string; approver: string | null }[] =
      await dataSource.query(
        `SELECT o.code, o.kind, o.status, u.username AS approver
           FROM outlets o LEFT JOIN users u ON u.id = o.approved_by ORDER BY o.code`,
      );
    expect(rows).toEqual([
      { code: 'WD-SH-001', kind: 'own', status: 'active', approver: 'wang.jianguo' },
      { code: 'WD-SH-002', kind: 'own', status: 'active', approver: 'wang.jianguo' },
      { code: 'WD-SH-003', kind: 'own', status: 'active', approver: 'wang.jianguo' },
      { code: 'WT-JX-001', kind: 'outsourced', status: 'active', approver: 'wang.jianguo' },
      { code: 'WT-NT-001', kind: 'outsourced', status: 'proposed', approver: null },
      { code: 'WT-SZ-001', kind: 'outsourced', status: 'active', approver: 'wang.jianguo' },
    ]);
    expect(await count(`outlet_status_changes WHERE reason <> ''`)).toBe(10);
    expect(await count(`rectification_actions WHERE status = 'closed'`)).toBe(1);
    expect(await count(`rectification_actions WHERE status = 'open'`)).toBe(1);
  });

  it('gives every record its audit entry, on a chain that verifies', async () => {
    for (const [table, type] of AUDITED) {
      const missing = await count(
        `${table} r WHERE NOT EXISTS
           (SELECT 1 FROM audit_log a WHERE a.entity_type = $1 AND a.entity_id = r.id::text)`,
        [type],
      );
      expect([table, missing]).toEqual([table, 0]);
    }
    const verify = await get(await login('zheng.hua'), '/audit-log/verify').expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: await count('audit_log') });
  });

  it('lets every demo user log in, and binds outlet users to their outlet', async () => {
    for (const { username } of summary.logins) await login(username);
    const printed = formatSummary(summary);
    for (const { username } of summary.logins) expect(printed).toContain(username);
    expect(printed).toContain(DEMO_PASSWORD);
    const suzhou = await outletId('WT-SZ-001');
    const seen = await get(await login('zhou.jie'), '/customers').expect(200);
    expect(seen.body.total).toBe(await count('customers WHERE outlet_id = $1', [suzhou]));
    expect(seen.body.items.every((customer: { outletId: string }) => customer.outletId === suzhou)).toBe(
      true,
    );
    const agent = await login('chen.jing');
    expect((await get(agent, '/assets?warranty=out').expect(200)).body.total).toBeGreaterThan(0);
    expect((await get(agent, '/assets?warranty=in').expect(200)).body.total).toBeGreaterThan(0);
  });

  it('shows managers what runs out: an outsourced agreement, certificates and an overdue tool', async () => {
    const { items } = await app.get(ExpiryScanService).due();
    const jiaxing = await outletId('WT-JX-001');
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectId: jiaxing, item: 'agreement', threshold: 'expiring' }),
        expect.objectContaining({ subjectType: 'qualification', threshold: 'expiring' }),
        expect.objectContaining({ subjectType: 'qualification', threshold: 'expired' }),
        expect.objectContaining({ subjectType: 'tool', threshold: 'expired' }),
      ]),
    );
  });

  it('tells repair tickets in every state, each story where the demo data says it ends', async () => {
    const rows: { fault: string; status: string }[] = await dataSource.query(
      'SELECT fault, status FROM tickets',
    );
    // As the ticket stories leave them, then the follow-ups (one closes a ticket, one reopens one).
    expect(sorted(rows)).toEqual(sorted(ticketStatusesAfterFollowUps()));
    expect(TICKET_STATUSES.filter((status) => !rows.some((row) => row.status === status))).toEqual([]);
    expect(summary.counts.tickets).toBe(rows.length);
    expect(summary.counts.ticketWorkLogs).toBe(await count('ticket_work_logs'));
    // Told at their own moments: reported over two weeks, each timeline in time order, nothing ahead of now.
    expect(await count(`tickets WHERE reported_at < now() - interval '10 days'`)).toBeGreaterThan(0);
    expect(await count(`tickets WHERE accepted_at < now() - interval '7 days'`)).toBeGreaterThan(0);
    expect(await count(`ticket_history WHERE at > now()`)).toBe(0);
    expect(
      await count(
        `ticket_history h JOIN ticket_history later
           ON later.ticket_id = h.ticket_id AND later.seq > h.seq AND later.at < h.at`,
      ),
    ).toBe(0);
  });

  it('records exactly the deadlines the stories miss, by the deadline checks, and tells the dispatcher', async () => {
    const recorded: { fault: string; deadline: string }[] = await dataSource.query(
      'SELECT t.fault, b.deadline FROM ticket_breaches b JOIN tickets t ON t.id = b.ticket_id',
    );
    expect(recorded.length).toBeGreaterThan(0);
    expect(sorted(recorded)).toEqual(
      sorted(
        DEMO_TICKETS.flatMap(({ fault, breaches }) => breaches.map((deadline) => ({ fault, deadline }))),
      ),
    );
    expect(summary.counts.ticketBreaches).toBe(recorded.length);
    // Each the way the deadline job records it: on the timeline, in the audit trail, by mail.
    expect(await count(`ticket_history WHERE action = 'breach'`)).toBe(recorded.length);
    expect(await count(`audit_log WHERE action = 'ticket.breached'`)).toBe(recorded.length);
    const dispatcherMail = `${DISPATCHER}@${DEMO_EMAIL_DOMAIN}`;
    expect(
      await count(`messages WHERE template = 'ticket-breached' AND recipient = $1`, [dispatcherMail]),
    ).toBe(recorded.length);
    // No check whose time has come is left waiting.
    expect(
      await count(
        `outbox o WHERE o.topic = 'ticket.deadline-check' AND o.run_at <= now()
           AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.outbox_id = o.id)`,
      ),
    ).toBe(0);
    const overdue = await get(await login(DISPATCHER), '/tickets?overdue=true').expect(200);
    expect(overdue.body.items.map((ticket: { fault: string }) => ticket.fault).sort()).toEqual(
      DEMO_TICKETS.filter((demo) => demo.breaches.length > 0 && OPEN_TICKET_STATUSES.includes(demo.status))
        .map((demo) => demo.fault)
        .sort(),
    );
  });

  it('shows a re-dispatch, reschedules, holds, work logs with parts and charges on every basis', async () => {
    const dispatcher = await login(DISPATCHER);
    const redispatched = DEMO_TICKETS.find((demo) =>
      demo.steps.some((step) => step.action === 'dispatch' && step.reason !== undefined),
    );
    const detail = await get(dispatcher, `/tickets/${await ticketByFault(redispatched?.fault ?? '')}`).expect(
      200,
    );
    expect(detail.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: '改派',
          summary: expect.stringContaining('派给 张伟（原因：吴磊电工证已过期'),
        }),
      ]),
    );
    expect(await count(`ticket_history WHERE action = 'reschedule' AND reason <> ''`)).toBeGreaterThanOrEqual(
      1,
    );
    // A hold that ended moved the resolve deadline on; one still lasts on a ticket on hold.
    expect(
      await count(
        `ticket_holds h JOIN tickets t ON t.id = h.ticket_id
          WHERE h.ended_at IS NOT NULL AND t.resolve_due_at > t.planned_resolve_due_at`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        `ticket_holds h JOIN tickets t ON t.id = h.ticket_id WHERE h.ended_at IS NULL AND t.status = 'on_hold'`,
      ),
    ).toBe(1);
    expect(await count(`ticket_work_logs WHERE jsonb_array_length(parts) > 0`)).toBeGreaterThanOrEqual(5);
    expect(await count(`ticket_work_logs WHERE jsonb_array_length(parts) = 0`)).toBeGreaterThanOrEqual(1);
    const charges: { basis: string; warranty: string; total: string; parts: string }[] =
      await dataSource.query(
        `SELECT charges->>'basis' AS basis, warranty_status AS warranty, charge_total AS total,
              charges->>'partsTotal' AS parts
         FROM tickets WHERE charges IS NOT NULL`,
      );
    const on = (basis: string, warranty: string) =>
      charges.filter((row) => row.basis === basis && row.warranty === warranty);
    expect(on('free_in_warranty', 'in_warranty').every((row) => Number(row.total) === 0)).toBe(true);
    expect(on('free_in_warranty', 'in_warranty').some((row) => Number(row.parts) > 0)).toBe(true);
    expect(on('chargeable_out_of_warranty', 'out_of_warranty').some((row) => Number(row.total) > 0)).toBe(
      true,
    );
    expect(on('chargeable_out_of_warranty', 'unknown').some((row) => Number(row.total) > 0)).toBe(true);
    expect(on('chargeable_human_damage', 'in_warranty').some((row) => Number(row.total) > 0)).toBe(true);
  });

  it('shows a technician only the jobs given to them', async () => {
    const zhou = (await dataSource.query(`SELECT id FROM users WHERE username = 'zhou.jie'`))[0].id;
    const seen = await get(await login('zhou.jie'), '/tickets').expect(200);
    expect(seen.body.total).toBeGreaterThan(0);
    expect(seen.body.total).toBe(await count('tickets WHERE technician_id = $1', [zhou]));
  });

  it('tells returned goods in every state; customers of goods away too long are told, an overdue chase reminded', async () => {
    const rows: { fault: string; status: string; ticket_id: string | null }[] = await dataSource.query(
      'SELECT fault, status, ticket_id FROM returns ORDER BY number',
    );
    expect(RETURN_STATUSES.filter((status) => !rows.some((row) => row.status === status))).toEqual([]);
    expect(summary.counts.returns).toBe(rows.length);
    expect(summary.counts.returnChases).toBe(await count('return_chases'));
    expect(
      rows
        .filter((row) => row.ticket_id === null)
        .map((row) => row.fault)
        .sort(),
    ).toEqual(DEMO_RETURNS.map((demo) => demo.fault).sort());
    // The repair ticket that took goods back has its record, which the ticket shows.
    const takenBack = DEMO_TICKETS.find((demo) => demo.status === 'taken_back');
    const ticketId = await ticketByFault(takenBack?.fault ?? '');
    expect(rows.filter((row) => row.ticket_id === ticketId).map((row) => row.status)).toEqual(['received']);
    const ticketPage = await get(await login(DISPATCHER), `/tickets/${ticketId}`).expect(200);
    expect(ticketPage.body.linked).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'return', status: 'received' })]),
    );
    // Every record in the audit trail; every timeline in time order, nothing ahead of now.
    expect(
      await count(`returns r WHERE NOT EXISTS (SELECT 1 FROM audit_log a
        WHERE a.entity_type = 'return' AND a.entity_id = r.id::text AND a.action = 'return.received')`),
    ).toBe(0);
    expect(await count(`return_history WHERE at > now()`)).toBe(0);
    expect(
      await count(
        `return_history h JOIN return_history later
           ON later.return_id = h.return_id AND later.seq > h.seq AND later.at < h.at`,
      ),
    ).toBe(0);
    // Away past the notice threshold: each customer told once, by mail or (no mail) a call to make.
    const away = await count(`returns WHERE notice_due_at <= now() AND settled_at IS NULL`);
    expect(away).toBe(2);
    expect(await count(`returns WHERE notice_sent_at IS NOT NULL`)).toBe(away);
    const notices: { channel: string; status: string; hasEmail: boolean }[] = await dataSource.query(
      `SELECT m.channel, m.status, c.email IS NOT NULL AS "hasEmail" FROM returns r
         JOIN messages m ON m.id = r.notice_message_id JOIN customers c ON c.id = r.customer_id`,
    );
    expect(notices).toHaveLength(away);
    expect(await count(`messages WHERE template = 'return-notice'`)).toBe(away);
    for (const notice of notices) {
      expect(notice).toEqual(
        notice.hasEmail
          ? { channel: 'email', status: expect.any(String), hasEmail: true }
          : { channel: 'phone', status: 'to_call', hasEmail: false },
      );
    }
    expect(notices.map((notice) => notice.channel).sort()).toEqual(['email', 'phone']);
    // The urgent record whose chase was missed: the clerk who took it over is reminded once.
    const clerkMail = `${RETURNS_CLERK}@${DEMO_EMAIL_DOMAIN}`;
    expect(await count(`messages WHERE template = 'return-chase-due' AND recipient = $1`, [clerkMail])).toBe(
      1,
    );
    expect(await count(`returns WHERE next_chase_due_at <= now()`)).toBe(0);
    const clerk = await login(RETURNS_CLERK);
    expect((await get(clerk, '/returns?overdue=true').expect(200)).body.total).toBe(away);
    const turnaround = await get(clerk, '/returns/turnaround').expect(200);
    expect(turnaround.body.count).toBe(rows.length);
    expect(turnaround.body.suppliers.length).toBeGreaterThanOrEqual(3);
    expect(await count(`returns WHERE scrapped_on IS NOT NULL AND recycler IS NOT NULL`)).toBe(1);
  });

  it('tells complaints in every state, one major mailed at once, one escalated by its missed deadline', async () => {
    // The complaints step's own; a follow-up call may open more (channel follow_up), checked there.
    const rows: { description: string; status: string; severity: string; number: string }[] =
      await dataSource.query(
        `SELECT description, status, severity, number FROM complaints WHERE channel <> 'follow_up'
          ORDER BY received_at`,
      );
    expect(sorted(rows.map(({ description, status }) => ({ description, status })))).toEqual(
      sorted(DEMO_COMPLAINTS.map(({ description, status }) => ({ description, status }))),
    );
    expect(COMPLAINT_STATUSES.filter((status) => !rows.some((row) => row.status === status))).toEqual([]);
    expect(summary.counts.complaints).toBe(rows.length);
    // Numbered in the order they came in.
    const numbers = rows.map((row) => row.number);
    expect(numbers).toEqual([...numbers].sort());
    expect(numbers[0]).toMatch(/^CP\d{4}-000001$/);
    const managerMail = `${MANAGER}@${DEMO_EMAIL_DOMAIN}`;
    expect(rows.filter((row) => row.severity === 'major')).toHaveLength(1);
    const majorMails = `messages WHERE template = 'complaint-major' AND recipient = $1`;
    expect(await count(majorMails, [managerMail])).toBe(1);

    const escalated: { description: string; step: string; trigger: string }[] = await dataSource.query(
      `SELECT c.description, e.step, e.trigger FROM complaint_escalations e
         JOIN complaints c ON c.id = e.complaint_id WHERE c.channel <> 'follow_up'`,
    );
    expect(escalated.length).toBeGreaterThan(0);
    expect(sorted(escalated)).toEqual(
      sorted(
        DEMO_COMPLAINTS.flatMap(({ description, escalated: steps }) =>
          steps.map((step) => ({ description, step, trigger: 'deadline' })),
        ),
      ),
    );
    expect(summary.counts.complaintEscalations).toBe(escalated.length);
    expect(
      await count(`messages WHERE template = 'complaint-escalated' AND recipient = $1`, [managerMail]),
    ).toBe(escalated.length);
    // Every complaint in the audit trail; every timeline in time order, nothing ahead of now.
    expect(
      await count(`complaints c WHERE NOT EXISTS (SELECT 1 FROM audit_log a
        WHERE a.entity_type = 'complaint' AND a.entity_id = c.id::text AND a.action = 'complaint.received')`),
    ).toBe(0);
    expect(await count(`complaint_history WHERE at > now()`)).toBe(0);
    expect(
      await count(
        `complaint_history h JOIN complaint_history later
           ON later.complaint_id = h.complaint_id AND later.seq > h.seq AND later.at < h.at`,
      ),
    ).toBe(0);
    // The 静安 station's agent sees her outlet's complaints only; the manager sees the overdue one.
    const jingan = await outletId('WD-SH-002');
    const seen = await get(await login('zhao.min'), '/complaints').expect(200);
    expect(seen.body.total).toBe(await count('complaints WHERE outlet_id = $1', [jingan]));
    expect(seen.body.items.every((item: { outlet: { id: string } }) => item.outlet.id === jingan)).toBe(true);
    const overdue = await get(await login(MANAGER), '/complaints?overdue=true').expect(200);
    const told = overdue.body.items.filter((item: { channel: string }) => item.channel !== 'follow_up');
    expect(told.map((item: { description: string }) => item.description)).toEqual(
      DEMO_COMPLAINTS.filter((demo) => demo.escalated.length > 0).map((demo) => demo.description),
    );
  });

  it('follows up every resolved repair once, with each outcome, and schedules inspections', async () => {
    const rows: {
      fault: string;
      status: string;
      ticket_status: string;
      action: string | null;
      attempts: number;
    }[] = await dataSource.query(
      `SELECT t.fault, f.status, t.status AS ticket_status, f.problem_action AS action, f.attempt_count AS attempts
           FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id WHERE f.kind = 'follow_up'`,
    );
    // One per resolution: every ticket ever resolved (a reopened one's earlier resolution too).
    expect(rows.length).toBe(await count(`ticket_history WHERE action = 'resolve'`));
    expect(
      await count(`(SELECT ticket_id, ticket_resolved_at FROM follow_ups WHERE kind = 'follow_up'
      GROUP BY 1, 2 HAVING count(*) > 1) d`),
    ).toBe(0);
    expect(summary.counts.followUps).toBe(rows.length);
    const byFault = new Map(rows.map((row) => [row.fault, row]));
    for (const demo of DEMO_FOLLOW_UPS) {
      expect([demo.fault, byFault.get(demo.fault)?.status]).toEqual([demo.fault, demo.status]);
    }
    // A reopened ticket's earlier follow-up was cancelled by the reopening.
    expect(rows.filter((row) => row.status === 'cancelled').map((row) => row.ticket_status)).toEqual([
      'reopened',
    ]);
    // Satisfied closes; dissatisfied reopens; three failed calls end as unreachable.
    const closedByFollowUp: { fault: string }[] = await dataSource.query(
      `SELECT t.fault FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id WHERE h.action = 'close_after_follow_up'`,
    );
    expect(closedByFollowUp.map((row) => row.fault)).toEqual(
      DEMO_FOLLOW_UPS.filter((demo) => demo.ticketStatus === 'closed').map((demo) => demo.fault),
    );
    expect(rows.filter((row) => row.action === 'reopen_ticket').map((row) => row.ticket_status)).toEqual([
      'reopened',
    ]);
    expect(rows.filter((row) => row.status === 'unreachable').map((row) => row.attempts)).toEqual([3]);

    // The manager sees the overdue one and the overdue inspection; the hotline agent has hers assigned.
    const manager = await login(MANAGER);
    const overdue = await get(manager, '/follow-ups?overdue=true').expect(200);
    expect(overdue.body.items.map((item: { kind: string }) => item.kind).sort()).toEqual([
      'follow_up',
      'inspection',
    ]);
    const agentId = (await dataSource.query(`SELECT id FROM users WHERE username = 'chen.jing'`))[0].id;
    const assigned = await get(manager, `/follow-ups?assigneeId=${agentId}&status=pending`).expect(200);
    expect(assigned.body.total).toBe(1);
    // The 静安 agent sees only her outlet's.
    const jingan = await outletId('WD-SH-002');
    const seen = await get(await login('zhao.min'), '/follow-ups?pageSize=200').expect(200);
    expect(seen.body.total).toBe(await count('follow_ups WHERE outlet_id = $1', [jingan]));
    expect(seen.body.total).toBeGreaterThan(0);

    // Inspections: the recurring one done and its next visit scheduled, one overdue, one to come.
    const inspections: { status: string; every_months: number | null; previous_id: string | null }[] =
      await dataSource.query(
        `SELECT status, every_months, previous_id FROM follow_ups WHERE kind = 'inspection'`,
      );
    expect(inspections).toHaveLength(DEMO_INSPECTIONS.length + 1);
    expect(summary.counts.inspections).toBe(inspections.length);
    expect(inspections.filter((row) => row.status === 'completed')).toHaveLength(1);
    expect(inspections.filter((row) => row.previous_id !== null)).toEqual([
      expect.objectContaining({ status: 'pending', every_months: 3 }),
    ]);
    // Every visit in the audit trail, every failed call kept.
    expect(
      await count(`follow_ups f WHERE NOT EXISTS (SELECT 1 FROM audit_log a
        WHERE a.entity_type = 'follow_up' AND a.entity_id = f.id::text)`),
    ).toBe(0);
    const attempts = await count('follow_up_attempts');
    expect(attempts).toBe(DEMO_FOLLOW_UPS.reduce((sum, demo) => sum + (demo.attempts?.length ?? 0), 0));
  });

  it('invites the customers of closed repairs and a campaign, and some answer through the public page', async () => {
    const [settings] = await dataSource.query(
      'SELECT invite_on_ticket_close, template_id FROM survey_settings',
    );
    expect(settings.invite_on_ticket_close).toBe(true);
    // One invitation for each closed repair whose customer has an email address, and no other.
    const closedWithEmail = await count(
      `tickets t JOIN customers c ON c.id = t.customer_id WHERE t.status = 'closed' AND c.email IS NOT NULL`,
    );
    expect(closedWithEmail).toBeGreaterThanOrEqual(5);
    expect(await count(`survey_invitations WHERE source = 'ticket_closed'`)).toBe(closedWithEmail);
    expect(
      await count(`survey_invitations i JOIN tickets t ON t.id = i.ticket_id
        WHERE i.source = 'ticket_closed' AND t.status <> 'closed'`),
    ).toBe(0);
    // The campaign: the Shanghai companies with an email invited, those without one counted.
    const [campaign] = await dataSource.query(
      'SELECT status, matched, invited, skipped_no_email FROM survey_campaigns',
    );
    expect(campaign.status).toBe('done');
    expect(campaign.invited).toBe(await count(`survey_invitations WHERE source = 'campaign'`));
    expect(campaign.invited).toBeGreaterThan(0);
    expect(campaign.skipped_no_email).toBeGreaterThan(0);
    expect(campaign.matched).toBe(campaign.invited + campaign.skipped_no_email);

    const invitations = await count('survey_invitations');
    const responses = await count('survey_responses');
    expect(summary.counts.surveyInvitations).toBe(invitations);
    expect(summary.counts.surveyResponses).toBe(responses);
    expect(responses).toBeGreaterThanOrEqual(5);
    expect(await count('survey_invitations WHERE answered_at IS NULL')).toBeGreaterThan(0);
    // Each answer as the customer gave it, once per customer.
    const answers: { name: string; answers: object }[] = await dataSource.query(
      `SELECT c.name, r.answers FROM survey_responses r
         JOIN survey_invitations i ON i.id = r.invitation_id JOIN customers c ON c.id = i.customer_id`,
    );
    for (const row of answers)
      expect([row.name, row.answers]).toEqual([row.name, DEMO_SURVEY_ANSWERS[row.name]]);
    expect(new Set(answers.map((row) => row.name)).size).toBe(answers.length);
    // Every invitation mailed and in the audit trail, every answer too.
    expect(await count(`messages WHERE template = 'survey-invitation'`)).toBe(invitations);
    expect(await count(`audit_log WHERE action = 'survey_invitation.sent'`)).toBe(invitations);
    expect(await count(`audit_log WHERE action = 'survey_invitation.answered'`)).toBe(responses);

    const manager = await login(MANAGER);
    const results = await get(manager, `/surveys/${settings.template_id}/results`).expect(200);
    expect(results.body.overall).toMatchObject({ sent: invitations, answered: responses });
    expect(results.body.overall.csat).not.toBeNull();
    expect(results.body.overall.nps).not.toBeNull();
    expect(results.body.byTechnician.length).toBeGreaterThan(1);
    // A link already used is refused like any unknown one.
    const [used] = await dataSource.query(
      `SELECT m.body FROM messages m JOIN survey_invitations i ON i.message_id = m.id
        WHERE i.answered_at IS NOT NULL LIMIT 1`,
    );
    const token = /\/public\/surveys\/([A-Za-z0-9_-]{43})/.exec(used.body)?.[1];
    await request(app.getHttpServer())
      .post(`/api/v1/public/surveys/${token}`)
      .send({ answers: { overall: 1, recommend: 0 } })
      .expect(404);
  });

  it("freezes last quarter's self-assessment, scored from the records, with its KPIs", async () => {
    const [assessment] = await dataSource.query(
      `SELECT status, score_snapshot AS score, jsonb_array_length(kpi_snapshot) AS kpis,
              (SELECT count(*)::int FROM assessment_items i
                WHERE i.assessment_id = a.id AND i.sample_basis IS NOT NULL) AS "fromRecords"
         FROM assessments a`,
    );
    expect(assessment).toMatchObject({ status: 'frozen', kpis: KPI_CODES.length });
    expect(assessment.score).toMatchObject({ specialDeductions: 1, pendingPoints: 0 });
    expect(assessment.score.level).toEqual(expect.any(String));
    // The repair records at least are judged from the tickets, not typed in.
    expect(assessment.fromRecords).toBeGreaterThanOrEqual(1);
    expect(summary.counts.assessments).toBe(1);
  });

  it('refuses a second run and changes nothing', async () => {
    const before = await snapshot();
    await expect(seedDemo(target.config)).rejects.toThrow(SeedRefusedError);
    await expect(seedDemo(target.config)).rejects.toThrow(/not empty/);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('refuses a database where a demo username is taken, before writing anything', async () => {
    const other = await seedTarget();
    const client = new Client({ connectionString: other.database.url });
    await client.connect();
    const rows = async (sql: string) => (await client.query(sql)).rows;
    try {
      await client.query(
        `INSERT INTO users (username, display_name, password_hash, roles)
         VALUES ('zhang.wei', '张伟', 'not-a-hash', '{technician}')`,
      );
      await expect(seedDemo(other.config)).rejects.toThrow(/zhang\.wei/);
      expect(await rows('SELECT username FROM users')).toEqual([{ username: 'zhang.wei' }]);
      expect(await rows('SELECT count(*)::int AS n FROM audit_log')).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
      await other.cleanUp();
    }
  }, 60_000);
});
