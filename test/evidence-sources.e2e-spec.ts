import { addDays, calendarDate } from '../src/common/calendar';
import { DEFAULT_COMMITMENTS } from '../src/policy/domain/policy-commitments';
import type { OutletStatus } from '../src/outlets/domain/outlet-fields';
import type { OutletAction } from '../src/outlets/domain/outlet-lifecycle';
import { OutletStatusChangeEntity } from '../src/outlets/outlet-status-change.entity';
import { OutletEntity } from '../src/outlets/outlet.entity';
import type { EvidenceCode } from '../src/evidence/domain/evidence-types';
import { formatCell, formatRow } from '../src/evidence/domain/format-cell';
import type { ExportPeriod, ExportRow } from '../src/evidence/domain/export-table';
import type { Language } from '../src/common/errors/error-messages';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { MessageEntity } from '../src/common/mail/message.entity';
import { TicketBreachEntity } from '../src/tickets/ticket-breach.entity';
import { createAsset, createCustomer, createOutlet, createProduct } from './factories/registers';
import {
  type Session,
  type TicketDesk,
  act,
  api,
  createTicketDesk,
  reportTicket,
  session,
  ticketInState,
} from './factories/tickets';
import { createReturnsDesk, intake, returnAct } from './factories/returns';
import { surveyTemplateBody, tokenInMail } from './factories/surveys';
import { currentDocument } from './factories/documents';
import { type TestApp, createTestApp } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const MARCH: ExportPeriod = { from: '2026-03-01', to: '2026-03-31' };
const APRIL: ExportPeriod = { from: '2026-04-01', to: '2026-04-30' };
const FEBRUARY: ExportPeriod = { from: '2026-02-01', to: '2026-02-28' };
/** Two valid resident ID numbers (GB 11643): one a customer's, one on a certificate. */
const CUSTOMER_ID_NUMBER = '11010519491231002X';
const CERTIFICATE_ID_NUMBER = '320102198512314564';

