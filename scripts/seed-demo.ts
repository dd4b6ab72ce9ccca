/**
 * `npm run seed:demo`: fills an empty database with a believable demo company (outlets, staff,
 * catalog, suppliers, tools, customers and their units) so that a new user can try the system at once.
 *
 * It is a client of the HTTP API: it starts the application in this process on a free local port and
 * creates every record through /api/v1 as the demo users, so that each passes the same validation and
 * gets the same audit entry as a person's would. Only the administrator it logs in with is created
 * directly, since no one could create it through the API yet. The repair tickets' stories are told on
 * an application clock set back to each moment of the story (see SeedClock); the background worker then
 * runs, as `npm run start:worker` would, until the deadline checks already due have recorded the breaches.
 */
import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AuditService, SYSTEM_ACTOR } from '../src/audit/audit.service';
import { ProductEntity } from '../src/catalog/product.entity';
import { calendarDate } from '../src/common/calendar';
import { Clock } from '../src/common/clock';
import { AppConfig, ConfigError, redactUrl } from '../src/common/config/config';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { inTransaction } from '../src/common/database/transaction';
import type { OutboxTopic } from '../src/common/queue/queue.constants';
import { prepareDatabase } from '../src/common/database/prepare-database';
import { CustomerEntity } from '../src/customers/customer.entity';
import { API_PREFIX, HTTP_APP_OPTIONS, configureHttpApp } from '../src/http-app';
import { OutletEntity } from '../src/outlets/outlet.entity';
import type { Role } from '../src/users/domain/roles';
import { hashPassword } from '../src/users/password';
import { UserEntity } from '../src/users/user.entity';
import { type DemoSession, logIn } from './demo-data/api-client';
import { DEMO_OUTLETS } from './demo-data/outlets';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_USERS, MANAGER } from './demo-data/people';
import { SeedClock } from './demo-data/seed-clock';
import { DemoIds, SEED_KINDS, type SeedContext, type SeedKind } from './demo-data/seed-step';
import { DEMO_STEPS } from './demo-data/steps';

/** The database already holds data: nothing was changed. */
export class SeedRefusedError extends Error {}

export interface DemoLogin {
  username: string;
  displayName: string;
  roles: Role[];
  /** The outlet the user is bound to, by name; null for head office. */
  outlet: string | null;
}

export interface SeedSummary {
  /** The company-zone date every demo date was counted from. */
  today: string;
  counts: Partial<Record<SeedKind, number>>;
  /** Every demo user; they all log in with `password`. */
  logins: DemoLogin[];
  password: string;
}

type Log = (line: string) => void;

/** Seeds the database of `config`; refuses (SeedRefusedError) unless it has no outlets, customers or products. */
export async function seedDemo(config: AppConfig, log: Log = () => undefined): Promise<SeedSummary> {
  await mkdir(config.dataDir, { recursive: true });
  await prepareDatabase(config.databaseUrl);
  const clock = new SeedClock();
  const app = await startApi(config, clock);
  let run: SeedRun;
  try {
    const dataSource = app.get(DataSource);
    const adminExists = await assertSeedable(dataSource);
    if (!adminExists) {
      await createDemoAdmin(dataSource, app.get(AuditService));
      log(`已创建管理员 created admin ${DEMO_ADMIN.username}`);
    }
    const { port } = app.getHttpServer().address() as AddressInfo;
    run = new SeedRun(`http://127.0.0.1:${port}`, clock, config.companyTimeZone, {
      runJobs: () => runDueJobs(config),
      mailText: (id) => mailText(dataSource, id),
    });
    for (const step of DEMO_STEPS) {
      log(`… ${step.title}`);
      try {
        await step.run(run);
      } catch (error) {
        throw new Error(
          `${step.title}: ${(error as Error).message}\n` +
            '数据库中已有部分演示数据：删除该数据库后重新运行。' +
            ' The database now holds part of the demo data: drop it and run again.',
          { cause: error },
        );
      }
    }
    log('… 后台任务：超时检查 background jobs: deadline checks');
    await runDueJobs(config);
    const [{ n: breaches }] = await app
      .get(DataSource)
      .query<[{ n: number }]>('SELECT count(*)::int AS n FROM ticket_breaches');
    run.counted('ticketBreaches', breaches);
  } finally {
    await app.close();
  }
  return { today: run.today, counts: run.counts, logins: demoLogins(), password: DEMO_PASSWORD };
}

