import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { deleteRedisKeys, eventually } from './support/test-app';
import { TEST_REDIS_URL, databaseUrl } from './support/test-env';

const ROOT = path.join(__dirname, '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs src/main.ts as `npm start` would (compiled on the fly), with only the given environment. */
function startService(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('starting the service', () => {
  it('stops with one line naming a malformed DATABASE_URL', async () => {
    const started = startService({ DATABASE_URL: 'not a url at all' });
    expect(await started.exited).toBe(1);
    expect(started.output().trim().split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: DATABASE_URL: /),
    ]);
  });

  it('stops naming DATA_DIR when it cannot be created', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aftersales-datadir-'));
    await writeFile(path.join(dir, 'a-file'), '');
    const started = startService({ DATA_DIR: path.join(dir, 'a-file', 'data') });
    expect(await started.exited).toBe(1);
    await rm(dir, { recursive: true, force: true });
    expect(started.output()).toMatch(/^DATA_DIR: cannot create/m);
  });

  it('refuses the default JWT secret in production', async () => {
    const started = startService({ NODE_ENV: 'production' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/JWT_SECRET/);
  });

  it('creates its database, migrates, creates the first admin; api and worker roles split the work', async () => {
    const database = `aftersales_start_${randomBytes(4).toString('hex')}`;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersales-start-'));
    const apiPort = 20000 + Math.floor(Math.random() * 20000);
    const env = {
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `start_${database}`,
      DATA_DIR: dataDir,
      ADMIN_USERNAME: 'Admin',
      ADMIN_PASSWORD: 'first-admin-password',
      OUTBOX_POLL_MS: '100',
    };
    const api = startService({ ...env, ROLE: 'api', PORT: String(apiPort), LOG_LEVEL: 'info' });
    let worker: Started | null = null;
    try {
      const server = `http://127.0.0.1:${apiPort}`;
      await eventually(async () => {
        const response = await request(server)
          .get('/health')
          .catch(() => null);
        return response?.status === 200;
      }, 45000);
      const login = await request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'admin', password: 'first-admin-password' })
        .expect(200);
      expect(login.body.user.roles).toEqual(['admin']);
      await request(server).get('/docs').expect(200);
      const auth = `Bearer ${login.body.accessToken as string}`;
      const queued = await request(server)
        .post('/api/v1/messages/test')
        .set('Authorization', auth)
        .send({ to: 'ops@example.com' })
        .expect(202);
      const status = async () => {
        const list = await request(server).get('/api/v1/messages').set('Authorization', auth).expect(200);
        return (list.body.items as { id: string; status: string }[]).find((m) => m.id === queued.body.id)
          ?.status;
      };
      // The API instance only records the job; nothing sends it until a worker runs.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await status()).toBe('queued');

      const workerPort = apiPort + 1;
      worker = startService({ ...env, ROLE: 'worker', PORT: String(workerPort) });
      await eventually(async () => (await status()) === 'sent', 45000);
      await expect(request(`http://127.0.0.1:${workerPort}`).get('/health')).rejects.toThrow(/ECONNREFUSED/);

      // Logs: JSON lines, each request's line with its id, and never a password or a token.
      const logged = api.output();
      expect(logged).not.toContain('first-admin-password');
      expect(logged).not.toContain(login.body.accessToken as string);
      const requestLines = logged
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { req?: { url: string }; requestId?: string })
        .filter((line) => line.req);
      expect(requestLines.length).toBeGreaterThan(0);
      expect(requestLines.find((line) => line.req?.url === '/api/v1/auth/login')?.requestId).toEqual(
        expect.any(String),
      );
      expect(requestLines.every((line) => typeof line.requestId === 'string')).toBe(true);
    } finally {
      for (const started of [api, worker]) {
        started?.child.kill('SIGTERM');
        await started?.exited;
      }
      const client = new Client({ connectionString: databaseUrl('postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
      await deleteRedisKeys(env.REDIS_PREFIX);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
