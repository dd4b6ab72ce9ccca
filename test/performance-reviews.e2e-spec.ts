import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createOutlet } from './factories/registers';

describe('performance reviews (员工绩效考核)', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager'], { displayName: '周经理' });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) =>
      t.http().get(`/api/v1/performance-reviews${path}`).set('Authorization', `Bearer ${token}`),
    post: (body: Record<string, unknown>) =>
      t.http().post('/api/v1/performance-reviews').set('Authorization', `Bearer ${token}`).send(body),
    patch: (id: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/performance-reviews/${id}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (id: string) =>
      t.http().delete(`/api/v1/performance-reviews/${id}`).set('Authorization', `Bearer ${token}`),
  });
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const q3 = { period: '2026年第三季度', periodStart: '2026-07-01', periodEnd: '2026-09-30' };

  it('creates with the acting manager as reviewer, reads, lists with filters, and audits', async () => {
    const zhang = await t.createUser(['technician'], { displayName: '张伟' });
    const created = await as(manager)
      .post({ userId: zhang.id, ...q3, score: 88.5, grade: 'B', comments: '响应及时，回访满意度高' })
      .expect(201);
    expect(created.body).toMatchObject({
      userId: zhang.id,
      displayName: '张伟',
      period: '2026年第三季度',
      score: 88.5,
      reviewerName: '周经理',
      version: 1,
    });
    const q2 = await as(manager)
      .post({
        userId: zhang.id,
        period: '2026年第二季度',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        score: 75,
      })
      .expect(201);

    const read = await as(manager).get(`/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ grade: 'B', reviewerId: created.body.reviewerId });

    const ids = async (query: string) =>
      (await as(manager).get(query).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`?userId=${zhang.id}`)).toEqual([created.body.id, q2.body.id]);
    expect(await ids(`?userId=${zhang.id}&from=2026-07-01`)).toEqual([created.body.id]);
    expect(await ids(`?userId=${zhang.id}&to=2026-06-30`)).toEqual([q2.body.id]);
    expect(await ids('?q=回访满意度')).toEqual([created.body.id]);

    const [entry] = await auditEntriesFor(t.dataSource, 'performance_review', created.body.id);
    expect(entry).toMatchObject({
      action: 'performance_review.created',
      changes: {
        userId: zhang.id,
        score: 88.5,
        reviewerId: created.body.reviewerId,
        period: '2026年第三季度',
      },
    });
  });

  it('refuses a second review of the same person and period with 409, and names bad fields', async () => {
    const user = await t.createUser(['technician']);
    await as(manager)
      .post({ userId: user.id, ...q3, score: 80 })
      .expect(201);
    const duplicate = await as(manager).post({ userId: user.id, ...q3, score: 90 });
    expect(duplicate.status).toBe(409);

    const unknown = await as(manager).post({
      userId: '00000000-0000-4000-8000-000000000000',
      ...q3,
      score: 80,
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['userId']);
    const backwards = await as(manager).post({ userId: user.id, ...q3, periodEnd: '2026-06-30', score: 80 });
    expect(fieldsOf(backwards.body)).toEqual(['periodEnd']);
    const outOfRange = await as(manager).post({ userId: user.id, ...q3, period: '', score: 100.5 });
    expect(outOfRange.status).toBe(400);
    expect(fieldsOf(outOfRange.body)).toEqual(['period', 'score']);
  });

  it('updates with the version read, refuses a stale one with 409, and checks the period against the stored dates', async () => {
    const user = await t.createUser(['technician']);
    const created = await as(manager)
      .post({ userId: user.id, ...q3, score: 70 })
      .expect(201);
    const id = created.body.id as string;
    const updated = await as(manager).patch(id, { score: 72, expectedVersion: 1 }).expect(200);
    expect(updated.body).toMatchObject({ score: 72, version: 2 });

    const stale = await as(manager).patch(id, { score: 74, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const endBeforeStart = await as(manager).patch(id, { periodEnd: '2026-06-01' });
    expect(fieldsOf(endBeforeStart.body)).toEqual(['periodEnd']);

    const entries = await auditEntriesFor(t.dataSource, 'performance_review', id);
    expect(entries.map((e) => e.action)).toEqual([
      'performance_review.created',
      'performance_review.updated',
    ]);
    expect(entries[1]?.changes).toEqual({ score: { from: 70, to: 72 } });
  });

  it('deletes a review nothing refers to, and refuses one with a signed form attached', async () => {
    const user = await t.createUser(['technician']);
    const free = await as(manager)
      .post({ userId: user.id, ...q3, score: 60 })
      .expect(201);
    await as(manager).delete(free.body.id).expect(204);
    const actions = (await auditEntriesFor(t.dataSource, 'performance_review', free.body.id)).map(
      (e) => e.action,
    );
    expect(actions).toContain('performance_review.deleted');

    const used = await as(manager)
      .post({
        userId: user.id,
        period: '2026年第四季度',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        score: 61,
      })
      .expect(201);
    await attachmentOn(t.dataSource, 'performance_review', used.body.id, user.id);
    const refused = await as(manager).delete(used.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');
  });

  it("shows people their own reviews only, outlet-bound managers their outlet's, and lets only managers write", async () => {
    const outlet = await createOutlet(t.dataSource);
    const own = await t.createUser(['technician'], { outletId: outlet.id });
    const colleague = await t.createUser(['technician'], { outletId: outlet.id });
    const remote = await t.createUser(['technician']);
    const mine = await as(manager)
      .post({ userId: own.id, ...q3, score: 90 })
      .expect(201);
    const theirs = await as(manager)
      .post({ userId: colleague.id, ...q3, score: 91 })
      .expect(201);
    const far = await as(manager)
      .post({ userId: remote.id, ...q3, score: 92 })
      .expect(201);
    const technician = (await t.login(own.username)).body.accessToken as string;

    await as(technician).get(`/${mine.body.id}`).expect(200);
    await as(technician).get(`/${theirs.body.id}`).expect(404);
    const listed = await as(technician).get('').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([mine.body.id]);
    await as(technician)
      .post({ userId: own.id, ...q3, score: 100 })
      .expect(403);
    await as(technician).patch(mine.body.id, { score: 100 }).expect(403);

    const outletManager = await t.tokenFor(['manager'], { outletId: outlet.id });
    const outletList = await as(outletManager).get(`?from=${q3.periodStart}&to=${q3.periodEnd}`).expect(200);
    expect(outletList.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [mine.body.id, theirs.body.id].sort(),
    );
    await as(outletManager).get(`/${far.body.id}`).expect(404);
    const foreign = await as(outletManager).post({ userId: remote.id, ...q3, period: '其他', score: 50 });
    expect(fieldsOf(foreign.body)).toEqual(['userId']);
  });
});
