import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createAsset, createOutlet, createProduct } from './factories/registers';

describe('customers (客户档案)', () => {
  let t: TestApp;
  let agent: string;
  let manager: string;
  let admin: string;
  let auditor: string;
  let technician: string;

  beforeAll(async () => {
    t = await createTestApp();
    [agent, manager, admin, auditor, technician] = await Promise.all([
      t.tokenFor(['agent']),
      t.tokenFor(['manager']),
      t.tokenFor(['admin']),
      t.tokenFor(['auditor']),
      t.tokenFor(['technician']),
    ]);
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/customers').set('Authorization', `Bearer ${token}`).send(body);
  const read = (token: string, id: string) =>
    t.http().get(`/api/v1/customers/${id}`).set('Authorization', `Bearer ${token}`);
  const list = (token: string, query = '') =>
    t.http().get(`/api/v1/customers${query}`).set('Authorization', `Bearer ${token}`);
  const update = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/customers/${id}`).set('Authorization', `Bearer ${token}`).send(body);
  const reveal = (token: string, id: string) =>
    t.http().get(`/api/v1/customers/${id}/national-id`).set('Authorization', `Bearer ${token}`);
  const codes = (response: { body: { items: { code: string }[] } }) =>
    response.body.items.map((customer) => customer.code).sort();
  const fieldsOf = (response: { body: { details?: { fields?: { field: string }[] } } }) =>
    (response.body.details?.fields ?? []).map((problem) => problem.field);

  it('creates with a generated code, reads, lists with filters and search, and audits the creation', async () => {
    const created = await create(agent, {
      kind: 'company',
      name: '上海浦江精密机械有限公司',
      phone: '021-5888 1234',
      email: 'service@pujiang.example.cn',
      contacts: [{ name: '李强', phone: '139 1234 5678', role: '设备科长' }, { name: '赵敏' }],
      region: '上海市/浦东新区',
      zone: 'suburban',
    }).expect(201);
    expect(created.body).toMatchObject({
      code: expect.stringMatching(/^KH\d{6}$/),
      kind: 'company',
      zone: 'suburban',
      contacts: [
        { name: '李强', phone: '139 1234 5678', role: '设备科长' },
        { name: '赵敏', phone: null, role: null },
      ],
      nationalIdMasked: null,
      outletId: null,
      version: 1,
      active: true,
    });
    await create(agent, { code: 'C-PERSON-1', kind: 'person', name: '王芳', phone: '13800138000' }).expect(
      201,
    );
    await create(agent, {
      code: 'C-RURAL-1',
      kind: 'person',
      name: '陈刚',
      region: '江苏省/苏州市',
      zone: 'rural',
    });

    const byTechnician = await read(technician, created.body.id).expect(200);
    expect(byTechnician.body.name).toBe('上海浦江精密机械有限公司');

    const search = async (q: string) => codes(await list(auditor, `?q=${encodeURIComponent(q)}`).expect(200));
    expect(await search('浦江精密')).toEqual([created.body.code]);
    expect(await search('13800138000')).toEqual(['C-PERSON-1']);
    expect(await search('赵敏')).toEqual([created.body.code]);
    expect(await search('1234 5678')).toEqual([created.body.code]);
    expect(await search('c-person')).toEqual(['C-PERSON-1']);
    expect(await search('设备科长')).toEqual([]);

    expect(codes(await list(auditor, '?kind=person'))).toEqual(['C-PERSON-1', 'C-RURAL-1']);
    expect(codes(await list(auditor, '?zone=rural'))).toEqual(['C-RURAL-1']);
    expect(codes(await list(auditor, `?region=${encodeURIComponent('上海市')}`))).toEqual([
      created.body.code,
    ]);
    expect(codes(await list(auditor, `?region=${encodeURIComponent('浦东')}`))).toEqual([]);
    const paged = await list(auditor, '?pageSize=2&page=2&kind=person').expect(200);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 2, items: [] });

    const [entry] = await auditEntriesFor(t.dataSource, 'customer', created.body.id);
    expect(entry).toMatchObject({
      action: 'customer.created',
      changes: {
        code: created.body.code,
        name: '上海浦江精密机械有限公司',
        nationalIdCipher: { set: false },
      },
    });
  });

  it('refuses bad input with 400 naming each field, in bodies and filters', async () => {
    const bad = await create(agent, {
      kind: 'robot',
      name: '',
      phone: 'call me',
      email: 'not-an-email',
      contacts: [{ name: '李强', phone: '12' }, { phone: '13900000000' }],
      zone: 'downtown',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining([
        'kind',
        'name',
        'phone',
        'email',
        'contacts.0.phone',
        'contacts.1.name',
        'zone',
      ]),
    );

    const tooMany = await create(agent, {
      kind: 'company',
      name: '联系人太多',
      contacts: Array.from({ length: 21 }, (_, index) => ({ name: `联系人${index}` })),
    });
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['contacts']);

    const unknownOutlet = await create(agent, {
      kind: 'person',
      name: '无网点',
      outletId: '7b0c7f4e-8f55-4a53-9d7e-0f6f5c1d2e3a',
    });
    expect(unknownOutlet.status).toBe(400);
    expect(fieldsOf(unknownOutlet)).toEqual(['outletId']);

    const closed = await createOutlet(t.dataSource, { status: 'closed' });
    const closedOutlet = await create(agent, { kind: 'person', name: '关闭网点', outletId: closed.id });
    expect(fieldsOf(closedOutlet)).toEqual(['outletId']);

    expect((await list(agent, '?zone=downtown')).status).toBe(400);
  });

  it('refuses an ID number with a bad check character or birth date, naming nationalId', async () => {
    for (const nationalId of ['110105194912310021', '110105194902310026', '1101051949123100']) {
      const response = await create(agent, { kind: 'person', name: '身份证有误', nationalId });
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['nationalId']);
      expect(JSON.stringify(response.body)).not.toContain(nationalId);
    }
  });

  it('updates with the version read, refuses a stale one with 409, and audits the change', async () => {
    const created = await create(agent, {
      code: 'C-UPD-1',
      kind: 'person',
      name: '张伟',
      phone: '13800000001',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const updated = await update(manager, id, {
      name: '张伟（新）',
      contacts: [{ name: '张太太', phone: '13700000000' }],
      expectedVersion: 1,
    }).expect(200);
    expect(updated.body).toMatchObject({ name: '张伟（新）', version: 2, contacts: [{ name: '张太太' }] });

    const stale = await update(agent, id, { name: '李伟', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const cleared = await update(agent, id, { phone: null }).expect(200);
    expect(cleared.body).toMatchObject({ phone: null, version: 3 });
    const refused = await update(agent, id, { name: null, code: null });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual(expect.arrayContaining(['name', 'code']));

    const entries = await auditEntriesFor(t.dataSource, 'customer', id);
    expect(entries.map((e) => e.action)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.updated',
    ]);
    expect(entries[1]?.changes).toEqual({
      name: { from: '张伟', to: '张伟（新）' },
      contacts: { from: [], to: [{ name: '张太太', phone: '13700000000', role: null }] },
    });
  });

  it('lets only agents, managers and admins change customers; every role reads them', async () => {
    const created = await create(manager, { code: 'C-ROLE-1', kind: 'person', name: '周杰' }).expect(201);
    expect((await create(technician, { kind: 'person', name: '不可' })).status).toBe(403);
    expect((await update(auditor, created.body.id, { name: '不可' })).status).toBe(403);
    const deleted = await t
      .http()
      .delete(`/api/v1/customers/${created.body.id}`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(deleted.status).toBe(403);
    await read(auditor, created.body.id).expect(200);
    expect((await read(auditor, '7b0c7f4e-8f55-4a53-9d7e-0f6f5c1d2e3a')).status).toBe(404);
  });

  it('deletes an unreferenced customer but refuses one that an asset or a file refers to', async () => {
    const remove = (id: string, token = agent) =>
      t.http().delete(`/api/v1/customers/${id}`).set('Authorization', `Bearer ${token}`);
    const free = await create(agent, { code: 'C-DEL-1', kind: 'person', name: '孙丽' }).expect(201);
    expect((await remove(`${free.body.id}?expectedVersion=2`)).status).toBe(409);
    await remove(`${free.body.id}?expectedVersion=1`).expect(204);
    expect((await auditEntriesFor(t.dataSource, 'customer', free.body.id)).map((e) => e.action)).toContain(
      'customer.deleted',
    );
    expect((await read(agent, free.body.id)).status).toBe(404);

    const owner = await create(agent, { code: 'C-DEL-2', kind: 'person', name: '钱进' }).expect(201);
    const product = await createProduct(t.dataSource);
    await createAsset(t.dataSource, { productId: product.id, customerId: owner.body.id });
    const inUse = await remove(owner.body.id);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({
      code: 'RECORD_IN_USE',
      details: { references: [{ table: 'assets', column: 'customer_id', count: 1 }] },
    });

    const filed = await create(agent, { code: 'C-DEL-3', kind: 'person', name: '吴芳' }).expect(201);
    const user = await t.createUser(['agent']);
    await attachmentOn(t.dataSource, 'customer', filed.body.id, user.id);
    const withFile = await remove(filed.body.id);
    expect(withFile.body.code).toBe('RECORD_IN_USE');
    await read(agent, filed.body.id).expect(200);
  });

  it('keeps an outlet user to the customers of that outlet', async () => {
    const outsourced = await createOutlet(t.dataSource, { kind: 'outsourced', name: '浦东委外网点' });
    const other = await createOutlet(t.dataSource, { name: '闵行服务中心' });
    const outletAgent = await t.tokenFor(['agent'], { outletId: outsourced.id });
    const ours = await create(manager, {
      code: 'C-OUT-A',
      kind: 'person',
      name: '网点客户甲',
      outletId: outsourced.id,
    }).expect(201);
    const theirs = await create(manager, {
      code: 'C-OUT-B',
      kind: 'person',
      name: '网点客户乙',
      phone: '13500000000',
      outletId: other.id,
    }).expect(201);

    const visible = await list(outletAgent, '?pageSize=200').expect(200);
    expect(codes(visible)).toEqual(['C-OUT-A']);
    expect(codes(await list(outletAgent, '?q=13500000000'))).toEqual([]);
    expect(codes(await list(outletAgent, `?outletId=${other.id}`))).toEqual([]);
    expect(codes(await list(manager, `?outletId=${other.id}`))).toEqual(['C-OUT-B']);

    await read(outletAgent, ours.body.id).expect(200);
    const hidden = await read(outletAgent, theirs.body.id);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    // Not found comes before the version check, so a wrong version reveals nothing either.
    expect((await update(outletAgent, theirs.body.id, { name: '改名', expectedVersion: 9 })).status).toBe(
      404,
    );
    const removed = await t
      .http()
      .delete(`/api/v1/customers/${theirs.body.id}`)
      .set('Authorization', `Bearer ${outletAgent}`);
    expect(removed.status).toBe(404);
    expect((await read(manager, theirs.body.id)).body).toMatchObject({ name: '网点客户乙', version: 1 });

    const own = await create(outletAgent, { kind: 'person', name: '网点新客户' }).expect(201);
    expect(own.body.outletId).toBe(outsourced.id);
    const elsewhere = await create(outletAgent, { kind: 'person', name: '越权', outletId: other.id });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('FORBIDDEN');
    expect((await update(outletAgent, own.body.id, { outletId: other.id })).status).toBe(403);
    expect((await update(outletAgent, own.body.id, { outletId: null })).status).toBe(403);
    await update(outletAgent, own.body.id, { outletId: outsourced.id, name: '网点新客户（改）' }).expect(200);

    // Files on a customer follow the customer's outlet scope.
    const owner = t.app.get(AttachmentOwners).find('customer');
    const outletUser = { id: 'u', username: 'u', roles: ['agent' as const], outletId: outsourced.id };
    expect(owner?.writeRoles).toEqual(['agent', 'manager', 'admin']);
    expect(await owner?.visibleTo(ours.body.id, outletUser)).toBe(true);
    expect(await owner?.visibleTo(theirs.body.id, outletUser)).toBe(false);
    expect(await owner?.visibleTo(theirs.body.id, { ...outletUser, outletId: null })).toBe(true);
    expect(await owner?.visibleTo('7b0c7f4e-8f55-4a53-9d7e-0f6f5c1d2e3a', outletUser)).toBeNull();
  });

  describe('national ID numbers (身份证号)', () => {
    const nationalId = '44030419900307123X';
    const birthDate = '19900307';
    let id: string;

    beforeAll(async () => {
      const created = await create(agent, {
        code: 'C-PII-1',
        kind: 'person',
        name: '林晓',
        phone: '13600000000',
        nationalId: nationalId.toLowerCase(),
      });
      expect(created.status).toBe(201);
      expect(JSON.stringify(created.body)).not.toContain(nationalId.toLowerCase());
      expect(created.body.nationalIdMasked).toBe('**************123X');
      id = created.body.id as string;
    });

    const neverInFull = (text: string) => {
      expect(text).not.toContain(nationalId);
      expect(text).not.toContain(birthDate);
    };

    it('is stored only encrypted', async () => {
      const [row] = await t.dataSource.query<{ row: string }[]>(
        'SELECT row_to_json(c)::text AS row FROM customers c WHERE id = $1',
        [id],
      );
      neverInFull(row?.row ?? '');
      expect(row?.row).toMatch(/"national_id_cipher":"v1:/);
    });

    it('is masked in every read, list and update response, for every role including admin', async () => {
      for (const token of [agent, manager, auditor, technician, admin]) {
        const one = await read(token, id).expect(200);
        expect(one.body.nationalIdMasked).toBe('**************123X');
        neverInFull(one.text);
        const many = await list(token, '?q=林晓').expect(200);
        expect(many.body.items).toHaveLength(1);
        neverInFull(many.text);
      }
      const changed = await update(admin, id, { notes: '老客户' }).expect(200);
      neverInFull(changed.text);
      expect(changed.body.nationalIdMasked).toBe('**************123X');
    });

    it('is audited only as set or changed, never by value', async () => {
      const other = '310115197805125674';
      const same = await update(agent, id, { nationalId }).expect(200);
      const replaced = await update(agent, id, {
        nationalId: other,
        expectedVersion: same.body.version,
      }).expect(200);
      expect(replaced.body).toMatchObject({
        nationalIdMasked: '**************5674',
        version: same.body.version + 1,
      });
      neverInFull(replaced.text);
      expect(replaced.text).not.toContain(other);
      await update(agent, id, { nationalId: nationalId }).expect(200);

      const entries = await auditEntriesFor(t.dataSource, 'customer', id);
      expect(entries[0]?.changes).toMatchObject({ nationalIdCipher: { set: true } });
      expect(
        entries.filter((e) => 'nationalIdCipher' in e.changes).map((e) => e.changes.nationalIdCipher),
      ).toEqual([{ set: true }, { changed: true }, { changed: true }]);
      const trail = JSON.stringify(entries);
      neverInFull(trail);
      expect(trail).not.toContain('123X');
      expect(trail).not.toContain(other.slice(6, 14));

      const viaApi = await t
        .http()
        .get(`/api/v1/audit-log?entityType=customer&entityId=${id}`)
        .set('Authorization', `Bearer ${auditor}`)
        .expect(200);
      expect(viaApi.body.total).toBeGreaterThanOrEqual(3);
      neverInFull(viaApi.text);
    });

    it('is revealed in full to an admin who asks, and the access is audit-logged', async () => {
      const revealer = await t.createUser(['admin']);
      const adminToken = (await t.login(revealer.username)).body.accessToken as string;
      const requestId = 'reveal-test-1';
      const revealed = await reveal(adminToken, id).set('X-Request-Id', requestId).expect(200);
      expect(revealed.body).toEqual({ nationalId });
      expect(revealed.headers['cache-control']).toBe('no-store');

      const [entry] = await t.dataSource.query<{ actor_id: string; request_id: string; changes: unknown }[]>(
        `SELECT actor_id, request_id, changes FROM audit_log
          WHERE entity_id = $1 AND action = 'customer.national_id_revealed'`,
        [id],
      );
      expect(entry).toMatchObject({
        actor_id: revealer.id,
        request_id: requestId,
        changes: { onFile: true },
      });
      neverInFull(JSON.stringify(entry));
    });

    it('is refused to everyone but admins', async () => {
      for (const token of [agent, manager, auditor]) {
        const response = await reveal(token, id);
        expect(response.status).toBe(403);
        neverInFull(response.text);
      }
    });
  });

  it('gives concurrent creates distinct generated codes, following the highest so far', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) => create(agent, { kind: 'person', name: `并发客户${index}` })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
    const generated = responses.map((response) => response.body.code as string);
    expect(new Set(generated).size).toBe(6);
    for (const code of generated) expect(code).toMatch(/^KH\d{6}$/);

    await create(agent, { code: 'KH700000', kind: 'person', name: '手工编号' }).expect(201);
    const next = await create(agent, { kind: 'person', name: '后续客户' }).expect(201);
    expect(next.body.code).toBe('KH700001');
  });
});
