import { IdempotencyKeyEntity } from '../src/common/idempotency/idempotency-key.entity';
import { IdempotencyInterceptor } from '../src/common/idempotency/idempotency.interceptor';
import { UserEntity } from '../src/users/user.entity';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { type TestApp, createTestApp } from './support/test-app';

describe('Idempotency-Key on creates', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(['admin']);
  });
  afterAll(() => t.close());

  const create = (key: string, body: object, token = admin) =>
    t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(body);
  const userBody = (username: string) => ({
    username,
    displayName: 'I',
    password: 'long-enough',
    roles: ['agent'],
  });
  const usersNamed = (username: string) => t.dataSource.getRepository(UserEntity).countBy({ username });

  it('answers a retry with the first result and creates nothing new', async () => {
    const first = await create('key-1', userBody('idem-one')).expect(201);
    const retry = await create('key-1', userBody('idem-one')).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await usersNamed('idem-one')).toBe(1);
    const audit = await t.dataSource
      .getRepository(AuditLogEntity)
      .countBy({ entityId: first.body.id as string });
    expect(audit).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await create('key-2', userBody('idem-two')).expect(201);
    const reused = await create('key-2', userBody('idem-other')).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await usersNamed('idem-other')).toBe(0);
  });

  it('creates once when the same request races itself', async () => {
    const results = await Promise.all([1, 2, 3].map(() => create('key-3', userBody('idem-race'))));
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await usersNamed('idem-race')).toBe(1);
  });

  it('keeps nothing for a failed request, so it can be retried', async () => {
    await create('key-4', { ...userBody('idem-fix'), roles: ['nobody'] }).expect(400);
    await create('key-4', userBody('idem-fix')).expect(201);
    expect(await usersNamed('idem-fix')).toBe(1);
  });

  it('keeps keys private to each user', async () => {
    const otherAdmin = await t.tokenFor(['admin']);
    await create('shared-key', userBody('idem-a')).expect(201);
    await create('shared-key', userBody('idem-b'), otherAdmin).expect(201);
    expect(await usersNamed('idem-b')).toBe(1);
  });

  it('refuses a malformed key naming the header', async () => {
    const response = await create('bad key with spaces', userBody('idem-bad')).expect(400);
    expect(response.body.details.fields[0].field).toBe('Idempotency-Key');
  });

  it('never repeats a change whose answer was not kept', async () => {
    const keepAnswer = jest
      .spyOn(IdempotencyInterceptor.prototype as unknown as { keepAnswer: () => Promise<void> }, 'keepAnswer')
      .mockResolvedValueOnce(undefined);
    await create('key-lost-answer', userBody('idem-lost')).expect(201);
    keepAnswer.mockRestore();
    const retry = await create('key-lost-answer', userBody('idem-lost')).expect(409);
    expect(retry.body.code).toBe('CONFLICT');
    expect(await usersNamed('idem-lost')).toBe(1);
    const key = await t.dataSource
      .getRepository(IdempotencyKeyEntity)
      .findOneByOrFail({ key: 'key-lost-answer' });
    expect(key.committedAt).toBeInstanceOf(Date);
  });
});
