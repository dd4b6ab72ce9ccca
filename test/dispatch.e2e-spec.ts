import type { CustomerEntity } from '../src/customers/customer.entity';
import type { OutletEntity } from '../src/outlets/outlet.entity';
import type { Role } from '../src/users/domain/roles';
import type { UserEntity } from '../src/users/user.entity';
import { createCustomer, createOutlet, createProduct } from './factories/registers';
import { type TestApp, createTestApp } from './support/test-app';

const PUDONG = '上海市/浦东新区';
const XUHUI = '上海市/徐汇区';

interface Candidate {
  rank: number;
  technician: { id: string; name: string };
  outlet: { id: string; name: string } | null;
  coversRegion: boolean;
  qualification: string;
  openJobs: number;
  nextDueAt: string | null;
  recommended: boolean;
  reasons: string[];
}

interface BoardTicket {
  id: string;
  number: string;
  status: string;
  priority: string;
  customer: { id: string; name: string };
  region: string | null;
  technician: { id: string; name: string } | null;
  nextDueAt: string | null;
  nextDeadline: string | null;
}

describe('dispatch (派单推荐与调度看板)', () => {
  let t: TestApp;
  let agent: string;
  let dispatcher: string;
  let manager: string;
  let pudong: OutletEntity;
  let xuhui: OutletEntity;
  let suspended: OutletEntity;
  let pudongCustomer: CustomerEntity;
  let xuhuiCustomer: CustomerEntity;
  let productId: string;
  /** Named so that their pinyin order is the tie-break order. */
  const tech = {} as Record<'an' | 'bai' | 'chen' | 'deng' | 'fang' | 'gu', UserEntity>;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const tokenAs = (roles: Role[], outletId?: string) => t.tokenFor(roles, outletId ? { outletId } : {});

  const report = async (customer: CustomerEntity, priority = 'normal') => {
    const response = await as(agent)
      .post('/tickets', { customerId: customer.id, productId, fault: '不制冷', channel: 'phone', priority })
      .expect(201);
    return response.body as { id: string; number: string; responseDueAt: string; onSiteDueAt: string };
  };
  const dispatch = (ticketId: string, technician: UserEntity) =>
    as(dispatcher).post(`/tickets/${ticketId}/dispatch`, { technicianId: technician.id }).expect(200);
  const certify = (holder: UserEntity, validUntil: string, productCategories = ['空调']) =>
    as(manager)
      .post('/qualifications', {
        userId: holder.id,
        type: '制冷设备维修证',
        certificateNumber: `ZL-${holder.username}`,
        issuedOn: '2024-01-01',
        validUntil,
        productCategories,
      })
      .expect(201);
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo('2026-06-15T10:00:00+08:00');
    pudong = await createOutlet(t.dataSource, { name: '浦东服务中心', coverageRegions: [PUDONG] });
    xuhui = await createOutlet(t.dataSource, {
      name: '徐汇服务中心',
      region: XUHUI,
      coverageRegions: [XUHUI],
    });
    suspended = await createOutlet(t.dataSource, {
      name: '浦东二站',
      status: 'suspended',
      coverageRegions: [PUDONG],
    });
    pudongCustomer = await createCustomer(t.dataSource, { outletId: pudong.id, region: PUDONG });
    xuhuiCustomer = await createCustomer(t.dataSource, {
      name: '李雷',
      outletId: xuhui.id,
      region: XUHUI,
      address: '上海市徐汇区漕溪北路 1 号',
    });
    productId = (await createProduct(t.dataSource, { category: '空调' })).id;
    agent = await tokenAs(['agent']);
    dispatcher = await tokenAs(['dispatcher']);
    manager = await tokenAs(['manager']);
    const technician = (displayName: string, outlet: OutletEntity) =>
      t.createUser(['technician'], { displayName, outletId: outlet.id });
    tech.an = await technician('安师傅', pudong);
    tech.bai = await technician('白师傅', pudong);
    tech.chen = await technician('陈师傅', pudong);
    tech.deng = await technician('邓师傅', pudong);
    tech.fang = await technician('方师傅', xuhui);
    tech.gu = await technician('顾师傅', suspended);
    await certify(tech.an, '2027-12-31');
    await certify(tech.bai, '2027-12-31');
    await certify(tech.chen, '2027-12-31', ['冰箱']);
    await certify(tech.deng, '2026-06-01');
    await certify(tech.fang, '2027-12-31');
    await certify(tech.gu, '2027-12-31');
  });
  afterAll(() => t.close());

  describe('GET /tickets/:id/candidates', () => {
    let ticketId: string;
    let baiDueAt: string;

    beforeAll(async () => {
      t.clock.setTo('2026-06-15T10:00:00+08:00');
      // 白师傅 already has two jobs; the first one's response is due at 14:00.
      const first = await report(pudongCustomer);
      await dispatch(first.id, tech.bai);
      await dispatch((await report(pudongCustomer)).id, tech.bai);
      baiDueAt = first.responseDueAt;
      ticketId = (await report(pudongCustomer)).id;
    });

    it('ranks covering outlet, then valid qualification (expired last), then load, with reasons', async () => {
      const response = await as(dispatcher).get(`/tickets/${ticketId}/candidates`).expect(200);
      expect(response.body).toMatchObject({ ticketId, region: PUDONG, productCategory: '空调' });
      const candidates = response.body.candidates as Candidate[];
      const byRank = candidates.map((c) => [c.rank, c.technician.id]);
      expect(byRank.slice(0, 6)).toEqual([
        [1, tech.an.id],
        [2, tech.bai.id],
        [3, tech.chen.id],
        [4, tech.deng.id],
        [5, tech.fang.id],
        [6, tech.gu.id],
      ]);
      const of = (user: UserEntity) => candidates.find((c) => c.technician.id === user.id);

      expect(of(tech.an)).toEqual({
        rank: 1,
        technician: { id: tech.an.id, name: '安师傅' },
        outlet: { id: pudong.id, name: '浦东服务中心' },
        coversRegion: true,
        qualification: 'qualified',
        openJobs: 0,
        nextDueAt: null,
        recommended: true,
        reasons: ['所属网点覆盖该区域', '持有空调类有效资格证书', '当前无未完成工单'],
      });
      expect(of(tech.bai)).toMatchObject({
        openJobs: 2,
        nextDueAt: baiDueAt,
        recommended: true,
        reasons: [
          '所属网点覆盖该区域',
          '持有空调类有效资格证书',
          '当前未完成工单 2 个',
          '最近时限 2026-06-15 14:00',
        ],
      });
      // A certificate for another category is no qualification for this one.
      expect(of(tech.chen)).toMatchObject({
        qualification: 'missing',
        recommended: false,
        reasons: expect.arrayContaining(['无空调类资格证书']),
      });
      expect(of(tech.deng)).toMatchObject({
        qualification: 'expired',
        coversRegion: true,
        recommended: false,
        reasons: expect.arrayContaining(['空调类资格证书已过期']),
      });
      expect(of(tech.fang)).toMatchObject({
        outlet: { id: xuhui.id, name: '徐汇服务中心' },
        coversRegion: false,
        recommended: false,
        reasons: expect.arrayContaining(['所属网点不覆盖客户所在区域']),
      });
      // Its coverage includes the region, but a suspended outlet takes no jobs.
      expect(of(tech.gu)).toMatchObject({ coversRegion: false, recommended: false });
      expect(of(tech.gu)?.reasons[0]).toMatch(/^所属网点今日不能接单：/);
    });

    it('counts a job only while it is open, and ranks by the load that results', async () => {
      // A second job for 安师傅 (not yet accepted) and one of 白师傅's cancelled: both have one open job,
      // and 安师傅's nearest deadline (now + 4 h) is later than 白师傅's (14:00).
      t.clock.setTo('2026-06-15T11:00:00+08:00');
      const anJob = await report(pudongCustomer);
      await dispatch(anJob.id, tech.an);
      const baiJobs = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM tickets WHERE technician_id = $1 ORDER BY reported_at DESC LIMIT 1`,
        [tech.bai.id],
      );
      await as(dispatcher).post(`/tickets/${baiJobs[0]?.id}/cancel`, { reason: '客户取消' }).expect(200);

      const response = await as(dispatcher).get(`/tickets/${ticketId}/candidates`).expect(200);
      const candidates = response.body.candidates as Candidate[];
      const top = candidates.slice(0, 2).map((c) => [c.technician.id, c.openJobs, c.nextDueAt]);
      expect(top).toEqual([
        [tech.an.id, 1, anJob.responseDueAt],
        [tech.bai.id, 1, baiDueAt],
      ]);
    });

    it('shows an outlet-bound dispatcher only the technicians of their outlet', async () => {
      const bound = await tokenAs(['dispatcher'], pudong.id);
      const response = await as(bound).get(`/tickets/${ticketId}/candidates`).expect(200);
      const seen = (response.body.candidates as Candidate[]).map((c) => c.technician.id).sort();
      expect(seen).toEqual([tech.an.id, tech.bai.id, tech.chen.id, tech.deng.id].sort());
    });

    it("hides another outlet's ticket from an outlet-bound dispatcher as not found", async () => {
      const foreign = await report(xuhuiCustomer);
      const bound = await tokenAs(['dispatcher'], pudong.id);
      const response = await as(bound).get(`/tickets/${foreign.id}/candidates`).expect(404);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND' });
      await as(dispatcher).get(`/tickets/${foreign.id}/candidates`).expect(200);
      await as(dispatcher).get('/tickets/00000000-0000-4000-8000-000000000000/candidates').expect(404);
      await as(dispatcher).get('/tickets/not-a-uuid/candidates').expect(400);
    });

    it('lets managers ask, and refuses technicians, agents and auditors', async () => {
      await as(manager).get(`/tickets/${ticketId}/candidates`).expect(200);
      for (const roles of [['technician'], ['agent'], ['auditor']] as Role[][]) {
        const token = await tokenAs(roles);
        const response = await as(token).get(`/tickets/${ticketId}/candidates`).expect(403);
        expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  });

  describe('GET /dispatch/board', () => {
    let late: { id: string; number: string; responseDueAt: string };
    let waiting: { id: string; responseDueAt: string };
    let foreign: { id: string };
    let assigned: { id: string; responseDueAt: string; onSiteDueAt: string };
    let fresh: { id: string };

    beforeAll(async () => {
      // A day of its own: yesterday's tickets are long past their response deadlines by now.
      t.clock.setTo('2026-06-16T09:00:00+08:00');
      late = await report(pudongCustomer);
      t.clock.setTo('2026-06-16T10:00:00+08:00');
      waiting = await report(pudongCustomer);
      foreign = await report(xuhuiCustomer);
      assigned = await report(pudongCustomer, 'high');
      await dispatch(assigned.id, tech.chen);
      t.clock.setTo('2026-06-16T12:00:00+08:00');
      fresh = await report(pudongCustomer);
    });

    const board = async (token = dispatcher) => {
      const response = await as(token).get('/dispatch/board').expect(200);
      return response.body as {
        asOf: string;
        unassigned: BoardTicket[];
        atRisk: BoardTicket[];
        breached: BoardTicket[];
        totals: { unassigned: number; atRisk: number; breached: number };
        technicians: {
          technician: { id: string; name: string };
          openJobs: number;
          nextDueAt: string | null;
        }[];
      };
    };

    it('lists tickets waiting for a technician', async () => {
      t.clock.setTo('2026-06-16T12:05:00+08:00');
      const body = await board();
      expect(ids(body.unassigned)).toEqual(
        expect.arrayContaining([late.id, waiting.id, foreign.id, fresh.id]),
      );
      expect(ids(body.unassigned)).not.toContain(assigned.id);
      expect(body.unassigned.find((item) => item.id === waiting.id)).toEqual({
        id: waiting.id,
        number: expect.stringMatching(/^RT2026-\d{6}$/),
        status: 'reported',
        priority: 'normal',
        customer: { id: pudongCustomer.id, name: '王芳' },
        region: PUDONG,
        technician: null,
        reportedAt: expect.stringMatching(/^2026-06-16T02:00:/),
        nextDueAt: waiting.responseDueAt,
        nextDeadline: 'response',
      });
    });

    it('moves tickets into at risk within the hour before a deadline and into breached after it', async () => {
      t.clock.setTo('2026-06-16T12:05:00+08:00');
      const before = await board();
      expect(ids(before.atRisk)).not.toContain(waiting.id);
      expect(ids(before.breached)).not.toContain(late.id);

      // 13:30: the 09:00 ticket's response (13:00) is missed; the 10:00 tickets' (14:00) is 30 min away.
      t.clock.setTo('2026-06-16T13:30:00+08:00');
      const after = await board();
      expect(ids(after.atRisk)).toEqual(expect.arrayContaining([waiting.id, foreign.id]));
      expect(ids(after.atRisk)).not.toContain(late.id);
      expect(ids(after.atRisk)).not.toContain(fresh.id);
      expect(ids(after.breached)).toContain(late.id);
      expect(ids(after.breached)).not.toContain(waiting.id);
      expect(after.breached.find((item) => item.id === late.id)).toMatchObject({
        number: late.number,
        nextDueAt: late.responseDueAt,
        nextDeadline: 'response',
      });
      // The dispatched ticket has a technician and is still to be accepted by 12:00 (high priority): breached.
      expect(after.breached.find((item) => item.id === assigned.id)).toMatchObject({
        status: 'dispatched',
        priority: 'high',
        technician: { id: tech.chen.id, name: '陈师傅' },
        nextDueAt: assigned.responseDueAt,
      });
      // Oldest due first, and the totals match what is listed (well under the cap).
      const dues = after.breached.map((item) => item.nextDueAt ?? '');
      expect(dues).toEqual([...dues].sort());
      expect(after.totals).toEqual({
        unassigned: after.unassigned.length,
        atRisk: after.atRisk.length,
        breached: after.breached.length,
      });
    });

    it("shows each technician's open jobs and nearest deadline, least loaded first", async () => {
      t.clock.setTo('2026-06-16T13:30:00+08:00');
      const body = await board();
      const mine = body.technicians.filter((row) =>
        [tech.an.id, tech.bai.id, tech.chen.id, tech.fang.id].includes(row.technician.id),
      );
      // Equal loads: the later nearest deadline first (陈 today at 12:00, 安 and 白 yesterday).
      expect(mine.map((row) => [row.technician.name, row.openJobs])).toEqual([
        ['方师傅', 0],
        ['陈师傅', 1],
        ['安师傅', 1],
        ['白师傅', 1],
      ]);
      expect(mine.find((row) => row.technician.id === tech.chen.id)?.nextDueAt).toBe(assigned.responseDueAt);
      const loads = body.technicians.map((row) => row.openJobs);
      expect(loads).toEqual([...loads].sort((a, b) => a - b));
    });

    it("shows an outlet-bound dispatcher only their outlet's tickets and technicians", async () => {
      t.clock.setTo('2026-06-16T13:30:00+08:00');
      const bound = await tokenAs(['dispatcher'], pudong.id);
      const body = await board(bound);
      expect(ids(body.unassigned)).toContain(waiting.id);
      expect(ids(body.unassigned)).not.toContain(foreign.id);
      expect(ids(body.atRisk)).not.toContain(foreign.id);
      const technicianIds = body.technicians.map((row) => row.technician.id).sort();
      expect(technicianIds).toEqual([tech.an.id, tech.bai.id, tech.chen.id, tech.deng.id].sort());
    });

    it('names the deadline still to meet: once accepted, the on-site one', async () => {
      t.clock.setTo('2026-06-16T13:30:00+08:00');
      const chen = (await t.login(tech.chen.username).expect(200)).body.accessToken as string;
      await as(chen)
        .post(`/tickets/${assigned.id}/accept`, { appointmentAt: '2026-06-16T15:00:00+08:00' })
        .expect(200);
      expect(ids((await board()).breached)).not.toContain(assigned.id);

      // High priority in town: on site within 12 hours of the 10:00 report.
      expect(assigned.onSiteDueAt).toMatch(/^2026-06-16T14:00:/);
      t.clock.setTo('2026-06-16T21:30:00+08:00');
      const body = await board();
      expect(body.atRisk.find((item) => item.id === assigned.id)).toMatchObject({
        status: 'accepted',
        nextDueAt: assigned.onSiteDueAt,
        nextDeadline: 'on_site',
      });
    });

    it('is open to managers and auditors, and refuses technicians and agents', async () => {
      await board(manager);
      await board(await tokenAs(['auditor']));
      for (const roles of [['technician'], ['agent']] as Role[][]) {
        await as(await tokenAs(roles))
          .get('/dispatch/board')
          .expect(403);
      }
    });
  });
});
