import pdfParse from 'pdf-parse';
import type { EvidenceSource } from '../src/evidence/evidence-sources';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { newSurveyToken, surveyTokenHash } from '../src/surveys/domain/survey-token';
import { SurveyCampaignEntity } from '../src/surveys/survey-campaign.entity';
import { SurveyInvitationEntity } from '../src/surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../src/surveys/survey-response.entity';
import { createCustomer, createOutlet } from './factories/registers';
import { surveyTemplateBody } from './factories/surveys';
import { session } from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** One invitation of the fixed data set: who did the work, when it was sent, what came back. */
interface Fixture {
  name: string;
  outlet: 'A' | 'B' | null;
  technician: 'zhang' | 'li' | null;
  category: string | null;
  sentAt: string;
  answers: Record<string, unknown> | null;
  template?: 'other';
}

/**
 * The data set the expected figures below were worked out from by hand. Outlet A is 浦东服务中心,
 * B 静安服务站; 张伟 works for A, 李强 for B (#4 is A's job that 李强 did). Times are Shanghai time;
 * #4 falls in June there but still in May in UTC.
 */
const FIXTURES: Fixture[] = [
  {
    name: '#1',
    outlet: 'A',
    technician: 'zhang',
    category: '空调',
    sentAt: '2026-05-10T10:00:00+08:00',
    answers: { overall: 5, recommend: 10, timeliness: 'on_time', comments: '师傅很专业' },
  },
  {
    name: '#2',
    outlet: 'A',
    technician: 'zhang',
    category: '空调',
    sentAt: '2026-05-20T10:00:00+08:00',
    answers: { overall: 4, recommend: 9, timeliness: 'on_time' },
  },
  {
    name: '#3',
    outlet: 'A',
    technician: 'zhang',
    category: '洗衣机',
    sentAt: '2026-05-31T23:30:00+08:00',
    answers: { overall: 3, recommend: 7, timeliness: 'late' },
  },
  {
    name: '#4',
    outlet: 'A',
    technician: 'li',
    category: '空调',
    sentAt: '2026-06-01T07:30:00+08:00',
    answers: { overall: 2, recommend: 3, timeliness: 'late' },
  },
  {
    name: '#5',
    outlet: 'A',
    technician: 'zhang',
    category: '洗衣机',
    sentAt: '2026-06-05T10:00:00+08:00',
    answers: null,
  },
  {
    name: '#6',
    outlet: 'B',
    technician: 'li',
    category: '空调',
    sentAt: '2026-05-15T10:00:00+08:00',
    answers: { overall: 5, recommend: 8, timeliness: 'on_time' },
  },
  {
    name: '#7',
    outlet: 'B',
    technician: 'li',
    category: '空调',
    sentAt: '2026-06-10T10:00:00+08:00',
    answers: { overall: 1, recommend: 0, timeliness: 'late', comments: '等了三天才来' },
  },
  {
    name: '#8',
    outlet: 'B',
    technician: 'li',
    category: '洗衣机',
    sentAt: '2026-06-12T10:00:00+08:00',
    answers: { overall: 4 },
  },
  {
    name: '#9',
    outlet: 'B',
    technician: 'li',
    category: '洗衣机',
    sentAt: '2026-06-20T10:00:00+08:00',
    answers: null,
  },
  {
    name: '#10',
    outlet: null,
    technician: null,
    category: null,
    sentAt: '2026-06-25T10:00:00+08:00',
    answers: { overall: 5, recommend: 10, timeliness: 'on_time' },
  },
  // Outside May–June, and of another survey: never in the figures for May–June of this one.
  {
    name: '#0',
    outlet: 'A',
    technician: 'zhang',
    category: '空调',
    sentAt: '2026-04-30T10:00:00+08:00',
    answers: { overall: 1, recommend: 0 },
  },
  {
    name: 'other',
    outlet: 'A',
    technician: 'zhang',
    category: '空调',
    sentAt: '2026-06-10T10:00:00+08:00',
    answers: { overall: 1, recommend: 0 },
    template: 'other',
  },
];

