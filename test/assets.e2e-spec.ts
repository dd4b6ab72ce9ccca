import type { CustomerEntity } from '../src/customers/customer.entity';
import type { OutletEntity } from '../src/outlets/outlet.entity';
import type { ProductEntity } from '../src/catalog/product.entity';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createCustomer, createOutlet, createProduct } from './factories/registers';

describe('assets (售出设备) and their warranty', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let technician: string;
  let outletA: OutletEntity;
  let outletB: OutletEntity;
  let customerA: CustomerEntity;
  let customerB: CustomerEntity;
  let product: ProductEntity;
  let serials = 0;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
    agent = await t.tokenFor(['agent']);
    technician = await t.tokenFor(['technician']);
    outletA = await createOutlet(t.dataSource, { name: '浦东服务中心' });
    outletB = await createOutlet(t.dataSource, { name: '苏州委外网点', kind: 'outsourced' });
    customerA = await createCustomer(t.dataSource, {
      name: '王芳',
      phone: '13800138000',
      address: '上海市浦东新区张杨路 500 号',
      region: '上海市/浦东新区',
      zone: 'urban',
      outletId: outletA.id,
    });
    customerB = await createCustomer(t.dataSource, {
      name: '苏州甲公司',
      kind: 'company',
      region: '江苏省/苏州市',
      zone: 'suburban',
      outletId: outletB.id,
    });
    product = await createProduct(t.dataSource, {
      sku: 'KFR-35GW',
      name: '变频空调',
      category: '空调',
      warrantyMonths: 12,
    });
  });
  afterAll(() => t.close());

  const nextSerial = () => `SN-${++serials}`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const create = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/assets').set(auth(token)).send(body);
  const newAsset = (token: string, fields: Record<string, unknown> = {}) =>
    create(token, {
      serialNumber: nextSerial(),
      productId: product.id,
      customerId: customerA.id,
      soldOn: '2026-01-15',
      ...fields,
    });
  const get = (path: string, token: string) => t.http().get(`/api/v1/${path}`).set(auth(token));
  const patch = (id: string, token: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/assets/${id}`).set(auth(token)).send(body);
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const serialsOf = (body: { items: { serialNumber: string }[] }) => body.items.map((a) => a.serialNumber);

  it('registers a unit with its warranty computed from the product, and audits it', async () => {
    t.clock.setTo('2026-06-01T10:00:00+08:00');
    const created = await create(agent, {
      serialNumber: '  gree-35gw-0001 ',
      productId: product.id,
      customerId: customerA.id,
      soldOn: '2026-01-31',
      deliveredOn: '2026-02-02',
      installedOn: '2026-02-03',
      installedBy: '李师傅',
      installationNotes: '室外机加装支架',
      commissioningNotes: '制冷正常，出风 12℃',
    }).expect(201);
    expect(created.body).toMatchObject({
      serialNumber: 'GREE-35GW-0001',
      productId: product.id,
      product: { sku: 'KFR-35GW', name: '变频空调', category: '空调' },
      customerId: customerA.id,
      customer: { code: customerA.code, name: '王芳' },
      soldOn: '2026-01-31',
      deliveredOn: '2026-02-02',
      acceptedOn: null,
      installedOn: '2026-02-03',
      installedBy: '李师傅',
      commissioningNotes: '制冷正常，出风 12℃',
      standardWarrantyEnd: '2027-01-31',
      warrantyEndOverride: null,
      warrantyOverrideReason: null,
      warrantyEnd: '2027-01-31',
      warrantyStatus: 'in_warranty',
      version: 1,
      active: true,
    });

    const read = await get(`assets/${created.body.id}`, technician).expect(200);
    expect(read.body).toMatchObject({ serialNumber: 'GREE-35GW-0001', warrantyEnd: '2027-01-31' });

    const [entry] = await auditEntriesFor(t.dataSource, 'asset', created.body.id);
    expect(entry).toMatchObject({
      action: 'asset.created',
      changes: { serialNumber: 'GREE-35GW-0001', soldOn: '2026-01-31', standardWarrantyEnd: '2027-01-31' },
    });
  });

  it('clamps the warranty end to the month end', async () => {
    const short = await createProduct(t.dataSource, { warrantyMonths: 1 });
    const created = await newAsset(agent, { productId: short.id, soldOn: '2026-01-31' }).expect(201);
    expect(created.body.standardWarrantyEnd).toBe('2026-02-28');
  });

  it('gives the status for today in the company time zone', async () => {
    const created = await newAsset(agent, { soldOn: '2026-01-31' }).expect(201);
    // 16:30 UTC on the last day is already the next morning in Shanghai.
    t.clock.setTo('2027-01-31T15:59:00Z');
    expect((await get(`assets/${created.body.id}`, agent)).body.warrantyStatus).toBe('in_warranty');
    t.clock.setTo('2027-01-31T16:30:00Z');
    expect((await get(`assets/${created.body.id}`, agent)).body.warrantyStatus).toBe('out_of_warranty');
  });

  it('lists with filters, serial search and warranty as of today', async () => {
    t.clock.setTo('2026-06-01T10:00:00+08:00');
    const washer = await createProduct(t.dataSource, { category: '洗衣机', warrantyMonths: 3 });
    const other = await createCustomer(t.dataSource, { outletId: outletA.id });
    const inWarranty = await create(manager, {
      serialNumber: 'LIST-IN-1',
      productId: washer.id,
      customerId: other.id,
      soldOn: '2026-03-01',
    }).expect(201);
    const expired = await create(manager, {
      serialNumber: 'LIST-OUT-1',
      productId: washer.id,
      customerId: other.id,
      soldOn: '2026-01-01',
    }).expect(201);
    const extended = await create(manager, {
      serialNumber: 'LIST-EXT-1',
      productId: washer.id,
      customerId: other.id,
      soldOn: '2026-01-01',
      warrantyEndOverride: '2027-12-31',
      warrantyOverrideReason: '延保合同 YB-2026-001',
    }).expect(201);
    expect(expired.body.warrantyStatus).toBe('out_of_warranty');
    expect(extended.body).toMatchObject({ warrantyEnd: '2027-12-31', warrantyStatus: 'in_warranty' });
    await patch(expired.body.id, manager, { active: false }).expect(200);

    const byProduct = await get(`assets?productId=${washer.id}`, technician).expect(200);
    expect(byProduct.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const byCustomer = await get(`assets?customerId=${other.id}&warranty=in`, technician).expect(200);
    expect(serialsOf(byCustomer.body)).toEqual(['LIST-EXT-1', 'LIST-IN-1']);
    const out = await get(`assets?customerId=${other.id}&warranty=out`, technician).expect(200);
    expect(serialsOf(out.body)).toEqual(['LIST-OUT-1']);
    const active = await get(`assets?customerId=${other.id}&active=false`, technician).expect(200);
    expect(serialsOf(active.body)).toEqual(['LIST-OUT-1']);
    const bySerial = await get('assets?q=list-ext', technician).expect(200);
    expect(serialsOf(bySerial.body)).toEqual(['LIST-EXT-1']);
    expect(inWarranty.body.customer.code).toBe(other.code);

    const badFilter = await get('assets?warranty=maybe&customerId=nope', technician);
    expect(badFilter.status).toBe(400);
    expect(fieldsOf(badFilter.body)).toEqual(['customerId', 'warranty']);
  });

  it('refuses unknown or inactive products and customers, and bad dates, naming the fields', async () => {
    const retired = await createProduct(t.dataSource, { active: false });
    const gone = await createCustomer(t.dataSource, { active: false, outletId: outletA.id });
    const inactive = await newAsset(agent, { productId: retired.id, customerId: gone.id });
    expect(inactive.status).toBe(400);
    expect(fieldsOf(inactive.body)).toEqual(['customerId', 'productId']);

    const unknown = await newAsset(agent, {
      productId: '00000000-0000-4000-8000-000000000000',
      customerId: '00000000-0000-4000-8000-000000000001',
    });
    expect(fieldsOf(unknown.body)).toEqual(['customerId', 'productId']);

    const dates = await newAsset(agent, {
      soldOn: '2026-02-30',
      installedOn: '2026-03-01T08:00:00Z',
      serialNumber: '  ',
    });
    expect(dates.status).toBe(400);
    expect(fieldsOf(dates.body)).toEqual(['installedOn', 'serialNumber', 'soldOn']);

    const missing = await create(agent, {});
    expect(fieldsOf(missing.body)).toEqual(['customerId', 'productId', 'serialNumber', 'soldOn']);
  });

  it('refuses a serial number that differs from another only in letter case', async () => {
    await newAsset(agent, { serialNumber: 'CASE-1' }).expect(201);
    const again = await newAsset(agent, { serialNumber: 'case-1' });
    expect(again.status).toBe(409);
  });

  it('updates with the version read, refuses a stale one, and recomputes the warranty when re-dated', async () => {
    const created = await newAsset(agent, { soldOn: '2026-01-15' }).expect(201);
    const id = created.body.id as string;
    expect(created.body.standardWarrantyEnd).toBe('2027-01-15');

    const redated = await patch(id, agent, { soldOn: '2026-03-31', expectedVersion: 1 }).expect(200);
    expect(redated.body).toMatchObject({
      soldOn: '2026-03-31',
      standardWarrantyEnd: '2027-03-31',
      version: 2,
    });

    const stale = await patch(id, agent, { installedBy: '张师傅', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const longer = await createProduct(t.dataSource, { warrantyMonths: 36 });
    const reproduct = await patch(id, agent, { productId: longer.id, expectedVersion: 2 }).expect(200);
    expect(reproduct.body).toMatchObject({ standardWarrantyEnd: '2029-03-31', product: { sku: longer.sku } });

    const notes = await patch(id, agent, { acceptedOn: '2026-04-02' }).expect(200);
    expect(notes.body.standardWarrantyEnd).toBe('2029-03-31');

    const entries = await auditEntriesFor(t.dataSource, 'asset', id);
    expect(entries.map((e) => e.action)).toEqual([
      'asset.created',
      'asset.updated',
      'asset.updated',
      'asset.updated',
    ]);
    expect(entries[1]?.changes).toEqual({
      soldOn: { from: '2026-01-15', to: '2026-03-31' },
      standardWarrantyEnd: { from: '2027-01-15', to: '2027-03-31' },
    });

    const retired = await createProduct(t.dataSource, { active: false });
    const gone = await createCustomer(t.dataSource, { active: false });
    const refused = await patch(id, agent, { productId: retired.id, customerId: gone.id });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['customerId', 'productId']);
  });

  it('overrides the warranty end only with a reason, audits it, and clears the reason with it', async () => {
    t.clock.setTo('2027-06-01T10:00:00+08:00');
    const created = await newAsset(agent, { soldOn: '2026-01-15' }).expect(201);
    const id = created.body.id as string;
    expect(created.body.warrantyStatus).toBe('out_of_warranty');

    const withoutReason = await patch(id, manager, { warrantyEndOverride: '2028-01-15' });
    expect(withoutReason.status).toBe(400);
    expect(fieldsOf(withoutReason.body)).toEqual(['warrantyOverrideReason']);
    const onCreate = await newAsset(agent, { warrantyEndOverride: '2028-01-15' });
    expect(fieldsOf(onCreate.body)).toEqual(['warrantyOverrideReason']);

    const overridden = await patch(id, manager, {
      warrantyEndOverride: '2028-01-15',
      warrantyOverrideReason: '延保合同 YB-2026-009',
    }).expect(200);
    expect(overridden.body).toMatchObject({
      standardWarrantyEnd: '2027-01-15',
      warrantyEndOverride: '2028-01-15',
      warrantyOverrideReason: '延保合同 YB-2026-009',
      warrantyEnd: '2028-01-15',
      warrantyStatus: 'in_warranty',
    });

    const cleared = await patch(id, manager, { warrantyEndOverride: null }).expect(200);
    expect(cleared.body).toMatchObject({
      warrantyEndOverride: null,
      warrantyOverrideReason: null,
      warrantyEnd: '2027-01-15',
      warrantyStatus: 'out_of_warranty',
    });

    const entries = await auditEntriesFor(t.dataSource, 'asset', id);
    expect(entries.slice(1).map((e) => e.changes)).toEqual([
      {
        warrantyEndOverride: { from: null, to: '2028-01-15' },
        warrantyOverrideReason: { from: null, to: '延保合同 YB-2026-009' },
      },
      {
        warrantyEndOverride: { from: '2028-01-15', to: null },
        warrantyOverrideReason: { from: '延保合同 YB-2026-009', to: null },
      },
    ]);
  });

  it('looks a serial number up for the hotline: the unit, product, customer and warranty on a date', async () => {
    t.clock.setTo('2026-06-01T10:00:00+08:00');
    await newAsset(agent, { serialNumber: 'HOT-0042', soldOn: '2026-01-31' }).expect(201);

    const lastDayIn = await get('assets/lookup?serialNumber=%20hot-0042%20&on=2027-01-31', technician).expect(
      200,
    );
    expect(lastDayIn.body).toMatchObject({
      asset: { serialNumber: 'HOT-0042', warrantyEnd: '2027-01-31', warrantyStatus: 'in_warranty' },
      product: { id: product.id, sku: 'KFR-35GW', name: '变频空调', category: '空调', warrantyMonths: 12 },
      customer: {
        id: customerA.id,
        code: customerA.code,
        name: '王芳',
        phone: '13800138000',
        address: '上海市浦东新区张杨路 500 号',
        region: '上海市/浦东新区',
        zone: 'urban',
      },
      warranty: { asOf: '2027-01-31', end: '2027-01-31', status: 'in_warranty' },
    });
    expect(lastDayIn.body.customer).not.toHaveProperty('nationalIdCipher');

    const firstDayOut = await get('assets/lookup?serialNumber=HOT-0042&on=2027-02-01', technician).expect(
      200,
    );
    expect(firstDayOut.body.warranty).toEqual({
      asOf: '2027-02-01',
      end: '2027-01-31',
      status: 'out_of_warranty',
    });

    const today = await get('assets/lookup?serialNumber=HOT-0042', technician).expect(200);
    expect(today.body.warranty).toEqual({ asOf: '2026-06-01', end: '2027-01-31', status: 'in_warranty' });

    const unknown = await get('assets/lookup?serialNumber=HOT-0043', technician);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const partial = await get('assets/lookup?serialNumber=HOT-004', technician);
    expect(partial.status).toBe(404);
    const badDate = await get('assets/lookup?serialNumber=HOT-0042&on=2027-02-30', technician);
    expect(fieldsOf(badDate.body)).toEqual(['on']);
    const noSerial = await get('assets/lookup?serialNumber=%20%20', technician);
    expect(fieldsOf(noSerial.body)).toEqual(['serialNumber']);
  });

  it("keeps outlet-bound users to their own outlet's units", async () => {
    const mine = await newAsset(manager, { serialNumber: 'SCOPE-A' }).expect(201);
    const theirs = await newAsset(manager, { serialNumber: 'SCOPE-B', customerId: customerB.id }).expect(201);
    const outletAgent = await t.tokenFor(['agent'], { outletId: outletA.id });

    await get(`assets/${mine.body.id}`, outletAgent).expect(200);
    const hidden = await get(`assets/${theirs.body.id}`, outletAgent);
    expect(hidden.status).toBe(404);
    const listed = await get('assets?q=SCOPE', outletAgent).expect(200);
    expect(serialsOf(listed.body)).toEqual(['SCOPE-A']);
    await get('assets/lookup?serialNumber=SCOPE-B', outletAgent).expect(404);
    await get('assets/lookup?serialNumber=SCOPE-A', outletAgent).expect(200);
    await patch(theirs.body.id, outletAgent, { installedBy: '张师傅' }).expect(404);
    await t.http().delete(`/api/v1/assets/${theirs.body.id}`).set(auth(outletAgent)).expect(404);

    const foreign = await newAsset(outletAgent, { customerId: customerB.id });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['customerId']);
    const own = await newAsset(outletAgent, { customerId: customerA.id });
    expect(own.status).toBe(201);
  });

  it('deletes an unreferenced unit but refuses one that is referred to', async () => {
    const user = await t.createUser(['manager']);
    const free = await newAsset(agent).expect(201);
    await t.http().delete(`/api/v1/assets/${free.body.id}?expectedVersion=1`).set(auth(agent)).expect(204);
    expect((await auditEntriesFor(t.dataSource, 'asset', free.body.id)).map((e) => e.action)).toEqual([
      'asset.created',
      'asset.deleted',
    ]);

    const used = await newAsset(agent).expect(201);
    await attachmentOn(t.dataSource, 'asset', used.body.id, user.id);
    const refused = await t.http().delete(`/api/v1/assets/${used.body.id}`).set(auth(agent));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');
    await get(`assets/${used.body.id}`, agent).expect(200);
  });

  it('lets technicians and auditors read but not register or change units', async () => {
    const created = await newAsset(agent).expect(201);
    expect((await newAsset(technician)).status).toBe(403);
    expect((await patch(created.body.id, technician, { installedBy: '赵师傅' })).status).toBe(403);
    const auditor = await t.tokenFor(['auditor']);
    await get(`assets/${created.body.id}`, auditor).expect(200);
    expect((await patch(created.body.id, auditor, { installedBy: '赵师傅' })).status).toBe(403);
  });
});
