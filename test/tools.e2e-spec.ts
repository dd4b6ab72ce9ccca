import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { ExpirySources } from '../src/common/expiry/expiry-sources';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';
import { attachmentOn } from './factories/attachments';
import { createOutlet } from './factories/registers';

describe('tools and their yearly inspections (设备工具年检)', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Noon in Shanghai: "today" is 2026-06-01.
    t.clock.setTo('2026-06-01T04:00:00Z');
    manager = await t.tokenFor(['manager']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1/tools${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: Record<string, unknown>) =>
      t.http().post(`/api/v1/tools${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (id: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/tools/${id}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (id: string) => t.http().delete(`/api/v1/tools/${id}`).set('Authorization', `Bearer ${token}`),
  });
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const createTool = (code: string, fields: Record<string, unknown> = {}) =>
    as(manager)
      .post('', { code, name: '兆欧表', ...fields })
      .expect(201)
      .then((response) => response.body as { id: string; version: number });
  const inspect = (id: string, body: Record<string, unknown>) =>
    as(manager).post(`/${id}/inspections`, { inspector: '上海市计量测试技术研究院', ...body });

  it('creates, reads, lists with search and outlet filter, and audits the creation', async () => {
    const outlet = await createOutlet(t.dataSource);
    const created = await as(manager)
      .post('', {
        code: 'GJ-001',
        name: '兆欧表',
        model: 'ZC25-4',
        serialNumber: 'SN-778',
        outletId: outlet.id,
        keeper: '张伟',
        purchasedOn: '2025-03-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'GJ-001',
      inspectionIntervalMonths: 12,
      nextInspectionDue: null,
      inspectionStatus: 'never_inspected',
      version: 1,
    });
    await createTool('GJ-002', { name: '钳形电流表' });

    const technician = await t.tokenFor(['technician']);
    await as(technician).get(`/${created.body.id}`).expect(200);
    const bySerial = await as(technician).get('?q=SN-778').expect(200);
    expect(bySerial.body.items.map((tool: { code: string }) => tool.code)).toEqual(['GJ-001']);
    const byOutlet = await as(manager).get(`?outletId=${outlet.id}`).expect(200);
    expect(byOutlet.body).toMatchObject({ total: 1, items: [{ code: 'GJ-001' }] });

    const [entry] = await auditEntriesFor(t.dataSource, 'tool', created.body.id);
    expect(entry).toMatchObject({ action: 'tool.created', changes: { code: 'GJ-001', outletId: outlet.id } });
  });

  it('moves the next due date on a passed inspection and keeps the tool flagged after a failed one', async () => {
    const tool = await createTool('GJ-010');
    const passed = await inspect(tool.id, {
      inspectedOn: '2026-05-20',
      result: 'passed',
      certificateNumber: 'JD-2026-01',
      expectedVersion: 1,
    }).expect(201);
    expect(passed.body.inspection).toMatchObject({
      result: 'passed',
      nextDue: '2027-05-20',
      toolId: tool.id,
    });
    expect(passed.body.tool).toMatchObject({
      nextInspectionDue: '2027-05-20',
      lastInspectionResult: 'passed',
      inspectionStatus: 'ok',
      version: 2,
    });

    const failed = await inspect(tool.id, {
      inspectedOn: '2026-05-28',
      result: 'failed',
      notes: '绝缘电阻读数偏差',
    });
    expect(failed.status).toBe(201);
    expect(failed.body.tool).toMatchObject({
      nextInspectionDue: '2027-05-20',
      lastInspectedOn: '2026-05-28',
      inspectionStatus: 'failed',
      version: 3,
    });
    expect(failed.body.inspection.nextDue).toBeNull();

    // Entered late, an older inspection is history and does not clear the flag.
    await inspect(tool.id, { inspectedOn: '2026-01-05', result: 'passed' }).expect(201);
    const reinspected = await inspect(tool.id, {
      inspectedOn: '2026-05-30',
      result: 'passed',
      nextDue: '2026-12-31',
    });
    expect(reinspected.body.tool).toMatchObject({ nextInspectionDue: '2026-12-31', inspectionStatus: 'ok' });

    const history = await as(manager).get(`/${tool.id}/inspections`).expect(200);
    expect(history.body.items.map((i: { inspectedOn: string }) => i.inspectedOn)).toEqual([
      '2026-05-30',
      '2026-05-28',
      '2026-05-20',
      '2026-01-05',
    ]);

    const entries = await auditEntriesFor(t.dataSource, 'tool', tool.id);
    expect(entries[1]).toMatchObject({
      action: 'tool.inspected',
      changes: {
        inspection: { result: 'passed', certificateNumber: 'JD-2026-01', nextDue: '2027-05-20' },
        nextInspectionDue: { from: null, to: '2027-05-20' },
      },
    });
  });

  it('refuses an inspection in the future, a next date before it, and a stale version', async () => {
    const tool = await createTool('GJ-020');
    const future = await inspect(tool.id, { inspectedOn: '2026-06-02', result: 'passed' });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.body)).toEqual(['inspectedOn']);
    const backwards = await inspect(tool.id, {
      inspectedOn: '2026-05-01',
      result: 'passed',
      nextDue: '2026-05-01',
    });
    expect(fieldsOf(backwards.body)).toEqual(['nextDue']);
    const shape = await inspect(tool.id, {
      inspectedOn: '2026-05-01T00:00:00Z',
      result: 'ok',
      inspector: '',
    });
    expect(fieldsOf(shape.body)).toEqual(['inspectedOn', 'inspector', 'result']);
    const stale = await inspect(tool.id, { inspectedOn: '2026-05-01', result: 'passed', expectedVersion: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('filters by inspection status as of today', async () => {
    const overdue = await createTool('ST-OVERDUE');
    await inspect(overdue.id, { inspectedOn: '2025-01-10', result: 'passed' }).expect(201);
    const due = await createTool('ST-DUE', { inspectionIntervalMonths: 6 });
    await inspect(due.id, { inspectedOn: '2025-12-15', result: 'passed' }).expect(201);
    const ok = await createTool('ST-OK');
    await inspect(ok.id, { inspectedOn: '2026-03-01', result: 'passed' }).expect(201);
    const failed = await createTool('ST-FAILED');
    await inspect(failed.id, { inspectedOn: '2025-01-10', result: 'passed' }).expect(201);
    await inspect(failed.id, { inspectedOn: '2026-05-01', result: 'failed' }).expect(201);
    await createTool('ST-NEVER');

    const codes = async (status: string) =>
      (await as(manager).get(`?q=ST-&inspection=${status}`).expect(200)).body.items.map(
        (tool: { code: string; inspectionStatus: string }) => `${tool.code}:${tool.inspectionStatus}`,
      );
    expect(await codes('overdue')).toEqual(['ST-OVERDUE:overdue']);
    expect(await codes('due')).toEqual(['ST-DUE:due']);
    expect(await codes('ok')).toEqual(['ST-OK:ok']);
    expect(await codes('failed')).toEqual(['ST-FAILED:failed']);
    expect(await codes('never_inspected')).toEqual(['ST-NEVER:never_inspected']);
    const bad = await as(manager).get('?inspection=soon');
    expect(fieldsOf(bad.body)).toEqual(['inspection']);
  });

  it('updates with the version read and refuses a stale one with 409', async () => {
    const tool = await createTool('GJ-030');
    const updated = await as(manager).patch(tool.id, { keeper: '李娜', expectedVersion: 1 }).expect(200);
    expect(updated.body).toMatchObject({ keeper: '李娜', version: 2 });
    const stale = await as(manager).patch(tool.id, { keeper: '王芳', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const bad = await as(manager).patch(tool.id, {
      inspectionIntervalMonths: 0,
      outletId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(bad.body)).toEqual(['inspectionIntervalMonths']);
    const noOutlet = await as(manager).patch(tool.id, { outletId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldsOf(noOutlet.body)).toEqual(['outletId']);

    const entries = await auditEntriesFor(t.dataSource, 'tool', tool.id);
    expect(entries[1]).toMatchObject({
      action: 'tool.updated',
      changes: { keeper: { from: null, to: '李娜' } },
    });
  });

  it('deletes a tool with no history, refuses one with inspections or files, and refuses duplicate codes', async () => {
    const user = await t.createUser(['manager']);
    const free = await createTool('GJ-040');
    await as(manager).delete(free.id).expect(204);
    expect((await auditEntriesFor(t.dataSource, 'tool', free.id)).map((e) => e.action)).toContain(
      'tool.deleted',
    );

    const inspected = await createTool('GJ-041');
    await inspect(inspected.id, { inspectedOn: '2026-05-01', result: 'passed' }).expect(201);
    const refused = await as(manager).delete(inspected.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECORD_IN_USE');

    const filed = await createTool('GJ-042');
    await attachmentOn(t.dataSource, 'tool', filed.id, user.id);
    expect((await as(manager).delete(filed.id)).body.code).toBe('RECORD_IN_USE');

    expect((await as(manager).post('', { code: 'GJ-042', name: '重复' })).status).toBe(409);
  });

  it("lets technicians read their outlet's tools only and write nothing", async () => {
    const outlet = await createOutlet(t.dataSource);
    const local = await createTool('OUT-1', { outletId: outlet.id });
    const headOffice = await createTool('OUT-2');
    const technician = await t.tokenFor(['technician'], { outletId: outlet.id });

    const listed = await as(technician).get('?q=OUT-').expect(200);
    expect(listed.body.items.map((tool: { id: string }) => tool.id)).toEqual([local.id]);
    await as(technician).get(`/${headOffice.id}`).expect(404);
    await as(technician).get(`/${headOffice.id}/inspections`).expect(404);
    await as(technician).post('', { code: 'OUT-3', name: '万用表' }).expect(403);
    await as(technician).patch(local.id, { keeper: '我' }).expect(403);
    await as(technician)
      .post(`/${local.id}/inspections`, { inspectedOn: '2026-05-01', inspector: 'x', result: 'passed' })
      .expect(403);

    const owner = t.app.get(AttachmentOwners).find('tool');
    const viewer = { id: 'x', username: 'x', roles: ['technician' as const], outletId: outlet.id };
    expect(await owner?.visibleTo(local.id, viewer)).toBe(true);
    expect(await owner?.visibleTo(headOffice.id, viewer)).toBe(false);
  });

  it('offers inspections falling due to the expiry scan', async () => {
    const tool = await createTool('EX-001', { name: '接地电阻测试仪' });
    await inspect(tool.id, { inspectedOn: '2025-06-20', result: 'passed' }).expect(201);
    const retired = await createTool('EX-002');
    await inspect(retired.id, { inspectedOn: '2025-06-20', result: 'passed' }).expect(201);
    await as(manager).patch(retired.id, { active: false }).expect(200);

    const source = t.app
      .get(ExpirySources)
      .all()
      .find((s) => s.name === 'tools');
    const items = ((await source?.findExpiring('2026-06-30')) ?? []).filter((item) =>
      item.description.includes('EX-'),
    );
    expect(items).toEqual([
      {
        subjectType: 'tool',
        subjectId: tool.id,
        item: 'inspection',
        validUntil: '2026-06-20',
        description: '工具 EX-001 接地电阻测试仪的年检',
      },
    ]);
  });
});
