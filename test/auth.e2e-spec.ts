import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { MessageEntity } from '../src/common/mail/message.entity';
import { LOCK_DURATION_MS } from '../src/auth/domain/login-lock';
import { UserEntity } from '../src/users/user.entity';
import { TEST_PASSWORD, TestApp, createTestApp } from './support/test-app';

describe('login and account lock', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives a token for the right password, and the token reads /users/me', async () => {
    const user = await t.createUser(['agent']);
    const login = await t.login(user.username).expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    expect(login.body.user).toMatchObject({ id: user.id, username: user.username, roles: ['agent'] });
    expect(login.body.user.passwordHash).toBeUndefined();
    const me = await t
      .http()
      .get('/api/v1/users/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body.id).toBe(user.id);
  });

  it('accepts the username in any case', async () => {
    const user = await t.createUser(['agent']);
    await t.login(user.username.toUpperCase()).expect(200);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const user = await t.createUser(['agent']);
    const wrong = await t.login(user.username, 'not-the-password').expect(401);
    const unknown = await t.login('nobody-here', TEST_PASSWORD).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('locks after five wrong passwords in a row, even against the right one, until the lock ends', async () => {
    const user = await t.createUser(['technician'], { email: 'tech@example.com' });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await t.login(user.username, 'wrong').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await t.login(user.username, 'wrong').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    const locked = await t.login(user.username).expect(401);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');

    const audit = await t.dataSource.getRepository(AuditLogEntity).findBy({ entityId: user.id });
    expect(audit.filter((e) => e.action === 'auth.login_failed')).toHaveLength(5);
    expect(audit.filter((e) => e.action === 'auth.account_locked')).toHaveLength(1);
    const notices = await t.dataSource.getRepository(MessageEntity).findBy({ relatedId: user.id });
    expect(notices).toEqual([
      expect.objectContaining({ template: 'account-locked', recipient: 'tech@example.com' }),
    ]);

    t.clock.advance(LOCK_DURATION_MS - 60_000);
    expect((await t.login(user.username).expect(401)).body.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(61_000);
    await t.login(user.username).expect(200);
    const after = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    expect(after.failedLoginCount).toBe(0);
  });

  it('starts counting afresh after a successful login', async () => {
    const user = await t.createUser(['agent']);
    for (let attempt = 1; attempt <= 4; attempt += 1) await t.login(user.username, 'wrong').expect(401);
    await t.login(user.username).expect(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) await t.login(user.username, 'wrong').expect(401);
    await t.login(user.username).expect(200);
  });

  it('counts at most five of a burst of wrong passwords, locks once and mails once', async () => {
    const user = await t.createUser(['agent'], { email: 'burst@example.com' });
    const burst = await Promise.all(Array.from({ length: 30 }, () => t.login(user.username, 'wrong')));
    const codes = burst.map((r) => r.body.code as string);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(25);
    const audit = t.dataSource.getRepository(AuditLogEntity);
    expect(await audit.countBy({ entityId: user.id, action: 'auth.login_failed' })).toBe(5);
    expect(await audit.countBy({ entityId: user.id, action: 'auth.account_locked' })).toBe(1);
    expect(await t.dataSource.getRepository(MessageEntity).countBy({ relatedId: user.id })).toBe(1);
  });

  it('refuses a disabled user, and the token of a user disabled after login', async () => {
    const disabled = await t.createUser(['agent'], { disabled: true });
    expect((await t.login(disabled.username).expect(401)).body.code).toBe('ACCOUNT_DISABLED');

    const user = await t.createUser(['agent']);
    const token = (await t.login(user.username)).body.accessToken as string;
    await t.dataSource.getRepository(UserEntity).update({ id: user.id }, { disabled: true });
    await t.http().get('/api/v1/users/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses missing, malformed and forged tokens with 401', async () => {
    expect((await t.http().get('/api/v1/users/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/v1/users/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwidXNlcm5hbWUiOiJ4In0.c2lnbmF0dXJlLWZyb20tc29tZW9uZS1lbHNl';
    await t.http().get('/api/v1/users/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });
});
