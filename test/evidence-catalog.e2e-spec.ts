import { EVIDENCE_TYPES, type EvidenceCode } from '../src/evidence/domain/evidence-types';
import type { ExportPeriod } from '../src/evidence/domain/export-table';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import type { Role } from '../src/users/domain/roles';
import {
  type Session,
  type TicketDesk,
  createTicketDesk,
  reportTicket,
  session,
  ticketInState,
} from './factories/tickets';
import { type TestApp, createTestApp } from './support/test-app';

interface CatalogType {
  code: string;
  count: number;
  sampled: boolean;
  sampleSize: number;
  enough: boolean;
  [field: string]: unknown;
}
interface Catalog {
  from: string;
  to: string;
  types: CatalogType[];
  missing: string[];
  notYetAvailable: string[];
}

/** The types the registers and tickets provide today, in the order of GBT27922.md §3. */
const AVAILABLE = [
  'outlets',
  'outlet-reviews',
  'service-managers',
  'qualifications',
  'staff-trainings',
  'performance-reviews',
  'tools',
  'suppliers',
  'service-policy',
  'price-list',
  'installations',
  'customer-trainings',
  'repair-requests',
  'repair-records',
  'follow-ups',
  'inspections',
  'returns',
  'recycling',
  'complaints',
  'surveys',
  'notifications',
  'corrective-actions',
  'documents',
  'audit-trail',
  'kpi-summary',
];
const JUNE: ExportPeriod = { from: '2026-06-01', to: '2026-06-30' };

describe('evidence catalog (GET /evidence)', () => {
  let t: TestApp;
  let manager: Session;
  let desk: TicketDesk;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await session(t, ['manager']);
    desk = await createTicketDesk(t);
  });
  afterAll(() => t.close());

  const catalog = (token: string | null, query: string) => {
    const request = t.http().get(`/api/v1/evidence${query}`);
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };
  const catalogOf = async (period: ExportPeriod): Promise<Catalog> =>
    (await catalog(manager.token, `?from=${period.from}&to=${period.to}`).expect(200)).body as Catalog;
  const entry = (body: Catalog, code: string): CatalogType => {
    const found = body.types.find((type) => type.code === code);
    if (!found) throw new Error(`${code} is not in the catalog`);
    return found;
  };

  it('lists every type with records in catalogue order, with counts, sample sizes and gaps', async () => {
    t.clock.setTo('2026-05-20T10:00:00+08:00');
    await ticketInState(t, desk, 'resolved');
    t.clock.setTo('2026-06-15T09:00:00+08:00');
    for (let i = 0; i < 3; i += 1) await ticketInState(t, desk, 'resolved');
    await reportTicket(t, desk.agent.token);

    const body = await catalogOf(JUNE);
    expect(body).toMatchObject({ from: '2026-06-01', to: '2026-06-30' });
    expect(body.types.map((type) => type.code)).toEqual(AVAILABLE);
    expect(body.notYetAvailable).toEqual(
      EVIDENCE_TYPES.map((type) => type.code).filter((code) => !AVAILABLE.includes(code)),
    );

    // Three repairs resolved in June: one short of the four an auditor samples.
    expect(entry(body, 'repair-records')).toEqual({
      code: 'repair-records',
      zh: '维修记录单',
      en: 'Repair records',
      indicators: ['repair'],
      source: { zh: '含维修记录的工单', en: 'tickets with work logs' },
      count: 3,
      sampled: true,
      sampleSize: 4,
      enough: false,
    });
    expect(entry(body, 'repair-requests')).toMatchObject({
      count: 4,
      sampled: false,
      sampleSize: 1,
      enough: true,
    });
    expect(entry(body, 'service-policy')).toMatchObject({ count: 1, enough: true });
    expect(entry(body, 'qualifications')).toMatchObject({ count: 0, sampleSize: 4, enough: false });
    expect(body.missing).toEqual(body.types.filter((type) => !type.enough).map((type) => type.code));
    expect(body.missing).toEqual(
      expect.arrayContaining(['repair-records', 'outlet-reviews', 'qualifications']),
    );
    expect(body.missing).not.toContain('repair-requests');

    // Each count is the number of rows a register export of the period would hold.
    const sources = t.app.get(EvidenceSources);
    for (const type of body.types) {
      let rows = 0;
      for await (const _row of sources.find(type.code as EvidenceCode)!.rows(JUNE)) rows += 1;
      expect({ code: type.code, count: type.count }).toEqual({ code: type.code, count: rows });
    }

    await ticketInState(t, desk, 'resolved');
    const after = await catalogOf(JUNE);
    expect(entry(after, 'repair-records')).toMatchObject({ count: 4, enough: true });
    expect(after.missing).not.toContain('repair-records');
    expect(entry(await catalogOf({ from: '2026-05-01', to: '2026-05-31' }), 'repair-records')).toMatchObject({
      count: 1,
      enough: false,
    });
  });

  it('counts by days of the company time zone, both ends included', async () => {
    t.clock.setTo('2026-07-02T12:00:00+08:00');
    // 07:00 on 2 July in Shanghai is 1 July in UTC.
    await reportTicket(t, desk.agent.token, { reportedAt: '2026-07-01T00:05:00+08:00' });
    await reportTicket(t, desk.agent.token, { reportedAt: '2026-07-02T07:00:00+08:00' });
    const count = async (from: string, to: string) =>
      entry(await catalogOf({ from, to }), 'repair-requests').count;
    expect(await count('2026-07-01', '2026-07-01')).toBe(1);
    expect(await count('2026-07-02', '2026-07-02')).toBe(1);
    expect(await count('2026-07-01', '2026-07-02')).toBe(2);
  });

  it('is for managers, auditors and admins only', async () => {
    for (const roles of [['auditor'], ['admin'], ['manager']] as Role[][]) {
      const token = (await session(t, roles)).token;
      await catalog(token, `?from=${JUNE.from}&to=${JUNE.to}`).expect(200);
    }
    for (const roles of [['technician'], ['agent'], ['dispatcher'], ['returns_clerk']] as Role[][]) {
      const token = (await session(t, roles)).token;
      const response = await catalog(token, `?from=${JUNE.from}&to=${JUNE.to}`).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    await catalog(null, `?from=${JUNE.from}&to=${JUNE.to}`).expect(401);
  });

  it('refuses a missing, malformed or backwards period with 400 naming the field', async () => {
    const fieldsOf = async (query: string): Promise<string[]> => {
      const response = await catalog(manager.token, query).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      return (response.body.details.fields as { field: string }[]).map((problem) => problem.field).sort();
    };
    expect(await fieldsOf('')).toEqual(['from', 'to']);
    expect(await fieldsOf('?to=2026-06-30')).toEqual(['from']);
    expect(await fieldsOf('?from=2026-02-30&to=2026-06-30')).toEqual(['from']);
    expect(await fieldsOf('?from=2026-06-01&to=2026-13-01')).toEqual(['to']);
    expect(await fieldsOf('?from=2026-06-01T00:00:00Z&to=2026-06-30')).toEqual(['from']);
    expect(await fieldsOf('?from=2026-06-30&to=2026-06-01')).toEqual(['to']);
    expect(await fieldsOf('?from=2026-06-01&to=2026-06-30&sampleSize=9')).toEqual(['sampleSize']);
    await catalog(manager.token, '?from=2026-06-30&to=2026-06-30').expect(200);
  });
});
