import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { ExpirySources } from '../src/common/expiry/expiry-sources';
import { OutletsService } from '../src/outlets/outlets.service';
import type { Role } from '../src/users/domain/roles';
import { attachmentOn } from './factories/attachments';
import { createOutlet } from './factories/registers';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp, eventually } from './support/test-app';

/** The company-zone day every date rule in this file is judged on. */
const TODAY = '2026-06-15';

const VALID_AGREEMENT = {
  agreementNumber: 'FW-2026-01',
  agreementValidFrom: '2026-01-01',
  agreementValidUntil: '2026-12-31',
};

describe('outlets (售后服务网点)', () => {
  let t: TestApp;
  let manager: string;
  let managerId: string;
  let admin: string;
  let auditor: string;
  let dispatcher: string;

  const session = async (roles: Role[], fields: { outletId?: string } = {}) => {
    const user = await t.createUser(roles, fields);
    const response = await t.login(user.username).expect(200);
    return { id: user.id, token: response.body.accessToken as string };
  };

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
  });

  const create = (body: Record<string, unknown>, token = manager) => as(token).post('/outlets', body);
  const act = (id: string, action: string, body: object = { reason: '经营需要' }, token = manager) =>
    as(token).post(`/outlets/${id}/${action}`, body);
  const codes = (body: { items: { code: string }[] }) => body.items.map((item) => item.code);
  const statusRow = async (id: string) =>
    (await t.dataSource.query(`SELECT status, version FROM outlets WHERE id = $1`, [id]))[0];
  const historyRows = async (id: string) =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM outlet_status_changes WHERE outlet_id = $1`, [
        id,
      ])
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(`${TODAY}T10:00:00+08:00`);
    ({ token: manager, id: managerId } = await session(['manager']));
    admin = await t.tokenFor(['admin']);
    auditor = await t.tokenFor(['auditor']);
    dispatcher = await t.tokenFor(['dispatcher']);
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates as proposed, reads, lists with filters, coverage and search, and audits the creation', async () => {
      const pudong = await create({
        code: 'CRUD-001',
        name: '上海浦东服务中心',
        kind: 'own',
        region: '上海市/浦东新区',
        coverageRegions: ['上海市'],
        managerName: '王强',
      }).expect(201);
      expect(pudong.body).toMatchObject({
        code: 'CRUD-001',
        status: 'proposed',
        version: 1,
        active: true,
        coverageRegions: ['上海市'],
        approvedBy: null,
        dispatchable: false,
        notDispatchableReasons: ['网点未在运营（当前状态：筹建中）'],
      });
      expect(pudong.body).not.toHaveProperty('outlet');
      await create({
        code: 'CRUD-002',
        name: '苏州工业园区服务站',
        kind: 'outsourced',
        region: '江苏省/苏州市',
        coverageRegions: ['江苏省/苏州市/工业园区', '上海市/青浦区'],
        ...VALID_AGREEMENT,
      }).expect(201);

      const agent = await t.tokenFor(['agent']);
      const read = await as(agent).get(`/outlets/${pudong.body.id}`).expect(200);
      expect(read.body).toMatchObject({ name: '上海浦东服务中心', managerName: '王强' });

      const list = async (query: string) =>
        (await as(agent).get(`/outlets?q=CRUD-&${query}`).expect(200)).body;
      expect(await list('')).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      expect(codes((await as(agent).get('/outlets?q=苏州工业园').expect(200)).body)).toEqual(['CRUD-002']);
      expect(codes(await list('kind=outsourced'))).toEqual(['CRUD-002']);
      expect(codes(await list('status=proposed'))).toEqual(['CRUD-001', 'CRUD-002']);
      expect(codes(await list('region=上海市'))).toEqual(['CRUD-001']);
      expect(codes(await list('region=上海'))).toEqual([]);
      expect(codes(await list(`covers=${encodeURIComponent('上海市/浦东新区/张江镇')}`))).toEqual([
        'CRUD-001',
      ]);
      expect(codes(await list(`covers=${encodeURIComponent('上海市/青浦区')}`))).toEqual([
        'CRUD-001',
        'CRUD-002',
      ]);
      expect(codes(await list(`covers=${encodeURIComponent('江苏省/苏州市')}`))).toEqual([]);
      expect(codes(await list('covers=上海'))).toEqual([]);
      expect(codes(await list('active=true'))).toHaveLength(2);

      const [entry] = await auditEntriesFor(t.dataSource, 'outlet', pudong.body.id);
      expect(entry).toMatchObject({
        action: 'outlet.created',
        actorId: managerId,
        changes: { code: 'CRUD-001', status: 'proposed', coverageRegions: ['上海市'] },
      });
    });

    it('refuses bad input, naming the fields, and a duplicate code with 409', async () => {
      const bad = await create({
        code: 'WD 001',
        name: '',
        kind: 'partner',
        coverageRegions: Array.from({ length: 51 }, (_, i) => `区域${i}`),
        agreementValidFrom: '2026-06-01',
        agreementValidUntil: '2026-05-31',
      });
      expect(bad.status).toBe(400);
      const fields = bad.body.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'coverageRegions']));

      const datesOnly = await create({
        code: 'BAD-1',
        name: '甲',
        kind: 'outsourced',
        agreementValidFrom: '2026-06-01',
        agreementValidUntil: '2026-05-31',
      });
      expect(datesOnly.status).toBe(400);
      expect(datesOnly.body.details.fields).toEqual([
        {
          field: 'agreementValidUntil',
          problems: ['agreementValidUntil must not be before agreementValidFrom'],
        },
      ]);
      const tooLong = await create({
        code: 'BAD-2',
        name: '乙',
        kind: 'own',
        coverageRegions: ['x'.repeat(101)],
      });
      expect(tooLong.status).toBe(400);
      expect(JSON.stringify(tooLong.body.details)).toContain('coverageRegions');

      await create({ code: 'DUP-1', name: '丙', kind: 'own' }).expect(201);
      expect((await create({ code: 'DUP-1', name: '丁', kind: 'own' })).status).toBe(409);
    });

    it('updates with the version read, refuses a stale one, keeps status out of reach, and audits', async () => {
      const created = await create({
        code: 'UPD-1',
        name: '甲',
        kind: 'outsourced',
        ...VALID_AGREEMENT,
      }).expect(201);
      const id = created.body.id as string;
      const updated = await as(manager)
        .patch(`/outlets/${id}`, {
          name: '乙',
          coverageRegions: ['浙江省'],
          licenceNumber: 'L-1',
          expectedVersion: 1,
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        name: '乙',
        coverageRegions: ['浙江省'],
        licenceNumber: 'L-1',
        version: 2,
      });

      const stale = await as(manager).patch(`/outlets/${id}`, { name: '丙', expectedVersion: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');

      // Only the end date changes, and it would fall before the start date already on file.
      const beforeStart = await as(manager).patch(`/outlets/${id}`, { agreementValidUntil: '2025-12-31' });
      expect(beforeStart.status).toBe(400);
      expect(beforeStart.body.details.fields[0].field).toBe('agreementValidUntil');

      for (const body of [{ status: 'active' }, { code: 'UPD-2' }, { kind: 'own' }, { name: null }]) {
        const refused = await as(manager).patch(`/outlets/${id}`, body);
        expect(refused.status).toBe(400);
        expect(refused.body.details.fields[0].field).toBe(Object.keys(body)[0]);
      }
      expect(await statusRow(id)).toEqual({ status: 'proposed', version: 2 });

      const entries = await auditEntriesFor(t.dataSource, 'outlet', id);
      expect(entries.map((e) => e.action)).toEqual(['outlet.created', 'outlet.updated']);
      expect(entries[1]?.changes).toEqual({
        name: { from: '甲', to: '乙' },
        coverageRegions: { from: [], to: ['浙江省'] },
        licenceNumber: { from: null, to: 'L-1' },
      });
    });

    it('lets only managers and admins write; every role reads', async () => {
      expect((await create({ code: 'ROLE-1', name: '甲', kind: 'own' }, dispatcher)).status).toBe(403);
      expect((await create({ code: 'ROLE-2', name: '乙', kind: 'own' }, auditor)).status).toBe(403);
      const byAdmin = await create({ code: 'ROLE-3', name: '丙', kind: 'own' }, admin).expect(201);
      expect((await as(auditor).patch(`/outlets/${byAdmin.body.id}`, { name: '丁' })).status).toBe(403);
      await as(dispatcher).get(`/outlets/${byAdmin.body.id}`).expect(200);
      expect((await as(manager).get('/outlets/not-a-uuid')).status).toBe(400);
      expect((await as(manager).get('/outlets/4b0c6a3e-1f2d-4c5b-9a8e-7d6c5b4a3f2e')).status).toBe(404);
    });

    it('deletes an unreferenced outlet and refuses one a user, a file or its history refers to', async () => {
      const free = await create({ code: 'DEL-1', name: '甲', kind: 'own' }).expect(201);
      await as(manager).delete(`/outlets/${free.body.id}`).expect(204);
      expect((await auditEntriesFor(t.dataSource, 'outlet', free.body.id)).map((e) => e.action)).toEqual([
        'outlet.created',
        'outlet.deleted',
      ]);

      const staffed = await create({ code: 'DEL-2', name: '乙', kind: 'own' }).expect(201);
      await t.createUser(['agent'], { outletId: staffed.body.id });
      const refused = await as(manager).delete(`/outlets/${staffed.body.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('RECORD_IN_USE');
      expect(refused.body.details.references).toEqual([{ table: 'users', column: 'outlet_id', count: 1 }]);
      await as(manager).get(`/outlets/${staffed.body.id}`).expect(200);

      const filed = await create({ code: 'DEL-3', name: '丙', kind: 'outsourced' }).expect(201);
      await attachmentOn(t.dataSource, 'outlet', filed.body.id, managerId);
      expect((await as(manager).delete(`/outlets/${filed.body.id}`)).body.code).toBe('RECORD_IN_USE');

      const approved = await create({ code: 'DEL-4', name: '丁', kind: 'own' }).expect(201);
      await act(approved.body.id, 'approve').expect(200);
      expect((await as(manager).delete(`/outlets/${approved.body.id}`)).body.code).toBe('RECORD_IN_USE');
    });
  });

  describe('lifecycle', () => {
    it('takes an outlet through every action, recording who, when and why', async () => {
      const { id: approverId, token: approver } = await session(['manager']);
      const created = await create({ code: 'LC-1', name: '上海闵行服务中心', kind: 'own' }).expect(201);
      const id = created.body.id as string;

      const approved = await act(
        id,
        'approve',
        { reason: '闵行区服务量增长', expectedVersion: 1 },
        approver,
      ).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', version: 2, approvedBy: approverId });
      expect(approved.body.approvedAt.slice(0, 10)).toBe(TODAY); // by the (test) clock
      const activated = await act(id, 'activate', { reason: '人员设备到位' }, admin).expect(200);
      expect(activated.body).toMatchObject({
        status: 'active',
        version: 3,
        dispatchable: true,
        notDispatchableReasons: [],
      });
      expect((await act(id, 'suspend', { reason: '装修停业' })).body).toMatchObject({
        status: 'suspended',
        dispatchable: false,
      });
      expect((await act(id, 'resume', { reason: '装修完成' })).body).toMatchObject({ status: 'active' });
      const closed = await act(id, 'close', { reason: '并入浦东中心' }).expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        version: 6,
        active: false,
        approvedBy: approverId,
      });

      const history = await as(auditor).get(`/outlets/${id}/history`).expect(200);
      expect(history.body.total).toBe(5);
      expect(
        history.body.items.map((c: Record<string, string>) => [c.action, c.fromStatus, c.toStatus, c.reason]),
      ).toEqual([
        ['approve', 'proposed', 'approved', '闵行区服务量增长'],
        ['activate', 'approved', 'active', '人员设备到位'],
        ['suspend', 'active', 'suspended', '装修停业'],
        ['resume', 'suspended', 'active', '装修完成'],
        ['close', 'active', 'closed', '并入浦东中心'],
      ]);
      expect(history.body.items[0]).toMatchObject({ actorId: approverId });

      const entries = await auditEntriesFor(t.dataSource, 'outlet', id);
      expect(entries.map((e) => e.action)).toEqual([
        'outlet.created',
        'outlet.approve',
        'outlet.activate',
        'outlet.suspend',
        'outlet.resume',
        'outlet.close',
      ]);
      expect(entries[1]).toMatchObject({
        actorId: approverId,
        changes: {
          status: { from: 'proposed', to: 'approved' },
          approvedBy: { from: null, to: approverId },
          reason: '闵行区服务量增长',
        },
      });
      expect(entries[5]?.changes).toEqual({
        status: { from: 'active', to: 'closed' },
        active: { from: true, to: false },
        reason: '并入浦东中心',
      });
    });

    it('refuses an action not allowed from the status with 409 INVALID_TRANSITION and changes nothing', async () => {
      const created = await create({ code: 'LC-2', name: '甲', kind: 'own' }).expect(201);
      const id = created.body.id as string;
      for (const action of ['activate', 'suspend', 'resume']) {
        const refused = await act(id, action);
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({
          code: 'INVALID_TRANSITION',
          details: { action, status: 'proposed' },
        });
      }
      await act(id, 'close').expect(200);
      expect((await act(id, 'close')).body.code).toBe('INVALID_TRANSITION');
      expect((await act(id, 'resume')).body.code).toBe('INVALID_TRANSITION');

      expect(await statusRow(id)).toEqual({ status: 'closed', version: 2 });
      expect(await historyRows(id)).toBe(1);
      expect((await auditEntriesFor(t.dataSource, 'outlet', id)).map((e) => e.action)).toEqual([
        'outlet.created',
        'outlet.close',
      ]);
    });

    it('lets only a manager approve, needs a reason, and checks the version read', async () => {
      const created = await create({ code: 'LC-3', name: '乙', kind: 'own' }).expect(201);
      const id = created.body.id as string;
      expect((await act(id, 'approve', { reason: '好' }, dispatcher)).status).toBe(403);
      expect((await act(id, 'approve', { reason: '好' }, admin)).status).toBe(403);
      expect((await act(id, 'close', { reason: '好' }, auditor)).status).toBe(403);

      for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
        const refused = await act(id, 'approve', body);
        expect(refused.status).toBe(400);
        expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      }
      const stale = await act(id, 'approve', { reason: '好', expectedVersion: 2 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(await statusRow(id)).toEqual({ status: 'proposed', version: 1 });
      expect(await historyRows(id)).toBe(0);
    });

    it('activates an outsourced outlet only with a service agreement valid today', async () => {
      const created = await create({ code: 'LC-4', name: '外包网点', kind: 'outsourced' }).expect(201);
      const id = created.body.id as string;
      await act(id, 'approve').expect(200);

      const without = await act(id, 'activate');
      expect(without.status).toBe(409);
      expect(without.body.message).toContain('有效的服务协议');
      expect(without.body).toMatchObject({
        code: 'CONFLICT',
        details: {
          item: 'agreement',
          problems: [
            { field: 'agreementNumber', problem: 'missing' },
            { field: 'agreementValidUntil', problem: 'missing' },
          ],
        },
      });

      await as(manager)
        .patch(`/outlets/${id}`, {
          agreementNumber: 'FW-2025-09',
          agreementValidFrom: '2025-06-01',
          agreementValidUntil: '2026-06-14',
        })
        .expect(200);
      const expired = await act(id, 'activate');
      expect(expired.status).toBe(409);
      expect(expired.body.details.problems).toEqual([{ field: 'agreementValidUntil', problem: 'expired' }]);
      expect(await statusRow(id)).toEqual({ status: 'approved', version: 3 });

      await as(manager).patch(`/outlets/${id}`, { agreementValidUntil: TODAY }).expect(200);
      const activated = await act(id, 'activate').expect(200);
      expect(activated.body).toMatchObject({ status: 'active', dispatchable: true });
    });

    it('lets exactly one of two racing actions win; the other gets 409', async () => {
      const outlets = await Promise.all(
        [1, 2, 3, 4].map((n) => create({ code: `RACE-${n}`, name: '甲', kind: 'own' }).expect(201)),
      );
      const results = await Promise.all(
        outlets.flatMap(({ body }) => [
          act(body.id, 'approve', { reason: '甲', expectedVersion: 1 }),
          act(body.id, 'close', { reason: '乙', expectedVersion: 1 }),
        ]),
      );
      for (let i = 0; i < outlets.length; i += 1) {
        const pair = results
          .slice(i * 2, i * 2 + 2)
          .map((r) => r.status)
          .sort();
        expect(pair).toEqual([200, 409]);
        const id = outlets[i]?.body.id as string;
        expect((await statusRow(id)).version).toBe(2);
        expect(await historyRows(id)).toBe(1);
      }
    });

    it('answers 409 when the outlet changes between the read and the compare-and-set', async () => {
      const created = await create({ code: 'RACE-CAS', name: '乙', kind: 'own' }).expect(201);
      const id = created.body.id as string;
      // Another writer changes the outlet and holds the row until the action has read it and is waiting.
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      await other.query(`UPDATE outlets SET status = 'approved', version = version + 1 WHERE id = $1`, [id]);
      const approving = act(id, 'approve').then((response) => response);
      await eventually(async () => {
        const [row] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE "outlets"%'`,
        );
        return row.n > 0;
      });
      await other.commitTransaction();
      await other.release();

      const response = await approving;
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'approved' } });
      expect(await historyRows(id)).toBe(0);
    });
  });

  describe('dispatchability', () => {
    it('shows and filters outlets jobs may go to today, and serves the dispatch module', async () => {
      const region = { coverageRegions: ['广东省/深圳市'] };
      await createOutlet(t.dataSource, { code: 'DSP-OWN', ...region });
      const valid = await createOutlet(t.dataSource, {
        code: 'DSP-OK',
        kind: 'outsourced',
        ...VALID_AGREEMENT,
        ...region,
      });
      const lapsed = await createOutlet(t.dataSource, {
        code: 'DSP-LAPSED',
        kind: 'outsourced',
        ...VALID_AGREEMENT,
        agreementValidUntil: '2026-06-14',
        ...region,
      });
      const unlicensed = await createOutlet(t.dataSource, {
        code: 'DSP-LICENCE',
        kind: 'outsourced',
        ...VALID_AGREEMENT,
        licenceValidUntil: '2026-06-01',
        ...region,
      });
      await createOutlet(t.dataSource, { code: 'DSP-SUSPENDED', status: 'suspended', ...region });

      const lapsedView = await as(dispatcher).get(`/outlets/${lapsed.id}`).expect(200);
      expect(lapsedView.body).toMatchObject({
        dispatchable: false,
        notDispatchableReasons: ['委外网点的服务协议已于 2026-06-14 到期'],
      });
      const list = async (query: string) =>
        codes((await as(dispatcher).get(`/outlets?q=DSP-&${query}`).expect(200)).body);
      expect(await list('dispatchable=true')).toEqual(['DSP-OK', 'DSP-OWN']);
      expect(await list('dispatchable=false')).toEqual(['DSP-LAPSED', 'DSP-LICENCE', 'DSP-SUSPENDED']);
      const all = (await as(dispatcher).get('/outlets?q=DSP-').expect(200)).body.items;
      for (const outlet of all) {
        expect((await list(`dispatchable=${outlet.dispatchable}`)).includes(outlet.code)).toBe(true);
      }

      const service = t.app.get(OutletsService);
      expect(await service.dispatchableOn(valid.id, TODAY)).toEqual({ dispatchable: true, reasons: [] });
      expect(await service.dispatchableOn(valid.id, '2027-01-01')).toMatchObject({ dispatchable: false });
      expect((await service.dispatchableOn(unlicensed.id, TODAY)).reasons).toEqual([
        '委外网点的营业执照已于 2026-06-01 到期',
      ]);
      const covering = await service.coveringRegion('广东省/深圳市/南山区', TODAY);
      expect(covering.map((o) => o.code)).toEqual(['DSP-OK', 'DSP-OWN']);
      expect(await service.coveringRegion('广东省', TODAY)).toEqual([]);
    });

    it('goes by the company time zone: the day turns at midnight in Shanghai', async () => {
      const outlet = await createOutlet(t.dataSource, {
        code: 'DSP-TZ',
        kind: 'outsourced',
        ...VALID_AGREEMENT,
        agreementValidUntil: TODAY,
      });
      try {
        t.clock.setTo(`${TODAY}T15:59:00Z`); // 23:59 in Shanghai
        expect((await as(manager).get(`/outlets/${outlet.id}`)).body.dispatchable).toBe(true);
        t.clock.setTo(`${TODAY}T16:01:00Z`); // 00:01 the next day in Shanghai
        expect((await as(manager).get(`/outlets/${outlet.id}`)).body.dispatchable).toBe(false);
      } finally {
        t.clock.setTo(`${TODAY}T10:00:00+08:00`);
      }
    });
  });

  describe('outlet scope', () => {
    it('shows a user bound to an outlet only that outlet and its file', async () => {
      const own = await createOutlet(t.dataSource, { code: 'SCOPE-A' });
      const other = await createOutlet(t.dataSource, { code: 'SCOPE-B' });
      const { token: agent } = await session(['agent'], { outletId: own.id });
      const { token: boundManager } = await session(['manager'], { outletId: own.id });

      const list = await as(agent).get('/outlets').expect(200);
      expect(codes(list.body)).toEqual(['SCOPE-A']);
      await as(agent).get(`/outlets/${own.id}`).expect(200);
      for (const path of ['', '/history', '/reviews', '/staff']) {
        expect((await as(agent).get(`/outlets/${other.id}${path}`)).status).toBe(404);
      }
      await as(agent).get(`/outlets/${own.id}/reviews`).expect(200);
      await as(agent).get(`/outlets/${own.id}/staff`).expect(200);

      expect((await as(boundManager).patch(`/outlets/${other.id}`, { name: '改' })).status).toBe(404);
      expect((await act(other.id, 'suspend', { reason: '越权' }, boundManager)).status).toBe(404);
      expect((await as(boundManager).delete(`/outlets/${other.id}`)).status).toBe(404);
      await as(boundManager).patch(`/outlets/${own.id}`, { phone: '021-5888 0000' }).expect(200);

      const owner = t.app.get(AttachmentOwners).find('outlet');
      const boundUser = { id: 'u', username: 'u', roles: ['agent' as const], outletId: own.id };
      expect(await owner?.visibleTo(own.id, boundUser)).toBe(true);
      expect(await owner?.visibleTo(other.id, boundUser)).toBe(false);
      expect(await owner?.visibleTo('4b0c6a3e-1f2d-4c5b-9a8e-7d6c5b4a3f2e', boundUser)).toBeNull();
      expect(owner?.writeRoles).toEqual(['manager', 'admin']);
    });
  });

  describe('qualification file', () => {
    it('keeps the trained staff, audited, for managers and admins to change', async () => {
      const outlet = await createOutlet(t.dataSource, { code: 'STAFF-1', kind: 'outsourced' });
      const otherOutlet = await createOutlet(t.dataSource, { code: 'STAFF-2' });
      const path = `/outlets/${outlet.id}/staff`;
      const added = await as(manager)
        .post(path, {
          name: '张伟',
          phone: '13900000001',
          training: '变频空调维修',
          certificateNumber: 'PX-7',
          certificateValidUntil: '2027-03-31',
        })
        .expect(201);
      expect(added.body).toMatchObject({
        outletId: outlet.id,
        name: '张伟',
        certificateValidUntil: '2027-03-31',
        version: 1,
      });
      const second = await as(admin).post(path, { name: '李娜' }).expect(201);

      expect((await as(auditor).get(path).expect(200)).body.total).toBe(2);
      expect((await as(dispatcher).get(path)).status).toBe(403);
      expect((await as(auditor).post(path, { name: '王五' })).status).toBe(403);
      expect((await as(manager).post(path, { name: '' })).body.details.fields[0].field).toBe('name');

      const staffPath = `${path}/${added.body.id}`;
      await as(manager)
        .patch(staffPath, { certificateValidUntil: '2028-03-31', expectedVersion: 1 })
        .expect(200);
      expect((await as(manager).patch(staffPath, { phone: '1', expectedVersion: 1 })).body.code).toBe(
        'VERSION_CONFLICT',
      );
      const left = await as(manager).patch(staffPath, { active: false }).expect(200);
      expect(left.body).toMatchObject({ active: false, version: 3 });
      const current = await as(manager).get(`${path}?active=true`).expect(200);
      expect(current.body.items.map((s: { name: string }) => s.name)).toEqual(['李娜']);
      expect(
        (await as(manager).patch(`/outlets/${otherOutlet.id}/staff/${added.body.id}`, { phone: '2' })).status,
      ).toBe(404);

      await as(manager).delete(`${path}/${second.body.id}`).expect(204);
      expect(
        (await auditEntriesFor(t.dataSource, 'outlet_staff', added.body.id)).map((e) => e.action),
      ).toEqual(['outlet_staff.created', 'outlet_staff.updated', 'outlet_staff.updated']);
      expect(
        (await auditEntriesFor(t.dataSource, 'outlet_staff', second.body.id)).map((e) => e.action),
      ).toEqual(['outlet_staff.created', 'outlet_staff.deleted']);
    });

    it('tells the expiry scan what runs out: agreements, licences and active staff certificates of open outlets', async () => {
      const source = t.app
        .get(ExpirySources)
        .all()
        .find((s) => s.name === 'outlets');
      const outlet = await createOutlet(t.dataSource, {
        code: 'EXP-1',
        name: '上海浦东服务中心',
        kind: 'outsourced',
        agreementNumber: 'FW-2026-01',
        agreementValidUntil: '2026-07-01',
        licenceNumber: 'L-9',
        licenceValidUntil: '2026-09-01',
      });
      const closed = await createOutlet(t.dataSource, {
        code: 'EXP-2',
        status: 'closed',
        active: false,
        agreementNumber: 'FW-OLD',
        agreementValidUntil: '2026-06-01',
      });
      const path = `/outlets/${outlet.id}/staff`;
      const certified = await as(manager)
        .post(path, { name: '张伟', certificateNumber: 'PX-7', certificateValidUntil: '2026-06-30' })
        .expect(201);
      const gone = await as(manager)
        .post(path, { name: '赵六', certificateValidUntil: '2026-06-20' })
        .expect(201);
      await as(manager).patch(`${path}/${gone.body.id}`, { active: false }).expect(200);
      await as(manager).post(path, { name: '钱七', certificateValidUntil: '2026-12-31' }).expect(201);
      const closedStaff = await as(manager)
        .post(`/outlets/${closed.id}/staff`, { name: '孙八', certificateValidUntil: '2026-06-10' })
        .expect(201);

      if (!source) throw new Error('the outlets expiry source is not registered');
      const watched = [outlet.id, closed.id, certified.body.id, gone.body.id, closedStaff.body.id];
      const items = (await source.findExpiring('2026-07-15')).filter((item) =>
        watched.includes(item.subjectId),
      );
      expect(items).toEqual([
        {
          subjectType: 'outlet',
          subjectId: outlet.id,
          item: 'agreement',
          validUntil: '2026-07-01',
          description: '网点 EXP-1 上海浦东服务中心的服务协议（编号 FW-2026-01）',
        },
        {
          subjectType: 'outlet_staff',
          subjectId: certified.body.id,
          item: 'staff-certificate',
          validUntil: '2026-06-30',
          description: '网点 EXP-1 上海浦东服务中心培训人员张伟的证书（编号 PX-7）',
        },
      ]);
      const later = await source.findExpiring('2026-09-01');
      expect(later.filter((item) => item.subjectId === outlet.id).map((item) => item.item)).toEqual([
        'agreement',
        'licence',
      ]);
    });
  });

  describe('yearly reviews and rectification actions', () => {
    it('records one review per year, with actions tracked to closure', async () => {
      const outlet = await createOutlet(t.dataSource, { code: 'REV-1', name: '嘉定服务站' });
      const reviews = `/outlets/${outlet.id}/reviews`;
      const review = {
        year: 2025,
        reviewedOn: '2026-01-20',
        reviewer: '李娜',
        score: 86.5,
        findings: '备件台账不完整；回访记录缺少客户签字',
        conclusion: '基本合格，限期整改',
      };
      const created = await as(manager).post(reviews, review).expect(201);
      expect(created.body).toMatchObject({
        ...review,
        outletId: outlet.id,
        actions: [],
        openActions: 0,
        version: 1,
      });
      const duplicate = await as(admin).post(reviews, { ...review, score: 90 });
      expect(duplicate.status).toBe(409);
      await as(manager)
        .post(reviews, { ...review, year: 2026, reviewedOn: '2026-06-01' })
        .expect(201);

      for (const [body, field] of [
        [{ ...review, year: 2024, score: 86.55 }, 'score'],
        [{ ...review, year: 2024, score: 100.1 }, 'score'],
        [{ ...review, year: 2024, findings: undefined }, 'findings'],
      ] as const) {
        const refused = await as(manager).post(reviews, body);
        expect(refused.status).toBe(400);
        expect(refused.body.details.fields[0].field).toBe(field);
      }

      const reviewPath = `${reviews}/${created.body.id}`;
      const updated = await as(manager).patch(reviewPath, { score: 88, expectedVersion: 1 }).expect(200);
      expect(updated.body).toMatchObject({ score: 88, version: 2 });
      expect((await as(manager).patch(reviewPath, { score: 70, expectedVersion: 1 })).body.code).toBe(
        'VERSION_CONFLICT',
      );
      expect((await as(manager).patch(reviewPath, { year: 2026 })).status).toBe(409);

      const overdue = await as(manager)
        .post(`${reviewPath}/actions`, {
          description: '补全备件出入库台账',
          responsible: '王强',
          dueOn: '2026-03-31',
        })
        .expect(201);
      expect(overdue.body).toMatchObject({
        status: 'open',
        overdue: true,
        reviewId: created.body.id,
        closedAt: null,
      });
      const late = await as(manager)
        .post(`${reviewPath}/actions`, { description: '回访记录请客户签字', dueOn: '2026-05-31' })
        .expect(201);
      const onTime = await as(manager)
        .post(`${reviewPath}/actions`, { description: '全员服务规范培训', dueOn: '2026-12-31' })
        .expect(201);
      expect(onTime.body.overdue).toBe(false);
      await as(manager)
        .patch(`${reviewPath}/actions/${onTime.body.id}`, { dueOn: '2026-09-30', expectedVersion: 1 })
        .expect(200);

      const closePath = `${reviewPath}/actions/${overdue.body.id}/close`;
      expect((await as(manager).post(closePath, {})).body.details.fields[0].field).toBe('closureNote');
      expect((await as(auditor).post(closePath, { closureNote: '已补全' })).status).toBe(403);
      const closed = await as(manager).post(closePath, { closureNote: '台账已补全，经复核无误' }).expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        overdue: false,
        closedBy: managerId,
        closureNote: '台账已补全，经复核无误',
        closedAt: expect.any(String),
      });
      const again = await as(manager).post(closePath, { closureNote: '再次关闭' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      const editClosed = await as(manager).patch(`${reviewPath}/actions/${overdue.body.id}`, {
        description: '改',
      });
      expect(editClosed.body.code).toBe('INVALID_TRANSITION');

      const read = await as(auditor).get(reviewPath).expect(200);
      expect(read.body.openActions).toBe(2);
      expect(read.body.actions.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
        [overdue.body.id, 'closed'],
        [late.body.id, 'open'],
        [onTime.body.id, 'open'],
      ]);
      const list = await as(auditor).get(reviews).expect(200);
      expect(list.body.items.map((r: { year: number }) => r.year)).toEqual([2026, 2025]);
      expect((await as(dispatcher).get(reviews)).status).toBe(403);

      const tracked = await as(manager)
        .get('/outlets/rectification-actions?status=open&overdue=true')
        .expect(200);
      const mine = tracked.body.items.filter((a: { outletId: string }) => a.outletId === outlet.id);
      expect(mine).toEqual([
        expect.objectContaining({
          id: late.body.id,
          outletCode: 'REV-1',
          outletName: '嘉定服务站',
          reviewYear: 2025,
          overdue: true,
        }),
      ]);
      const closedOnes = await as(auditor).get(
        `/outlets/rectification-actions?status=closed&outletId=${outlet.id}`,
      );
      expect(closedOnes.body.items.map((a: { id: string }) => a.id)).toEqual([overdue.body.id]);
      expect((await as(dispatcher).get('/outlets/rectification-actions')).status).toBe(403);
      const { token: elsewhere } = await session(['agent'], {
        outletId: (await createOutlet(t.dataSource)).id,
      });
      expect((await as(elsewhere).get('/outlets/rectification-actions').expect(200)).body.total).toBe(0);

      expect(
        (await auditEntriesFor(t.dataSource, 'outlet_review', created.body.id)).map((e) => e.action),
      ).toEqual(['outlet_review.created', 'outlet_review.updated']);
      const actionEntries = await auditEntriesFor(t.dataSource, 'rectification_action', overdue.body.id);
      expect(actionEntries.map((e) => e.action)).toEqual([
        'rectification_action.created',
        'rectification_action.closed',
      ]);
      expect(actionEntries[1]?.changes).toMatchObject({
        status: { from: 'open', to: 'closed' },
        closedBy: { from: null, to: managerId },
      });
    });

    it('answers 404 for a review or action under another outlet', async () => {
      const a = await createOutlet(t.dataSource, { code: 'REV-A' });
      const b = await createOutlet(t.dataSource, { code: 'REV-B' });
      const review = await as(manager)
        .post(`/outlets/${a.id}/reviews`, {
          year: 2025,
          reviewedOn: '2026-01-10',
          reviewer: '李娜',
          score: 90,
          findings: '良好',
        })
        .expect(201);
      expect((await as(manager).get(`/outlets/${b.id}/reviews/${review.body.id}`)).status).toBe(404);
      expect(
        (
          await as(manager).post(`/outlets/${b.id}/reviews/${review.body.id}/actions`, {
            description: '甲',
            dueOn: TODAY,
          })
        ).status,
      ).toBe(404);
    });
  });
});
