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
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DISPATCHER } from '../scripts/demo-data/people';
import { DEMO_TICKETS } from '../scripts/demo-data/tickets';
import { SeedRefusedError, type SeedSummary, formatSummary, seedDemo } from '../scripts/seed-demo';
import { AppModule } from '../src/app.module';
import { ExpiryScanService } from '../src/common/expiry/expiry-scan.service';
import { AppConfig, loadConfig } from '../src/common/config/config';
import { HTTP_APP_OPTIONS, configureHttpApp } from '../src/http-app';
import { OPEN_TICKET_STATUSES, TICKET_STATUSES } from '../src/tickets/domain/ticket-fields';
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
    expect(sorted(rows)).toEqual(sorted(DEMO_TICKETS.map(({ fault, status }) => ({ fault, status }))));
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
