import { DEFAULT_COMMITMENTS, type PolicyCommitments } from '../src/policy/domain/policy-commitments';
import { PolicyService } from '../src/policy/policy.service';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const URL = '/api/v1/settings/service-policy';

/** The defaults with some figures changed, as a manager would publish them. */
function tightened(): PolicyCommitments {
  const commitments = structuredClone(DEFAULT_COMMITMENTS);
  commitments.responseHours.urgent = 0.5;
  commitments.onSiteHours.urgent.urban = 3;
  commitments.resolveHours.urgent = 12;
  return commitments;
}

/** The defaults with one value at a dotted path replaced, or removed when the value is undefined. */
function defaultsWith(path: string, value: unknown): Record<string, unknown> {
  const commitments = structuredClone(DEFAULT_COMMITMENTS) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, commitments);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return commitments;
}

describe('service policy (服务承诺)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.tokenFor(['manager']);
    agent = await t.tokenFor(['agent']);
    t.clock.setTo('2031-03-03T09:00:00+08:00');
  });
  afterAll(() => t.close());

  const later = (ms: number) => new Date(t.clock.now().getTime() + ms);
  const publish = (token: string, body: Record<string, unknown>) =>
    t.http().post(URL).set('Authorization', `Bearer ${token}`).send(body);
  const inForce = (query = '') => t.http().get(`${URL}${query}`).set('Authorization', `Bearer ${agent}`);

  it('serves the installed defaults as version 1 to every role', async () => {
    const auditor = await t.tokenFor(['auditor']);
    const response = await t.http().get(URL).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(response.body).toMatchObject({
      versionNumber: 1,
      effectiveFrom: '1999-12-31T16:00:00.000Z',
      commitments: DEFAULT_COMMITMENTS,
      createdBy: null,
    });
    const before = await inForce('?at=1999-12-31T00:00:00Z');
    expect(before.status).toBe(404);
  });

  it('takes a new version into force at its effective time, not before, and audits it', async () => {
    const effectiveFrom = later(DAY);
    const created = await publish(manager, {
      effectiveFrom: effectiveFrom.toISOString(),
      commitments: tightened(),
      note: '紧急工单响应缩短至 30 分钟',
    }).expect(201);
    expect(created.body).toMatchObject({ versionNumber: 2, effectiveFrom: effectiveFrom.toISOString() });

    expect((await inForce()).body.versionNumber).toBe(1);
    const justBefore = new Date(effectiveFrom.getTime() - 1).toISOString();
    expect((await inForce(`?at=${justBefore}`)).body.versionNumber).toBe(1);
    expect((await inForce(`?at=${effectiveFrom.toISOString()}`)).body.versionNumber).toBe(2);

    t.clock.setTo(later(DAY + HOUR));
    const now = await inForce().expect(200);
    expect(now.body).toMatchObject({ id: created.body.id, commitments: tightened() });

    const versions = await t.http().get(`${URL}/versions`).set('Authorization', `Bearer ${agent}`);
    expect(versions.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(versions.body.items.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([2, 1]);
    const onePage = await t
      .http()
      .get(`${URL}/versions?pageSize=1&page=2`)
      .set('Authorization', `Bearer ${agent}`);
    expect(onePage.body.items.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([1]);

    const [entry] = await auditEntriesFor(t.dataSource, 'service_policy', created.body.id);
    expect(entry).toMatchObject({
      action: 'service_policy.created',
      changes: { versionNumber: 2, note: '紧急工单响应缩短至 30 分钟' },
    });
  });

  it('keeps the deadlines of an old record after a new version takes effect', async () => {
    const policy = t.app.get(PolicyService);
    const reportedAt = t.clock.now();
    const report = { reportedAt, priority: 'urgent', zone: 'urban' } as const;
    // What a ticket stores at intake: the figures and the version they came from.
    const stored = JSON.parse(JSON.stringify(await policy.deadlinesFor(report)));
    const oldVersion = await policy.inForce(reportedAt);
    expect(stored).toEqual({
      policyVersionId: oldVersion.id,
      versionNumber: oldVersion.versionNumber,
      responseDueAt: new Date(reportedAt.getTime() + 0.5 * HOUR).toISOString(),
      onSiteDueAt: new Date(reportedAt.getTime() + 3 * HOUR).toISOString(),
      resolveDueAt: new Date(reportedAt.getTime() + 12 * HOUR).toISOString(),
    });

    const relaxed = structuredClone(DEFAULT_COMMITMENTS);
    relaxed.onSiteHours.urgent.urban = 6;
    const next = await publish(manager, {
      effectiveFrom: later(HOUR).toISOString(),
      commitments: relaxed,
      note: '城区紧急上门放宽至 6 小时',
    }).expect(201);
    t.clock.setTo(later(2 * HOUR));

    expect(JSON.parse(JSON.stringify(await policy.deadlinesFor(report)))).toEqual(stored);
    const preview = await t
      .http()
      .get(`${URL}/deadlines?reportedAt=${reportedAt.toISOString()}&priority=urgent&zone=urban`)
      .set('Authorization', `Bearer ${agent}`)
      .expect(200);
    expect(preview.body).toEqual(stored);

    const newReport = await t
      .http()
      .get(`${URL}/deadlines?priority=urgent&zone=urban`)
      .set('Authorization', `Bearer ${agent}`)
      .expect(200);
    const newReportedAt = new Date(new Date(newReport.body.responseDueAt).getTime() - HOUR);
    expect(newReport.body).toEqual({
      policyVersionId: next.body.id,
      versionNumber: next.body.versionNumber,
      responseDueAt: newReport.body.responseDueAt,
      onSiteDueAt: new Date(newReportedAt.getTime() + 6 * HOUR).toISOString(),
      resolveDueAt: new Date(newReportedAt.getTime() + 24 * HOUR).toISOString(),
    });
  });

  it('refuses an effective time in the past (400) or not after the latest version (409)', async () => {
    const past = await publish(manager, {
      effectiveFrom: later(-HOUR).toISOString(),
      commitments: DEFAULT_COMMITMENTS,
      note: '补录',
    });
    expect(past.status).toBe(400);
    expect(past.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['effectiveFrom']);

    const scheduled = await publish(manager, {
      effectiveFrom: later(10 * DAY).toISOString(),
      commitments: DEFAULT_COMMITMENTS,
      note: '下季度',
    }).expect(201);
    const between = await publish(manager, {
      effectiveFrom: later(5 * DAY).toISOString(),
      commitments: DEFAULT_COMMITMENTS,
      note: '插在中间',
    });
    expect(between.status).toBe(409);
    expect(between.body.code).toBe('CONFLICT');
    expect(between.body.details).toMatchObject({
      field: 'effectiveFrom',
      latestVersionNumber: scheduled.body.versionNumber,
    });
  });

  it('lets only managers and admins publish a version', async () => {
    const body = {
      effectiveFrom: later(400 * DAY).toISOString(),
      commitments: DEFAULT_COMMITMENTS,
      note: '—',
    };
    for (const role of ['agent', 'dispatcher', 'auditor'] as const) {
      const response = await publish(await t.tokenFor([role]), body);
      expect(response.status).toBe(403);
    }
    const admin = await t.tokenFor(['admin']);
    expect((await publish(admin, body)).status).toBe(201);
  });

  it.each([
    ['a missing on-site figure', 'onSiteHours.urgent.rural', undefined],
    ['a missing zone table', 'onSiteHours.low', undefined],
    ['a zero response time', 'responseHours.high', 0],
    ['more hours than a year', 'resolveHours.low', 8761],
    ['more days than a year', 'chaseDays.repair', 366],
    ['a figure as text', 'followUpDays', '3'],
    ['an unknown priority', 'responseHours.critical', 1],
    ['a list for an object', 'chaseDays', [2, 7, 1]],
  ])('refuses commitments with %s, naming the field', async (_case, path, value) => {
    const response = await publish(manager, {
      effectiveFrom: later(800 * DAY).toISOString(),
      commitments: defaultsWith(path, value),
      note: '错误示例',
    });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((f: { field: string }) => f.field)).toContain(
      `commitments.${path}`,
    );
  });

  it('gives concurrent publications distinct, ordered version numbers', async () => {
    const before = await t.http().get(`${URL}/versions?pageSize=1`).set('Authorization', `Bearer ${agent}`);
    const latest = before.body.items[0].versionNumber as number;
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        publish(manager, {
          effectiveFrom: later(1000 * DAY + n * HOUR).toISOString(),
          commitments: DEFAULT_COMMITMENTS,
          note: `并发 ${n}`,
        }),
      ),
    );
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201).map((r) => r.body);
    expect(created.length).toBeGreaterThan(0);
    const byVersion = [...created].sort((a, b) => a.versionNumber - b.versionNumber);
    expect(byVersion.map((v) => v.versionNumber)).toEqual(created.map((_v, i) => latest + 1 + i));
    const times = byVersion.map((v) => Date.parse(v.effectiveFrom));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('refuses a bad deadline preview, naming the field', async () => {
    const response = await t
      .http()
      .get(`${URL}/deadlines?priority=critical&zone=urban&reportedAt=yesterday`)
      .set('Authorization', `Bearer ${agent}`);
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'priority',
      'reportedAt',
    ]);
  });
});