describe('survey results (满意度调查结果)', () => {
  let t: TestApp;
  let manager: string;
  let auditor: string;
  let templateId: string;
  let otherTemplateId: string;
  const outlets: Record<'A' | 'B', { id: string; name: string }> = {
    A: { id: '', name: '浦东服务中心' },
    B: { id: '', name: '静安服务站' },
  };
  const technicians: Record<'zhang' | 'li', { id: string; name: string }> = {
    zhang: { id: '', name: '张伟' },
    li: { id: '', name: '李强' },
  };
  const responseIds = new Map<string, string>();

  const get = (token: string, path: string) =>
    t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const results = (token: string, query = '') => get(token, `/surveys/${templateId}/results${query}`);
  const figures = (
    sent: number,
    answered: number,
    responseRate: number | null,
    csat: number | null,
    nps: number | null,
    csatResponses: number,
    npsResponses: number,
  ) => ({ sent, answered, responseRate, csat, nps, csatResponses, npsResponses });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo('2026-07-01T09:00:00+08:00');
    const managerUser = await t.createUser(['manager']);
    manager = (await t.login(managerUser.username).expect(200)).body.accessToken;
    auditor = await t.tokenFor(['auditor']);
    for (const key of ['A', 'B'] as const) {
      outlets[key].id = (await createOutlet(t.dataSource, { name: outlets[key].name })).id;
    }
    technicians.zhang.id = (
      await t.createUser(['technician'], { outletId: outlets.A.id, displayName: '张伟' })
    ).id;
    technicians.li.id = (
      await t.createUser(['technician'], { outletId: outlets.B.id, displayName: '李强' })
    ).id;
    const create = async () =>
      (
        await t
          .http()
          .post('/api/v1/surveys')
          .set('Authorization', `Bearer ${manager}`)
          .send(surveyTemplateBody())
          .expect(201)
      ).body.id as string;
    templateId = await create();
    otherTemplateId = await create();

    // The invitations are the data set, written as a campaign would have sent them; the answers go
    // through the public page like a customer's.
    const campaigns = t.dataSource.getRepository(SurveyCampaignEntity);
    const campaignFor = async (template: string) =>
      (
        await campaigns.save(
          campaigns.create({
            templateId: template,
            filters: {},
            maxInvitations: 100,
            expiryDays: 30,
            status: 'done',
            requestedBy: managerUser.id,
            requestedAt: new Date('2026-04-01T00:00:00Z'),
            finishedAt: new Date('2026-04-01T00:00:00Z'),
          }),
        )
      ).id;
    const campaignIds = { main: await campaignFor(templateId), other: await campaignFor(otherTemplateId) };
    for (const [index, fixture] of FIXTURES.entries()) {
      const customer = await createCustomer(t.dataSource, {
        name: `客户${String(index + 1).padStart(2, '0')}`,
        email: `customer${index + 1}@example.com`,
      });
      const token = newSurveyToken();
      const sentAt = new Date(fixture.sentAt);
      const invitations = t.dataSource.getRepository(SurveyInvitationEntity);
      const invitation = await invitations.save(
        invitations.create({
          templateId: fixture.template ? otherTemplateId : templateId,
          source: 'campaign',
          campaignId: fixture.template ? campaignIds.other : campaignIds.main,
          customerId: customer.id,
          email: customer.email ?? '',
          outletId: fixture.outlet ? outlets[fixture.outlet].id : null,
          technicianId: fixture.technician ? technicians[fixture.technician].id : null,
          productCategory: fixture.category,
          tokenHash: surveyTokenHash(token),
          sentAt,
          expiresAt: new Date(sentAt.getTime() + 30 * DAY_MS),
        }),
      );
      if (!fixture.answers) continue;
      t.clock.setTo(new Date(sentAt.getTime() + DAY_MS));
      await t.http().post(`/api/v1/public/surveys/${token}`).send({ answers: fixture.answers }).expect(200);
      const response = await t.dataSource
        .getRepository(SurveyResponseEntity)
        .findOneByOrFail({ invitationId: invitation.id });
      responseIds.set(fixture.name, response.id);
    }
    t.clock.setTo('2026-07-01T09:00:00+08:00');
  });
  afterAll(() => t.close());

  it('computes response rate, CSAT and NPS overall and by outlet, technician, category and month', async () => {
    const body = (await results(manager, '?from=2026-05-01&to=2026-06-30').expect(200)).body;
    expect(body.survey).toEqual({ id: templateId, name: '维修服务满意度（测试）' });
    expect(body).toMatchObject({ from: '2026-05-01', to: '2026-06-30' });
    // 8 of 10 answered; ratings 5,4,3,2,5,1,4,5 → 5 of 8 satisfied; NPS answers 10,9,7,3,8,0,10 →
    // 3 promoters, 2 detractors of 7 = 14.29.
    expect(body.overall).toEqual(figures(10, 8, 80, 62.5, 14.3, 8, 7));

    expect(body.byOutlet).toHaveLength(3);
    expect(body.byOutlet).toEqual(
      expect.arrayContaining([
        { outlet: outlets.A, ...figures(5, 4, 80, 50, 25, 4, 4) },
        { outlet: outlets.B, ...figures(4, 3, 75, 66.7, -50, 3, 2) },
        { outlet: null, ...figures(1, 1, 100, 100, 100, 1, 1) },
      ]),
    );
    expect(body.byOutlet[2].outlet).toBeNull();

    expect(body.byTechnician).toHaveLength(3);
    expect(body.byTechnician).toEqual(
      expect.arrayContaining([
        { technician: technicians.zhang, ...figures(4, 3, 75, 66.7, 66.7, 3, 3) },
        { technician: technicians.li, ...figures(5, 4, 80, 50, -66.7, 4, 3) },
        { technician: null, ...figures(1, 1, 100, 100, 100, 1, 1) },
      ]),
    );

    expect(body.byProductCategory).toHaveLength(3);
    expect(body.byProductCategory).toEqual(
      expect.arrayContaining([
        { productCategory: '空调', ...figures(5, 5, 100, 60, 0, 5, 5) },
        { productCategory: '洗衣机', ...figures(4, 2, 50, 50, 0, 2, 1) },
        { productCategory: null, ...figures(1, 1, 100, 100, 100, 1, 1) },
      ]),
    );

    // Months in the company's time zone: #4, sent 07:30 on 1 June in Shanghai, is June's.
    expect(body.byMonth).toEqual([
      { month: '2026-05', ...figures(4, 4, 100, 75, 50, 4, 4) },
      { month: '2026-06', ...figures(6, 4, 66.7, 50, -33.3, 4, 3) },
    ]);
  });

  it("counts every question's answers", async () => {
    const body = (await results(auditor, '?from=2026-05-01&to=2026-06-30').expect(200)).body;
    const [overall, recommend, timeliness, comments] = body.questions;
    expect(overall).toEqual({
      key: 'overall',
      type: 'rating',
      prompt: '您对本次维修服务的总体满意度如何？',
      answered: 8,
      // (1 + 2 + 3 + 4×2 + 5×3) / 8 = 3.625
      average: 3.63,
      distribution: [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 2 },
        { value: 5, count: 3 },
      ],
    });
    expect(recommend).toMatchObject({ key: 'recommend', answered: 7, average: 6.71 });
    expect(recommend.distribution.map((entry: { count: number }) => entry.count)).toEqual([
      1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2,
    ]);
    expect(timeliness).toMatchObject({
      answered: 7,
      average: null,
      distribution: [
        { value: 'on_time', label: '准时', count: 4 },
        { value: 'late', label: '迟到', count: 3 },
      ],
    });
    expect(comments).toMatchObject({ key: 'comments', type: 'text', answered: 2, distribution: [] });
  });

  it('takes the period as whole days in the company time zone', async () => {
    const june = (await results(manager, '?from=2026-06-01&to=2026-06-30').expect(200)).body;
    expect(june.overall).toEqual(figures(6, 4, 66.7, 50, -33.3, 4, 3));
    const may = (await results(manager, '?from=2026-05-01&to=2026-05-31').expect(200)).body;
    expect(may.overall).toEqual(figures(4, 4, 100, 75, 50, 4, 4));
    // Without a period: #0 of April too (rated 1, NPS 0): 5 of 9 satisfied; 3 promoters, 3 detractors.
    const all = (await results(manager).expect(200)).body;
    expect(all.overall).toEqual(figures(11, 9, 81.8, 55.6, 0, 9, 8));
    const empty = (await results(manager, '?from=2027-01-01&to=2027-01-31').expect(200)).body;
    expect(empty.overall).toEqual(figures(0, 0, null, null, null, 0, 0));
    expect(empty.byOutlet).toEqual([]);
    expect(empty.questions[0].distribution.every((entry: { count: number }) => entry.count === 0)).toBe(true);
    const backwards = await results(manager, '?from=2026-06-30&to=2026-06-01').expect(400);
    expect(backwards.body.details.fields[0].field).toBe('to');
  });

  it("shows an outlet's manager its own outlet's results only", async () => {
    const local = await session(t, ['manager'], { outletId: outlets.B.id });
    const own = (
      await results(local.token, `?from=2026-05-01&to=2026-06-30&outletId=${outlets.A.id}`).expect(200)
    ).body;
    expect(own.overall).toEqual(figures(4, 3, 75, 66.7, -50, 3, 2));
    expect(own.byOutlet).toEqual([{ outlet: outlets.B, ...figures(4, 3, 75, 66.7, -50, 3, 2) }]);
    const filtered = (
      await results(manager, `?from=2026-05-01&to=2026-06-30&outletId=${outlets.A.id}`).expect(200)
    ).body;
    expect(filtered.overall).toEqual(figures(5, 4, 80, 50, 25, 4, 4));
    const technician = await t.tokenFor(['technician']);
    await results(technician).expect(403);
    await get(manager, '/surveys/00000000-0000-4000-8000-000000000000/results').expect(404);
  });

  it('lists the answered surveys of a period as evidence, with their scores and comments', async () => {
    const source = t.app.get(EvidenceSources).find('surveys') as EvidenceSource;
    // Answered one day after sending: #0 on 1 May; #3 on 1 June; the other survey's counts too.
    expect(await source.count({ from: '2026-05-01', to: '2026-06-30' })).toBe(10);
    expect(await source.count({ from: '2026-06-01', to: '2026-06-30' })).toBe(6);
    const rows = [];
    for await (const row of source.rows({ from: '2026-06-01', to: '2026-06-30' })) rows.push(row);
    expect(rows).toHaveLength(6);
    const seventh = rows.find((row) => row.id === responseIds.get('#7'));
    expect(seventh).toMatchObject({
      surveyName: '维修服务满意度（测试）',
      source: 'campaign',
      customerName: '客户07',
      ticketNumber: null,
      outletName: '静安服务站',
      technicianName: '李强',
      productCategory: '空调',
      csatScore: 1,
      npsScore: 0,
      comments: ['等了三天才来'],
    });
    // Answered a day after it was sent (the test clock runs on by a few milliseconds).
    const answeredAt = new Date(seventh?.answeredAt as string).getTime();
    expect(answeredAt - new Date('2026-06-11T10:00:00+08:00').getTime()).toBeGreaterThanOrEqual(0);
    expect(answeredAt - new Date('2026-06-11T10:00:00+08:00').getTime()).toBeLessThan(60_000);
  });

  it('prints an answered survey as the 满意度调查表, audit-logged, and only for those who may see it', async () => {
    const responseId = responseIds.get('#1') as string;
    const form = (token: string, lang?: string) =>
      get(token, `/evidence/forms/surveys/${responseId}${lang ? `?lang=${lang}` : ''}`)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
    const textOf = async (body: Buffer) => (await pdfParse(body)).text.replace(/\s+/g, '');

    const printed = await form(auditor).expect(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(printed.headers['content-disposition']).toContain('filename*=');
    const text = await textOf(printed.body as Buffer);
    for (const expected of [
      '满意度调查表',
      '维修服务满意度调查',
      '客户01',
      '浦东服务中心',
      '张伟',
      '您对本次维修服务的总体满意度如何？',
      '5分（满分5分），满意',
      '10分（0–10），推荐者',
      '准时',
      '师傅很专业',
      '2026-05-1110:00',
    ]) {
      expect(text).toContain(expected);
    }
    const english = await textOf((await form(auditor, 'en').expect(200)).body as Buffer);
    expect(english).toContain('Customersatisfactionsurvey');
    expect(english).toContain('Howsatisfiedareyouwiththerepairoverall?');
    expect(english).toContain('5/5,satisfied');

    const printings = await auditEntriesFor(t.dataSource, 'survey_response', responseId);
    expect(printings.map((entry) => [entry.action, entry.changes])).toEqual([
      ['evidence.form_printed', { form: 'survey', language: 'zh' }],
      ['evidence.form_printed', { form: 'survey', language: 'en' }],
    ]);
    const local = await session(t, ['manager'], { outletId: outlets.B.id });
    await form(local.token).expect(404);
    await form(await t.tokenFor(['technician'])).expect(403);
    await get(auditor, '/evidence/forms/surveys/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
