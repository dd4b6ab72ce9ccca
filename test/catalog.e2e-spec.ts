import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createAsset, createCustomer } from './factories/registers';

describe('catalog: products and the parts fee list', () => {
  let t: TestApp;
  let manager: string;
  let technician: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
    technician = await t.tokenFor(['technician']);
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const get = (path: string, token: string) =>
    t.http().get(`/api/v1/${path}`).set('Authorization', `Bearer ${token}`);
  const patch = (path: string, token: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();

  describe('products', () => {
    it('creates, reads, lists with filters and search, and audits the creation', async () => {
      const created = await post('products', manager, {
        sku: 'KFR-35GW.A1',
        name: '变频空调 35GW',
        category: '空调',
        brand: '格力',
        model: 'KFR-35GW/BP3',
        warrantyMonths: 36,
      }).expect(201);
      expect(created.body).toMatchObject({
        sku: 'KFR-35GW.A1',
        warrantyMonths: 36,
        version: 1,
        active: true,
      });
      await post('products', manager, {
        sku: 'XQG-100',
        name: '滚筒洗衣机',
        category: '洗衣机',
        warrantyMonths: 12,
      }).expect(201);
      await post('products', manager, {
        sku: 'KFR-72LW',
        name: '柜式空调',
        category: '空调',
        warrantyMonths: 0,
      }).expect(201);

      const read = await get(`products/${created.body.id}`, technician).expect(200);
      expect(read.body).toMatchObject({ name: '变频空调 35GW', brand: '格力', model: 'KFR-35GW/BP3' });

      const byCategory = await get('products?category=空调', technician).expect(200);
      expect(byCategory.body.items.map((p: { sku: string }) => p.sku)).toEqual(['KFR-35GW.A1', 'KFR-72LW']);
      const byModel = await get('products?q=bp3', technician).expect(200);
      expect(byModel.body.items.map((p: { sku: string }) => p.sku)).toEqual(['KFR-35GW.A1']);
      const byName = await get('products?q=洗衣机', technician).expect(200);
      expect(byName.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      const paged = await get('products?category=空调&pageSize=1&page=2', technician).expect(200);
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items.map((p: { sku: string }) => p.sku)).toEqual(['KFR-72LW']);

      const [entry] = await auditEntriesFor(t.dataSource, 'product', created.body.id);
      expect(entry).toMatchObject({
        action: 'product.created',
        changes: { sku: 'KFR-35GW.A1', warrantyMonths: 36, category: '空调' },
      });
    });

    it('updates with the version read, refuses a stale one with 409, and audits the change', async () => {
      const created = await post('products', manager, {
        sku: 'BCD-200',
        name: '冰箱',
        category: '冰箱',
        warrantyMonths: 12,
      }).expect(201);
      const id = created.body.id as string;
      const updated = await patch(`products/${id}`, manager, {
        warrantyMonths: 24,
        expectedVersion: 1,
      }).expect(200);
      expect(updated.body).toMatchObject({ warrantyMonths: 24, version: 2 });

      const stale = await patch(`products/${id}`, manager, { warrantyMonths: 36, expectedVersion: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');

      const entries = await auditEntriesFor(t.dataSource, 'product', id);
      expect(entries.map((e) => e.action)).toEqual(['product.created', 'product.updated']);
      expect(entries[1]?.changes).toEqual({ warrantyMonths: { from: 12, to: 24 } });
    });

    it('refuses bad fields with 400 naming each of them', async () => {
      const bad = await post('products', manager, {
        sku: 'has space',
        name: '',
        category: '空调',
        warrantyMonths: 241,
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['name', 'sku', 'warrantyMonths']);

      const fractional = await post('products', manager, {
        sku: 'X-1',
        name: '甲',
        category: '空调',
        warrantyMonths: 1.5,
      });
      expect(fieldsOf(fractional.body)).toEqual(['warrantyMonths']);

      const created = await post('products', manager, {
        sku: 'X-2',
        name: '乙',
        category: '空调',
        warrantyMonths: 6,
      }).expect(201);
      const nulled = await patch(`products/${created.body.id}`, manager, {
        category: null,
        warrantyMonths: -1,
      });
      expect(nulled.status).toBe(400);
      expect(fieldsOf(nulled.body)).toEqual(['category', 'warrantyMonths']);
    });

    it('refuses a duplicate SKU with 409', async () => {
      await post('products', manager, {
        sku: 'DUP-1',
        name: '甲',
        category: '空调',
        warrantyMonths: 6,
      }).expect(201);
      const again = await post('products', manager, {
        sku: 'DUP-1',
        name: '乙',
        category: '空调',
        warrantyMonths: 6,
      });
      expect(again.status).toBe(409);
    });

    it('deletes an unused product but refuses one with sold units; deactivation works', async () => {
      const free = await post('products', manager, {
        sku: 'DEL-1',
        name: '甲',
        category: '空调',
        warrantyMonths: 6,
      }).expect(201);
      await t
        .http()
        .delete(`/api/v1/products/${free.body.id}?expectedVersion=1`)
        .set('Authorization', `Bearer ${manager}`)
        .expect(204);
      expect((await auditEntriesFor(t.dataSource, 'product', free.body.id)).map((e) => e.action)).toContain(
        'product.deleted',
      );
      await get(`products/${free.body.id}`, manager).expect(404);

      const sold = await post('products', manager, {
        sku: 'DEL-2',
        name: '乙',
        category: '空调',
        warrantyMonths: 6,
      }).expect(201);
      const customer = await createCustomer(t.dataSource);
      await createAsset(t.dataSource, { productId: sold.body.id, customerId: customer.id });
      const refused = await t
        .http()
        .delete(`/api/v1/products/${sold.body.id}`)
        .set('Authorization', `Bearer ${manager}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('RECORD_IN_USE');

      const deactivated = await patch(`products/${sold.body.id}`, manager, { active: false }).expect(200);
      expect(deactivated.body.active).toBe(false);
      expect((await get('products?active=true&q=DEL-2', manager)).body.total).toBe(0);
      expect((await get('products?active=false&q=DEL-2', manager)).body.total).toBe(1);
    });

    it('lets everyone read but only managers and admins write', async () => {
      const refused = await post('products', technician, {
        sku: 'T-1',
        name: '甲',
        category: '空调',
        warrantyMonths: 6,
      });
      expect(refused.status).toBe(403);
      const admin = await t.tokenFor(['admin']);
      await post('products', admin, { sku: 'T-1', name: '甲', category: '空调', warrantyMonths: 6 }).expect(
        201,
      );
      const auditor = await t.tokenFor(['auditor']);
      await get('products?q=T-1', auditor).expect(200);
      const patched = await patch(
        `products/${(await get('products?q=T-1', auditor)).body.items[0].id}`,
        auditor,
        {
          name: '乙',
        },
      );
      expect(patched.status).toBe(403);
    });
  });

  describe('parts (易损件价目表)', () => {
    it('creates with defaults, reads, lists by category and search, and audits the creation', async () => {
      const created = await post('parts', manager, {
        code: 'YS-COMP-01',
        name: '压缩机',
        productCategory: '空调',
        unitPrice: 680.5,
        labourFee: 150,
      }).expect(201);
      expect(created.body).toMatchObject({
        code: 'YS-COMP-01',
        unit: '个',
        unitPrice: 680.5,
        labourFee: 150,
      });
      const defaults = await post('parts', manager, {
        code: 'YS-BELT-01',
        name: '皮带',
        productCategory: '洗衣机',
        unit: '条',
        unitPrice: 0,
      }).expect(201);
      expect(defaults.body).toMatchObject({ unit: '条', unitPrice: 0, labourFee: 0 });

      const read = await get(`parts/${created.body.id}`, technician).expect(200);
      expect(read.body.name).toBe('压缩机');
      const byCategory = await get('parts?productCategory=洗衣机', technician).expect(200);
      expect(byCategory.body.items.map((p: { code: string }) => p.code)).toEqual(['YS-BELT-01']);
      const byCode = await get('parts?q=comp', technician).expect(200);
      expect(byCode.body.items.map((p: { code: string }) => p.code)).toEqual(['YS-COMP-01']);
      const byName = await get('parts?q=皮带&active=true', technician).expect(200);
      expect(byName.body.total).toBe(1);

      const [entry] = await auditEntriesFor(t.dataSource, 'part', created.body.id);
      expect(entry).toMatchObject({
        action: 'part.created',
        changes: { code: 'YS-COMP-01', unitPrice: 680.5, labourFee: 150, unit: '个' },
      });
    });

    it('updates with the version read, refuses a stale one with 409, and audits the change', async () => {
      const created = await post('parts', manager, {
        code: 'YS-FAN-01',
        name: '风扇电机',
        productCategory: '空调',
        unitPrice: 120,
      }).expect(201);
      const id = created.body.id as string;
      const updated = await patch(`parts/${id}`, manager, { unitPrice: 135.25, expectedVersion: 1 }).expect(
        200,
      );
      expect(updated.body).toMatchObject({ unitPrice: 135.25, version: 2 });
      const stale = await patch(`parts/${id}`, manager, { unitPrice: 140, expectedVersion: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');

      const entries = await auditEntriesFor(t.dataSource, 'part', id);
      expect(entries.map((e) => e.action)).toEqual(['part.created', 'part.updated']);
      expect(entries[1]?.changes).toEqual({ unitPrice: { from: 120, to: 135.25 } });
    });

    it('refuses bad amounts and codes with 400 naming each field', async () => {
      const bad = await post('parts', manager, {
        code: '',
        name: '阀门',
        productCategory: '空调',
        unitPrice: 10.005,
        labourFee: -1,
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['code', 'labourFee', 'unitPrice']);

      const text = await post('parts', manager, {
        code: 'YS-1',
        name: '阀门',
        productCategory: '空调',
        unitPrice: '10',
      });
      expect(fieldsOf(text.body)).toEqual(['unitPrice']);

      const created = await post('parts', manager, {
        code: 'YS-2',
        name: '阀门',
        productCategory: '空调',
        unitPrice: 10,
      }).expect(201);
      const nulled = await patch(`parts/${created.body.id}`, manager, { labourFee: null, unit: null });
      expect(nulled.status).toBe(400);
      expect(fieldsOf(nulled.body)).toEqual(['labourFee', 'unit']);
    });

    it('deletes an unused part but refuses one that is referred to', async () => {
      const user = await t.createUser(['manager']);
      const free = await post('parts', manager, {
        code: 'YS-D1',
        name: '甲',
        productCategory: '空调',
        unitPrice: 1,
      }).expect(201);
      await t
        .http()
        .delete(`/api/v1/parts/${free.body.id}`)
        .set('Authorization', `Bearer ${manager}`)
        .expect(204);
      expect((await auditEntriesFor(t.dataSource, 'part', free.body.id)).map((e) => e.action)).toEqual([
        'part.created',
        'part.deleted',
      ]);

      const used = await post('parts', manager, {
        code: 'YS-D2',
        name: '乙',
        productCategory: '空调',
        unitPrice: 1,
      }).expect(201);
      await attachmentOn(t.dataSource, 'part', used.body.id, user.id);
      const refused = await t
        .http()
        .delete(`/api/v1/parts/${used.body.id}`)
        .set('Authorization', `Bearer ${manager}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('RECORD_IN_USE');
      await get(`parts/${used.body.id}`, manager).expect(200);
    });

    it('refuses a technician writing the fee list', async () => {
      const response = await post('parts', technician, {
        code: 'YS-T',
        name: '甲',
        productCategory: '空调',
        unitPrice: 1,
      });
      expect(response.status).toBe(403);
    });
  });
});
