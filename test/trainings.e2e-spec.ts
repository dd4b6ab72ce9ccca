import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createCustomer, createOutlet } from './factories/registers';

describe('trainings (员工培训 / 客户培训)', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1/trainings${path}`).set('Authorization', `Bearer ${token}`),
    post: (body: Record<string, unknown>) =>
      t.http().post('/api/v1/trainings').set('Authorization', `Bearer ${token}`).send(body),
    patch: (id: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/trainings/${id}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (id: string) =>
      t.http().delete(`/api/v1/trainings/${id}`).set('Authorization', `Bearer ${token}`),
  });
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const training = (fields: Record<string, unknown> = {}) => ({
    kind: 'staff',
    topic: '变频空调故障诊断',
    heldOn: '2026-03-10',
    hours: 3.5,
    trainer: '李工',
    ...fields,
  });
  const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

  it('creates with attendees, fills their names, reads, lists with filters, and audits the attendees', async () => {
    const zhang = await t.createUser(['technician'], { displayName: '张伟' });
    const outlet = await createOutlet(t.dataSource);
    const created = await as(manager)
      .post(
        training({
          outletId: outlet.id,
          location: '浦东培训室',
          attendees: [
            { userId: zhang.id, result: 'passed', score: 92.5 },
            { name: '外协 王五', result: 'failed', score: 55 },
          ],
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'staff',
      hours: 3.5,
      outletId: outlet.id,
      attendeeCount: 2,
      version: 1,
    });
    expect(created.body.attendees).toEqual([
      {
        id: expect.any(String),
        userId: null,
        customerId: null,
        name: '外协 王五',
        result: 'failed',
        score: 55,
      },
      {
        id: expect.any(String),
        userId: zhang.id,
        customerId: null,
        name: '张伟',
        result: 'passed',
        score: 92.5,
      },
    ]);

    const customer = await createCustomer(t.dataSource, { name: '上海申华物业' });
    const forCustomers = await as(manager)
      .post(
        training({
          kind: 'customer',
          topic: '空调日常保养',
          heldOn: '2026-04-02',
          trainer: '王工',
          attendees: [{ customerId: customer.id }],
        }),
      )
      .expect(201);
    expect(forCustomers.body.attendees[0]).toMatchObject({ customerId: customer.id, name: '上海申华物业' });

    const read = await as(manager).get(`/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ topic: '变频空调故障诊断', attendeeCount: 2, location: '浦东培训室' });

    const ids = async (query: string) =>
      (await as(manager).get(query).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`?userId=${zhang.id}`)).toEqual([created.body.id]);
    expect(await ids('?kind=customer&q=保养')).toEqual([forCustomers.body.id]);
    expect(await ids(`?outletId=${outlet.id}`)).toEqual([created.body.id]);
    expect(await ids('?from=2026-04-01&to=2026-04-30&q=王工')).toEqual([forCustomers.body.id]);

    const [entry] = await auditEntriesFor(t.dataSource, 'training', created.body.id);
    expect(entry).toMatchObject({
      action: 'training.created',
      changes: {
        topic: '变频空调故障诊断',
        hours: 3.5,
        attendees: { count: { from: 0, to: 2 }, added: expect.arrayContaining(['张伟', '外协 王五']) },
      },
    });
  });

  it('names each bad attendee and field in the 400', async () => {
    const customer = await createCustomer(t.dataSource);
    const user = await t.createUser(['technician']);
    const unknown = await as(manager).post(
      training({ attendees: [{ userId: NO_SUCH_ID }, { name: '赵六' }, { customerId: NO_SUCH_ID }] }),
    );
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['attendees.0.userId', 'attendees.2.customerId']);

    const shapes = await as(manager).post(
      training({
        attendees: [{ userId: user.id, customerId: customer.id }, { result: 'passed' }, { userId: user.id }],
      }),
    );
    expect(shapes.status).toBe(400);
    expect(fieldsOf(shapes.body)).toEqual([
      'attendees.0.customerId',
      'attendees.1.name',
      'attendees.2.userId',
    ]);

    const values = await as(manager).post(
      training({ hours: 0, outletId: null, attendees: [{ name: '赵六', result: 'excellent', score: 101 }] }),
    );
    expect(values.status).toBe(400);
    expect(fieldsOf(values.body)).toEqual(['attendees.0.result', 'attendees.0.score', 'hours']);

    const precision = await as(manager).post(training({ hours: 1.25 }));
    expect(fieldsOf(precision.body)).toEqual(['hours']);
    const outlet = await as(manager).post(training({ outletId: NO_SUCH_ID }));
    expect(outlet.status).toBe(400);
    expect(fieldsOf(outlet.body)).toEqual(['outletId']);
    const crowd = await as(manager).post(
      training({ attendees: Array.from({ length: 501 }, (_, i) => ({ name: `学员${i}` })) }),
    );
    expect(crowd.status).toBe(400);
    expect(fieldsOf(crowd.body)).toEqual(['attendees']);
  });

  it('replaces the attendee list on update, in one audited version, and refuses a stale version', async () => {
    const zhang = await t.createUser(['technician'], { displayName: '张伟' });
    const li = await t.createUser(['technician'], { displayName: '李娜' });
    const created = await as(manager)
      .post(training({ attendees: [{ userId: zhang.id }, { userId: li.id, result: 'passed' }] }))
      .expect(201);
    const id = created.body.id as string;

    const updated = await as(manager)
      .patch(id, {
        expectedVersion: 1,
        hours: 4,
        attendees: [{ userId: zhang.id, result: 'passed', score: 80 }, { name: '王芳' }],
      })
      .expect(200);
    expect(updated.body).toMatchObject({ version: 2, hours: 4, attendeeCount: 2 });
    expect(updated.body.attendees.map((a: { name: string }) => a.name)).toEqual(['张伟', '王芳']);

    const unchanged = await as(manager)
      .patch(id, { attendees: [{ name: '王芳' }, { userId: zhang.id, result: 'passed', score: 80 }] })
      .expect(200);
    expect(unchanged.body.version).toBe(2);

    const stale = await as(manager).patch(id, { topic: '新主题', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const entries = await auditEntriesFor(t.dataSource, 'training', id);
    expect(entries.map((e) => e.action)).toEqual(['training.created', 'training.updated']);
    expect(entries[1]?.changes).toEqual({
      hours: { from: 3.5, to: 4 },
      attendees: {
        count: { from: 2, to: 2 },
        added: ['王芳'],
        removed: ['李娜'],
        changed: [
          {
            name: '张伟',
            from: { result: 'not_assessed', score: null },
            to: { result: 'passed', score: 80 },
          },
        ],
      },
    });
  });

  it('deletes a training with its attendees, but refuses one with a file attached', async () => {
    const user = await t.createUser(['technician']);
    const free = await as(manager)
      .post(training({ attendees: [{ userId: user.id }] }))
      .expect(201);
    await as(manager).delete(free.body.id).expect(204);
    await as(manager).get(`/${free.body.id}`).expect(404);
    const actions = (await auditEntriesFor(t.dataSource, 'training', free.body.id)).map((e) => e.action);
    expect(actions).toContain('training.deleted');

    const used = await as(manager)
      .post(training({ attendees: [{ userId: user.id }] }))
      .expect(201);
    await attachmentOn(t.dataSource, 'training', used.body.id, user.id);
    const refused = await as(manager).delete(used.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');
    expect((await as(manager).get(`/${used.body.id}`).expect(200)).body.attendeeCount).toBe(1);
  });

  it("shows outlet-bound users their outlet's trainings only, and lets only managers and admins write", async () => {
    const outlet = await createOutlet(t.dataSource);
    const elsewhere = await createOutlet(t.dataSource);
    const local = await as(manager)
      .post(training({ topic: '网点A培训', outletId: outlet.id }))
      .expect(201);
    const remote = await as(manager)
      .post(training({ topic: '网点B培训', outletId: elsewhere.id }))
      .expect(201);
    const outletTechnician = await t.tokenFor(['technician'], { outletId: outlet.id });

    const listed = await as(outletTechnician).get('?q=网点').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([local.body.id]);
    await as(outletTechnician).get(`/${remote.body.id}`).expect(404);
    await as(outletTechnician).post(training()).expect(403);

    const headOfficeTechnician = await t.tokenFor(['technician']);
    await as(headOfficeTechnician).get('').expect(403);
    await as(headOfficeTechnician).get(`/${local.body.id}`).expect(404);

    const outletManager = await t.tokenFor(['manager'], { outletId: outlet.id });
    const own = await as(outletManager)
      .post(training({ topic: '本网点培训' }))
      .expect(201);
    expect(own.body.outletId).toBe(outlet.id);
    const foreign = await as(outletManager).post(training({ outletId: elsewhere.id }));
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['outletId']);

    const owner = t.app.get(AttachmentOwners).find('training');
    const viewer = { id: 'x', username: 'x', roles: ['technician' as const], outletId: outlet.id };
    expect(await owner?.visibleTo(local.body.id, viewer)).toBe(true);
    expect(await owner?.visibleTo(remote.body.id, viewer)).toBe(false);
  });

  it('sums a year of staff training hours per service staff member', async () => {
    const outlet = await createOutlet(t.dataSource);
    const trained = await t.createUser(['technician'], { outletId: outlet.id });
    const untrained = await t.createUser(['agent'], { outletId: outlet.id });
    await t.createUser(['technician'], { outletId: outlet.id, disabled: true });
    const attend = [{ userId: trained.id }];
    await as(manager)
      .post(training({ heldOn: '2026-02-01', hours: 2.5, attendees: attend }))
      .expect(201);
    await as(manager)
      .post(training({ heldOn: '2026-11-30', hours: 4, attendees: attend }))
      .expect(201);
    await as(manager)
      .post(training({ heldOn: '2025-12-31', hours: 8, attendees: attend }))
      .expect(201);
    await as(manager)
      .post(training({ kind: 'customer', hours: 8, attendees: attend }))
      .expect(201);
    const cancelled = await as(manager)
      .post(training({ hours: 8, attendees: attend }))
      .expect(201);
    await as(manager).patch(cancelled.body.id, { active: false }).expect(200);

    const outletManager = await t.tokenFor(['manager'], { outletId: outlet.id });
    const summary = await as(outletManager).get('/summary?year=2026').expect(200);
    expect(summary.body.year).toBe(2026);
    const byUser = Object.fromEntries(
      summary.body.items.map((item: { userId: string; hours: number; trainings: number }) => [
        item.userId,
        { hours: item.hours, trainings: item.trainings },
      ]),
    );
    expect(Object.keys(byUser)).toHaveLength(3);
    expect(byUser[trained.id]).toEqual({ hours: 6.5, trainings: 2 });
    expect(byUser[untrained.id]).toEqual({ hours: 0, trainings: 0 });
    expect(summary.body).toMatchObject({ totalHours: 6.5, averageHours: 2.2 });

    const technician = await t.tokenFor(['technician'], { outletId: outlet.id });
    await as(technician).get('/summary?year=2026').expect(403);
    const badYear = await as(manager).get('/summary?year=abc');
    expect(fieldsOf(badYear.body)).toEqual(['year']);
  });
});
