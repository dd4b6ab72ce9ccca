import { TestApp, createTestApp } from './support/test-app';

interface FieldProblem {
  field: string;
  problems: string[];
}

function fieldsOf(body: { details?: { fields?: FieldProblem[] } }): string[] {
  return (body.details?.fields ?? []).map((f) => f.field).sort();
}

describe('request validation and the error shape', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(['admin']);
  });
  afterAll(() => t.close());

  const createUser = (body: unknown) =>
    t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send(body as object);

  it('names an unknown field, a wrong type and a missing field in one 400', async () => {
    const response = await createUser({
      username: 'ok-name',
      displayName: 42,
      roles: ['agent'],
      nickname: 'x',
    }).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(fieldsOf(response.body)).toEqual(['displayName', 'nickname', 'password']);
    expect(typeof response.body.message).toBe('string');
  });

  it('refuses an unknown enum value, naming the field', async () => {
    const response = await createUser({
      username: 'enum-user',
      displayName: 'E',
      password: 'long-enough',
      roles: ['agent', 'superuser'],
    }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['roles']);
  });

  it('refuses overlong strings and huge numbers', async () => {
    const long = await createUser({
      username: 'long-user',
      displayName: 'x'.repeat(101),
      password: 'long-enough',
      roles: ['agent'],
    }).expect(400);
    expect(fieldsOf(long.body)).toEqual(['displayName']);
    const huge = await t
      .http()
      .get('/api/v1/users?page=1e400&pageSize=99999999999999999999')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(fieldsOf(huge.body)).toEqual(['page', 'pageSize']);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(response.headers['x-request-id']).toBe(response.body.requestId);
  });

  it('refuses a body that is too large with 413', async () => {
    const response = await createUser({ username: 'big', displayName: 'x'.repeat(2_000_000) }).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body of the wrong JSON kind (an array, a string)', async () => {
    await createUser([1, 2, 3]).expect(400);
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('"just a string"')
      .expect(400);
  });

  it('refuses a malformed id in the path with 400 naming it', async () => {
    const response = await t
      .http()
      .get('/api/v1/users/not-a-uuid')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['id']);
  });

  it('refuses the NUL character anywhere, naming the field', async () => {
    const body = await createUser({
      username: 'nul-user',
      displayName: 'a\u0000b',
      password: 'long-enough',
      roles: ['agent'],
    });
    expect(body.status).toBe(400);
    expect(fieldsOf(body.body)).toEqual(['displayName']);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'x\u0000', password: 'y' })
      .expect(400);
    expect(fieldsOf(login.body)).toEqual(['username']);
    const query = await t
      .http()
      .get('/api/v1/users?q=%00')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(fieldsOf(query.body)).toEqual(['q']);
    const audit = await t
      .http()
      .get('/api/v1/audit-log?entityId=%00')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(fieldsOf(audit.body)).toEqual(['entityId']);
  });

  it('refuses null where a field cannot be emptied, and dates out of range', async () => {
    const me = await t.http().get('/api/v1/users/me').set('Authorization', `Bearer ${admin}`).expect(200);
    const nulls = await t
      .http()
      .patch(`/api/v1/users/${me.body.id as string}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: null, displayName: null, roles: null })
      .expect(400);
    expect(fieldsOf(nulls.body)).toEqual(['displayName', 'password', 'roles']);
    const dates = await t
      .http()
      .get('/api/v1/audit-log?from=-200000-01-01&to=not-a-date')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(fieldsOf(dates.body)).toEqual(['from', 'to']);
  });

  it('speaks English when asked', async () => {
    const zh = await createUser({}).expect(400);
    const en = await createUser({}).set('Accept-Language', 'en-US').expect(400);
    expect(zh.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.body.message).toMatch(/^Invalid fields: /);
  });
});
