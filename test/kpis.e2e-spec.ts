import { randomBytes } from 'node:crypto';
import type { DeepPartial } from 'typeorm';
import { isStepMissed } from '../src/complaints/domain/complaint-escalation';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { ComplaintEntity } from '../src/complaints/complaint.entity';
import { FollowUpEntity } from '../src/follow-ups/follow-up.entity';
import { KPI_CODES } from '../src/kpis/domain/kpi-catalog';
import { isRepeatRepair, sanbaoRepairMet } from '../src/kpis/domain/repair-windows';
import { KpisService } from '../src/kpis/kpis.service';
import { OutletReviewEntity } from '../src/outlets/outlet-review.entity';
import { RectificationActionEntity } from '../src/outlets/rectification-action.entity';
import { turnaround } from '../src/returns/domain/turnaround';
import { ReturnEntity } from '../src/returns/return.entity';
import { QualificationEntity } from '../src/staff/qualification.entity';
import { TrainingAttendeeEntity } from '../src/staff/training-attendee.entity';
import { TrainingEntity } from '../src/staff/training.entity';
import { SurveyInvitationEntity } from '../src/surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../src/surveys/survey-response.entity';
import { SurveyTemplateEntity } from '../src/surveys/survey-template.entity';
import { isMissed } from '../src/tickets/domain/ticket-clock';
import { TicketBreachEntity } from '../src/tickets/ticket-breach.entity';
import { TicketHoldEntity } from '../src/tickets/ticket-hold.entity';
import { TicketEntity } from '../src/tickets/ticket.entity';
import { ToolEntity } from '../src/tools/tool.entity';
import type { UserEntity } from '../src/users/user.entity';
import { currentDocument } from './factories/documents';
import { createAsset, createCustomer, createOutlet, createProduct } from './factories/registers';
import { createSupplier } from './factories/returns';
import { api } from './factories/tickets';
import { type TestApp, createTestApp } from './support/test-app';

/**
 * The KPIs on a small data set built by hand (records written straight to the database, as the
 * workflows would have left them), each figure worked out below from the records' times. The period is
 * June 2026 in Shanghai; the KPIs are asked for on 10 July 2026 at noon, so every June deadline is past.
 */
const JUNE = { from: '2026-06-01', to: '2026-06-30' };
const NOW = '2026-07-10T12:00:00+08:00';
/** A Shanghai wall-clock time, `2026-06-02T09:00`. */
const at = (local: string): Date => new Date(`${local}:00+08:00`);

interface KpiView {
  code: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  recordsPath: string;
  unit: string;
  indicators: string[];
  title: { zh: string; en: string };
  definition: { zh: string; en: string };
}

interface RecordView {
  type: string;
  id: string;
  reference: string;
  met: boolean | null;
  value: number | null;
  facts: Record<string, unknown>;
}

