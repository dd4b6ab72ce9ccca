import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { MessageEntity } from '../src/common/mail/message.entity';
import { newSurveyToken } from '../src/surveys/domain/survey-token';
import { SurveyCloseSubscriber } from '../src/surveys/survey-close.subscriber';
import { SurveyInvitationEntity } from '../src/surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../src/surveys/survey-response.entity';
import type { TicketEvent } from '../src/tickets/events/ticket-events';
import { createAsset, createCustomer, createOutlet, createProduct } from './factories/registers';
import { surveyTemplateBody, tokenInMail } from './factories/surveys';
import {
  type TicketDesk,
  type TicketView,
  createTicketDesk,
  session,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type SmtpStub, startSmtp } from './support/smtp-stub';
import { type TestApp, createTestApp, deleteRedisKeys, eventually } from './support/test-app';
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-06-15T09:00:00+08:00';
const PUBLIC_URL = 'https://service.example.com';
const COMPANY = '申江电器售后服务中心';
const DAY_MS = 86_400_000;

describe('satisfaction surveys (满意度调查)', () => {
  let smtp: SmtpStub;
  let t: TestApp;
  let desk: TicketDesk;
  let auditor: string;
  let templateId: string;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const manager = () => as(desk.manager.token);
  const open = {
    get: (token: string, query = '') => t.http().get(`/api/v1/public/surveys/${token}${query}`),
    post: (token: string, body: object) => t.http().post(`/api/v1/public/surveys/${token}`).send(body),
  };
  /** The refusal as a client sees it, without the request id that differs per request. */
  const refusal = (body: Record<string, unknown>) => {
    const { requestId: _requestId, ...rest } = body;
    return rest;
  };
  const resetRateLimit = () => deleteRedisKeys(`${t.config.redisPrefix}:rate`);

  /** Relays the outbox until the check passes: events become invitations, invitations become mail. */
  const afterJobs = <T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false) =>
    eventually(async () => {
      await t.relay();
      return check();
    }, 20000);
  const mailTo = (address: string): ParsedMail | undefined =>
    smtp.received.find(
      (mail) =>
        mail.to &&
        'text' in mail.to &&
        mail.to.text.includes(address) &&
        mail.subject?.includes('邀请您评价'),
    );

  /** A customer with an email and a registered unit, and a ticket of theirs driven to closed. */
  const closedTicketFor = async (email: string | null, name = '王芳'): Promise<TicketView> => {
    const customer = await createCustomer(t.dataSource, { email, name });
    const product = await createProduct(t.dataSource, { category: '空调' });
    const asset = await createAsset(t.dataSource, { productId: product.id, customerId: customer.id });
    return ticketInState(t, desk, 'closed', { customerId: customer.id, serialNumber: asset.serialNumber });
  };
  const invitationsOf = (ticketId: string) =>
    t.dataSource.getRepository(SurveyInvitationEntity).findBy({ ticketId });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'service@example.com',
        PUBLIC_URL,
        COMPANY_NAME: COMPANY,
      },
    });
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
    auditor = (await session(t, ['auditor'])).token;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(() => resetRateLimit());

  describe('templates and settings', () => {
    it('lets managers design templates, auditors read them, and names the questions that are wrong', async () => {
      const technician = desk.technician.token;
      await as(technician).post('/surveys', surveyTemplateBody()).expect(403);
      await as(auditor).post('/surveys', surveyTemplateBody()).expect(403);
      await as(technician).get('/surveys').expect(403);

      const malformed = await manager()
        .post(
          '/surveys',
          surveyTemplateBody({
            questions: [
              { key: 'Overall', type: 'rating', prompt: { zh: '总体' } },
              { key: 'speed', type: 'stars', prompt: { zh: '速度' } },
              { key: 'note', type: 'text', prompt: { zh: '' } },
            ],
          }),
        )
        .expect(400);
      expect(malformed.body.code).toBe('VALIDATION_FAILED');
      expect(malformed.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'questions.0.key',
        'questions.1.type',
        'questions.2.prompt.zh',
      ]);
      const inconsistent = await manager()
        .post(
          '/surveys',
          surveyTemplateBody({
            questions: [
              { key: 'overall', type: 'rating', prompt: { zh: '总体' } },
              { key: 'overall', type: 'nps', prompt: { zh: '推荐' } },
              {
                key: 'pick',
                type: 'choice',
                prompt: { zh: '选择' },
                options: [{ value: 'a', label: { zh: 'A' } }],
              },
            ],
          }),
        )
        .expect(400);
      expect(inconsistent.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'questions.1.key',
        'questions.2.options',
      ]);
      await manager()
        .post('/surveys', surveyTemplateBody({ questions: [] }))
        .expect(400);

      const created = await manager().post('/surveys', surveyTemplateBody()).expect(201);
      templateId = created.body.id;
      expect(created.body).toMatchObject({
        name: '维修服务满意度（测试）',
        title: { zh: '维修服务满意度调查', en: 'Repair service survey' },
        version: 1,
        invitations: 0,
        questionsEditable: true,
      });
      expect(created.body.questions[0]).toEqual({
        key: 'overall',
        type: 'rating',
        prompt: {
          zh: '您对本次维修服务的总体满意度如何？',
          en: 'How satisfied are you with the repair overall?',
        },
        required: true,
      });
      expect(created.body.questions[2].options).toHaveLength(2);
      const listed = await as(auditor).get('/surveys').expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(templateId);
      await as(auditor).get(`/surveys/${templateId}`).expect(200);
      await as(auditor).get('/surveys/not-a-uuid').expect(400);
      expect(
        (await auditEntriesFor(t.dataSource, 'survey_template', templateId)).map((e) => e.action),
      ).toEqual(['survey.created']);
    });

    it('keeps invitations off until a manager picks a template, with optimistic versions', async () => {
      const initial = await manager().get('/surveys/settings').expect(200);
      expect(initial.body).toMatchObject({
        inviteOnTicketClose: false,
        template: null,
        expiryDays: 30,
        version: 1,
      });
      await as(auditor).get('/surveys/settings').expect(403);

      const noTemplate = await manager().put('/surveys/settings', { inviteOnTicketClose: true }).expect(400);
      expect(noTemplate.body.details.fields[0].field).toBe('templateId');
      const unknown = await manager()
        .put('/surveys/settings', {
          inviteOnTicketClose: true,
          templateId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(400);
      expect(unknown.body.details.fields[0].field).toBe('templateId');
      await manager()
        .put('/surveys/settings', { inviteOnTicketClose: true, templateId, expiryDays: 0 })
        .expect(400);

      const saved = await manager()
        .put('/surveys/settings', { inviteOnTicketClose: true, templateId, expectedVersion: 1 })
        .expect(200);
      expect(saved.body).toMatchObject({
        inviteOnTicketClose: true,
        template: { id: templateId, name: '维修服务满意度（测试）' },
        expiryDays: 30,
        version: 2,
      });
      const stale = await manager()
        .put('/surveys/settings', { inviteOnTicketClose: false, expectedVersion: 1 })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });
  });

  describe('invitations and the public answer page', () => {
    let ticket: TicketView;
    let token: string;
    let invitation: SurveyInvitationEntity;

    it('mails the customer of a closed ticket, through SMTP, a link carrying a token stored only as its hash', async () => {
      t.clock.setTo(T0);
      ticket = await closedTicketFor('wangfang@example.com');
      const mail = await afterJobs(() => mailTo('wangfang@example.com'));
      expect(mail.subject).toBe(`【${COMPANY}】邀请您评价我们的服务`);
      expect(mail.text).toContain(`您的维修工单 ${ticket.number} 已处理完毕`);
      expect(mail.text).toContain(`${PUBLIC_URL}/api/v1/public/surveys/`);
      token = tokenInMail(mail.text ?? '');

      [invitation] = (await invitationsOf(ticket.id)) as [SurveyInvitationEntity];
      expect(invitation).toMatchObject({
        source: 'ticket_closed',
        templateId,
        email: 'wangfang@example.com',
        outletId: desk.technician.outletId,
        technicianId: desk.technician.id,
        productCategory: '空调',
        answeredAt: null,
        tokenHash: createHash('sha256').update(token).digest('hex'),
      });
      expect(invitation.expiresAt.getTime() - invitation.sentAt.getTime()).toBe(30 * DAY_MS);
      const [row] = await t.dataSource.query('SELECT * FROM survey_invitations WHERE id = $1', [
        invitation.id,
      ]);
      expect(JSON.stringify(row)).not.toContain(token);
      const message = await eventually(async () => {
        const row = await t.dataSource
          .getRepository(MessageEntity)
          .findOneBy({ id: invitation.messageId ?? '' });
        return row?.status === 'sent' ? row : null;
      });
      expect(message).toMatchObject({
        template: 'survey-invitation',
        relatedType: 'survey_invitation',
        relatedId: invitation.id,
        status: 'sent',
      });
      expect(mail.headers.get('x-aftersales-message-id')).toBe(message.id);
      expect(
        (await auditEntriesFor(t.dataSource, 'survey_invitation', invitation.id)).map((e) => e.action),
      ).toEqual(['survey_invitation.sent']);
    });

    it('sends nothing more when the close event is delivered again or handled twice', async () => {
      const [closed] = (await ticketOutboxRows(t, 'ticket.event', ticket.id)).filter(
        (row) => (row.payload as { type: string }).type === 'closed',
      );
      await runTicketEvent(t, closed!);
      await runTicketEvent(t, closed!);
      // Even a second event of its own (the ticket closed again later) finds the invitation there.
      await t.dataSource.transaction((tx) =>
        t.app.get(SurveyCloseSubscriber).handle(tx, closed!.payload as unknown as TicketEvent),
      );
      expect(await invitationsOf(ticket.id)).toHaveLength(1);
      expect(
        await t.dataSource
          .getRepository(MessageEntity)
          .countBy({ template: 'survey-invitation', recipient: 'wangfang@example.com' }),
      ).toBe(1);
    });

    it('shows the survey without login and without anything about the customer, in Chinese or English', async () => {
      const page = await open.get(token).expect(200);
      expect(page.body).toMatchObject({
        language: 'zh',
        companyName: COMPANY,
        title: '维修服务满意度调查',
        intro: '感谢您抽出时间评价本次服务。',
        expiresAt: invitation.expiresAt.toISOString(),
      });
      expect(page.body.questions).toEqual([
        {
          key: 'overall',
          type: 'rating',
          prompt: '您对本次维修服务的总体满意度如何？',
          required: true,
          min: 1,
          max: 5,
        },
        {
          key: 'recommend',
          type: 'nps',
          prompt: '您有多大可能向亲友推荐我们的服务？',
          required: false,
          min: 0,
          max: 10,
        },
        {
          key: 'timeliness',
          type: 'choice',
          prompt: '维修人员是否按约定时间上门？',
          required: false,
          options: [
            { value: 'on_time', label: '准时' },
            { value: 'late', label: '迟到' },
          ],
        },
        { key: 'comments', type: 'text', prompt: '您还有什么意见或建议？', required: false },
      ]);
      const shown = JSON.stringify(page.body);
      for (const personal of ['王芳', 'wangfang', ticket.number, '13800138000', '张杨路']) {
        expect(shown).not.toContain(personal);
      }
      const english = await open.get(token, '?lang=en').expect(200);
      expect(english.body.title).toBe('Repair service survey');
      expect(english.body.questions[2].options[1]).toEqual({ value: 'late', label: 'Late' });
      await open.get(token, '?lang=fr').expect(400);
    });

    it('refuses answers that break the template with 400 naming each question, and keeps nothing', async () => {
      const broken = await open
        .post(token, { answers: { overall: 7, recommend: 11, timeliness: 'soon', comments: 3, speed: 5 } })
        .expect(400);
      expect(broken.body.code).toBe('VALIDATION_FAILED');
      expect(broken.body.details.fields).toEqual([
        { field: 'answers.speed', problems: ['is not a question of this survey'] },
        { field: 'answers.overall', problems: ['must be a whole number from 1 to 5'] },
        { field: 'answers.recommend', problems: ['must be a whole number from 0 to 10'] },
        { field: 'answers.timeliness', problems: ['must be one of on_time, late'] },
        { field: 'answers.comments', problems: ['must be text'] },
      ]);
      const missing = await open.post(token, { answers: { recommend: 9 } }).expect(400);
      expect(missing.body.details.fields).toEqual([{ field: 'answers.overall', problems: ['is required'] }]);
      await open.post(token, { answers: [5] }).expect(400);
      expect(await t.dataSource.getRepository(SurveyResponseEntity).count()).toBe(0);
    });

    it('takes the answer once; a second answer, an expired and a made-up token get the same refusal', async () => {
      t.clock.setTo(new Date(invitation.sentAt.getTime() + DAY_MS));
      const answered = await open
        .post(token, {
          answers: { overall: 5, recommend: 10, timeliness: 'on_time', comments: ' 师傅很专业 ' },
        })
        .expect(200);
      expect(answered.body).toEqual({ status: 'answered', message: '感谢您的评价！' });
      const response = await t.dataSource
        .getRepository(SurveyResponseEntity)
        .findOneByOrFail({ invitationId: invitation.id });
      expect(response).toMatchObject({
        answers: { overall: 5, recommend: 10, timeliness: 'on_time', comments: '师傅很专业' },
        csatScore: 5,
        npsScore: 10,
        language: 'zh',
      });

      const again = await open.post(token, { answers: { overall: 1 } }).expect(404);
      const neutral = refusal(again.body);
      expect(neutral).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: '该调查链接无效，可能已过期或已提交。',
      });
      expect(refusal((await open.get(token).expect(404)).body)).toEqual(neutral);
      const madeUp = newSurveyToken();
      expect(refusal((await open.get(madeUp).expect(404)).body)).toEqual(neutral);
      expect(refusal((await open.post(madeUp, { answers: { overall: 5 } }).expect(404)).body)).toEqual(
        neutral,
      );
      expect(refusal((await open.get('not-a-token').expect(404)).body)).toEqual(neutral);
      // A used link is refused before its answers are judged: nothing tells it was ever valid.
      expect(refusal((await open.post(token, { answers: { overall: 99 } }).expect(404)).body)).toEqual(
        neutral,
      );

      // A second customer's invitation, left until it expires.
      t.clock.setTo(T0);
      const other = await closedTicketFor('lisi@example.com', '李四');
      const otherToken = tokenInMail((await afterJobs(() => mailTo('lisi@example.com'))).text ?? '');
      const [otherInvitation] = (await invitationsOf(other.id)) as [SurveyInvitationEntity];
      t.clock.setTo(new Date(otherInvitation.expiresAt.getTime() - 60_000));
      await open.get(otherToken).expect(200);
      t.clock.setTo(otherInvitation.expiresAt);
      expect(refusal((await open.get(otherToken).expect(404)).body)).toEqual(neutral);
      expect(refusal((await open.post(otherToken, { answers: { overall: 5 } }).expect(404)).body)).toEqual(
        neutral,
      );
      const english = await open
        .post(otherToken, { answers: { overall: 5 } })
        .set('Accept-Language', 'en')
        .expect(404);
      expect(english.body.message).toBe(
        'This survey link is not valid. It may have expired or already been used.',
      );
      expect(await t.dataSource.getRepository(SurveyResponseEntity).count()).toBe(1);
      expect(
        (await auditEntriesFor(t.dataSource, 'survey_invitation', invitation.id)).map((e) => e.action),
      ).toEqual(['survey_invitation.sent', 'survey_invitation.answered']);
      t.clock.setTo(T0);
    });

    it('shows managers the answers, on the invitation and on the ticket', async () => {
      const detail = await manager().get(`/survey-invitations/${invitation.id}`).expect(200);
      expect(detail.body).toMatchObject({
        status: 'answered',
        source: 'ticket_closed',
        ticket: { id: ticket.id, number: ticket.number },
        customer: { name: '王芳' },
        technician: { id: desk.technician.id, name: desk.technician.displayName },
        csatScore: 5,
        npsScore: 10,
      });
      expect(detail.body).not.toHaveProperty('tokenHash');
      expect(detail.body.answers).toEqual([
        {
          key: 'overall',
          type: 'rating',
          prompt: '您对本次维修服务的总体满意度如何？',
          value: 5,
          text: '5 分（满分 5 分）',
        },
        {
          key: 'recommend',
          type: 'nps',
          prompt: '您有多大可能向亲友推荐我们的服务？',
          value: 10,
          text: '10 分（0–10）',
        },
        {
          key: 'timeliness',
          type: 'choice',
          prompt: '维修人员是否按约定时间上门？',
          value: 'on_time',
          text: '准时',
        },
        {
          key: 'comments',
          type: 'text',
          prompt: '您还有什么意见或建议？',
          value: '师傅很专业',
          text: '师傅很专业',
        },
      ]);
      const answered = await as(auditor)
        .get(`/survey-invitations?status=answered&templateId=${templateId}`)
        .expect(200);
      expect(answered.body.items.map((item: { id: string }) => item.id)).toEqual([invitation.id]);
      const expired = await as(auditor).get('/survey-invitations?status=expired').expect(200);
      expect(expired.body.total).toBe(0);
      expect((await as(auditor).get('/survey-invitations?status=pending').expect(200)).body.total).toBe(1);
      await as(desk.technician.token).get('/survey-invitations').expect(403);

      // Another outlet's manager sees none of these invitations.
      const elsewhere = await session(t, ['manager'], { outletId: (await createOutlet(t.dataSource)).id });
      expect((await as(elsewhere.token).get('/survey-invitations').expect(200)).body.total).toBe(0);
      await as(elsewhere.token).get(`/survey-invitations/${invitation.id}`).expect(404);

      const page = await manager().get(`/tickets/${ticket.id}`).expect(200);
      expect(
        page.body.linked.filter((record: { type: string }) => record.type === 'survey_invitation'),
      ).toEqual([
        expect.objectContaining({
          type: 'survey_invitation',
          id: invitation.id,
          status: 'answered',
          summary: '满意度调查（维修服务满意度（测试））：已回复，总体满意度 5 分',
        }),
      ]);
    });

    it('fixes the questions once an invitation has gone out; other fields still change', async () => {
      const current = (await manager().get(`/surveys/${templateId}`).expect(200)).body;
      expect(current).toMatchObject({ invitations: 2, questionsEditable: false });
      const changed = surveyTemplateBody().questions as object[];
      const refused = await manager()
        .patch(`/surveys/${templateId}`, { questions: changed.slice(0, 2) })
        .expect(409);
      expect(refused.body.code).toBe('RECORD_IN_USE');
      const renamed = await manager()
        .patch(`/surveys/${templateId}`, { name: '维修回访（2026）', questions: changed, expectedVersion: 1 })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '维修回访（2026）', version: 2 });
      await manager().patch(`/surveys/${templateId}`, { name: '又改', expectedVersion: 1 }).expect(409);
      await as(auditor).patch(`/surveys/${templateId}`, { name: '审核员不能改' }).expect(403);
    });
  });

  describe('campaigns', () => {
    it('invites the customers the filters pick, in the background, skipping and counting those without email', async () => {
      t.clock.setTo(T0);
      const region = '江苏省/苏州市';
      for (const [name, email] of [
        ['苏州客户甲', 'jia@example.com'],
        ['苏州客户乙', 'yi@example.com'],
        ['苏州客户丙', 'bing@example.com'],
        ['苏州客户丁', null],
      ] as const) {
        await createCustomer(t.dataSource, { name, email, region: `${region}/吴中区` });
      }
      await createCustomer(t.dataSource, {
        name: '北京客户',
        email: 'bj@example.com',
        region: '北京市/朝阳区',
      });
      await createCustomer(t.dataSource, {
        name: '停用客户',
        email: 'off@example.com',
        region,
        active: false,
      });

      await as(auditor).post(`/surveys/${templateId}/campaigns`, {}).expect(403);
      await manager()
        .post(`/surveys/${templateId}/campaigns`, {
          filters: { closedFrom: '2026-06-30', closedTo: '2026-06-01' },
        })
        .expect(400);
      const requested = await manager()
        .post(`/surveys/${templateId}/campaigns`, {
          name: '苏州回访',
          filters: { region: '江苏省' },
          limit: 2,
        })
        .expect(202);
      expect(requested.body).toMatchObject({ status: 'queued', limit: 2, expiryDays: 30, matched: null });
      const campaignId = requested.body.id as string;

      const done = await afterJobs(async () => {
        const list = await manager().get(`/surveys/${templateId}/campaigns`).expect(200);
        const found = list.body.items.find((item: { id: string }) => item.id === campaignId);
        return found?.status === 'done' ? found : null;
      });
      expect(done).toMatchObject({ matched: 4, invited: 2, skippedNoEmail: 1, overLimit: 1 });
      const invited = await manager().get(`/survey-invitations?campaignId=${campaignId}`).expect(200);
      const emails = invited.body.items.map((item: { email: string }) => item.email) as string[];
      expect(emails).toHaveLength(2);
      expect(['jia@example.com', 'yi@example.com', 'bing@example.com']).toEqual(
        expect.arrayContaining(emails),
      );
      expect(invited.body.items[0]).toMatchObject({ source: 'campaign', ticket: null, status: 'pending' });
      expect(
        (await auditEntriesFor(t.dataSource, 'survey_campaign', campaignId)).map((e) => e.action),
      ).toEqual(['survey_campaign.requested', 'survey_campaign.completed']);
      for (const email of emails) await afterJobs(() => mailTo(email));
    });

    it("with a closed range surveys each customer's latest ticket closed in it", async () => {
      const requested = await manager()
        .post(`/surveys/${templateId}/campaigns`, {
          filters: { closedFrom: '2026-06-15', closedTo: '2026-06-15', region: '上海市' },
          language: 'en',
          expiryDays: 7,
        })
        .expect(202);
      const done = await afterJobs(async () => {
        const list = await manager().get(`/surveys/${templateId}/campaigns`).expect(200);
        const found = list.body.items.find((item: { id: string }) => item.id === requested.body.id);
        return found?.status === 'done' ? found : null;
      });
      // 王芳 and 李四 closed tickets on 15 June; nobody else did.
      expect(done).toMatchObject({ matched: 2, invited: 2, skippedNoEmail: 0, overLimit: 0 });
      const invited = await manager().get(`/survey-invitations?campaignId=${requested.body.id}`).expect(200);
      for (const item of invited.body.items) {
        expect(item).toMatchObject({
          language: 'en',
          technician: { id: desk.technician.id },
          productCategory: '空调',
          outlet: { id: desk.technician.outletId },
        });
        expect(item.ticket).not.toBeNull();
        expect(new Date(item.expiresAt).getTime() - new Date(item.sentAt).getTime()).toBe(7 * DAY_MS);
      }
      const mail = await afterJobs(() =>
        smtp.received.find(
          (m) =>
            m.subject?.includes('How did we do?') && m.to && 'text' in m.to && m.to.text.includes('wangfang'),
        ),
      );
      expect(mail.text).toContain('Please take a minute or two');
    });

    it("keeps an outlet's manager to the outlet's own customers", async () => {
      const outlet = await createOutlet(t.dataSource);
      const local = await session(t, ['manager'], { outletId: outlet.id });
      const other = await createOutlet(t.dataSource);
      const refused = await as(local.token)
        .post(`/surveys/${templateId}/campaigns`, { filters: { outletId: other.id } })
        .expect(400);
      expect(refused.body.details.fields[0].field).toBe('filters.outletId');
      const accepted = await as(local.token).post(`/surveys/${templateId}/campaigns`, {}).expect(202);
      expect(accepted.body.filters).toEqual({ outletId: outlet.id });
    });

    it('of two answers sent at the same moment keeps exactly one', async () => {
      const pending = await manager()
        .get('/survey-invitations?status=pending&source=campaign&pageSize=1')
        .expect(200);
      const invitationId = pending.body.items[0].id as string;
      // Staff reading the messages register see the page, not the token that answers as the customer.
      const messages = await manager()
        .get(`/messages?relatedType=survey_invitation&relatedId=${invitationId}`)
        .expect(200);
      const shown = messages.body.items[0].body as string;
      expect(shown).toContain('/api/v1/public/surveys/…');
      const sent = await t.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ relatedType: 'survey_invitation', relatedId: invitationId });
      const token = tokenInMail(sent.body);
      expect(shown).not.toContain(token);
      const [first, second] = await Promise.all([
        open.post(token, { answers: { overall: 4 } }),
        open.post(token, { answers: { overall: 2 } }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 404]);
      expect(await t.dataSource.getRepository(SurveyResponseEntity).countBy({ invitationId })).toBe(1);
    });
  });

  it('limits the public page to 30 requests per address in 10 minutes, whatever the token', async () => {
    await resetRateLimit();
    const madeUp = newSurveyToken();
    for (let i = 0; i < 30; i += 1) await open.get(madeUp).expect(404);
    const limited = await open.get(madeUp).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    await open.post(newSurveyToken(), { answers: { overall: 5 } }).expect(429);
    // The limit is the address's, not the page's: the staff API is not counted.
    await manager().get('/surveys').expect(200);
    await resetRateLimit();
    await open.get(madeUp).expect(404);
  });
});
