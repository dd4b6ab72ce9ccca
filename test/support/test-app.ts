import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/common/config/config';
import { OutboxRelay } from '../../src/common/outbox/outbox.relay';
import { HTTP_APP_OPTIONS, configureHttpApp } from '../../src/http-app';
import type { Role } from '../../src/users/domain/roles';
import { hashPassword } from '../../src/users/password';
import { UserEntity } from '../../src/users/user.entity';
import { TestClock } from './test-clock';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_REDIS_URL } from './test-env';

export const TEST_PASSWORD = 'test-password-1';

type PendingRequest = ReturnType<ReturnType<typeof request>['post']>;

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Extra modules, e.g. a controller that only a test needs. */
  imports?: Type[];
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  clock: TestClock;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Creates a user with the given roles and returns it. */
  createUser(roles: Role[], fields?: Partial<UserEntity>): Promise<UserEntity>;
  /** Creates a user with the given roles and returns a bearer token for it. */
  tokenFor(roles: Role[], fields?: Partial<UserEntity>): Promise<string>;
  login(username: string, password?: string): PendingRequest;
  relay(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole application on a database and a Redis key prefix of this test file's own.
 * The outbox relay's timer is slowed right down; tests run relay() when they want delivery.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersales-test-'));
  const redisPrefix = `test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    DATA_DIR: dataDir,
    JOB_BACKOFF_MS: '20',
    OUTBOX_POLL_MS: '600000',
    ...options.env,
  });
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
  app.useLogger(app.get(Logger));
  configureHttpApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  let users = 0;

  const createUser = async (roles: Role[], fields: Partial<UserEntity> = {}): Promise<UserEntity> => {
    users += 1;
    const repository = dataSource.getRepository(UserEntity);
    return repository.save(
      repository.create({
        username: `${roles.join('-').replace(/_/g, '-')}-${users}`,
        displayName: `Test ${roles.join(' ')} ${users}`,
        passwordHash: await hashPassword(TEST_PASSWORD),
        roles,
        ...fields,
      }),
    );
  };
  const login = (username: string, password = TEST_PASSWORD): PendingRequest =>
    request(server).post('/api/v1/auth/login').send({ username, password });

  return {
    app,
    config,
    dataSource,
    clock,
    database,
    http: () => request(server),
    createUser,
    login,
    async tokenFor(roles, fields) {
      const user = await createUser(roles, fields);
      const response = await login(user.username);
      return (response.body as { accessToken: string }).accessToken;
    },
    async relay() {
      await app.get(OutboxRelay).relayOnce();
    },
    async close() {
      await app.close();
      await database.drop();
      await deleteRedisKeys(redisPrefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes every key a test wrote under its prefix. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls until the check passes or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