describe('KPIs (GET /kpis, GET /kpis/:code/records)', () => {
  let t: TestApp;
  const token: Record<
    'manager' | 'outletManager' | 'auditor' | 'admin' | 'technician' | 'dispatcher',
    string
  > = {
    manager: '',
    outletManager: '',
    auditor: '',
    admin: '',
    technician: '',
    dispatcher: '',
  };
  /** Every record of the data set by its name in the comments below. */
  const id: Record<string, string> = {};
  /** The id of a record of the data set; a name not in it is a mistake in the test. */
  const idOf = (name: string): string => {
    const found = id[name];
    if (found === undefined) throw new Error(`no record ${name} in the data set`);
    return found;
  };

  const get = (who: string, path: string) => api(t, who).get(path);
  const query = (params: Record<string, string | number | boolean | undefined>) =>
    new URLSearchParams(
      Object.entries(params).flatMap(([key, value]): [string, string][] =>
        value === undefined ? [] : [[key, String(value)]],
      ),
    ).toString();
  const reportFor = async (who: string, params: Record<string, string> = JUNE): Promise<KpiView[]> => {
    const response = await get(who, `/kpis?${query(params)}`);
    if (response.status !== 200) throw new Error(`kpis ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.kpis as KpiView[];
  };
  const kpiIn = (kpis: KpiView[], code: string): KpiView => {
    const found = kpis.find((kpi) => kpi.code === code);
    if (!found) throw new Error(`no KPI ${code}`);
    return found;
  };
  /** Every record behind a figure, all pages. */
  const recordsOf = async (
    who: string,
    code: string,
    params: Record<string, string | boolean | undefined> = {},
  ): Promise<RecordView[]> => {
    const response = await get(who, `/kpis/${code}/records?${query({ ...JUNE, pageSize: 200, ...params })}`);
    if (response.status !== 200)
      throw new Error(`records ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.items as RecordView[];
  };
  const ids = (names: string[]) => names.map(idOf);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(NOW);
    const ds = t.dataSource;
    const save = async <T extends object>(
      entity: new () => T,
      fields: DeepPartial<NoInfer<T>>,
    ): Promise<T> => {
      const repository = ds.getRepository(entity);
      return repository.save(repository.create(fields));
    };

    // Outlets: A (own), B (outsourced, agreement valid), C (outsourced, agreement expired 20 June),
    // D (closed: counts nowhere, though it covers 浙江省).
    const outletA = await createOutlet(ds, {
      code: 'WD-A',
      region: '上海市/浦东新区',
      coverageRegions: ['上海市/浦东新区'],
    });
    const outletB = await createOutlet(ds, {
      code: 'WD-B',
      kind: 'outsourced',
      region: '江苏省/苏州市',
      coverageRegions: [],
      agreementNumber: 'XY-B',
      agreementValidFrom: '2025-01-01',
      agreementValidUntil: '2026-12-31',
    });
    const outletC = await createOutlet(ds, {
      code: 'WD-C',
      kind: 'outsourced',
      region: '浙江省/杭州市',
      coverageRegions: ['浙江省/杭州市'],
      agreementNumber: 'XY-C',
      agreementValidUntil: '2026-06-20',
    });
    await createOutlet(ds, { code: 'WD-D', status: 'closed', region: '浙江省', coverageRegions: ['浙江省'] });
    Object.assign(id, { A: outletA.id, B: outletB.id, C: outletC.id });

    // People. Service staff (enabled agents, dispatchers, technicians, returns clerks, managers):
    // mgr1, mgr2, tech1, tech2, tech3, agent1, disp1 = 7. tech4 is disabled; the auditor and admin are
    // not service staff.
    const user = async (name: string, roles: UserEntity['roles'], fields: Partial<UserEntity> = {}) => {
      const created = await t.createUser(roles, { displayName: name, ...fields });
      id[name] = created.id;
      return created;
    };
    const login = async (created: UserEntity) =>
      (await t.login(created.username).expect(200)).body.accessToken as string;
    token.manager = await login(await user('mgr1', ['manager']));
    token.outletManager = await login(await user('mgr2', ['manager'], { outletId: outletA.id }));
    token.technician = await login(await user('tech1', ['technician'], { outletId: outletA.id }));
    await user('tech2', ['technician'], { outletId: outletB.id });
    await user('tech3', ['technician'], { outletId: outletA.id });
    await user('tech4', ['technician'], { outletId: outletA.id, disabled: true });
    await user('agent1', ['agent']);
    token.dispatcher = await login(await user('disp1', ['dispatcher']));
    token.auditor = await login(await user('auditor1', ['auditor']));
    token.admin = await login(await user('admin1', ['admin']));

    // Certificates, judged on 30 June (the period has ended): mgr1 holds a 售后服务管理师 in force;
    // tech1's expires 15 July (in force, expiring within 30 days); tech2's expired in May; tech3's is
    // issued only on 1 July, and an inactive one does not count.
    const certificate = (holder: string, type: string, fields: DeepPartial<QualificationEntity>) =>
      save(QualificationEntity, {
        userId: idOf(holder),
        type,
        certificateNumber: `ZS-${randomBytes(3).toString('hex')}`,
        productCategories: ['空调'],
        ...fields,
      });
    await certificate('mgr1', '售后服务管理师', { validUntil: '2028-06-30', productCategories: [] });
    id.cert1 = (
      await certificate('tech1', '电工证', { issuedOn: '2023-07-15', validUntil: '2026-07-15' })
    ).id;
    await certificate('tech2', '电工证', { validUntil: '2026-05-01' });
    await certificate('tech3', '制冷与空调作业证', { issuedOn: '2026-07-01', validUntil: '2026-07-20' });
    await certificate('tech3', '焊工证', { validUntil: null, active: false });
    await certificate('tech4', '电工证', { validUntil: '2026-07-10' });

    // Staff trainings: in June 4 h for tech1, tech2 and mgr2 (and a guest who is no user); in March 2 h
    // for agent1; a customer training, an inactive one and last December's do not count.
    const training = async (
      fields: DeepPartial<TrainingEntity>,
      attendees: string[],
      guests: string[] = [],
    ) => {
      const held = await save(TrainingEntity, { topic: '维修安全规范', trainer: '培训中心', ...fields });
      for (const attendee of attendees) {
        await save(TrainingAttendeeEntity, { trainingId: held.id, userId: idOf(attendee), name: attendee });
      }
      for (const guest of guests) await save(TrainingAttendeeEntity, { trainingId: held.id, name: guest });
    };
    await training(
      { kind: 'staff', heldOn: '2026-06-10', hours: 4 },
      ['tech1', 'tech2', 'mgr2'],
      ['外聘讲师助理'],
    );
    await training({ kind: 'staff', heldOn: '2026-03-05', hours: 2 }, ['agent1']);
    await training({ kind: 'customer', heldOn: '2026-06-12', hours: 3 }, ['tech3']);
    await training({ kind: 'staff', heldOn: '2026-06-15', hours: 8, active: false }, ['tech3']);
    await training({ kind: 'staff', heldOn: '2025-12-20', hours: 6 }, ['mgr1']);

    // Controlled documents in force, judged on 30 June: D1's review is due at the year's end, D2's
    // was due 20 June.
    const document = async (number: string, nextReviewOn: string) => {
      const created = await currentDocument(
        t,
        token.manager,
        { number },
        { approvedOn: '2026-01-10', nextReviewOn },
      );
      id[number] = created.id;
    };
    await document('D1', '2026-12-31');
    await document('D2', '2026-06-20');

    // Tools on 30 June: G1 ok, G2 due (within 30 days), G3 overdue, G4 failed, G5 never inspected;
    // G6 is inactive.
    const tool = async (code: string, fields: DeepPartial<ToolEntity>) => {
      id[code] = (await save(ToolEntity, { code, name: '冷媒检漏仪', outletId: outletA.id, ...fields })).id;
    };
    await tool('G1', {
      nextInspectionDue: '2026-12-01',
      lastInspectedOn: '2025-12-01',
      lastInspectionResult: 'passed',
    });
    await tool('G2', {
      nextInspectionDue: '2026-07-10',
      lastInspectedOn: '2025-07-10',
      lastInspectionResult: 'passed',
    });
    await tool('G3', {
      outletId: outletB.id,
      nextInspectionDue: '2026-06-01',
      lastInspectedOn: '2025-06-01',
      lastInspectionResult: 'passed',
    });
    await tool('G4', {
      nextInspectionDue: null,
      lastInspectedOn: '2026-05-01',
      lastInspectionResult: 'failed',
    });
    await tool('G5', {});
    await tool('G6', { active: false });

    // Outlet A's 2026 review, with actions raised 5 June (closed), 10 June (open) and 20 May.
    const review = await save(OutletReviewEntity, {
      outletId: outletA.id,
      year: 2026,
      reviewedOn: '2026-05-20',
      reviewer: '质量部',
      score: 86,
      findings: '维修记录不完整',
    });
    const action = async (name: string, raised: string, closed: boolean) => {
      const saved = await save(RectificationActionEntity, {
        reviewId: review.id,
        description: `整改 ${name}`,
        dueOn: '2026-07-31',
        status: closed ? 'closed' : 'open',
        closedAt: closed ? at('2026-06-20T10:00') : null,
      });
      await ds.query(`UPDATE rectification_actions SET created_at = $2 WHERE id = $1`, [
        saved.id,
        at(raised),
      ]);
      id[name] = saved.id;
    };
    await action('A1', '2026-06-05T10:00', true);
    await action('A2', '2026-06-10T10:00', false);
    await action('A3', '2026-05-20T10:00', true);

    // Customers, by region: 上海市/浦东新区 and 上海市/浦东新区/张江镇 (outlet A's, covered by A),
    // 江苏省/苏州市 (B's, covered by B), 浙江省/宁波市 (covered by nobody: C covers 杭州, D is closed);
    // an inactive customer and one without a region count nowhere.
    const cust1 = await createCustomer(ds, { region: '上海市/浦东新区', outletId: outletA.id });
    await createCustomer(ds, { region: '上海市/浦东新区/张江镇', outletId: outletA.id });
    const cust3 = await createCustomer(ds, { region: '江苏省/苏州市', outletId: outletB.id });
    await createCustomer(ds, { region: '浙江省/宁波市', outletId: outletC.id });
    await createCustomer(ds, { region: '广东省/广州市', active: false });
    await createCustomer(ds, { region: null });

    // Sold units and their deliveries: SN-A1 delivered 3 June, accepted 4 June; SN-A2 delivered 20
    // June, no acceptance; SN-B1 delivered 30 June, accepted 1 July; SN-A6 and SN-B2 delivered outside June.
    const product = await createProduct(ds, { category: '空调' });
    const unit = async (
      serial: string,
      customerId: string,
      deliveredOn: string,
      acceptedOn: string | null,
    ) => {
      id[serial] = (
        await createAsset(ds, {
          serialNumber: serial,
          productId: product.id,
          customerId,
          deliveredOn,
          acceptedOn,
        })
      ).id;
    };
    await unit('SN-A1', cust1.id, '2026-06-03', '2026-06-04');
    await unit('SN-A2', cust1.id, '2026-06-20', null);
    await unit('SN-A6', cust1.id, '2025-10-01', '2025-10-02');
    await unit('SN-B1', cust3.id, '2026-06-30', '2026-07-01');
    await unit('SN-B2', cust3.id, '2026-07-01', null);

    // Tickets. Deadlines are written out; "met/missed" in the comments is what the KPIs must find.
    const [policy] = await ds.query<{ id: string }[]>(
      `SELECT id FROM service_policies ORDER BY version_number LIMIT 1`,
    );
    let sequence = 0;
    const ticket = async (name: string, fields: DeepPartial<TicketEntity> & { reportedAt: Date }) => {
      sequence += 1;
      const reported = fields.reportedAt.getTime();
      const hours = (h: number) => new Date(reported + h * 3_600_000);
      const saved = await save(TicketEntity, {
        number: `RT2026-${String(sequence).padStart(6, '0')}`,
        status: 'closed',
        customerId: cust1.id,
        productId: product.id,
        fault: '不制冷',
        channel: 'phone',
        priority: 'normal',
        zone: 'urban',
        warrantyStatus: 'in_warranty',
        policyVersionId: policy!.id,
        responseDueAt: hours(4),
        onSiteDueAt: hours(24),
        plannedResolveDueAt: hours(72),
        resolveDueAt: hours(72),
        outletId: outletA.id,
        createdBy: idOf('mgr1'),
        ...fields,
      });
      id[name] = saved.id;
      return saved;
    };
    const breach = (name: string, deadline: 'response' | 'on_site' | 'resolve', dueAt: Date) =>
      save(TicketBreachEntity, {
        ticketId: idOf(name),
        deadline,
        dueAt,
        recordedAt: new Date(dueAt.getTime() + 60_000),
      });

    // T1 (A): reported 1 June 00:30 Shanghai (still 31 May in UTC), everything in time; 56.5 h to repair.
    await ticket('T1', {
      reportedAt: at('2026-06-01T00:30'),
      assetId: idOf('SN-A1'),
      serialNumber: 'SN-A1',
      acceptedAt: at('2026-06-01T02:00'),
      checkedInAt: at('2026-06-01T15:00'),
      resolvedAt: at('2026-06-03T09:00'),
    });
    // T2 (A): accepted late (breach recorded), on site in time, held 6 h (due moved to 8 June 15:00),
    // resolved late on 9 June (breach recorded): 96 h − 6 h on hold = 90 h to repair.
    await ticket('T2', {
      reportedAt: at('2026-06-05T09:00'),
      assetId: idOf('SN-A2'),
      serialNumber: 'SN-A2',
      acceptedAt: at('2026-06-05T15:00'),
      checkedInAt: at('2026-06-06T08:00'),
      resolveDueAt: at('2026-06-08T15:00'),
      resolvedAt: at('2026-06-09T09:00'),
      pausedMs: 6 * 3_600_000,
    });
    await breach('T2', 'response', at('2026-06-05T13:00'));
    await breach('T2', 'resolve', at('2026-06-08T15:00'));
    await save(TicketHoldEntity, {
      ticketId: idOf('T2'),
      reason: 'awaiting_parts',
      startedAt: at('2026-06-06T10:00'),
      startedBy: idOf('tech1'),
      endedAt: at('2026-06-06T16:00'),
      endedBy: idOf('tech1'),
    });
    // T3 (A): SN-A1 again 7 days after T1's repair (a repeat); accepted in time, never on site, never
    // resolved: on site and resolve missed by now though no breach was recorded; 三包 missed (30 days
    // ended 10 July 09:00).
    await ticket('T3', {
      reportedAt: at('2026-06-10T09:00'),
      status: 'accepted',
      assetId: idOf('SN-A1'),
      serialNumber: 'SN-A1',
      acceptedAt: at('2026-06-10T12:00'),
    });
    // T4 (A): an unregistered unit (serial X-100 as typed), out of warranty, 18 days after T13's repair
    // of it (a repeat); on hold since before its resolve deadline: resolve not decided; response and on
    // site in time.
    await ticket('T4', {
      reportedAt: at('2026-06-12T09:00'),
      status: 'on_hold',
      serialNumber: 'x-100',
      warrantyStatus: 'out_of_warranty',
      acceptedAt: at('2026-06-12T10:00'),
      checkedInAt: at('2026-06-13T08:00'),
      heldSince: at('2026-06-13T10:00'),
      heldFrom: 'diagnosed',
      holdReason: 'awaiting_parts',
    });
    // T5 (A): cancelled, with a response breach recorded before: counts nowhere.
    await ticket('T5', {
      reportedAt: at('2026-06-20T09:00'),
      status: 'cancelled',
      cancelledAt: at('2026-06-20T15:00'),
    });
    await breach('T5', 'response', at('2026-06-20T13:00'));
    // T6 (A): SN-A6, 24 days after T8's repair of the same unit: a repeat.
    // Reopened once (its first resolution was late: breach recorded), resolved again on 28 June before
    // the new deadline: resolve still missed. 72 h to repair; not fixed first time.
    await ticket('T6', {
      reportedAt: at('2026-06-25T09:00'),
      status: 'resolved',
      assetId: idOf('SN-A6'),
      serialNumber: 'SN-A6',
      acceptedAt: at('2026-06-25T10:00'),
      checkedInAt: at('2026-06-25T20:00'),
      resolveDueAt: at('2026-06-29T09:00'),
      resolvedAt: at('2026-06-28T09:00'),
      reopenCount: 1,
    });
    await breach('T6', 'resolve', at('2026-06-28T09:00'));
    // T7 (A): reported 1 July, the day after the period: counts nowhere in June.
    await ticket('T7', {
      reportedAt: at('2026-07-01T09:00'),
      acceptedAt: at('2026-07-01T15:00'),
      resolvedAt: at('2026-07-02T09:00'),
    });
    // T8 (A): reported 31 May 23:30 Shanghai (before the period), resolved 1 June 10:00 (in it): only
    // in the resolved cohort; 10.5 h to repair, fixed first time.
    await ticket('T8', {
      reportedAt: at('2026-05-31T23:30'),
      assetId: idOf('SN-A6'),
      serialNumber: 'sn-a6',
      acceptedAt: at('2026-06-01T00:00'),
      checkedInAt: at('2026-06-01T08:00'),
      resolvedAt: at('2026-06-01T10:00'),
    });
    // T9 (B): everything in time, but taken back to the depot: not fixed first time; 24 h to repair.
    // Its unit's earlier repair (T11) is 45 days before: no repeat.
    await ticket('T9', {
      reportedAt: at('2026-06-15T09:00'),
      outletId: outletB.id,
      customerId: cust3.id,
      assetId: idOf('SN-B1'),
      serialNumber: 'SN-B1',
      acceptedAt: at('2026-06-15T09:30'),
      checkedInAt: at('2026-06-15T14:00'),
      takenBackAt: at('2026-06-15T15:00'),
      resolvedAt: at('2026-06-16T09:00'),
    });
    // T10 (B): reported 28 June, never accepted: response, on site and resolve missed; 三包 still running.
    await ticket('T10', {
      reportedAt: at('2026-06-28T09:00'),
      status: 'reported',
      outletId: outletB.id,
      customerId: cust3.id,
      assetId: idOf('SN-B2'),
      serialNumber: 'SN-B2',
    });
    // T11 (B): SN-B1 repaired 1 May.
    await ticket('T11', {
      reportedAt: at('2026-04-28T09:00'),
      outletId: outletB.id,
      customerId: cust3.id,
      assetId: idOf('SN-B1'),
      serialNumber: 'SN-B1',
      acceptedAt: at('2026-04-28T10:00'),
      checkedInAt: at('2026-04-28T15:00'),
      resolvedAt: at('2026-05-01T09:00'),
    });
    // T13 (A): the unregistered unit X-100 repaired on 25 May.
    await ticket('T13', {
      reportedAt: at('2026-05-20T09:00'),
      serialNumber: 'X-100',
      warrantyStatus: 'unknown',
      acceptedAt: at('2026-05-20T10:00'),
      checkedInAt: at('2026-05-20T15:00'),
      resolvedAt: at('2026-05-25T09:00'),
    });
    // T12 (A): reopened after a resolution and not yet resolved again; its new deadline is 20 July.
    await ticket('T12', {
      reportedAt: at('2026-06-18T09:00'),
      status: 'reopened',
      warrantyStatus: 'out_of_warranty',
      acceptedAt: at('2026-06-18T10:00'),
      checkedInAt: at('2026-06-18T15:00'),
      resolveDueAt: at('2026-07-20T09:00'),
      reopenCount: 1,
    });

    // Follow-ups due in June: F1 in time, F2 late, F3 unreachable, F4 still pending past its due time,
    // F5 cancelled (not counted). F6 is due 1 July (done in time) and F7 15 July (not yet due).
    // Inspections due in June: I1 in time, I2 still pending.
    let visits = 0;
    const visit = async (name: string, fields: DeepPartial<FollowUpEntity>) => {
      visits += 1;
      id[name] = (
        await save(FollowUpEntity, {
          number: `FU2026-${String(visits).padStart(6, '0')}`,
          kind: 'follow_up',
          status: 'completed',
          customerId: cust1.id,
          outletId: outletA.id,
          ...fields,
        })
      ).id;
    };
    const followUp = (name: string, of: string, resolvedAt: string, fields: DeepPartial<FollowUpEntity>) =>
      visit(name, { ticketId: idOf(of), ticketResolvedAt: at(resolvedAt), ...fields });
    await followUp('F1', 'T1', '2026-06-03T09:00', {
      dueAt: at('2026-06-06T09:00'),
      contactedAt: at('2026-06-05T10:00'),
    });
    await followUp('F2', 'T2', '2026-06-09T09:00', {
      dueAt: at('2026-06-12T09:00'),
      contactedAt: at('2026-06-13T10:00'),
    });
    await followUp('F3', 'T9', '2026-06-16T09:00', {
      dueAt: at('2026-06-19T09:00'),
      status: 'unreachable',
      attemptCount: 3,
      outletId: outletB.id,
    });
    await followUp('F4', 'T6', '2026-06-27T20:00', { dueAt: at('2026-06-30T20:00'), status: 'pending' });
    await followUp('F5', 'T8', '2026-06-01T10:00', { dueAt: at('2026-06-04T10:00'), status: 'cancelled' });
    await followUp('F6', 'T9', '2026-06-28T09:00', {
      dueAt: at('2026-07-01T09:00'),
      contactedAt: at('2026-06-30T15:00'),
      outletId: outletB.id,
    });
    await followUp('F7', 'T7', '2026-07-12T09:00', { dueAt: at('2026-07-15T09:00'), status: 'pending' });
    await visit('I1', {
      kind: 'inspection',
      number: 'IN2026-000001',
      dueAt: at('2026-06-10T09:00'),
      contactedAt: at('2026-06-10T08:00'),
    });
    await visit('I2', {
      kind: 'inspection',
      number: 'IN2026-000002',
      dueAt: at('2026-06-20T09:00'),
      status: 'pending',
    });

    // Survey invitations sent in June: S1 rated 5 / NPS 10, S2 3 / 6, S3 4 / 8, S4 unanswered, S5 no
    // rating / NPS 9. S6 was sent on 2 July.
    const template = await save(SurveyTemplateEntity, {
      name: '维修服务满意度',
      titleZh: '维修服务满意度调查',
      questions: [
        { key: 'overall', type: 'rating', prompt: { zh: '总体满意度' }, required: false },
        { key: 'recommend', type: 'nps', prompt: { zh: '推荐意愿' }, required: false },
      ],
      createdBy: idOf('mgr1'),
    });
    const invite = async (
      name: string,
      of: string,
      sent: string,
      answer: { csat: number | null; nps: number | null } | null,
    ) => {
      const invitation = await save(SurveyInvitationEntity, {
        templateId: template.id,
        source: 'ticket_closed',
        ticketId: idOf(of),
        customerId: cust1.id,
        email: 'wangfang@example.com',
        outletId: outletA.id,
        tokenHash: randomBytes(32).toString('hex'),
        sentAt: at(sent),
        expiresAt: new Date(at(sent).getTime() + 30 * 86_400_000),
        answeredAt: answer ? at(sent) : null,
      });
      if (answer) {
        await save(SurveyResponseEntity, {
          invitationId: invitation.id,
          answers: {},
          csatScore: answer.csat,
          npsScore: answer.nps,
          language: 'zh',
          answeredAt: at(sent),
        });
      }
      id[name] = invitation.id;
    };
    await invite('S1', 'T1', '2026-06-05T10:00', { csat: 5, nps: 10 });
    await invite('S2', 'T2', '2026-06-10T10:00', { csat: 3, nps: 6 });
    await invite('S3', 'T6', '2026-06-12T10:00', { csat: 4, nps: 8 });
    await invite('S4', 'T8', '2026-06-15T10:00', null);
    await invite('S5', 'T9', '2026-06-20T10:00', { csat: null, nps: 9 });
    await invite('S6', 'T11', '2026-07-02T10:00', { csat: 1, nps: 0 });

    // Complaints received in June (acknowledge within 24 h, resolve within 7 days): C1 major, both in
    // time; C2 both late; C3 neither done; C5 acknowledged in time, not resolved. C4 came in July.
    let complaints = 0;
    const complaint = async (name: string, received: string, fields: DeepPartial<ComplaintEntity>) => {
      complaints += 1;
      const receivedAt = at(received);
      id[name] = (
        await save(ComplaintEntity, {
          number: `CP2026-${String(complaints).padStart(6, '0')}`,
          status: 'received',
          customerId: cust1.id,
          outletId: outletA.id,
          channel: 'phone',
          category: 'timeliness',
          severity: 'normal',
          description: '上门迟到',
          policyVersionId: policy!.id,
          receivedAt,
          acknowledgeDueAt: new Date(receivedAt.getTime() + 24 * 3_600_000),
          resolveDueAt: new Date(receivedAt.getTime() + 7 * 86_400_000),
          createdBy: idOf('mgr1'),
          ...fields,
        })
      ).id;
    };
    const resolution = { rootCause: '未按约上门', remedy: '致歉', correctiveAction: '改约须提前告知' };
    await complaint('C1', '2026-06-03T10:00', {
      status: 'closed',
      severity: 'major',
      acknowledgedAt: at('2026-06-03T12:00'),
      resolvedAt: at('2026-06-08T10:00'),
      ...resolution,
      closedAt: at('2026-06-09T10:00'),
      customerAccepted: true,
    });
    await complaint('C2', '2026-06-12T10:00', {
      status: 'resolved',
      acknowledgedAt: at('2026-06-14T09:00'),
      resolvedAt: at('2026-06-25T10:00'),
      ...resolution,
    });
    await complaint('C3', '2026-06-28T10:00', {});
    await complaint('C4', '2026-07-01T10:00', { severity: 'major' });
    await complaint('C5', '2026-06-20T10:00', {
      status: 'investigating',
      acknowledgedAt: at('2026-06-20T11:00'),
    });

    // Returned goods received in June (notice after 14 days): R1 10.1 days at the vendor, settled in
    // time; R2 still at the vendor (34.1 days by now), past the notice; R3 never shipped, past the notice.
    // R4 came in July; R5 (received in May) was scrapped on 15 June.
    const supplier = await createSupplier(ds);
    let returns = 0;
    const returned = async (name: string, received: string, fields: DeepPartial<ReturnEntity>) => {
      returns += 1;
      const receivedAt = at(received);
      id[name] = (
        await save(ReturnEntity, {
          number: `RG2026-${String(returns).padStart(6, '0')}`,
          status: 'inspected',
          kind: 'repair',
          customerId: cust1.id,
          outletId: outletA.id,
          fault: '压缩机异响',
          policyVersionId: policy!.id,
          receivedAt,
          receivedBy: idOf('mgr1'),
          noticeDueAt: new Date(receivedAt.getTime() + 14 * 86_400_000),
          createdBy: idOf('mgr1'),
          ...fields,
        })
      ).id;
    };
    await returned('R1', '2026-06-02T10:00', {
      status: 'returned_to_customer',
      supplierId: supplier.id,
      shippedAt: at('2026-06-03T10:00'),
      backAt: at('2026-06-13T12:24'),
      returnedAt: at('2026-06-14T10:00'),
      settledAt: at('2026-06-14T10:00'),
    });
    await returned('R2', '2026-06-05T10:00', {
      status: 'shipped_to_vendor',
      supplierId: supplier.id,
      shippedAt: at('2026-06-06T10:00'),
      nextChaseDueAt: at('2026-06-13T10:00'),
    });
    await returned('R3', '2026-06-20T10:00', {});
    await returned('R4', '2026-07-01T10:00', {});
    await returned('R5', '2026-05-10T10:00', {
      status: 'scrapped',
      scrappedOn: '2026-06-15',
      scrappedAt: at('2026-06-15T11:00'),
      scrapMethod: 'recycling',
      recycler: '再生资源回收有限公司',
      settledAt: at('2026-06-15T11:00'),
    });
  });
  afterAll(() => t.close());

  /**
   * Each KPI of June for the whole company: numerator, denominator, value, and the records listed as
   * counted (met) and not, in their order.
   */
  const JUNE_FIGURES: [
    code: string,
    numerator: number,
    denominator: number | null,
    value: number | null,
    met: string[],
    unmet: string[],
  ][] = [
    // Reported in June, not cancelled: T1 T2 T3 T4 T6 T9 T10 T12 (by report time: T1 T2 T3 T4 T9 T12 T6 T10).
    ['response-compliance', 6, 8, 0.75, ['T1', 'T3', 'T4', 'T9', 'T12', 'T6'], ['T2', 'T10']],
    ['on-site-compliance', 6, 8, 0.75, ['T1', 'T2', 'T4', 'T9', 'T12', 'T6'], ['T3', 'T10']],
    // T4 on hold since before its deadline and T12's new deadline (20 July) are not decided.
    ['resolve-compliance', 2, 6, 0.3333, ['T1', 'T9'], ['T2', 'T3', 'T6', 'T10']],
    // In warranty: T1 T2 T3 T6 T9 (T10 within its 30 days).
    ['sanbao-repair-30d', 4, 5, 0.8, ['T1', 'T2', 'T9', 'T6'], ['T3']],
    // Naming a unit: T1 T2 T3 T4 T9 T6 T10 (T12 names none).
    ['repeat-repair-30d', 3, 7, 0.4286, ['T3', 'T4', 'T6'], ['T1', 'T2', 'T9', 'T10']],
    // Resolved at least once: T1 T2 T9 T12 T6.
    ['reopen-rate', 2, 5, 0.4, ['T12', 'T6'], ['T1', 'T2', 'T9']],
    // Resolved in June (by resolution time): T8 T1 T2 T9 T6; 10.5 + 56.5 + 90 + 24 + 72 = 253 h.
    ['mean-time-to-repair', 253, 5, 50.6, ['T8', 'T1', 'T2', 'T9', 'T6'], []],
    ['first-time-fix', 2, 5, 0.4, ['T8', 'T1'], ['T2', 'T9', 'T6']],
    ['follow-up-coverage', 1, 4, 0.25, ['F1'], ['F2', 'F3', 'F4']],
    ['inspections-on-time', 1, 2, 0.5, ['I1'], ['I2']],
    ['survey-response-rate', 4, 5, 0.8, ['S1', 'S2', 'S3', 'S5'], ['S4']],
    ['csat', 2, 3, 0.6667, ['S1', 'S3'], ['S2']],
    // Promoters S1 S5, detractor S2, passive S3: (2 − 1) / 4 → NPS 25.
    ['nps', 1, 4, 25, ['S1', 'S5'], ['S2']],
    ['complaint-acknowledged-on-time', 2, 4, 0.5, ['C1', 'C5'], ['C2', 'C3']],
    ['complaint-resolved-on-time', 1, 4, 0.25, ['C1'], ['C2', 'C5', 'C3']],
    ['complaint-resolution-rate', 2, 4, 0.5, ['C1', 'C2'], ['C5', 'C3']],
    ['major-complaints', 1, null, 1, ['C1'], []],
    // 10.1 + 34.1 days.
    ['returns-vendor-turnaround', 44.2, 2, 22.1, ['R1', 'R2'], []],
    ['returns-past-notice', 2, 3, 0.6667, ['R2', 'R3'], ['R1']],
    ['goods-scrapped', 1, null, 1, ['R5'], []],
    ['outsourced-outlets-with-agreement', 1, 2, 0.5, ['B'], ['C']],
    ['outlets-reviewed', 1, 3, 0.3333, ['A'], ['B', 'C']],
    ['qualified-technicians', 1, 3, 0.3333, ['tech1'], ['tech2', 'tech3']],
    ['service-manager-ratio', 1, 2, 0.5, ['mgr1'], ['mgr2']],
    ['expiring-certificates', 1, null, 1, ['cert1'], []],
    // 3 × 4 h among 7 service staff.
    ['training-hours-per-person', 12, 7, 1.7, [], []],
    ['staff-trained-this-year', 4, 7, 0.5714, [], []],
    ['tools-inspected-on-time', 2, 5, 0.4, ['G1', 'G2'], ['G3', 'G4', 'G5']],
    ['documents-review-in-date', 1, 2, 0.5, ['D1'], ['D2']],
    ['corrective-actions-closed', 1, 2, 0.5, ['A1'], ['A2']],
    ['deliveries-accepted', 2, 3, 0.6667, ['SN-A1', 'SN-B1'], ['SN-A2']],
  ];

  describe('the report', () => {
    it('lists every KPI of the catalog with its definition and the path of its records', async () => {
      const response = await get(token.manager, `/kpis?${query(JUNE)}`).expect(200);
      expect(response.body).toMatchObject({ period: JUNE, outletId: null, asOf: '2026-06-30' });
      const kpis = response.body.kpis as KpiView[];
      expect(kpis.map((kpi) => kpi.code)).toEqual([...KPI_CODES]);
      for (const kpi of kpis) {
        expect(kpi.recordsPath).toBe(`/kpis/${kpi.code}/records?from=2026-06-01&to=2026-06-30`);
        expect(kpi.definition.zh.length).toBeGreaterThan(0);
        expect(kpi.definition.en.length).toBeGreaterThan(0);
        expect(kpi.indicators.length).toBeGreaterThan(0);
      }
    });

    it.each(JUNE_FIGURES)('%s: %d / %p = %p', async (code, numerator, denominator, value, met, unmet) => {
      const kpi = kpiIn(await reportFor(token.auditor), code);
      expect({ numerator: kpi.numerator, denominator: kpi.denominator, value: kpi.value }).toEqual({
        numerator,
        denominator,
        value,
      });
      if (met.length + unmet.length === 0) return;
      expect((await recordsOf(token.auditor, code, { met: true })).map((record) => record.id)).toEqual(
        ids(met),
      );
      expect((await recordsOf(token.auditor, code, { met: false })).map((record) => record.id)).toEqual(
        ids(unmet),
      );
    });

    it('the kpi-summary evidence register holds the same figures, one row per KPI, for the audit pack', async () => {
      const source = t.app.get(EvidenceSources).find('kpi-summary')!;
      const rows = [];
      for await (const row of source.rows(JUNE)) rows.push(row);
      expect(await source.count(JUNE)).toBe(rows.length);
      const kpis = await reportFor(token.auditor);
      expect(rows).toEqual(
        kpis.map((kpi) => ({
          id: kpi.code,
          kpi: kpi.code,
          indicators: kpi.indicators,
          value: kpi.value,
          unit: kpi.unit,
          numerator: kpi.numerator,
          denominator: kpi.denominator,
          definition: kpi.code,
          records: `/api/v1${kpi.recordsPath}`,
        })),
      );
    });

    it('every record listed counts in the denominator: the list is as long as the figure says', async () => {
      const kpis = await reportFor(token.manager);
      for (const kpi of kpis) {
        const listed = await recordsOf(token.manager, kpi.code);
        expect([kpi.code, listed.length]).toEqual([kpi.code, kpi.denominator ?? kpi.numerator]);
        if (kpi.unit === 'ratio') {
          expect([kpi.code, listed.filter((record) => record.met).length]).toEqual([kpi.code, kpi.numerator]);
        }
      }
    });

    it('a mean lists what each record adds: hours net of holds, days at the vendor', async () => {
      const hours = await recordsOf(token.manager, 'mean-time-to-repair');
      expect(hours.map((record) => record.value)).toEqual([10.5, 56.5, 90, 24, 72]);
      expect(hours.find((record) => record.id === idOf('T2'))?.facts).toMatchObject({ pausedMinutes: 360 });
      const days = await recordsOf(token.manager, 'returns-vendor-turnaround');
      expect(days.map((record) => record.value)).toEqual([10.1, 34.1]);
    });

    it('staff KPIs list every service staff member with their hours and trainings', async () => {
      const hours = await recordsOf(token.manager, 'training-hours-per-person');
      expect(Object.fromEntries(hours.map((record) => [record.facts.displayName, record.value]))).toEqual({
        mgr1: 0,
        mgr2: 4,
        tech1: 4,
        tech2: 4,
        tech3: 0,
        agent1: 0,
        disp1: 0,
      });
      const trained = await recordsOf(token.manager, 'staff-trained-this-year', { met: true });
      expect(trained.map((record) => record.id).sort()).toEqual(
        ids(['mgr2', 'tech1', 'tech2', 'agent1']).sort(),
      );
    });

    it('sales regions are the active customers’ regions, covered by an active outlet’s region or coverage', async () => {
      const regions = await recordsOf(token.manager, 'sales-region-coverage');
      expect(regions.map((record) => [record.id, record.met, record.facts.coveredBy])).toEqual([
        ['上海市/浦东新区', true, ['WD-A']],
        ['上海市/浦东新区/张江镇', true, ['WD-A']],
        ['江苏省/苏州市', true, ['WD-B']],
        ['浙江省/宁波市', false, []],
      ]);
      expect(kpiIn(await reportFor(token.manager), 'sales-region-coverage')).toMatchObject({
        numerator: 3,
        denominator: 4,
        value: 0.75,
      });
    });

    it('a deadline record shows what it was judged on', async () => {
      const [missed] = await recordsOf(token.manager, 'response-compliance', { met: false });
      expect(missed).toMatchObject({
        type: 'ticket',
        id: idOf('T2'),
        met: false,
        facts: {
          reportedAt: at('2026-06-05T09:00').toISOString(),
          dueAt: at('2026-06-05T13:00').toISOString(),
          doneAt: at('2026-06-05T15:00').toISOString(),
          breachRecordedAt: at('2026-06-05T13:01').toISOString(),
        },
      });
    });

    it('pages the records like every list', async () => {
      const response = await get(
        token.manager,
        `/kpis/response-compliance/records?${query({ ...JUNE, page: 2, pageSize: 3 })}`,
      ).expect(200);
      expect(response.body).toMatchObject({ total: 8, page: 2, pageSize: 3 });
      expect(response.body.items.map((record: RecordView) => record.id)).toEqual(ids(['T4', 'T9', 'T12']));
    });
  });

  describe('the period', () => {
    it('counts what falls on its days in Shanghai: 1 June 00:30 is in, 31 May 23:30 and 1 July are out', async () => {
      const reported = (await recordsOf(token.manager, 'response-compliance')).map((record) => record.id);
      expect(reported).toContain(idOf('T1'));
      expect(reported).not.toContain(idOf('T8'));
      expect(reported).not.toContain(idOf('T7'));
      expect(reported).not.toContain(idOf('T5'));
    });

    it('a ticket reported the day after `to` counts once the period includes that day', async () => {
      const withJuly1 = await reportFor(token.manager, { from: '2026-06-01', to: '2026-07-01' });
      expect(kpiIn(withJuly1, 'response-compliance')).toMatchObject({ numerator: 6, denominator: 9 });
    });

    it('a period still running decides what is due by now and judges registers today', async () => {
      const response = await get(
        token.manager,
        `/kpis?${query({ from: '2026-07-01', to: '2026-07-31' })}`,
      ).expect(200);
      expect(response.body.asOf).toBe('2026-07-10');
      // F6 (due 1 July) was done in time; F7 (due 15 July) is still to come.
      expect(kpiIn(response.body.kpis, 'follow-up-coverage')).toMatchObject({ numerator: 1, denominator: 1 });
      // On 10 July G2 (due 10 July) is still in date, tech1's certificate still in force.
      expect(kpiIn(response.body.kpis, 'tools-inspected-on-time')).toMatchObject({
        numerator: 2,
        denominator: 5,
      });
      expect(kpiIn(response.body.kpis, 'qualified-technicians')).toMatchObject({
        numerator: 2,
        denominator: 3,
      });
    });
  });

  describe('outlets', () => {
    it("narrows to one outlet's records when asked", async () => {
      const kpis = await reportFor(token.manager, { ...JUNE, outletId: idOf('A') });
      expect(kpiIn(kpis, 'response-compliance')).toMatchObject({ numerator: 5, denominator: 6 });
      expect(kpiIn(kpis, 'qualified-technicians')).toMatchObject({ numerator: 1, denominator: 2 });
      expect(kpiIn(kpis, 'deliveries-accepted')).toMatchObject({ numerator: 1, denominator: 2 });
      expect(kpiIn(kpis, 'sales-region-coverage')).toMatchObject({ numerator: 2, denominator: 2 });
      expect(kpiIn(kpis, 'tools-inspected-on-time')).toMatchObject({ numerator: 2, denominator: 4 });
      expect(kpiIn(kpis, 'outlets-reviewed')).toMatchObject({ numerator: 1, denominator: 1 });
      const listed = await recordsOf(token.manager, 'response-compliance', { outletId: idOf('A') });
      expect(listed.map((record) => record.id)).toEqual(ids(['T1', 'T2', 'T3', 'T4', 'T12', 'T6']));
    });

    it("gives a user bound to an outlet that outlet's figures, and 404 for another outlet", async () => {
      const response = await get(token.outletManager, `/kpis?${query(JUNE)}`).expect(200);
      expect(response.body.outletId).toBe(idOf('A'));
      expect(kpiIn(response.body.kpis, 'response-compliance')).toMatchObject({
        numerator: 5,
        denominator: 6,
      });
      expect(kpiIn(response.body.kpis, 'response-compliance').recordsPath).toBe(
        `/kpis/response-compliance/records?from=2026-06-01&to=2026-06-30&outletId=${idOf('A')}`,
      );
      const listed = await recordsOf(token.outletManager, 'response-compliance');
      expect(listed.map((record) => record.id)).not.toContain(idOf('T9'));
      await get(token.outletManager, `/kpis?${query({ ...JUNE, outletId: idOf('B') })}`).expect(404);
      await get(token.outletManager, `/kpis/csat/records?${query({ ...JUNE, outletId: idOf('B') })}`).expect(
        404,
      );
    });

    it('404 for an outlet that does not exist', async () => {
      const response = await get(
        token.manager,
        `/kpis?${query({ ...JUNE, outletId: '00000000-0000-4000-8000-000000000000' })}`,
      ).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });
  });

  describe('the rules of the owning modules', () => {
    it('deadline records agree with isMissed of tickets/domain/ticket-clock where no breach was recorded', async () => {
      const now = new Date(NOW);
      const tickets = await t.dataSource.getRepository(TicketEntity).find();
      const breached = new Set(
        (await t.dataSource.getRepository(TicketBreachEntity).find()).map(
          (b) => `${b.ticketId}:${b.deadline}`,
        ),
      );
      for (const [code, kind] of [
        ['response-compliance', 'response'],
        ['on-site-compliance', 'on_site'],
        ['resolve-compliance', 'resolve'],
      ] as const) {
        const listed = new Map(
          (await recordsOf(token.manager, code)).map((record) => [record.id, record.met]),
        );
        for (const ticket of tickets.filter((candidate) => listed.has(candidate.id))) {
          if (breached.has(`${ticket.id}:${kind}`)) expect(listed.get(ticket.id)).toBe(false);
          else
            expect([code, ticket.number, listed.get(ticket.id)]).toEqual([
              code,
              ticket.number,
              !isMissed(ticket, kind, now),
            ]);
        }
      }
    });

    it('三包, repeat repairs, complaints and returns agree with their pure rules', async () => {
      const now = new Date(NOW);
      const tickets = new Map((await t.dataSource.getRepository(TicketEntity).find()).map((x) => [x.id, x]));
      for (const record of await recordsOf(token.manager, 'sanbao-repair-30d')) {
        const ticket = tickets.get(record.id)!;
        expect(record.met).toBe(sanbaoRepairMet(ticket.reportedAt, ticket.resolvedAt, now));
      }
      for (const record of await recordsOf(token.manager, 'repeat-repair-30d', { met: true })) {
        const previous = new Date(record.facts.previousResolvedAt as string);
        expect(isRepeatRepair(previous, tickets.get(record.id)!.reportedAt)).toBe(true);
      }
      const complaints = new Map(
        (await t.dataSource.getRepository(ComplaintEntity).find()).map((x) => [x.id, x]),
      );
      for (const record of await recordsOf(token.manager, 'complaint-resolved-on-time')) {
        expect(record.met).toBe(!isStepMissed(complaints.get(record.id)!, 'resolve', now));
      }
      const returns = new Map((await t.dataSource.getRepository(ReturnEntity).find()).map((x) => [x.id, x]));
      for (const record of await recordsOf(token.manager, 'returns-vendor-turnaround')) {
        expect(record.value).toBe(turnaround(returns.get(record.id)!, now).daysAtVendor);
      }
      for (const record of await recordsOf(token.manager, 'returns-past-notice')) {
        expect(record.met).toBe(turnaround(returns.get(record.id)!, now).pastNoticeThreshold);
      }
    });
  });

  describe('the service other modules call', () => {
    it('gives the same report as the endpoint, for the viewer it is given', async () => {
      const kpis = t.app.get(KpisService);
      const viewer = { id: idOf('mgr2'), username: 'mgr2', roles: ['manager' as const], outletId: idOf('A') };
      const report = await kpis.report(JUNE, null, viewer);
      expect(report.outletId).toBe(idOf('A'));
      const overHttp = await reportFor(token.outletManager);
      expect(report.kpis.map((kpi) => [kpi.code, kpi.numerator, kpi.denominator, kpi.value])).toEqual(
        overHttp.map((kpi) => [kpi.code, kpi.numerator, kpi.denominator, kpi.value]),
      );
    });
  });

  describe('refusals', () => {
    it('400 naming the field for a bad or backwards period', async () => {
      const fields = async (params: Record<string, string>) => {
        const response = await get(token.manager, `/kpis?${query(params)}`).expect(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        return (response.body.details.fields as { field: string }[]).map((problem) => problem.field);
      };
      expect(await fields({ from: '2026-13-01', to: '2026-06-30' })).toEqual(['from']);
      expect(await fields({ from: '2026-06-01' })).toEqual(['to']);
      expect(await fields({ from: '2026-06-30', to: '2026-06-01' })).toEqual(['to']);
      expect(await fields({ ...JUNE, outletId: 'WD-A' })).toEqual(['outletId']);
      const records = await get(
        token.manager,
        `/kpis/csat/records?${query({ ...JUNE, met: 'maybe' })}`,
      ).expect(400);
      expect(records.body.details.fields.map((problem: { field: string }) => problem.field)).toEqual(['met']);
    });

    it('404 for an unknown KPI', async () => {
      const response = await get(token.manager, `/kpis/happiness/records?${query(JUNE)}`).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('403 for a technician and a dispatcher; managers, auditors and admins read', async () => {
      for (const who of [token.technician, token.dispatcher]) {
        await get(who, `/kpis?${query(JUNE)}`).expect(403);
        await get(who, `/kpis/csat/records?${query(JUNE)}`).expect(403);
      }
      for (const who of [token.manager, token.auditor, token.admin]) {
        await get(who, `/kpis?${query(JUNE)}`).expect(200);
      }
    });
  });
});