describe('evidence sources', () => {
  let t: TestApp;
  let sources: EvidenceSources;
  let manager: Session;
  let desk: TicketDesk;
  /** Records stamped by the database clock (creation times, audit entries) fall on the real today. */
  let aroundToday: ExportPeriod;

  beforeAll(async () => {
    t = await createTestApp();
    sources = t.app.get(EvidenceSources);
    manager = await session(t, ['manager']);
    desk = await createTicketDesk(t);
    const today = calendarDate(new Date(), t.config.companyTimeZone);
    aroundToday = { from: addDays(today, -1), to: addDays(today, 1) };
  });
  afterAll(() => t.close());

  const as = (token: string) => api(t, token);
  const post = async (token: string, path: string, body: object) => {
    const response = await as(token).post(path, body);
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; [field: string]: unknown };
  };

  /** Every row of a source for the period, after checking that its count says as many. */
  async function rowsOf(code: EvidenceCode, period: ExportPeriod): Promise<ExportRow[]> {
    const source = sources.find(code);
    if (!source) throw new Error(`no source for ${code}`);
    const rows: ExportRow[] = [];
    for await (const row of source.rows(period)) rows.push(row);
    expect({ code, count: await source.count(period) }).toEqual({ code, count: rows.length });
    return rows;
  }
  const column = (rows: ExportRow[], key: string) => rows.map((row) => row[key]);
  /** A row as the writers put it in a file of the language: each column's cell by its header. */
  function written(
    code: EvidenceCode,
    row: ExportRow | undefined,
    language: Language,
  ): Record<string, unknown> {
    const { columns } = sources.find(code)!;
    const table = { title: '', subtitle: '', columns, language, timeZone: t.config.companyTimeZone };
    const cells = formatRow(table, row ?? {});
    return Object.fromEntries(columns.map((c, index) => [c.key, cells[index]]));
  }

  it('lists tickets reported and resolved in the period by days of the company time zone', async () => {
    // 00:10 on 1 March in Shanghai is still 28 February in UTC; 07:30 on 1 April is 31 March in UTC.
    t.clock.setTo('2026-04-02T09:00:00+08:00');
    const firstMinute = await reportTicket(t, desk.agent.token, { reportedAt: '2026-03-01T00:10:00+08:00' });
    const april = await reportTicket(t, desk.agent.token, { reportedAt: '2026-04-01T07:30:00+08:00' });
    const february = await reportTicket(t, desk.agent.token, { reportedAt: '2026-02-28T23:50:00+08:00' });

    const part = await post(manager.token, '/parts', {
      code: `EV-${Date.now()}`,
      name: '启动电容',
      productCategory: '空调',
      unitPrice: 35.5,
      labourFee: 20,
    });
    t.clock.setTo('2026-03-31T21:00:00+08:00');
    let repaired = await ticketInState(t, desk, 'diagnosed');
    t.clock.setTo('2026-03-31T22:45:00+08:00');
    repaired = await act(t, desk, repaired, 'log_work', {
      startedAt: '2026-03-31T21:10:00+08:00',
      endedAt: '2026-03-31T22:40:00+08:00',
      description: '更换启动电容，试机正常',
      parts: [{ partId: part.id, quantity: 2 }],
    });
    t.clock.setTo('2026-03-31T23:50:00+08:00');
    repaired = await act(t, desk, repaired, 'resolve');
    await t.dataSource.getRepository(TicketBreachEntity).insert({
      ticketId: repaired.id,
      deadline: 'on_site',
      dueAt: new Date('2026-03-31T21:05:00+08:00'),
      recordedAt: new Date('2026-03-31T21:06:00+08:00'),
    });
    t.clock.setTo('2026-04-01T00:20:00+08:00');
    const resolvedInApril = await ticketInState(t, desk, 'resolved');

    const marchRequests = column(await rowsOf('repair-requests', MARCH), 'number');
    expect(marchRequests).toEqual(expect.arrayContaining([firstMinute.number, repaired.number]));
    expect(marchRequests).not.toContain(april.number);
    expect(marchRequests).not.toContain(february.number);
    expect(column(await rowsOf('repair-requests', APRIL), 'number')).toEqual(
      expect.arrayContaining([april.number, resolvedInApril.number]),
    );
    expect(column(await rowsOf('repair-requests', FEBRUARY), 'number')).toEqual([february.number]);
    const reportedAt = column(await rowsOf('repair-requests', MARCH), 'reportedAt') as Date[];
    expect(reportedAt.map((at) => at.getTime())).toEqual(
      [...reportedAt].map((at) => at.getTime()).sort((a, b) => a - b),
    );

    const marchRecords = await rowsOf('repair-records', MARCH);
    expect(column(marchRecords, 'number')).toEqual([repaired.number]);
    expect(column(await rowsOf('repair-records', APRIL), 'number')).toEqual([resolvedInApril.number]);
    expect(marchRecords[0]).toMatchObject({
      id: repaired.id,
      technicianName: desk.technician.displayName,
      cause: 'product_fault',
      diagnosis: '压缩机启动电容损坏',
      workLogs: [`2026-03-31 21:10–22:40 ${desk.technician.displayName}：更换启动电容，试机正常`],
      parts: [`${String(part.code)} 启动电容 ×2`],
      chargeBasis: 'free_in_warranty',
      confirmedByName: '王芳',
      breaches: [['on_site', '2026-03-31 21:05']],
    });
    expect(Number(marchRecords[0]?.chargeTotal)).toBe(0);
    // 23:50 on 31 March in Shanghai (the clock ticks on by a few milliseconds).
    expect((marchRecords[0]?.resolvedAt as Date).toISOString().slice(0, 16)).toBe('2026-03-31T15:50');

    // Codes are written as words in the language of the file.
    const request = (await rowsOf('repair-requests', MARCH)).find((row) => row.id === firstMinute.id);
    expect(request).toMatchObject({ channel: 'phone', priority: 'normal', warrantyStatus: 'in_warranty' });
    expect(written('repair-requests', request, 'zh')).toMatchObject({
      channel: '电话',
      priority: '普通',
      warrantyStatus: '保修期内',
      status: '已报修',
    });
    expect(written('repair-requests', request, 'en')).toMatchObject({
      channel: 'Phone',
      priority: 'Normal',
      warrantyStatus: 'In warranty',
      status: 'Reported',
    });
    expect(written('repair-records', marchRecords[0], 'zh')).toMatchObject({
      cause: '产品故障',
      chargeBasis: '保修期内免费',
      breaches: '到场时限 2026-03-31 21:05',
    });
    expect(written('repair-records', marchRecords[0], 'en')).toMatchObject({
      cause: 'Product fault',
      chargeBasis: 'Free in warranty',
      breaches: 'On-site deadline 2026-03-31 21:05',
    });
  });

  it('takes trainings, certificates, performance reviews, suppliers and installations by their dates', async () => {
    t.clock.setTo('2026-04-10T10:00:00+08:00');
    const holder = await t.createUser(['manager'], { displayName: '周经理' });
    const training = (kind: string, heldOn: string, topic: string) =>
      post(manager.token, '/trainings', {
        kind,
        topic,
        heldOn,
        hours: 2,
        trainer: '刘工',
        attendees: [
          { userId: holder.id, result: 'passed' },
          { name: '临时工 甲', result: 'failed' },
          { name: '临时工 乙' },
        ],
      });
    await training('staff', '2026-02-28', '二月培训');
    await training('staff', '2026-03-01', '三月首日培训');
    await training('staff', '2026-03-31', '三月末日培训');
    await training('staff', '2026-04-01', '四月培训');
    await training('customer', '2026-03-15', '客户使用培训');
    const staffTrainings = await rowsOf('staff-trainings', MARCH);
    expect(column(staffTrainings, 'topic')).toEqual(['三月首日培训', '三月末日培训']);
    expect(staffTrainings[0]).toMatchObject({
      heldOn: '2026-03-01',
      attendees: 3,
      passed: 1,
      trainer: '刘工',
    });
    expect(column(await rowsOf('customer-trainings', MARCH), 'topic')).toEqual(['客户使用培训']);

    const certificate = (fields: object) =>
      post(manager.token, '/qualifications', { userId: holder.id, issuer: '中国商业联合会', ...fields });
    await certificate({
      type: '售后服务管理师',
      certificateNumber: 'SM-EXPIRED',
      issuedOn: '2023-01-01',
      validUntil: '2026-02-28',
    });
    await certificate({
      type: '售后服务管理师',
      certificateNumber: 'SM-LAST-DAY',
      issuedOn: '2023-03-01',
      validUntil: '2026-03-01',
    });
    await certificate({ type: '售后服务管理师', certificateNumber: 'SM-LATER', issuedOn: '2026-04-01' });
    await certificate({ type: '售后服务管理师', certificateNumber: 'SM-UNDATED' });
    await certificate({
      type: '特种作业操作证',
      certificateNumber: CERTIFICATE_ID_NUMBER,
      issuedOn: '2024-05-01',
    });
    const managers = await rowsOf('service-managers', MARCH);
    expect(column(managers, 'certificateNumber')).toEqual(['SM-LAST-DAY', 'SM-UNDATED']);
    expect(managers[0]).toMatchObject({
      holderName: '周经理',
      issuedOn: '2023-03-01',
      validUntil: '2026-03-01',
    });
    const certificates = await rowsOf('qualifications', MARCH);
    expect(column(certificates, 'certificateNumber')).toEqual(
      expect.arrayContaining(['SM-LAST-DAY', 'SM-UNDATED', '**************4564']),
    );
    expect(column(certificates, 'certificateNumber')).not.toContain('SM-EXPIRED');

    const review = (periodStart: string, periodEnd: string, period: string) =>
      post(manager.token, '/performance-reviews', {
        userId: holder.id,
        period,
        periodStart,
        periodEnd,
        score: 85,
      });
    await review('2025-10-01', '2025-12-31', '2025年第四季度');
    await review('2026-01-01', '2026-03-31', '2026年第一季度');
    await review('2026-03-31', '2026-04-30', '跨月考核');
    await review('2026-04-01', '2026-06-30', '2026年第二季度');
    expect(column(await rowsOf('performance-reviews', MARCH), 'period')).toEqual([
      '2026年第一季度',
      '跨月考核',
    ]);

    const supplier = (code: string, qualifiedOn: string | null, qualifiedUntil: string | null) =>
      post(manager.token, '/suppliers', {
        code,
        name: `供方 ${code}`,
        kind: 'repairer',
        qualifiedOn,
        qualifiedUntil,
      });
    await supplier('SUP-LAPSED', '2025-01-01', '2026-02-28');
    await supplier('SUP-ON', '2025-01-01', '2026-03-01');
    await supplier('SUP-OPEN', '2026-03-31', null);
    await supplier('SUP-LATER', '2026-04-01', null);
    // Without a qualification date it counts from its registration (today), so not in March.
    await supplier('SUP-UNDATED', null, null);
    const marchSuppliers = await rowsOf('suppliers', MARCH);
    expect(column(marchSuppliers, 'code')).toEqual(['SUP-ON', 'SUP-OPEN']);
    expect(written('suppliers', marchSuppliers[0], 'zh')).toMatchObject({ kind: '维修商' });
    expect(written('suppliers', marchSuppliers[0], 'en')).toMatchObject({ kind: 'Repairer' });
    expect(column(await rowsOf('suppliers', aroundToday), 'code')).toEqual(
      expect.arrayContaining(['SUP-OPEN', 'SUP-LATER', 'SUP-UNDATED']),
    );

    const customer = await createCustomer(t.dataSource, { name: '安装客户' });
    const product = await createProduct(t.dataSource, { name: '商用空调', model: 'KFR-120' });
    const unit = (serialNumber: string, dates: object) =>
      createAsset(t.dataSource, { productId: product.id, customerId: customer.id, serialNumber, ...dates });
    await unit('SN-SOLD-FEB', { soldOn: '2026-02-20', deliveredOn: '2026-02-25', installedOn: '2026-03-02' });
    await unit('SN-FEB-ONLY', { soldOn: '2026-02-10', installedOn: '2026-02-12' });
    await unit('SN-MARCH', { soldOn: '2026-03-31' });
    await unit('SN-APRIL', { soldOn: '2026-04-01', installedOn: '2026-04-03' });
    const installations = await rowsOf('installations', MARCH);
    expect(column(installations, 'serialNumber')).toEqual(['SN-SOLD-FEB', 'SN-MARCH']);
    expect(installations[0]).toMatchObject({
      productName: '商用空调',
      model: 'KFR-120',
      customerName: '安装客户',
      soldOn: '2026-02-20',
      deliveredOn: '2026-02-25',
      acceptedOn: null,
      installedOn: '2026-03-02',
    });
  });

  it('gives one row per tool with its inspections in the period and its standing at the end', async () => {
    t.clock.setTo('2026-04-10T10:00:00+08:00');
    const tool = await post(manager.token, '/tools', {
      code: 'EV-MEG-01',
      name: '兆欧表',
      purchasedOn: '2025-01-05',
    });
    const inspect = (inspectedOn: string, result: string, certificateNumber: string) =>
      post(manager.token, `/tools/${tool.id}/inspections`, {
        inspectedOn,
        inspector: '上海计量院',
        result,
        certificateNumber,
      });
    await inspect('2025-03-10', 'passed', 'JC-2025');
    await inspect('2026-03-10', 'passed', 'JC-2026');
    await inspect('2026-04-05', 'failed', 'JC-2026B');
    // Registered today and never inspected before: it was not the company's in March.
    await post(manager.token, '/tools', { code: 'EV-NEW-01', name: '新万用表' });

    const march = await rowsOf('tools', MARCH);
    expect(column(march, 'code')).toEqual(['EV-MEG-01']);
    expect(march[0]).toMatchObject({
      inspections: [['2026-03-10', 'passed', 'JC-2026', '上海计量院']],
      lastInspectedOn: '2026-03-10',
      lastResult: 'passed',
      nextDue: '2027-03-10',
      status: 'ok',
    });
    expect(written('tools', march[0], 'zh')).toMatchObject({
      inspections: '2026-03-10 合格 JC-2026 上海计量院',
      lastResult: '合格',
      status: '正常',
    });
    const april = (await rowsOf('tools', APRIL)).find((row) => row.code === 'EV-MEG-01');
    expect(april).toMatchObject({
      inspections: [['2026-04-05', 'failed', 'JC-2026B', '上海计量院']],
      lastResult: 'failed',
      status: 'failed',
    });
    expect(written('tools', april, 'en')).toMatchObject({
      inspections: '2026-04-05 Failed JC-2026B 上海计量院',
      lastResult: 'Failed',
      status: 'Failed',
    });
    expect((await rowsOf('tools', FEBRUARY))[0]).toMatchObject({
      inspections: [],
      lastInspectedOn: '2025-03-10',
      nextDue: '2026-03-10',
      status: 'due',
    });
  });

  it('lists the policy versions in force in the period with their commitments as text', async () => {
    t.clock.setTo('2026-03-10T10:00:00+08:00');
    await post(manager.token, '/settings/service-policy', {
      effectiveFrom: '2026-03-15T00:00:00+08:00',
      commitments: { ...DEFAULT_COMMITMENTS, responseHours: { urgent: 1, high: 2, normal: 3, low: 6 } },
      note: '缩短响应时限',
    });
    const march = await rowsOf('service-policy', MARCH);
    expect(column(march, 'versionNumber')).toEqual([1, 2]);
    expect((march[0]?.effectiveUntil as Date).toISOString()).toBe('2026-03-14T16:00:00.000Z');
    expect(march[1]).toMatchObject({
      note: '缩短响应时限',
      effectiveUntil: null,
      responseHours: '紧急 1，高 2，普通 3，低 6',
      onSiteHours: expect.stringContaining('紧急：市区 4／郊区 8／农村 12'),
      followUpDays: 3,
      chaseDays: '换货 2，维修 7，加急 1',
    });
    expect(march[1]).not.toHaveProperty('commitments');
    expect(column(await rowsOf('service-policy', FEBRUARY), 'versionNumber')).toEqual([1]);
    expect(column(await rowsOf('service-policy', APRIL), 'versionNumber')).toEqual([2]);
  });

  it('lists the outlets of the period with their status then, the reviews and their actions', async () => {
    const at = (iso: string) => new Date(iso);
    const closed = await createOutlet(t.dataSource, {
      code: 'EV-CLOSED',
      createdAt: at('2026-01-10T10:00:00+08:00'),
    });
    const suspendedLater = await createOutlet(t.dataSource, {
      code: 'EV-SUSPENDED-LATER',
      kind: 'outsourced',
      status: 'suspended',
      agreementNumber: 'XY-001',
      agreementValidFrom: '2026-01-01',
      agreementValidUntil: '2026-12-31',
      createdAt: at('2026-01-10T10:00:00+08:00'),
    });
    await createOutlet(t.dataSource, { code: 'EV-APRIL', createdAt: at('2026-04-01T08:00:00+08:00') });
    const change = (
      outletId: string,
      action: OutletAction,
      fromStatus: OutletStatus,
      toStatus: OutletStatus,
      changedAt: string,
    ) =>
      t.dataSource.getRepository(OutletStatusChangeEntity).save({
        outletId,
        action,
        fromStatus,
        toStatus,
        reason: '历史状态',
        actorId: manager.id,
        changedAt: at(changedAt),
      });
    await change(closed.id, 'close', 'active', 'closed', '2026-02-15T10:00:00+08:00');
    await t.dataSource.getRepository(OutletEntity).update(closed.id, { status: 'closed' });
    await change(suspendedLater.id, 'suspend', 'active', 'suspended', '2026-04-05T10:00:00+08:00');

    const march = await rowsOf('outlets', MARCH);
    const marchCodes = column(march, 'code');
    expect(marchCodes).toContain('EV-SUSPENDED-LATER');
    expect(marchCodes).not.toContain('EV-CLOSED');
    expect(marchCodes).not.toContain('EV-APRIL');
    expect(march.find((row) => row.code === 'EV-SUSPENDED-LATER')).toMatchObject({
      kind: 'outsourced',
      status: 'active',
      agreementNumber: 'XY-001',
      agreementValidFrom: '2026-01-01',
      agreementValidUntil: '2026-12-31',
      coverageRegions: ['上海市/浦东新区'],
      closedAt: null,
    });
    const suspended = march.find((row) => row.code === 'EV-SUSPENDED-LATER');
    expect(written('outlets', suspended, 'zh')).toMatchObject({ kind: '委外', status: '运营中' });
    expect(written('outlets', suspended, 'en')).toMatchObject({ kind: 'Outsourced', status: 'Active' });
    const february = await rowsOf('outlets', FEBRUARY);
    expect(february.find((row) => row.code === 'EV-CLOSED')).toMatchObject({ status: 'closed' });
    expect((await rowsOf('outlets', APRIL)).find((row) => row.code === 'EV-SUSPENDED-LATER')).toMatchObject({
      status: 'suspended',
    });

    t.clock.setTo(new Date());
    const outlet = await createOutlet(t.dataSource, { code: 'EV-REVIEWED', name: '苏州服务站' });
    const review = (year: number, findings: string) =>
      post(manager.token, `/outlets/${outlet.id}/reviews`, {
        year,
        reviewedOn: `${year}-03-20`,
        reviewer: '王建国',
        score: 82.5,
        findings,
      });
    await review(2025, '去年的问题');
    const thisYear = await review(2026, '备件台账不全');
    const actions = `/outlets/${outlet.id}/reviews/${thisYear.id}/actions`;
    const closedAction = await post(manager.token, actions, {
      description: '建立备件出入库台账',
      responsible: '李强',
      dueOn: '2026-04-30',
    });
    await post(manager.token, actions, { description: '每月盘点', dueOn: '2026-05-31' });
    await post(manager.token, `${actions}/${closedAction.id}/close`, { closureNote: '台账已建立并抽查' });

    const reviews = (await rowsOf('outlet-reviews', MARCH)).filter((row) => row.outletCode === 'EV-REVIEWED');
    expect(reviews).toEqual([
      expect.objectContaining({
        year: 2026,
        reviewedOn: '2026-03-20',
        findings: '备件台账不全',
        actions: 2,
        openActions: 1,
      }),
    ]);
    const corrective = (await rowsOf('corrective-actions', aroundToday)).filter(
      (row) => row.outletCode === 'EV-REVIEWED',
    );
    expect(corrective).toEqual([
      expect.objectContaining({
        finding: '备件台账不全',
        action: '建立备件出入库台账',
        responsible: '李强',
        dueOn: '2026-04-30',
        status: 'closed',
        closureNote: '台账已建立并抽查',
      }),
      expect.objectContaining({ action: '每月盘点', status: 'open', closedAt: null }),
    ]);
    expect(await rowsOf('corrective-actions', MARCH)).toEqual([]);
  });

  it('streams the messages and the audit trail of the period in order', async () => {
    t.clock.setTo(new Date());
    const admin = await session(t, ['admin']);
    await post(admin.token, '/messages/test', { to: 'auditor@example.com' });
    const messages = await rowsOf('notifications', aroundToday);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient: 'auditor@example.com', template: expect.any(String) }),
      ]),
    );
    const testMail = messages.find((row) => row.recipient === 'auditor@example.com');
    expect(written('notifications', testMail, 'zh')).toMatchObject({ template: '测试邮件', channel: '邮件' });
    expect(written('notifications', testMail, 'en')).toMatchObject({
      template: 'Test mail',
      channel: 'Email',
    });

    const trail = await rowsOf('audit-trail', aroundToday);
    expect(trail.length).toBeGreaterThan(20);
    const seqs = column(trail, 'seq').map((seq) => BigInt(seq as string));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(trail.every((row) => typeof row.hash === 'string' && /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);
    expect(column(trail, 'action')).toEqual(expect.arrayContaining(['ticket.resolve', 'tool.inspected']));
    expect(await rowsOf('audit-trail', { from: '2020-01-01', to: '2020-12-31' })).toEqual([]);

    // The reader may stop early: the cursor's connection goes back to the pool each time.
    for (let i = 0; i < 15; i += 1) {
      for await (const row of sources.find('audit-trail')!.rows(aroundToday)) {
        expect(row.seq).toBeDefined();
        break;
      }
    }
    expect(await sources.find('audit-trail')!.count(aroundToday)).toBeGreaterThanOrEqual(trail.length);
  });

  it('lists returned goods received in the period, and the goods scrapped in it by the day of scrapping', async () => {
    t.clock.setTo('2026-04-02T09:00:00+08:00');
    const returnsDesk = await createReturnsDesk(t);
    const march = await intake(t, returnsDesk.agent.token, { receivedAt: '2026-03-01T00:10:00+08:00' });
    const february = await intake(t, returnsDesk.agent.token, { receivedAt: '2026-02-28T23:50:00+08:00' });
    await returnAct(t, returnsDesk.clerk.token, february.id, 'inspect', { finding: 'human_damage' });
    await returnAct(t, returnsDesk.clerk.token, february.id, 'scrap', {
      method: 'dismantling',
      recycler: '上海绿环再生资源有限公司',
      scrappedOn: '2026-03-31',
    });

    const received = column(await rowsOf('returns', MARCH), 'number');
    expect(received).toContain(march.number);
    expect(received).not.toContain(february.number);
    const scrapped = await rowsOf('recycling', MARCH);
    expect(column(scrapped, 'number')).toEqual([february.number]);
    expect(written('recycling', scrapped[0], 'zh')).toMatchObject({
      scrappedOn: '2026-03-31',
      scrapMethod: '拆解处理',
      finding: '人为损坏',
      recycler: '上海绿环再生资源有限公司',
    });
    expect(written('recycling', scrapped[0], 'en')).toMatchObject({ scrapMethod: 'Dismantling' });
    expect(await rowsOf('recycling', APRIL)).toEqual([]);
  });

  it('never shows a national ID number, and every row has every column of its source, writable as its kind', async () => {
    t.clock.setTo(new Date());
    const created = await post(desk.agent.token, '/customers', {
      kind: 'person',
      name: '身份证客户',
      phone: '13911112222',
      email: 'id-card-customer@example.com',
      nationalId: CUSTOMER_ID_NUMBER,
      zone: 'urban',
    });
    const product = await createProduct(t.dataSource);
    const today = calendarDate(new Date(), t.config.companyTimeZone);
    const asset = await createAsset(t.dataSource, {
      productId: product.id,
      customerId: created.id,
      soldOn: today,
      installedOn: today,
    });
    // The customer's repair then goes through every record kept after it, so that each source has
    // rows, and rows about the customer whose ID number must not show.
    const template = await post(manager.token, '/surveys', surveyTemplateBody());
    await t
      .http()
      .put('/api/v1/surveys/settings')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ inviteOnTicketClose: true, templateId: template.id })
      .expect(200);
    const ticket = await ticketInState(t, desk, 'resolved', {
      customerId: created.id,
      serialNumber: asset.serialNumber,
    });
    const complaint = await post(desk.agent.token, '/complaints', {
      customerId: created.id,
      ticketId: ticket.id,
      channel: 'phone',
      category: 'attitude',
      severity: 'normal',
      description: '师傅上门迟到两小时',
    });
    const complaintStep = (action: string, body: object, token: string) =>
      post(token, `/complaints/${complaint.id}/${action}`, body);
    await complaintStep('acknowledge', { note: '已致电客户致歉' }, desk.agent.token);
    await complaintStep('investigate', { note: '调取派工记录' }, desk.manager.token);
    await complaintStep(
      'resolve',
      {
        rootCause: '维修人员未按预约时间上门',
        remedy: '经理上门致歉，免除上门费',
        correctiveAction: '改约须提前两小时告知客户',
      },
      desk.manager.token,
    );
    await complaintStep('close', { customerAccepted: true, note: '客户表示满意' }, desk.agent.token);
    /** The ticket's events handled as the worker would: the resolution makes the follow-up, the close the survey. */
    const handleEvents = async () => {
      for (const row of await ticketOutboxRows(t, 'ticket.event', ticket.id)) await runTicketEvent(t, row);
    };
    await handleEvents();
    const followUps = await as(desk.agent.token).get(`/follow-ups?ticketId=${ticket.id}`).expect(200);
    const [followUp] = followUps.body.items as { id: string; version: number }[];
    if (!followUp) throw new Error('no follow-up was made');
    await post(desk.agent.token, `/follow-ups/${followUp.id}/complete`, {
      method: 'phone',
      contactedAt: t.clock.now().toISOString(),
      satisfied: true,
      score: 5,
      comments: '空调制冷正常',
      expectedVersion: followUp.version,
    });
    await handleEvents();
    const invitationMail = await t.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ template: 'survey-invitation', recipient: 'id-card-customer@example.com' });
    await t
      .http()
      .post(`/api/v1/public/surveys/${tokenInMail(invitationMail.body)}`)
      .send({ answers: { overall: 5, recommend: 9, comments: '服务很好' } })
      .expect(200);
    const inspection = await post(manager.token, '/inspections', {
      assetId: asset.id,
      dueAt: t.clock.now().toISOString(),
    });
    await post(manager.token, `/follow-ups/${inspection.id}/complete`, {
      contactedAt: t.clock.now().toISOString(),
      findings: '滤网积尘，已清洗',
      satisfied: true,
      score: 5,
    });

    await currentDocument(t, manager.token, { number: 'QP-8.2-01', title: '顾客投诉处理程序' });

    const everything: ExportPeriod = { from: '2000-01-01', to: aroundToday.to };
    const codes = sources.codes();
    expect(codes.length).toBeGreaterThanOrEqual(17);
    for (const code of codes) {
      const source = sources.find(code)!;
      const rows = await rowsOf(code, everything);
      expect({ code, rows: rows.length > 0 }).toEqual({ code, rows: true });
      for (const row of rows) {
        expect(row.id).toBeDefined();
        for (const { key, kind, values } of source.columns) {
          expect({ code, key, present: key in row }).toEqual({ code, key, present: true });
          // Each value is one the writers can put in a cell of its kind (they throw on any other).
          expect(() => formatCell(row[key], kind, 'zh', t.config.companyTimeZone, values)).not.toThrow();
          // A coded value has words in both languages; a raw code in a file is a missing label.
          if (values && typeof row[key] === 'string') {
            expect({ code, key, value: row[key], known: Object.hasOwn(values, row[key]) }).toEqual({
              code,
              key,
              value: row[key],
              known: true,
            });
          }
        }
        const text = JSON.stringify(row);
        expect(text).not.toContain(CUSTOMER_ID_NUMBER);
        expect(text).not.toContain(CERTIFICATE_ID_NUMBER);
      }
    }
    const customerRows = await rowsOf('installations', aroundToday);
    expect(customerRows.map((row) => row.customerName)).toContain('身份证客户');
  });
});
