import { ExpirySources } from '../src/common/expiry/expiry-sources';
import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, TEST_PASSWORD, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createOutlet } from './factories/registers';

describe('qualifications (资格证书)', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Noon in Shanghai: "today" for validity is 2026-06-01.
    t.clock.setTo('2026-06-01T04:00:00Z');
    manager = await t.tokenFor(['manager']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) =>
      t.http().get(`/api/v1/qualifications${path}`).set('Authorization', `Bearer ${token}`),
    post: (body: Record<string, unknown>) =>
      t.http().post('/api/v1/qualifications').set('Authorization', `Bearer ${token}`).send(body),
    patch: (id: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/qualifications/${id}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (id: string) =>
      t.http().delete(`/api/v1/qualifications/${id}`).set('Authorization', `Bearer ${token}`),
  });
  const tokenOf = async (username: string) =>
    (await t.login(username, TEST_PASSWORD)).body.accessToken as string;
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field);

  it('creates, reads, lists with filters and search, with status and holder, and audits the creation', async () => {
    const zhang = await t.createUser(['technician'], { displayName: '张伟' });
    const created = await as(manager)
      .post({
        userId: zhang.id,
        type: '电工证',
        certificateNumber: 'T-123',
        issuer: '上海市应急管理局',
        issuedOn: '2020-06-01',
        validUntil: '2026-06-20',
        productCategories: ['空调', '冰箱'],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      userId: zhang.id,
      username: zhang.username,
      displayName: '张伟',
      status: 'expiring',
      productCategories: ['空调', '冰箱'],
      version: 1,
    });
    await as(manager)
      .post({ userId: zhang.id, type: '焊工证', certificateNumber: 'H-1', validUntil: '2026-05-31' })
      .expect(201);
    await as(manager)
      .post({ userId: zhang.id, type: '售后服务管理师', certificateNumber: 'S-1', validUntil: null })
      .expect(201);
    await as(manager)
      .post({ userId: zhang.id, type: '制冷证', certificateNumber: 'Z-1', validUntil: '2026-07-02' })
      .expect(201);

    const read = await as(manager).get(`/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ certificateNumber: 'T-123', issuer: '上海市应急管理局' });

    const statusOf = async (status: string) =>
      (await as(manager).get(`?userId=${zhang.id}&status=${status}`).expect(200)).body.items.map(
        (q: { certificateNumber: string }) => q.certificateNumber,
      );
    expect(await statusOf('expiring')).toEqual(['T-123']);
    expect(await statusOf('expired')).toEqual(['H-1']);
    expect(await statusOf('valid')).toEqual(['Z-1']);
    expect(await statusOf('no_expiry')).toEqual(['S-1']);

    const byCategory = await as(manager).get(`?userId=${zhang.id}&productCategory=冰箱`).expect(200);
    expect(byCategory.body.items.map((q: { type: string }) => q.type)).toEqual(['电工证']);
    const byName = await as(manager).get('?q=张伟&type=焊工证').expect(200);
    expect(byName.body).toMatchObject({ total: 1, items: [{ certificateNumber: 'H-1', status: 'expired' }] });

    const [entry] = await auditEntriesFor(t.dataSource, 'qualification', created.body.id);
    expect(entry).toMatchObject({
      action: 'qualification.created',
      changes: {
        userId: zhang.id,
        type: '电工证',
        validUntil: '2026-06-20',
        productCategories: ['空调', '冰箱'],
      },
    });
  });

  it('refuses a holder who does not exist, a validity that ends before it starts, and too many categories', async () => {
    const holder = await t.createUser(['technician']);
    const unknown = await as(manager).post({
      userId: '00000000-0000-4000-8000-000000000000',
      type: '电工证',
      certificateNumber: 'X',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['userId']);

    const backwards = await as(manager).post({
      userId: holder.id,
      type: '电工证',
      certificateNumber: 'X',
      issuedOn: '2026-01-02',
      validUntil: '2026-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['validUntil']);

    const many = await as(manager).post({
      userId: holder.id,
      type: '',
      certificateNumber: 'X',
      productCategories: Array.from({ length: 51 }, (_, i) => `品类${i}`),
    });
    expect(many.status).toBe(400);
    expect(fieldsOf(many.body).sort()).toEqual(['productCategories', 'type']);
  });

  it('updates with the version read, refuses a stale one with 409, and checks dates against the stored ones', async () => {
    const holder = await t.createUser(['technician']);
    const created = await as(manager)
      .post({ userId: holder.id, type: '电工证', certificateNumber: 'U-1', issuedOn: '2025-01-01' })
      .expect(201);
    const id = created.body.id as string;
    const updated = await as(manager).patch(id, { validUntil: '2028-01-01', expectedVersion: 1 }).expect(200);
    expect(updated.body).toMatchObject({ validUntil: '2028-01-01', status: 'valid', version: 2 });

    const stale = await as(manager).patch(id, { validUntil: '2029-01-01', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const beforeIssue = await as(manager).patch(id, { validUntil: '2024-12-31' });
    expect(beforeIssue.status).toBe(400);
    expect(fieldsOf(beforeIssue.body)).toEqual(['validUntil']);

    const entries = await auditEntriesFor(t.dataSource, 'qualification', id);
    expect(entries.map((e) => e.action)).toEqual(['qualification.created', 'qualification.updated']);
    expect(entries[1]?.changes).toEqual({ validUntil: { from: null, to: '2028-01-01' } });
  });

  it('deletes a certificate nothing refers to, and refuses one with a scan attached', async () => {
    const holder = await t.createUser(['technician']);
    const free = await as(manager)
      .post({ userId: holder.id, type: '电工证', certificateNumber: 'D-1' })
      .expect(201);
    await as(manager).delete(free.body.id).expect(204);
    const actions = (await auditEntriesFor(t.dataSource, 'qualification', free.body.id)).map((e) => e.action);
    expect(actions).toContain('qualification.deleted');

    const used = await as(manager)
      .post({ userId: holder.id, type: '电工证', certificateNumber: 'D-2' })
      .expect(201);
    await attachmentOn(t.dataSource, 'qualification', used.body.id, holder.id);
    const refused = await as(manager).delete(used.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');
  });

  it("lets a technician read their own certificates but not others', and not write", async () => {
    const own = await t.createUser(['technician']);
    const other = await t.createUser(['technician']);
    const mine = await as(manager)
      .post({ userId: own.id, type: '电工证', certificateNumber: 'O-1' })
      .expect(201);
    const theirs = await as(manager)
      .post({ userId: other.id, type: '电工证', certificateNumber: 'O-2' })
      .expect(201);
    const technician = await tokenOf(own.username);

    await as(technician).get(`/${mine.body.id}`).expect(200);
    await as(technician).get(`/${theirs.body.id}`).expect(404);
    const listed = await as(technician).get('').expect(200);
    expect(listed.body.items.map((q: { id: string }) => q.id)).toEqual([mine.body.id]);

    const write = await as(technician).post({ userId: own.id, type: '电工证', certificateNumber: 'O-3' });
    expect(write.status).toBe(403);
    await as(technician).patch(mine.body.id, { type: '焊工证' }).expect(403);
  });

  it("shows outlet-bound readers only their outlet's people", async () => {
    const outlet = await createOutlet(t.dataSource);
    const elsewhere = await createOutlet(t.dataSource);
    const local = await t.createUser(['technician'], { outletId: outlet.id });
    const remote = await t.createUser(['technician'], { outletId: elsewhere.id });
    const localCert = await as(manager)
      .post({ userId: local.id, type: '电工证', certificateNumber: 'L-1' })
      .expect(201);
    const remoteCert = await as(manager)
      .post({ userId: remote.id, type: '电工证', certificateNumber: 'L-2' })
      .expect(201);
    const dispatcher = await t.tokenFor(['dispatcher'], { outletId: outlet.id });

    const listed = await as(dispatcher).get('?q=L-').expect(200);
    expect(listed.body.items.map((q: { id: string }) => q.id)).toEqual([localCert.body.id]);
    await as(dispatcher).get(`/${remoteCert.body.id}`).expect(404);
  });

  it('marks each active technician qualified, expired or missing for a product category', async () => {
    const outlet = await createOutlet(t.dataSource);
    const qualified = await t.createUser(['technician'], { outletId: outlet.id });
    const lapsed = await t.createUser(['technician'], { outletId: outlet.id });
    const uncovered = await t.createUser(['technician'], { outletId: outlet.id });
    const disabled = await t.createUser(['technician'], { outletId: outlet.id, disabled: true });
    const agent = await t.createUser(['agent'], { outletId: outlet.id });
    const certify = (userId: string, fields: Record<string, unknown>) =>
      as(manager)
        .post({ userId, type: '制冷证', certificateNumber: `C-${userId.slice(0, 8)}`, ...fields })
        .expect(201);
    await certify(qualified.id, { productCategories: ['洗衣机'], validUntil: '2026-06-01' });
    await certify(lapsed.id, { productCategories: ['洗衣机'], validUntil: '2026-05-31' });
    await certify(uncovered.id, { productCategories: ['电视'] });
    await certify(disabled.id, { productCategories: ['洗衣机'] });
    await certify(agent.id, { productCategories: ['洗衣机'] });

    const today = await as(manager)
      .get(`/technicians?productCategory=洗衣机&outletId=${outlet.id}`)
      .expect(200);
    expect(today.body).toMatchObject({ productCategory: '洗衣机', on: '2026-06-01' });
    const marks = (body: { items: { userId: string; qualification: string }[] }) =>
      Object.fromEntries(body.items.map((item) => [item.userId, item.qualification]));
    expect(marks(today.body)).toEqual({
      [qualified.id]: 'qualified',
      [lapsed.id]: 'expired',
      [uncovered.id]: 'missing',
    });
    const lapsedItem = today.body.items.find((item: { userId: string }) => item.userId === lapsed.id);
    expect(lapsedItem).toMatchObject({
      outletId: outlet.id,
      certificates: [{ validUntil: '2026-05-31', status: 'expired' }],
    });

    const tomorrow = await as(manager)
      .get(`/technicians?productCategory=洗衣机&outletId=${outlet.id}&on=2026-06-02`)
      .expect(200);
    expect(marks(tomorrow.body)[qualified.id]).toBe('expired');

    const missingCategory = await as(manager).get('/technicians');
    expect(missingCategory.status).toBe(400);
    expect(fieldsOf(missingCategory.body)).toContain('productCategory');
    const technician = await t.tokenFor(['technician']);
    await as(technician).get('/technicians?productCategory=洗衣机').expect(403);
  });

  it('offers expiring certificates of people still employed to the expiry scan, and takes attachments', async () => {
    const holder = await t.createUser(['technician'], { displayName: '李娜' });
    const leaver = await t.createUser(['technician'], { disabled: true });
    const soon = await as(manager)
      .post({ userId: holder.id, type: '电工证', certificateNumber: 'E-9', validUntil: '2026-06-10' })
      .expect(201);
    await as(manager)
      .post({ userId: leaver.id, type: '电工证', certificateNumber: 'E-10', validUntil: '2026-06-10' })
      .expect(201);

    const source = t.app
      .get(ExpirySources)
      .all()
      .find((s) => s.name === 'qualifications');
    const items = (await source?.findExpiring('2026-06-15')) ?? [];
    const numbers = items.filter((item) => item.description.includes('E-'));
    expect(numbers).toEqual([
      {
        subjectType: 'qualification',
        subjectId: soon.body.id,
        item: 'certificate',
        validUntil: '2026-06-10',
        description: '李娜的电工证（证书编号 E-9）',
      },
    ]);

    const owner = t.app.get(AttachmentOwners).find('qualification');
    const self = { id: holder.id, username: holder.username, roles: holder.roles, outletId: null };
    const stranger = { id: leaver.id, username: leaver.username, roles: leaver.roles, outletId: null };
    expect(await owner?.visibleTo(soon.body.id, self)).toBe(true);
    expect(await owner?.visibleTo(soon.body.id, stranger)).toBe(false);
    expect(await owner?.visibleTo('00000000-0000-4000-8000-000000000000', self)).toBeNull();
  });
});
