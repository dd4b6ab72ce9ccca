import pdfParse from 'pdf-parse';
import type { ExportRow } from '../src/evidence/domain/export-table';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { EvidenceForms } from '../src/evidence/pack/evidence-forms';
import { createAsset, createCustomer, createOutlet, createProduct } from './factories/registers';
import {
  type Technician,
  type TicketDesk,
  api,
  createTechnician,
  createTicketDesk,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-06-15T09:00:00+08:00';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const JUNE = { from: '2026-06-01', to: '2026-06-30' };

interface VisitView {
  id: string;
  number: string;
  kind: string;
  status: string;
  dueAt: string;
  everyMonths: number | null;
  previousId: string | null;
  nextId: string | null;
  assignee: { id: string; name: string } | null;
  openedTicket: { id: string; number: string } | null;
  [field: string]: unknown;
}

/** Inspections (巡检) of installed units, their findings and the tickets they open; the visits' evidence and forms. */
describe('inspections (巡检) and the evidence of visits', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let inspector: Technician;
  let customerId: string;
  let assetId: string;
  let serialNumber: string;

  const at = (offsetMs: number) => new Date(new Date(T0).getTime() + offsetMs).toISOString();
  const schedule = (body: object, token = desk.manager.token) => api(t, token).post('/inspections', body);
  const visit = async (id: string, token = desk.manager.token): Promise<VisitView> =>
    (await api(t, token).get(`/follow-ups/${id}`).expect(200)).body as VisitView;
  const rowsOf = async (code: 'follow-ups' | 'inspections'): Promise<ExportRow[]> => {
    const source = t.app.get(EvidenceSources).find(code);
    if (!source) throw new Error(`no evidence source ${code}`);
    const rows: ExportRow[] = [];
    for await (const row of source.rows(JUNE)) rows.push(row);
    expect(await source.count(JUNE)).toBe(rows.length);
    return rows;
  };
  const pdfText = async (path: string, token: string) => {
    const response = await t
      .http()
      .get(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return (await pdfParse(response.body as Buffer)).text.replace(/\s+/g, '');
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
    inspector = await createTechnician(t, { outletId: desk.technician.outletId, displayName: '李强' });
    const customer = await createCustomer(t.dataSource, {
      name: '上海浦江物业管理有限公司',
      kind: 'company',
    });
    const product = await createProduct(t.dataSource, { name: '商用柜机 KFR-72LW' });
    const asset = await createAsset(t.dataSource, {
      productId: product.id,
      customerId: customer.id,
      installedOn: '2026-01-20',
    });
    customerId = customer.id;
    assetId = asset.id;
    serialNumber = asset.serialNumber;
  });
  afterAll(() => t.close());

  it('schedules an inspection of an installed unit, refusing one that is not installed', async () => {
    const created = await schedule({
      assetId,
      dueAt: at(DAY),
      everyMonths: 3,
      assigneeId: inspector.id,
      note: '季度巡检：清洗过滤网，检查冷媒压力',
    }).expect(201);
    expect(created.body).toMatchObject({
      kind: 'inspection',
      status: 'pending',
      number: expect.stringMatching(/^IN2026-\d{6}$/),
      customer: { id: customerId },
      asset: { id: assetId, serialNumber },
      ticket: null,
      everyMonths: 3,
      assignee: { id: inspector.id, name: '李强' },
      dueAt: at(DAY),
    });
    expect((await auditEntriesFor(t.dataSource, 'follow_up', created.body.id)).map((e) => e.action)).toEqual([
      'follow_up.scheduled',
    ]);

    const uninstalled = await createAsset(t.dataSource, {
      productId: (await createProduct(t.dataSource)).id,
      customerId,
    });
    const refused = await schedule({ assetId: uninstalled.id, dueAt: at(DAY) }).expect(400);
    expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['assetId']);
    const neither = await schedule({ dueAt: at(DAY) }).expect(400);
    expect(neither.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['assetId']);
    await schedule({ customerId, dueAt: at(DAY), everyMonths: 0 }).expect(400);
    const site = await schedule({ customerId, dueAt: at(2 * DAY) }).expect(201);
    expect(site.body).toMatchObject({ asset: null, everyMonths: null, assignee: null });
    // Only the care desk plans inspections.
    await schedule({ customerId, dueAt: at(DAY) }, inspector.token).expect(403);
  });

  it('lets the assigned technician record the findings and get the next visit of the series scheduled', async () => {
    t.clock.setTo(T0);
    const created = await schedule({
      assetId,
      dueAt: at(DAY),
      everyMonths: 3,
      assigneeId: inspector.id,
    }).expect(201);
    const mine = await api(t, inspector.token).get('/inspections').expect(200);
    expect(mine.body.items.map((item: VisitView) => item.id)).toContain(created.body.id);
    expect(mine.body.items.every((item: VisitView) => item.assignee?.id === inspector.id)).toBe(true);

    t.clock.setTo(at(DAY + 2 * HOUR));
    const body = {
      contactedAt: at(DAY + HOUR),
      findings: '滤网积尘较多，已清洗；冷媒压力正常',
      satisfied: true,
      score: 5,
    };
    // Tickets are the desk's to register: the technician reports the finding instead.
    const refused = await api(t, inspector.token)
      .post(`/follow-ups/${created.body.id}/complete`, {
        ...body,
        openTicket: { fault: '异响', priority: 'low' },
      })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const done = await api(t, inspector.token)
      .post(`/follow-ups/${created.body.id}/complete`, body)
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      method: 'visit',
      findings: '滤网积尘较多，已清洗；冷媒压力正常',
      openedTicket: null,
      completedBy: { id: inspector.id },
      nextId: expect.any(String),
    });

    const next = await visit(done.body.nextId as string);
    expect(next).toMatchObject({
      kind: 'inspection',
      status: 'pending',
      previousId: created.body.id,
      everyMonths: 3,
      assignee: { id: inspector.id },
      // Three calendar months after it was due, at the same time of day.
      dueAt: '2026-09-16T01:00:00.000Z',
    });
    expect(next.number).not.toBe(created.body.number);
  });

  it('opens a repair ticket for what an inspection found, reported when the unit was visited', async () => {
    t.clock.setTo(T0);
    const created = await schedule({ assetId, dueAt: at(DAY) }).expect(201);
    t.clock.setTo(at(DAY + 2 * HOUR));
    const done = await api(t, desk.manager.token)
      .post(`/follow-ups/${created.body.id}/complete`, {
        contactedAt: at(DAY + HOUR),
        findings: '冷凝器翅片腐蚀，系统低压偏低，疑似微漏',
        openTicket: { fault: '冷凝器腐蚀，冷媒微漏，需检漏补焊', priority: 'high' },
      })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      openedTicket: { id: expect.any(String), number: expect.stringMatching(/^RT2026-/) },
      nextId: null,
    });
    const ticket = await api(t, desk.manager.token).get(`/tickets/${done.body.openedTicket.id}`).expect(200);
    expect(ticket.body).toMatchObject({
      status: 'reported',
      customer: { id: customerId },
      serialNumber,
      priority: 'high',
      fault: `【巡检 ${created.body.number}】冷凝器腐蚀，冷媒微漏，需检漏补焊`,
      reportedAt: at(DAY + HOUR),
    });
    expect(ticket.body.linked).toEqual([
      expect.objectContaining({ type: 'inspection', id: created.body.id, number: created.body.number }),
    ]);
    const audit = await auditEntriesFor(t.dataSource, 'follow_up', created.body.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'follow_up.complete',
      changes: expect.objectContaining({ openedTicketNumber: done.body.openedTicket.number }),
    });
  });

  it('names the ticket fields an inspection could not open a ticket with, and changes nothing', async () => {
    t.clock.setTo(T0);
    const site = await schedule({ customerId, dueAt: at(HOUR) }).expect(201);
    t.clock.setTo(at(2 * HOUR));
    const refused = await api(t, desk.manager.token)
      .post(`/follow-ups/${site.body.id}/complete`, {
        contactedAt: at(HOUR),
        findings: '机房新增一台未登记的设备需要维修',
        openTicket: { fault: '不制冷', priority: 'normal', serialNumber: 'UNKNOWN-0001' },
      })
      .expect(400);
    expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'openTicket.productId',
    ]);
    expect((await visit(site.body.id)).status).toBe('pending');
  });

  it('ends a series when it is cancelled, and keeps it going when the customer cannot be reached', async () => {
    t.clock.setTo(T0);
    const cancelled = await schedule({ assetId, dueAt: at(DAY), everyMonths: 6 }).expect(201);
    await api(t, desk.manager.token)
      .post(`/follow-ups/${cancelled.body.id}/cancel`, { reason: '客户已将设备转售' })
      .expect(200);
    expect(await visit(cancelled.body.id)).toMatchObject({ status: 'cancelled', nextId: null });

    const unreachable = await schedule({ assetId, dueAt: at(DAY), everyMonths: 1 }).expect(201);
    t.clock.setTo(at(DAY));
    for (let i = 0; i < 3; i += 1) {
      await api(t, desk.agent.token)
        .post(`/follow-ups/${unreachable.body.id}/attempts`, { method: 'phone', note: '物业值班室无人接听' })
        .expect(201);
    }
    const ended = await visit(unreachable.body.id);
    expect(ended.status).toBe('unreachable');
    expect(await visit(ended.nextId as string)).toMatchObject({
      status: 'pending',
      dueAt: at(DAY + 30 * DAY),
    });

    const oneOff = await schedule({ customerId, dueAt: at(DAY) }).expect(201);
    await api(t, desk.manager.token)
      .post(`/follow-ups/${oneOff.body.id}/complete`, {
        contactedAt: at(DAY - HOUR),
        findings: '设备运行正常',
      })
      .expect(200);
    expect((await visit(oneOff.body.id)).nextId).toBeNull();
  });

  it('answers a retried schedule with the same Idempotency-Key with the first inspection', async () => {
    t.clock.setTo(T0);
    const send = () =>
      api(t, desk.manager.token)
        .post('/inspections', { customerId, dueAt: at(3 * DAY), note: '年度巡检' })
        .set('Idempotency-Key', 'inspection-retry-1');
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await t.dataSource.query(`SELECT id FROM follow_ups WHERE note = '年度巡检'`)).toHaveLength(1);
  });

  it("keeps technicians to their own inspections and an outlet's staff to its customers", async () => {
    t.clock.setTo(T0);
    const other = await schedule({ assetId, dueAt: at(DAY) }).expect(201);
    await api(t, inspector.token).get(`/follow-ups/${other.body.id}`).expect(404);
    await api(t, inspector.token)
      .post(`/follow-ups/${other.body.id}/complete`, { contactedAt: at(0), findings: 'x' })
      .expect(404);

    const outlet = await createOutlet(t.dataSource);
    const ownCustomer = await createCustomer(t.dataSource, { outletId: outlet.id });
    const outletAgent = await t.tokenFor(['agent'], { outletId: outlet.id });
    await schedule({ customerId: customerId, dueAt: at(DAY) }, outletAgent).expect(400);
    const own = await schedule({ customerId: ownCustomer.id, dueAt: at(DAY) }, outletAgent).expect(201);
    expect(own.body.outlet).toMatchObject({ id: outlet.id });
    // A technician of another outlet cannot be given this outlet's inspection.
    await api(t, desk.manager.token)
      .post(`/follow-ups/${own.body.id}/assign`, { assigneeId: inspector.id })
      .expect(400);
    const seen = await api(t, outletAgent).get('/inspections?pageSize=200').expect(200);
    expect(seen.body.items.map((item: VisitView) => item.id)).toEqual([own.body.id]);
  });

  it('gives auditors the follow-ups of the period and the inspections due in it, coded values as words', async () => {
    t.clock.setTo(T0);
    const ticket = await ticketInState(t, desk, 'resolved');
    for (const row of await ticketOutboxRows(t, 'ticket.event', ticket.id)) await runTicketEvent(t, row);
    const [followUp] = (await api(t, desk.manager.token).get(`/follow-ups?ticketId=${ticket.id}`).expect(200))
      .body.items as VisitView[];
    t.clock.setTo(at(DAY));
    await api(t, desk.agent.token)
      .post(`/follow-ups/${followUp!.id}/attempts`, {
        method: 'phone',
        note: '无人接听',
        attemptedAt: at(DAY - HOUR),
      })
      .expect(201);
    await api(t, desk.agent.token)
      .post(`/follow-ups/${followUp!.id}/complete`, {
        method: 'phone',
        contactedAt: at(DAY),
        satisfied: true,
        score: 4,
        comments: '使用正常',
      })
      .expect(200);

    const followUps = await rowsOf('follow-ups');
    expect(followUps.find((row) => row.id === followUp!.id)).toMatchObject({
      number: followUp!.number,
      ticketNumber: ticket.number,
      status: 'completed',
      method: 'phone',
      onTime: true,
      satisfied: true,
      score: 4,
      comments: '使用正常',
      completedBy: expect.any(String),
    });
    expect(followUps.find((row) => row.id === followUp!.id)?.attempts).toEqual([
      ['2026-06-16 08:00', 'phone', '无人接听'],
    ]);
    const inspections = await rowsOf('inspections');
    expect(inspections.length).toBeGreaterThan(0);
    expect(inspections.every((row) => String(row.number).startsWith('IN'))).toBe(true);
    expect(inspections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ serialNumber, findings: '冷凝器翅片腐蚀，系统低压偏低，疑似微漏' }),
      ]),
    );

    // The 回访记录 form, printed and audit-logged; English on request; not for the hotline.
    const text = await pdfText(`/evidence/forms/follow-ups/${followUp!.id}`, desk.manager.token);
    for (const expected of [
      '回访记录',
      followUp!.number,
      ticket.number,
      '电话',
      '满意',
      '4/5',
      '使用正常',
      '无人接听',
    ]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
    const english = await pdfText(`/evidence/forms/follow-ups/${followUp!.id}?lang=en`, desk.manager.token);
    expect(english).toContain('Follow-uprecord');
    expect(english).toContain('Satisfied');
    const printed = await auditEntriesFor(t.dataSource, 'follow_up', followUp!.id);
    expect(printed.filter((entry) => entry.action === 'evidence.form_printed')).toHaveLength(2);
    await api(t, desk.agent.token).get(`/evidence/forms/follow-ups/${followUp!.id}`).expect(403);

    const inspection = inspections.find((row) => row.findings !== null);
    const inspectionText = await pdfText(
      `/evidence/forms/inspections/${String(inspection?.id)}`,
      desk.manager.token,
    );
    expect(inspectionText).toContain('巡检记录');
    expect(inspectionText).toContain(String(inspection?.findings).replace(/\s+/g, ''));

    // The audit pack prints the same forms.
    const form = t.app.get(EvidenceForms).find('follow-ups');
    const packed = await form?.render(followUp!.id, 'zh', new Date(at(2 * DAY)));
    expect(packed?.number).toBe(followUp!.number);
  });
});