/** The request log of a few hundred calls would bury the summary: warnings and errors only. */
function quietLogLevel(config: AppConfig): AppConfig['logLevel'] {
  return ['silent', 'fatal', 'error'].includes(config.logLevel) ? config.logLevel : 'warn';
}

/**
 * The application as main.ts starts it, HTTP only (no background jobs here), on a free loopback port,
 * on the seed's clock instead of the system's.
 */
async function startApi(config: AppConfig, clock: Clock): Promise<NestExpressApplication> {
  const module = AppModule.forRoot({ ...config, role: 'api', logLevel: quietLogLevel(config) });
  const moduleRef = await Test.createTestingModule({ imports: [module] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
  app.useLogger(app.get(Logger));
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** Topics whose jobs the seed does not wait for. */
const UNAWAITED_TOPICS: readonly OutboxTopic[] = ['mail.send'];
const WORKER_WAIT_MS = 60_000;
const WORKER_POLL_MS = 250;

/**
 * Runs the worker (outbox relay and queue processors, on the system clock) until every job due by now
 * has been handled: the events the stories raised are handled (follow-ups of resolved tickets…), and
 * the deadline checks whose time has passed record the breaches, as they would have in a running
 * system, and notify. Checks not yet due stay queued with their delay, for the application's own worker.
 */
async function runDueJobs(config: AppConfig): Promise<void> {
  const module = AppModule.forRoot({ ...config, role: 'worker', logLevel: quietLogLevel(config) });
  const worker = await NestFactory.createApplicationContext(module, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  await worker.init();
  try {
    const dataSource = worker.get(DataSource);
    const dueBy = new Date();
    const giveUpAt = Date.now() + WORKER_WAIT_MS;
    while ((await unhandledJobs(dataSource, dueBy)) > 0) {
      if (Date.now() > giveUpAt) {
        throw new Error(
          `后台任务 ${WORKER_WAIT_MS / 1000} 秒内未完成，演示数据不全：请检查 Redis 与日志。\n` +
            `Background jobs did not finish within ${WORKER_WAIT_MS / 1000} s, so the demo data is incomplete: ` +
            'check Redis and the log.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, WORKER_POLL_MS));
    }
  } finally {
    await worker.close();
  }
}

/** The text of a mail as it went out, read where the system keeps it. */
async function mailText(dataSource: DataSource, messageId: string): Promise<string> {
  const [message] = await dataSource.query<{ body: string }[]>('SELECT body FROM messages WHERE id = $1', [
    messageId,
  ]);
  if (!message) throw new Error(`No message ${messageId}`);
  return message.body;
}

/** Jobs due by `dueBy` that no consumer has handled yet (mail is sent or failed, never waited for). */
async function unhandledJobs(dataSource: DataSource, dueBy: Date): Promise<number> {
  const [{ n }] = await dataSource.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM outbox o
      WHERE o.topic <> ALL($1) AND (o.run_at IS NULL OR o.run_at <= $2)
        AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.outbox_id = o.id)`,
    [UNAWAITED_TOPICS, dueBy],
  );
  return n;
}

/**
 * Refuses a database that already holds outlets, customers or products, or a user under a demo
 * name; checked before anything is written. Answers whether the demo admin already exists.
 */
async function assertSeedable(dataSource: DataSource): Promise<boolean> {
  const count = (entity: EntityTarget<ObjectLiteral>) => dataSource.getRepository(entity).count();
  const [outlets, customers, products] = await Promise.all([
    count(OutletEntity),
    count(CustomerEntity),
    count(ProductEntity),
  ]);
  if (outlets + customers + products > 0) {
    throw new SeedRefusedError(
      `数据库不是空的（网点 ${outlets}、客户 ${customers}、产品 ${products}），演示数据只写入空数据库；未做任何修改。\n` +
        `The database is not empty (outlets ${outlets}, customers ${customers}, products ${products}): ` +
        'demo data goes only into an empty database. Nothing was changed.',
    );
  }
  const users = dataSource.getRepository(UserEntity);
  const taken = await users.findBy({ username: In(DEMO_USERS.map((user) => user.username)) });
  if (taken.length > 0) {
    const names = taken.map((user) => user.username).join(', ');
    throw new SeedRefusedError(
      `演示用户名已被占用：${names}；未做任何修改。\nDemo usernames already taken: ${names}. Nothing was changed.`,
    );
  }
  const admin = await users.findOneBy({ username: DEMO_ADMIN.username });
  if (admin && (admin.disabled || !admin.roles.includes('admin'))) {
    throw new SeedRefusedError(
      `用户 ${DEMO_ADMIN.username} 已存在但不是启用的管理员；未做任何修改。\n` +
        `User ${DEMO_ADMIN.username} exists but is not an enabled admin. Nothing was changed.`,
    );
  }
  return admin !== null;
}

/** Created like the first admin at start-up: by the system, with its audit entry. */
async function createDemoAdmin(dataSource: DataSource, audit: AuditService): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(dataSource, async (tx) => {
    const repository = tx.getRepository(UserEntity);
    const user = await repository.save(
      repository.create({ ...DEMO_ADMIN, roles: ['admin'], passwordHash, email: null, outletId: null }),
    );
    await audit.append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      changes: { username: user.username, roles: user.roles, reason: 'demo admin from npm run seed:demo' },
    });
  });
}

/** The steps' view of the run: sessions of the demo users, the ids created so far, the counts, the clock. */
class SeedRun implements SeedContext {
  readonly ids = new DemoIds();
  readonly counts: Partial<Record<SeedKind, number>> = {};
  readonly today: string;
  private readonly sessions = new Map<string, Promise<DemoSession>>();

  constructor(
    private readonly baseUrl: string,
    private readonly clock: SeedClock,
    readonly timeZone: string,
    private readonly worker: { runJobs(): Promise<void>; mailText(id: string): Promise<string> },
  ) {
    this.today = calendarDate(clock.now(), timeZone);
  }

  runBackgroundJobs(): Promise<void> {
    return this.worker.runJobs();
  }

  mailText(messageId: string): Promise<string> {
    return this.worker.mailText(messageId);
  }

  setAppTime(at: Date | null): void {
    this.clock.set(at);
  }

  as(username: string): Promise<DemoSession> {
    let session = this.sessions.get(username);
    if (session === undefined) {
      session = logIn(this.baseUrl, username, DEMO_PASSWORD);
      this.sessions.set(username, session);
    }
    return session;
  }

  counted(kind: SeedKind, count = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + count;
  }
}

function demoLogins(): DemoLogin[] {
  const outletNames = new Map(DEMO_OUTLETS.map(({ outlet }) => [outlet.code, outlet.name]));
  return [
    { ...DEMO_ADMIN, roles: ['admin'], outlet: null },
    ...DEMO_USERS.map((user) => ({
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      outlet: user.outletCode === undefined ? null : (outletNames.get(user.outletCode) ?? null),
    })),
  ];
}

/** Columns a terminal gives the text: Chinese characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u2e80-\uffef]/.test(char) ? 2 : 1), 0);
}

/** Left-aligned columns, whatever mix of Chinese and Latin they hold. */
function table(rows: string[][]): string[] {
  const width = (column: number) => Math.max(...rows.map((row) => displayWidth(row[column] ?? '')));
  return rows.map((row) => {
    const cells = row.map((cell, column) => cell + ' '.repeat(width(column) - displayWidth(cell)));
    return `  ${cells.join('  ')}`.trimEnd();
  });
}

/** What the command prints when done, in Chinese and English. */
export function formatSummary(summary: SeedSummary): string {
  const counts = Object.entries(summary.counts).map(([kind, count]) => [
    SEED_KINDS[kind as SeedKind],
    kind.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`),
    String(count),
  ]);
  const logins = summary.logins.map((login) => [
    login.username,
    login.displayName,
    login.roles.join(', '),
    login.outlet ?? '',
  ]);
  return [
    '',
    `演示数据已写入 Demo data created (日期自 dates counted from ${summary.today})`,
    ...table(counts),
    '',
    `演示账号 Demo logins — 密码 password: ${summary.password}`,
    '  仅供演示，切勿用于生产环境 / for demos only, never on a production system',
    ...table(logins),
    '',
    `登录 Log in: POST /${API_PREFIX}/auth/login {"username":"${MANAGER}","password":"${summary.password}"}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`Configuration error: ${error.message}`);
    throw error;
  }
  const write = (line: string) => process.stdout.write(`${line}\n`);
  write(`演示数据 Demo data → ${redactUrl(config.databaseUrl)}`);
  write(formatSummary(await seedDemo(config, write)));
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
