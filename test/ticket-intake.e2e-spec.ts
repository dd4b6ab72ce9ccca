import { createAsset, createCustomer, createProduct } from './factories/registers';
import {
  type TicketDesk,
  act,
  api,
  createCustomerWithUnit,
  createTechnician,
  createTicketDesk,
  reportTicket,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;
const NOW = '2026-06-15T10:00:00+08:00';
const ms = (iso: string) => new Date(iso).getTime();

/** The default service policy (SPEC §2): response, on site by zone, resolve, in hours. */
const DEFAULT_HOURS = {
  urgent: { response: 1, onSite: { urban: 4, suburban: 8, rural: 12 }, resolve: 24 },
  high: { response: 2, onSite: { urban: 12, suburban: 24, rural: 48 }, resolve: 48 },
  normal: { response: 4, onSite: { urban: 24, suburban: 48, rural: 72 }, resolve: 72 },
  low: { response: 8, onSite: { urban: 48, suburban: 72, rural: 96 }, resolve: 120 },
} as const;
const ZONES = ['urban', 'suburban', 'rural'] as const;

describe('ticket intake (报修) and the ticket list', () => {
  let t: TestApp;
  let desk: TicketDesk;

  const intake = (body: object, token = desk.agent.token) => api(t, token).post('/tickets', body);
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const ticketsOf = async (customerId: string): Promise<number> =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE customer_id = $1`, [customerId])
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(NOW);
    desk = await createTicketDesk(t);
  });
  afterAll(() => t.close());

  describe('numbers and retries', () => {
    it('creates one ticket for an intake sent twice with one Idempotency-Key', async () => {
      t.clock.setTo(NOW);
      const { customer, asset } = await createCustomerWithUnit(t);
      const body = {
        customerId: customer.id,
        serialNumber: asset.serialNumber,
        fault: '漏水',
        channel: 'qr',
        priority: 'normal',
      };
      const send = () => intake(body).set('Idempotency-Key', `intake-${customer.id}`);
      const first = await send().expect(201);
      const retry = await send().expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toMatchObject({ id: first.body.id, number: first.body.number });
      expect(await ticketsOf(customer.id)).toBe(1);
      expect(
        (await auditEntriesFor(t.dataSource, 'ticket', first.body.id)).map((entry) => entry.action),
      ).toEqual(['ticket.reported']);
      await intake({ ...body, fault: '另一个故障' })
        .set('Idempotency-Key', `intake-${customer.id}`)
        .expect(409);
      expect(await ticketsOf(customer.id)).toBe(1);
    });

    it('numbers twenty concurrent intakes consecutively within the year', async () => {
      t.clock.setTo(NOW);
      const units = [];
      for (let i = 0; i < 20; i += 1) units.push(await createCustomerWithUnit(t));
      const [{ last }] = await t.dataSource.query(
        `SELECT coalesce(max(substring(number from 8)::int), 0) AS last FROM tickets WHERE number LIKE 'RT2026-%'`,
      );
      const responses = await Promise.all(
        units.map(({ customer, asset }) =>
          intake({
            customerId: customer.id,
            serialNumber: asset.serialNumber,
            fault: '不制热',
            channel: 'web',
            priority: 'low',
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array<number>(20).fill(201));
      const numbers = responses.map((response) => response.body.number as string).sort();
      expect(numbers).toEqual(
        Array.from({ length: 20 }, (_, i) => `RT2026-${String(last + i + 1).padStart(6, '0')}`),
      );
    });

    it('starts a new series in a new company-zone year', async () => {
      // 00:10 in Shanghai on New Year's Day is still 2026 in UTC.
      t.clock.setTo('2027-01-01T00:10:00+08:00');
      const first = await reportTicket(t, desk.agent.token);
      const second = await reportTicket(t, desk.agent.token);
      expect([first.number, second.number]).toEqual(['RT2027-000001', 'RT2027-000002']);
      t.clock.setTo(NOW);
      const back = await reportTicket(t, desk.agent.token);
      expect(back.number).toMatch(/^RT2026-\d{6}$/);
    });
  });

  describe('deadlines and warranty', () => {
    it('sets the deadlines of every priority and zone from the default policy, the zone from the customer', async () => {
      const reportedAt = '2026-06-15T09:30:00+08:00';
      t.clock.setTo(NOW);
      const [policy] = await t.dataSource.query(`SELECT id FROM service_policies WHERE version_number = 1`);
      const wrong: string[] = [];
      for (const zone of ZONES) {
        const { customer, asset } = await createCustomerWithUnit(t, { zone });
        for (const priority of ['urgent', 'high', 'normal', 'low'] as const) {
          const ticket = await reportTicket(t, desk.agent.token, {
            customerId: customer.id,
            serialNumber: asset.serialNumber,
            priority,
            reportedAt,
          });
          const hours = DEFAULT_HOURS[priority];
          const due = (hoursAfter: number) => new Date(ms(reportedAt) + hoursAfter * HOUR).toISOString();
          const expected = {
            zone,
            policyVersionId: policy.id,
            reportedAt: new Date(reportedAt).toISOString(),
            responseDueAt: due(hours.response),
            onSiteDueAt: due(hours.onSite[zone]),
            plannedResolveDueAt: due(hours.resolve),
            resolveDueAt: due(hours.resolve),
          };
          const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, ticket[key]]));
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            wrong.push(`${priority}/${zone}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('takes a zone given at intake over the customer’s', async () => {
      t.clock.setTo(NOW);
      const ticket = await reportTicket(t, desk.agent.token, { priority: 'high', zone: 'rural' });
      expect(ticket).toMatchObject({ zone: 'rural' });
      expect(ms(ticket.onSiteDueAt as string) - ms(ticket.reportedAt)).toBe(48 * HOUR);
    });

    it('judges warranty on the company-zone day of the report, the end day included', async () => {
      t.clock.setTo('2026-06-17T10:00:00+08:00');
      const customer = await createCustomer(t.dataSource);
      const product = await createProduct(t.dataSource);
      const asset = await createAsset(t.dataSource, {
        productId: product.id,
        customerId: customer.id,
        soldOn: '2025-06-15',
        standardWarrantyEnd: '2026-06-15',
      });
      const warrantyOn = (fields: { reportedAt?: string }) =>
        reportTicket(t, desk.agent.token, {
          customerId: customer.id,
          serialNumber: asset.serialNumber,
          ...fields,
        });
      expect(await warrantyOn({ reportedAt: '2026-06-15T00:00:00+08:00' })).toMatchObject({
        warrantyStatus: 'in_warranty',
        warrantyEnd: '2026-06-15',
      });
      expect(await warrantyOn({ reportedAt: '2026-06-15T23:30:00+08:00' })).toMatchObject({
        warrantyStatus: 'in_warranty',
      });
      // Still the 15th in UTC, already the 16th in Shanghai.
      expect(await warrantyOn({ reportedAt: '2026-06-16T00:30:00+08:00' })).toMatchObject({
        warrantyStatus: 'out_of_warranty',
      });
      t.clock.setTo('2026-06-15T23:30:00+08:00');
      expect(await warrantyOn({})).toMatchObject({ warrantyStatus: 'in_warranty' });
      t.clock.setTo('2026-06-16T00:30:00+08:00');
      expect(await warrantyOn({})).toMatchObject({ warrantyStatus: 'out_of_warranty' });
    });

    it('takes an unregistered unit by its product with warranty unknown', async () => {
      t.clock.setTo(NOW);
      const customer = await createCustomer(t.dataSource);
      const product = await createProduct(t.dataSource);
      const ticket = await reportTicket(t, desk.agent.token, {
        customerId: customer.id,
        serialNumber: 'sn-not-registered-01',
        productId: product.id,
      });
      expect(ticket).toMatchObject({
        warrantyStatus: 'unknown',
        warrantyEnd: null,
        assetId: null,
        serialNumber: 'SN-NOT-REGISTERED-01',
        product: { id: product.id },
      });
    });

    it('refuses an unregistered serial number without a product, and the serial number of another customer', async () => {
      t.clock.setTo(NOW);
      const { customer } = await createCustomerWithUnit(t);
      const other = await createCustomerWithUnit(t);
      const base = { customerId: customer.id, fault: '不启动', channel: 'phone', priority: 'normal' };
      const unknown = await intake({ ...base, serialNumber: 'SN-NOWHERE-9' }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['productId']);
      const foreign = await intake({ ...base, serialNumber: other.asset.serialNumber }).expect(400);
      expect(fieldsOf(foreign.body)).toEqual(['serialNumber']);
      expect(await ticketsOf(customer.id)).toBe(0);
    });
  });

  describe('validation', () => {
    it('names every bad field of an intake', async () => {
      t.clock.setTo(NOW);
      const { customer, asset } = await createCustomerWithUnit(t);
      const bad = await intake({
        customerId: customer.id,
        serialNumber: asset.serialNumber,
        channel: 'fax',
        priority: 'normal',
      }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(bad.body)).toEqual(['channel', 'fault']);
      const future = await intake({
        customerId: customer.id,
        serialNumber: asset.serialNumber,
        fault: '异响',
        channel: 'phone',
        priority: 'normal',
        reportedAt: '2026-06-16T10:00:00+08:00',
      }).expect(400);
      expect(fieldsOf(future.body)).toEqual(['reportedAt']);
      expect(await ticketsOf(customer.id)).toBe(0);
    });
  });

  describe('list filters', () => {
    it('filters by status, technician, outlet, priority, warranty, report day and text', async () => {
      t.clock.setTo(NOW);
      const { customer, asset } = await createCustomerWithUnit(t);
      const unregistered = await createProduct(t.dataSource);
      const northTech = await createTechnician(t, { displayName: '赵敏' });
      const southTech = await createTechnician(t, { displayName: '钱进' });
      const unit = { customerId: customer.id, serialNumber: asset.serialNumber };
      const urgent = await act(
        t,
        desk,
        await reportTicket(t, desk.agent.token, {
          ...unit,
          priority: 'urgent',
          reportedAt: '2026-06-10T10:00:00+08:00',
        }),
        'dispatch',
        { technicianId: northTech.id },
      );
      // The 13th in Shanghai, the 12th in UTC.
      const unknown = await reportTicket(t, desk.agent.token, {
        customerId: customer.id,
        serialNumber: 'SN-LIST-UNREG',
        productId: unregistered.id,
        priority: 'low',
        reportedAt: '2026-06-13T00:30:00+08:00',
      });
      const frost = await reportTicket(t, desk.agent.token, {
        ...unit,
        fault: '冰箱结霜严重',
        reportedAt: '2026-06-14T10:00:00+08:00',
      });
      await act(t, desk, frost, 'dispatch', { technicianId: southTech.id });
      const cancelled = await act(t, desk, await reportTicket(t, desk.agent.token, unit), 'cancel');

      const ids = async (query: string) => {
        const body = (
          await api(t, desk.dispatcher.token).get(`/tickets?customerId=${customer.id}&${query}`).expect(200)
        ).body;
        expect(body.total).toBe(body.items.length);
        return body.items.map((item: { id: string }) => item.id);
      };
      expect(await ids('')).toEqual([cancelled.id, frost.id, unknown.id, urgent.id]);
      expect(await ids('status=reported')).toEqual([unknown.id]);
      expect(await ids('status=dispatched,cancelled')).toEqual([cancelled.id, frost.id, urgent.id]);
      expect(await ids(`technicianId=${southTech.id}`)).toEqual([frost.id]);
      expect(await ids(`outletId=${northTech.outletId}`)).toEqual([urgent.id]);
      expect(await ids('priority=urgent')).toEqual([urgent.id]);
      expect(await ids('warrantyStatus=unknown')).toEqual([unknown.id]);
      expect(await ids('warrantyStatus=in_warranty')).toEqual([cancelled.id, frost.id, urgent.id]);
      expect(await ids('from=2026-06-13&to=2026-06-14')).toEqual([frost.id, unknown.id]);
      expect(await ids('to=2026-06-12')).toEqual([urgent.id]);
      expect(await ids(`q=${encodeURIComponent('冰箱结霜')}`)).toEqual([frost.id]);
      expect(await ids(`q=${urgent.number}`)).toEqual([urgent.id]);
      expect(await ids('q=sn-list-unreg')).toEqual([unknown.id]);

      const bad = await api(t, desk.dispatcher.token)
        .get('/tickets?status=reported,lost&from=15.06.2026')
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['from', 'status']);
    });

    it('lists as overdue the open tickets with a deadline passed and not met', async () => {
      const start = '2026-06-15T10:00:00+08:00';
      t.clock.setTo(start);
      const { customer, asset } = await createCustomerWithUnit(t, { zone: 'urban' });
      const urgent = { customerId: customer.id, serialNumber: asset.serialNumber, priority: 'urgent' };
      const waiting = await reportTicket(t, desk.agent.token, urgent);
      const accepted = await ticketInState(t, desk, 'accepted', urgent);
      const cancelled = await ticketInState(t, desk, 'cancelled', urgent);
      const overdue = async () =>
        (
          await api(t, desk.dispatcher.token)
            .get(`/tickets?customerId=${customer.id}&overdue=true`)
            .expect(200)
        ).body.items.map((item: { id: string }) => item.id);

      t.clock.setTo(new Date(ms(start) + 50 * 60 * 1000));
      expect(await overdue()).toEqual([]);
      // Past the one-hour response deadline: only the ticket nobody accepted.
      t.clock.setTo(new Date(ms(start) + HOUR + 60 * 1000));
      expect(await overdue()).toEqual([waiting.id]);
      // Past the four-hour on-site deadline: the accepted one too, never the cancelled one.
      t.clock.setTo(new Date(ms(start) + 4 * HOUR + 60 * 1000));
      const late = await overdue();
      expect([...late].sort()).toEqual([waiting.id, accepted.id].sort());
      expect(late).not.toContain(cancelled.id);
      const all = (
        await api(t, desk.dispatcher.token)
          .get(`/tickets?customerId=${customer.id}&overdue=false`)
          .expect(200)
      ).body.total;
      expect(all).toBe(3);
    });
  });
});
