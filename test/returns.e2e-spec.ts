import pdfParse from 'pdf-parse';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { ReturnEntity } from '../src/returns/return.entity';
import { ReturnHistoryEntity } from '../src/returns/return-history.entity';
import {
  type ReturnView,
  type ReturnsDesk,
  createReturnsDesk,
  createSupplier,
  intake,
  returnAct,
  returnTimers,
  shippedReturn,
} from './factories/returns';
import { createCustomer, createOutlet } from './factories/registers';
import { type TicketDesk, act, api, createTicketDesk, session, ticketInState } from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const T0 = '2026-06-15T09:00:00+08:00';
const after = (days: number, hours = 0) => new Date(new Date(T0).getTime() + days * DAY + hours * 3_600_000);

describe('returned goods (物品返修 / 退换货)', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let returnsDesk: ReturnsDesk;
  let supplierId: string;

  const get = async (token: string, id: string): Promise<ReturnView> =>
    (await api(t, token).get(`/returns/${id}`).expect(200)).body as ReturnView;
  const history = (id: string) =>
    t.dataSource.getRepository(ReturnHistoryEntity).find({ where: { returnId: id }, order: { seq: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
    returnsDesk = await createReturnsDesk(t);
    supplierId = (await createSupplier(t.dataSource)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it("follows a ticket's take-back through the depot and the vendor back to the customer; then the ticket resolves", async () => {
    t.clock.setTo(T0);
    const diagnosed = await ticketInState(t, desk, 'diagnosed');
    const takenBack = await act(t, desk, diagnosed, 'take_back', {
      items: [
        { description: '室外机主板', serialNumber: 'MB-2026-77', condition: '外壳有划痕', accessories: '无' },
        { description: '遥控器', condition: '完好' },
      ],
      reason: '故障间歇出现，现场无法确认',
    });
    expect(takenBack.status).toBe('taken_back');

    // The take-back opened the record in its own transaction: one per take-back, with the ticket's goods.
    const listed = await api(t, returnsDesk.clerk.token).get(`/returns?ticketId=${diagnosed.id}`).expect(200);
    expect(listed.body.total).toBe(1);
    const record = listed.body.items[0] as ReturnView;
    expect(record).toMatchObject({
      status: 'received',
      kind: 'repair',
      urgent: false,
      ticket: { id: diagnosed.id, number: diagnosed.number },
      customer: { id: (diagnosed.customer as { id: string }).id },
      finding: null,
      turnaround: { daysAtVendor: null, totalDays: 0 },
    });
    expect(record.number).toMatch(/^RG2026-\d{6}$/);
    expect(record.items).toEqual([
      expect.objectContaining({
        line: 1,
        labelCode: `${record.number}-1`,
        description: '室外机主板',
        serialNumber: 'MB-2026-77',
        condition: '外壳有划痕',
        accessories: '无',
        product: expect.objectContaining({ id: (diagnosed.product as { id: string }).id }),
      }),
      expect.objectContaining({ line: 2, labelCode: `${record.number}-2`, description: '遥控器' }),
    ]);
    // The customer notice is counted from the take-back: 14 days by the default policy.
    expect(new Date(record.noticeDueAt as string).getTime() - new Date(record.receivedAt).getTime()).toBe(
      14 * DAY,
    );
    expect(await returnTimers(t, 'return.notice-due', record.id)).toHaveLength(1);

    // The ticket shows its goods, and refuses to be resolved while they are away.
    const ticketPage = await api(t, desk.manager.token).get(`/tickets/${diagnosed.id}`).expect(200);
    expect(ticketPage.body.linked).toEqual([
      expect.objectContaining({ type: 'return', id: record.id, number: record.number, status: 'received' }),
    ]);
    const resolveBody = {
      outcome: '返厂维修后恢复正常',
      customerName: '王芳',
      confirmedAt: t.clock.now().toISOString(),
    };
    const refused = await api(t, desk.manager.token)
      .post(`/tickets/${diagnosed.id}/resolve`, resolveBody)
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT' });
    expect(refused.body.message).toContain(record.number);
    expect(refused.body.message).toContain('尚未返还客户');
    const refusedEn = await api(t, desk.manager.token)
      .post(`/tickets/${diagnosed.id}/resolve`, resolveBody)
      .set('Accept-Language', 'en')
      .expect(409);
    expect(refusedEn.body.message).toContain(`Returned goods ${record.number} (received)`);

    // Depot: inspection by the technician, hand-over to the returns clerk with both names.
    t.clock.setTo(after(1));
    await returnAct(t, desk.technician.token, record.id, 'inspect', {
      finding: 'product_fault',
      note: '上检测台复现 F1 故障，主板电源模块异常',
    });
    const registered = await returnAct(t, returnsDesk.clerk.token, record.id, 'register', {
      handedOverBy: '张伟',
    });
    expect(registered).toMatchObject({
      status: 'registered',
      handedOverBy: '张伟',
      registeredByName: '孙丽',
    });

    // To the vendor: the repair cadence is 7 days from the shipment.
    t.clock.setTo(after(2));
    const shipped = await returnAct(t, returnsDesk.clerk.token, record.id, 'ship', {
      supplierId,
      carrier: '顺丰速运',
      trackingNumber: 'SF1402837756231',
    });
    expect(shipped).toMatchObject({
      status: 'shipped_to_vendor',
      supplier: { id: supplierId },
      carrier: '顺丰速运',
      trackingNumber: 'SF1402837756231',
      chaseIntervalDays: 7,
      chaseDue: false,
    });
    expect(
      new Date(shipped.nextChaseDueAt ?? '').getTime() - new Date(shipped.shippedAt as string).getTime(),
    ).toBe(7 * DAY);

    t.clock.setTo(after(8));
    const chased = await returnAct(t, returnsDesk.clerk.token, record.id, 'chase', {
      note: '电话联系严卫东，主板已检测，待更换电源模块',
      contact: '严卫东 0512-6826 7731',
      expectedBackOn: '2026-06-26',
    });
    expect(chased).toMatchObject({ chaseCount: 1, status: 'shipped_to_vendor' });
    expect(chased.chases).toEqual([
      expect.objectContaining({
        note: '电话联系严卫东，主板已检测，待更换电源模块',
        contact: '严卫东 0512-6826 7731',
        chasedByName: '孙丽',
        expectedBackOn: '2026-06-26',
        supplier: { id: supplierId, name: '苏州恒温制冷设备维修有限公司' },
        late: false,
      }),
    ]);

    t.clock.setTo(after(11));
    const back = await returnAct(t, returnsDesk.clerk.token, record.id, 'receive-back', {
      outcome: 'repaired',
      note: '更换电源模块，老化测试 24 小时正常',
    });
    expect(back).toMatchObject({
      status: 'back_from_vendor',
      vendorOutcome: 'repaired',
      nextChaseDueAt: null,
    });
    expect((back.turnaround as { daysAtVendor: number }).daysAtVendor).toBeCloseTo(9, 1);

    t.clock.setTo(after(12));
    const returned = await returnAct(t, desk.technician.token, record.id, 'return-to-customer', {
      method: 'delivery',
      receivedByName: '王芳',
    });
    expect(returned).toMatchObject({
      status: 'returned_to_customer',
      returnMethod: 'delivery',
      returnedToName: '王芳',
    });
    expect((returned.turnaround as { totalDays: number }).totalDays).toBeCloseTo(12, 1);

    // Back with the customer: the ticket shows it, and now resolves.
    const linked = await api(t, desk.manager.token).get(`/tickets/${diagnosed.id}`).expect(200);
    expect(linked.body.linked).toEqual([
      expect.objectContaining({ number: record.number, status: 'returned_to_customer' }),
    ]);
    expect(linked.body.linked[0].summary).toContain('已返还客户');
    const resolved = await api(t, desk.manager.token)
      .post(`/tickets/${diagnosed.id}/resolve`, { ...resolveBody, confirmedAt: after(12).toISOString() })
      .expect(200);
    expect(resolved.body.status).toBe('resolved');

    const closed = await returnAct(t, returnsDesk.clerk.token, record.id, 'close', {
      note: '客户确认使用正常',
    });
    expect(closed.status).toBe('closed');

    const detail = await get(returnsDesk.clerk.token, record.id);
    expect((detail.timeline as { action: string }[]).map((entry) => entry.action)).toEqual([
      'receive',
      'inspect',
      'register',
      'ship',
      'chase',
      'receive_back',
      'return_to_customer',
      'close',
    ]);
    expect(detail.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: '交接登记', summary: expect.stringContaining('张伟 交 孙丽 接收') }),
        expect.objectContaining({
          title: '接收入库',
          summary: expect.stringContaining(`工单 ${diagnosed.number} 带回`),
        }),
      ]),
    );
    const audit = await auditEntriesFor(t.dataSource, 'return', record.id);
    expect(audit.map((entry) => entry.action)).toEqual([
      'return.received',
      'return.inspected',
      'return.registered',
      'return.shipped',
      'return.chased',
      'return.received_back',
      'return.returned_to_customer',
      'return.closed',
    ]);
  });

  it('takes goods in at the counter, returns them without a vendor when no fault is found', async () => {
    t.clock.setTo(T0);
    const received = await intake(t, returnsDesk.agent.token, { kind: 'exchange', urgent: true });
    expect(received).toMatchObject({ status: 'received', kind: 'exchange', urgent: true, ticket: null });
    expect(received.items).toEqual([
      expect.objectContaining({
        labelCode: `${received.number}-1`,
        description: '滚筒洗衣机 XQG100',
        serialNumber: 'XQG100-2026-0001',
        accessories: '进水管一根',
      }),
    ]);
    // Sequential numbers within the year.
    const next = await intake(t, returnsDesk.agent.token);
    expect(Number(next.number.slice(-6))).toBe(Number(received.number.slice(-6)) + 1);
    // A retried intake with the same Idempotency-Key takes nothing in twice.
    const body = {
      kind: 'repair',
      customerId: (received.customer as { id: string }).id,
      fault: '重复提交的送修',
      items: [{ productId: (received.items as { product: { id: string } }[])[0]?.product.id }],
    };
    const first = await api(t, returnsDesk.agent.token)
      .post('/returns', body)
      .set('Idempotency-Key', 'rg-intake-1');
    const retry = await api(t, returnsDesk.agent.token)
      .post('/returns', body)
      .set('Idempotency-Key', 'rg-intake-1');
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await t.dataSource.getRepository(ReturnEntity).countBy({ fault: '重复提交的送修' })).toBe(1);

    const inspected = await returnAct(t, returnsDesk.clerk.token, received.id, 'inspect', {
      finding: 'no_fault_found',
      kind: 'repair',
      urgent: false,
      note: '连续 3 次脱水测试正常，建议调平机脚',
    });
    expect(inspected).toMatchObject({
      status: 'inspected',
      finding: 'no_fault_found',
      kind: 'repair',
      urgent: false,
    });
    const returned = await returnAct(t, returnsDesk.agent.token, received.id, 'return-to-customer', {
      method: 'pickup',
      receivedByName: '王芳',
    });
    expect(returned).toMatchObject({ status: 'returned_to_customer', supplier: null, overdue: false });
    expect((returned.turnaround as { daysAtVendor: number | null }).daysAtVendor).toBeNull();
    expect((await returnAct(t, returnsDesk.manager.token, received.id, 'close')).status).toBe('closed');
  });

  it('refunds and scraps goods the vendor rejected, as 废弃商品回收 evidence', async () => {
    t.clock.setTo(T0);
    const shipped = await shippedReturn(t, returnsDesk, supplierId, { kind: 'refund' });
    t.clock.setTo(after(5));
    await returnAct(t, returnsDesk.clerk.token, shipped.id, 'receive-back', {
      outcome: 'rejected',
      note: '供方判定进水损坏，拒绝维修',
    });
    const refunded = await returnAct(t, returnsDesk.manager.token, shipped.id, 'refund', {
      amount: 2399,
      reason: '供方拒修，按退货处理',
    });
    expect(refunded).toMatchObject({ status: 'refunded', refundAmount: 2399 });
    expect(refunded.settledAt).toBe(refunded.refundedAt);
    t.clock.setTo(after(6));
    const scrapped = await returnAct(t, returnsDesk.clerk.token, shipped.id, 'scrap', {
      method: 'recycling',
      recycler: '上海绿环再生资源有限公司',
      scrappedOn: '2026-06-21',
    });
    expect(scrapped).toMatchObject({
      status: 'scrapped',
      scrapMethod: 'recycling',
      recycler: '上海绿环再生资源有限公司',
      scrappedOn: '2026-06-21',
      // Settled with the customer at the refund, not at the scrapping.
      settledAt: refunded.settledAt,
    });

    const recycling = t.app.get(EvidenceSources).find('recycling');
    const rows = [];
    for await (const row of recycling?.rows({ from: '2026-06-21', to: '2026-06-21' }) ?? []) rows.push(row);
    expect(rows).toEqual([
      expect.objectContaining({
        id: shipped.id,
        number: shipped.number,
        scrappedOn: '2026-06-21',
        scrapMethod: 'recycling',
        recycler: '上海绿环再生资源有限公司',
        vendorOutcome: 'rejected',
      }),
    ]);
    expect(await recycling?.count({ from: '2026-06-22', to: '2026-06-30' })).toBe(0);

    // A scrap day outside receipt..today is refused, naming the field.
    const other = await shippedReturn(t, returnsDesk, supplierId);
    await returnAct(t, returnsDesk.clerk.token, other.id, 'receive-back', { outcome: 'rejected' });
    const future = await api(t, returnsDesk.clerk.token)
      .post(`/returns/${other.id}/scrap`, {
        method: 'destruction',
        recycler: '某回收站',
        scrappedOn: '2026-12-01',
      })
      .expect(400);
    expect(future.body.details.fields).toEqual([expect.objectContaining({ field: 'scrappedOn' })]);
  });

  it('refuses an action the state does not allow with 409 and changes nothing', async () => {
    t.clock.setTo(T0);
    const received = await intake(t, returnsDesk.agent.token);
    const before = await t.dataSource.getRepository(ReturnEntity).findOneByOrFail({ id: received.id });
    const historyBefore = (await history(received.id)).length;
    const auditBefore = (await auditEntriesFor(t.dataSource, 'return', received.id)).length;
    const refusals: [string, object, string][] = [
      ['ship', { supplierId, carrier: '顺丰速运', trackingNumber: 'SF1' }, returnsDesk.clerk.token],
      ['register', { handedOverBy: '张伟' }, returnsDesk.clerk.token],
      ['chase', { note: '催问' }, returnsDesk.clerk.token],
      ['receive-back', { outcome: 'repaired' }, returnsDesk.clerk.token],
      ['return-to-customer', { method: 'pickup', receivedByName: '王芳' }, returnsDesk.clerk.token],
      ['refund', { amount: 1, reason: '退货' }, returnsDesk.manager.token],
      [
        'scrap',
        { method: 'recycling', recycler: '回收站', scrappedOn: '2026-06-15' },
        returnsDesk.clerk.token,
      ],
      ['close', {}, returnsDesk.clerk.token],
    ];
    for (const [path, body, token] of refusals) {
      const response = await api(t, token).post(`/returns/${received.id}/${path}`, body).expect(409);
      expect(response.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'received' } });
    }
    const after = await t.dataSource.getRepository(ReturnEntity).findOneByOrFail({ id: received.id });
    expect(after).toEqual(before);
    expect(await history(received.id)).toHaveLength(historyBefore);
    expect(await auditEntriesFor(t.dataSource, 'return', received.id)).toHaveLength(auditBefore);
    expect(await returnTimers(t, 'return.chase-due', received.id)).toEqual([]);

    // Closed is the end: nothing more.
    const closed = await intake(t, returnsDesk.agent.token);
    await returnAct(t, returnsDesk.clerk.token, closed.id, 'inspect', { finding: 'no_fault_found' });
    await returnAct(t, returnsDesk.clerk.token, closed.id, 'return-to-customer', {
      method: 'pickup',
      receivedByName: '王芳',
    });
    await returnAct(t, returnsDesk.clerk.token, closed.id, 'close');
    await api(t, returnsDesk.clerk.token)
      .post(`/returns/${closed.id}/inspect`, { finding: 'product_fault' })
      .expect(409);
  });

  it('refuses the wrong role (403), a stale version (409) and a supplier off the qualified list (400)', async () => {
    t.clock.setTo(T0);
    const received = await intake(t, returnsDesk.agent.token);
    const auditor = await session(t, ['auditor']);
    await api(t, auditor.token)
      .post(`/returns/${received.id}/inspect`, { finding: 'product_fault' })
      .expect(403);
    await api(t, auditor.token).post('/returns', {}).expect(403);
    const inspected = await returnAct(t, returnsDesk.clerk.token, received.id, 'inspect', {
      finding: 'product_fault',
    });
    // The hand-over is the returns clerk's own: a manager cannot take it for them.
    await api(t, returnsDesk.manager.token)
      .post(`/returns/${received.id}/register`, { handedOverBy: '张伟' })
      .expect(403);
    const stale = await api(t, returnsDesk.clerk.token)
      .post(`/returns/${received.id}/register`, {
        handedOverBy: '张伟',
        expectedVersion: inspected.version - 1,
      })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    await returnAct(t, returnsDesk.clerk.token, received.id, 'register', { handedOverBy: '张伟' });

    const expired = await createSupplier(t.dataSource, {
      qualifiedOn: '2024-01-01',
      qualifiedUntil: '2026-05-31',
    });
    const inactive = await createSupplier(t.dataSource, { active: false });
    const notYet = await createSupplier(t.dataSource, { qualifiedOn: '2026-07-01', qualifiedUntil: null });
    for (const supplier of [expired, inactive, notYet]) {
      const response = await api(t, returnsDesk.clerk.token)
        .post(`/returns/${received.id}/ship`, {
          supplierId: supplier.id,
          carrier: '顺丰速运',
          trackingNumber: 'SF2',
        })
        .expect(400);
      expect(response.body.details.fields).toEqual([
        expect.objectContaining({ field: 'supplierId', problems: [expect.stringContaining('qualified')] }),
      ]);
    }
    const missing = await api(t, returnsDesk.clerk.token)
      .post(`/returns/${received.id}/ship`, { carrier: '顺丰速运' })
      .expect(400);
    expect(missing.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'supplierId',
      'trackingNumber',
    ]);
    expect((await get(returnsDesk.clerk.token, received.id)).status).toBe('registered');
    expect(await returnTimers(t, 'return.chase-due', received.id)).toEqual([]);
  });

  it('refuses a bad intake naming each field', async () => {
    const inactiveCustomer = await createCustomer(t.dataSource, { active: false });
    const response = await api(t, returnsDesk.agent.token)
      .post('/returns', {
        kind: 'swap',
        customerId: inactiveCustomer.id,
        fault: '',
        items: [],
      })
      .expect(400);
    expect(response.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'fault',
      'items',
      'kind',
    ]);
    const unknownProduct = await api(t, returnsDesk.agent.token)
      .post('/returns', {
        kind: 'repair',
        customerId: inactiveCustomer.id,
        fault: '不制冷',
        items: [{ productId: '00000000-0000-4000-8000-000000000000' }],
      })
      .expect(400);
    expect(unknownProduct.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'customerId',
      'items.0.productId',
    ]);
  });

  it('lists goods away past the notice threshold, with turnaround per record and per supplier', async () => {
    const start = new Date('2026-08-01T09:00:00+08:00');
    const day = (n: number) => new Date(start.getTime() + n * DAY);
    t.clock.setTo(start);
    const supplier = await createSupplier(t.dataSource, { name: '上海沪达电子元件有限公司' });
    const away = await shippedReturn(t, returnsDesk, supplier.id);
    const back = await shippedReturn(t, returnsDesk, supplier.id);
    const notShipped = await intake(t, returnsDesk.agent.token);
    t.clock.setTo(day(4));
    await returnAct(t, returnsDesk.clerk.token, back.id, 'receive-back', {
      outcome: 'replaced',
      replacementSerialNumber: 'XQG-NEW-1',
    });
    await returnAct(t, returnsDesk.clerk.token, back.id, 'return-to-customer', {
      method: 'courier',
      receivedByName: '王芳',
    });

    t.clock.setTo(day(13));
    const early = await api(t, returnsDesk.clerk.token)
      .get('/returns?overdue=true&from=2026-08-01&to=2026-08-01')
      .expect(200);
    expect(early.body.total).toBe(0);

    t.clock.setTo(day(15));
    const overdue = await api(t, returnsDesk.clerk.token)
      .get('/returns?overdue=true&from=2026-08-01&to=2026-08-01')
      .expect(200);
    expect(overdue.body.items.map((item: ReturnView) => item.id).sort()).toEqual(
      [away.id, notShipped.id].sort(),
    );
    const awayItem = overdue.body.items.find((item: ReturnView) => item.id === away.id);
    expect(awayItem).toMatchObject({ overdue: true, status: 'shipped_to_vendor' });
    expect(awayItem.turnaround.daysAtVendor).toBeCloseTo(15, 1);
    expect(awayItem.turnaround.totalDays).toBeCloseTo(15, 1);

    const bySupplier = await api(t, returnsDesk.clerk.token)
      .get(`/returns?supplierId=${supplier.id}&status=shipped_to_vendor,returned_to_customer`)
      .expect(200);
    expect(bySupplier.body.total).toBe(2);

    const summary = await api(t, returnsDesk.manager.token)
      .get('/returns/turnaround?from=2026-08-01&to=2026-08-01')
      .expect(200);
    expect(summary.body).toMatchObject({
      from: '2026-08-01',
      to: '2026-08-01',
      count: 3,
      settled: 1,
      pastNoticeThreshold: 2,
    });
    expect(summary.body.suppliers).toEqual([
      expect.objectContaining({
        supplierId: supplier.id,
        supplierName: '上海沪达电子元件有限公司',
        count: 2,
        atVendor: 1,
        pastNoticeThreshold: 1,
      }),
    ]);
    const [figures] = summary.body.suppliers;
    expect(figures.maxDaysAtVendor).toBeCloseTo(15, 1);
    expect(figures.meanDaysAtVendor).toBeCloseTo(9.5, 1);
    await api(t, returnsDesk.manager.token)
      .get('/returns/turnaround?from=2026-08-02&to=2026-08-01')
      .expect(400);
  });

  it("keeps an outlet's returned goods to that outlet", async () => {
    t.clock.setTo(T0);
    const outletA = await createOutlet(t.dataSource);
    const outletB = await createOutlet(t.dataSource);
    const agentA = await session(t, ['agent'], { outletId: outletA.id });
    const agentB = await session(t, ['agent'], { outletId: outletB.id });
    const customer = await createCustomer(t.dataSource, { outletId: outletA.id });
    const record = await intake(t, agentA.token, { customerId: customer.id });
    expect(record.outlet).toMatchObject({ id: outletA.id });
    await api(t, agentB.token).get(`/returns/${record.id}`).expect(404);
    await api(t, agentB.token)
      .post(`/returns/${record.id}/inspect`, { finding: 'product_fault' })
      .expect(403);
    const clerkB = await session(t, ['returns_clerk'], { outletId: outletB.id });
    await api(t, clerkB.token)
      .post(`/returns/${record.id}/inspect`, { finding: 'product_fault' })
      .expect(404);
    const listB = await api(t, agentB.token).get('/returns').expect(200);
    expect(listB.body.items.map((item: ReturnView) => item.id)).not.toContain(record.id);
    // Another outlet's customer reads as missing at intake.
    const refused = await api(t, agentB.token)
      .post('/returns', {
        kind: 'repair',
        customerId: customer.id,
        fault: '不加热',
        items: [{ productId: (record.items as { product: { id: string } }[])[0]?.product.id }],
      })
      .expect(400);
    expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'customerId' })]);
  });

  it('prints the 返修记录单 as a PDF, audit-logged, and exports the returns register', async () => {
    t.clock.setTo(T0);
    const shipped = await shippedReturn(t, returnsDesk, supplierId, { kind: 'exchange' });
    t.clock.setTo(after(1));
    await returnAct(t, returnsDesk.clerk.token, shipped.id, 'chase', { note: '供方答复本周内发出换货' });
    const auditor = await session(t, ['auditor']);
    const pdf = await t
      .http()
      .get(`/api/v1/evidence/forms/returns/${shipped.id}`)
      .set('Authorization', `Bearer ${auditor.token}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfParse(pdf.body as Buffer)).text.replace(/\s+/g, '');
    for (const expected of [
      '返修记录单',
      shipped.number,
      '催办记录',
      '供方答复本周内发出换货',
      '苏州恒温制冷设备维修有限公司',
      `${shipped.number}-1`,
      '换货',
    ]) {
      expect(text).toContain(expected);
    }
    const english = await t
      .http()
      .get(`/api/v1/evidence/forms/returns/${shipped.id}?lang=en`)
      .set('Authorization', `Bearer ${auditor.token}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((await pdfParse(english.body as Buffer)).text).toContain('Returned goods record');
    await api(t, returnsDesk.clerk.token).get(`/evidence/forms/returns/${shipped.id}`).expect(403);
    const printed = await auditEntriesFor(t.dataSource, 'return', shipped.id);
    expect(
      printed.filter((entry) => entry.action === 'evidence.form_printed').map((entry) => entry.changes),
    ).toEqual([
      { form: 'return-record', language: 'zh' },
      { form: 'return-record', language: 'en' },
    ]);

    const source = t.app.get(EvidenceSources).find('returns');
    const rows = [];
    for await (const row of source?.rows({ from: '2026-06-15', to: '2026-06-15' }) ?? []) rows.push(row);
    const row = rows.find((candidate) => candidate.id === shipped.id);
    expect(row).toMatchObject({
      number: shipped.number,
      kind: 'exchange',
      supplierName: '苏州恒温制冷设备维修有限公司',
      handedOverBy: '赵敏',
      registeredByName: '孙丽',
      status: 'shipped_to_vendor',
    });
    expect(row?.chases).toEqual([expect.stringContaining('孙丽： 供方答复本周内发出换货')]);
    expect(row?.items).toEqual([expect.stringContaining(`${shipped.number}-1`)]);
  });
});
