import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';

describe('suppliers (合格供方名录)', () => {
  let t: TestApp;
  let manager: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
    clerk = await t.tokenFor(['returns_clerk']);
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/suppliers').set('Authorization', `Bearer ${token}`).send(body);

  it('creates, reads, lists with filters and search, and audits the creation', async () => {
    const created = await create(manager, {
      code: 'GF-001',
      name: '苏州恒温制冷设备维修有限公司',
      kind: 'repairer',
      scope: '压缩机维修',
      qualifiedOn: '2026-01-01',
      qualifiedUntil: '2026-12-31',
      rating: 92.5,
    }).expect(201);
    expect(created.body).toMatchObject({
      code: 'GF-001',
      kind: 'repairer',
      rating: 92.5,
      version: 1,
      active: true,
    });
    await create(manager, { code: 'GF-002', name: '宁波家电配件厂', kind: 'manufacturer' }).expect(201);

    const read = await t
      .http()
      .get(`/api/v1/suppliers/${created.body.id}`)
      .set('Authorization', `Bearer ${clerk}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('苏州恒温制冷设备维修有限公司');

    const byText = await t.http().get('/api/v1/suppliers?q=压缩机').set('Authorization', `Bearer ${clerk}`);
    expect(byText.body.items.map((s: { code: string }) => s.code)).toEqual(['GF-001']);
    const byKind = await t
      .http()
      .get('/api/v1/suppliers?kind=manufacturer')
      .set('Authorization', `Bearer ${clerk}`);
    expect(byKind.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    const qualified = await t
      .http()
      .get('/api/v1/suppliers?qualifiedOn=2027-01-01')
      .set('Authorization', `Bearer ${clerk}`);
    expect(qualified.body.items).toEqual([]);

    const [entry] = await auditEntriesFor(t.dataSource, 'supplier', created.body.id);
    expect(entry).toMatchObject({ action: 'supplier.created', changes: { code: 'GF-001', rating: 92.5 } });
  });

  it('updates with the version read, refuses a stale one with 409, and audits the change', async () => {
    const created = await create(manager, { code: 'GF-010', name: '甲', kind: 'vendor' }).expect(201);
    const id = created.body.id as string;
    const updated = await t
      .http()
      .patch(`/api/v1/suppliers/${id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ name: '乙', expectedVersion: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ name: '乙', version: 2 });

    const stale = await t
      .http()
      .patch(`/api/v1/suppliers/${id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ name: '丙', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const entries = await auditEntriesFor(t.dataSource, 'supplier', id);
    expect(entries.map((e) => e.action)).toEqual(['supplier.created', 'supplier.updated']);
    expect(entries[1]?.changes).toEqual({ name: { from: '甲', to: '乙' } });
  });

  it('refuses null for a required field and names it', async () => {
    const created = await create(manager, { code: 'GF-020', name: '丁', kind: 'vendor' }).expect(201);
    const response = await t
      .http()
      .patch(`/api/v1/suppliers/${created.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ name: null });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('name');
  });

  it('refuses a duplicate code with 409', async () => {
    await create(manager, { code: 'GF-030', name: '戊', kind: 'vendor' }).expect(201);
    const again = await create(manager, { code: 'GF-030', name: '己', kind: 'vendor' });
    expect(again.status).toBe(409);
  });

  it('deletes an unreferenced supplier but refuses one that is referred to; deactivation works', async () => {
    const user = await t.createUser(['manager']);
    const free = await create(manager, { code: 'GF-040', name: '庚', kind: 'vendor' }).expect(201);
    await t
      .http()
      .delete(`/api/v1/suppliers/${free.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(204);
    expect((await auditEntriesFor(t.dataSource, 'supplier', free.body.id)).map((e) => e.action)).toContain(
      'supplier.deleted',
    );

    const used = await create(manager, { code: 'GF-041', name: '辛', kind: 'vendor' }).expect(201);
    await attachmentOn(t.dataSource, 'supplier', used.body.id, user.id);
    const refused = await t
      .http()
      .delete(`/api/v1/suppliers/${used.body.id}`)
      .set('Authorization', `Bearer ${manager}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');
    await t
      .http()
      .get(`/api/v1/suppliers/${used.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);

    const deactivated = await t
      .http()
      .patch(`/api/v1/suppliers/${used.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ active: false })
      .expect(200);
    expect(deactivated.body.active).toBe(false);
    const activeOnly = await t
      .http()
      .get('/api/v1/suppliers?active=true&q=辛')
      .set('Authorization', `Bearer ${manager}`);
    expect(activeOnly.body.total).toBe(0);
  });

  it('lets only managers and admins change the list', async () => {
    const response = await create(clerk, { code: 'GF-050', name: '壬', kind: 'vendor' });
    expect(response.status).toBe(403);
  });
});
