import { randomUUID } from 'node:crypto';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { createOutlet } from './factories/registers';
import { TestApp, createTestApp } from './support/test-app';

describe('users', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(['admin']);
  });
  afterAll(() => t.close());

  const asAdmin = {
    post: (url: string, body: object) =>
      t.http().post(url).set('Authorization', `Bearer ${admin}`).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('Authorization', `Bearer ${admin}`).send(body),
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${admin}`),
  };

  it('creates a user who can then log in, and audits it without the password', async () => {
    const created = await asAdmin
      .post('/api/v1/users', {
        username: 'Li.Na',
        displayName: '李娜',
        password: 'secret-pass-1',
        roles: ['dispatcher'],
        email: 'lina@example.com',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'li.na',
      displayName: '李娜',
      roles: ['dispatcher'],
      version: 1,
    });
    expect(JSON.stringify(created.body)).not.toContain('secret-pass-1');
    expect(created.body.passwordHash).toBeUndefined();
    await t.login('li.na', 'secret-pass-1').expect(200);

    const entries = await t.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ entityId: created.body.id as string });
    const creation = entries.filter((e) => e.action === 'user.created');
    expect(creation).toHaveLength(1);
    expect(JSON.stringify(creation[0]?.changes)).not.toContain('secret-pass-1');
  });

  it('refuses a taken username with 409 naming the field', async () => {
    const body = { username: 'dup-user', displayName: 'D', password: 'long-enough', roles: ['agent'] };
    await asAdmin.post('/api/v1/users', body).expect(201);
    const again = await asAdmin.post('/api/v1/users', { ...body, username: 'DUP-user' }).expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', details: { field: 'username' } });
  });

  it('creates one user when two admins race for the same username', async () => {
    const body = { username: 'race-user', displayName: 'R', password: 'long-enough', roles: ['agent'] };
    const results = await Promise.all([1, 2, 3].map(() => asAdmin.post('/api/v1/users', body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'CONFLICT')).toBe(true);
  });

  it('updates with the expected version, records what changed, and refuses a stale version', async () => {
    const user = await t.createUser(['agent']);
    const updated = await asAdmin
      .patch(`/api/v1/users/${user.id}`, { roles: ['agent', 'dispatcher'], expectedVersion: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ roles: ['agent', 'dispatcher'], version: 2 });
    const stale = await asAdmin
      .patch(`/api/v1/users/${user.id}`, { displayName: 'Late', expectedVersion: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const entries = await t.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ entityId: user.id, action: 'user.updated' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changes).toEqual({ roles: { from: ['agent'], to: ['agent', 'dispatcher'] } });
  });

  it('lets exactly one of two concurrent updates at the same version win', async () => {
    const user = await t.createUser(['agent']);
    const results = await Promise.all(
      ['First', 'Second'].map((displayName) =>
        asAdmin.patch(`/api/v1/users/${user.id}`, { displayName, expectedVersion: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('disables a user, who then cannot log in; an admin cannot disable themselves', async () => {
    const user = await t.createUser(['agent']);
    await asAdmin.patch(`/api/v1/users/${user.id}`, { disabled: true }).expect(200);
    await t.login(user.username).expect(401);
    const me = await asAdmin.get('/api/v1/users/me').expect(200);
    await asAdmin.patch(`/api/v1/users/${me.body.id as string}`, { disabled: true }).expect(409);
  });

  it('unlocks a locked account', async () => {
    const user = await t.createUser(['agent']);
    for (let attempt = 1; attempt <= 5; attempt += 1) await t.login(user.username, 'wrong');
    await t.login(user.username).expect(401);
    await asAdmin.post(`/api/v1/users/${user.id}/unlock`, {}).expect(200);
    await t.login(user.username).expect(200);
  });

  it('lists with paging and filters, and 404s an unknown id', async () => {
    await t.createUser(['returns_clerk']);
    const page = await asAdmin.get('/api/v1/users?role=returns_clerk&pageSize=1').expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].roles).toContain('returns_clerk');
    const missing = await asAdmin.get(`/api/v1/users/${randomUUID()}`).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('refuses to bind a user to an outlet that does not exist', async () => {
    const admin = await t.tokenFor(['admin']);
    const response = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        username: 'nowhere',
        displayName: '无网点',
        password: 'long-enough-1',
        roles: ['agent'],
        outletId: randomUUID(),
      });
    expect(response.status).toBe(400);
    expect(response.body.details.fields[0].field).toBe('outletId');
  });

  it("shows a manager bound to an outlet only that outlet's users", async () => {
    const outletA = (await createOutlet(t.dataSource)).id;
    const outletB = (await createOutlet(t.dataSource)).id;
    const inA = await t.createUser(['technician'], { outletId: outletA });
    const inB = await t.createUser(['technician'], { outletId: outletB });
    const manager = await t.tokenFor(['manager'], { outletId: outletA });
    const list = await t
      .http()
      .get('/api/v1/users?pageSize=200')
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    const ids = (list.body.items as { id: string }[]).map((u) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    await t.http().get(`/api/v1/users/${inB.id}`).set('Authorization', `Bearer ${manager}`).expect(404);
    await t.http().get(`/api/v1/users/${inA.id}`).set('Authorization', `Bearer ${manager}`).expect(200);
  });
});
