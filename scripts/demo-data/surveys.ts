import type { CustomerResponse } from '../../src/customers/dto/customer.dto';
import type { MessagePageResponse } from '../../src/common/mail/dto/message.dto';
import type { SurveyCampaignResponse } from '../../src/surveys/dto/survey-campaign.dto';
import type {
  SurveyInvitationPageResponse,
  SurveyInvitationResponse,
} from '../../src/surveys/dto/survey-invitation.dto';
import type { SurveySettingsResponse } from '../../src/surveys/dto/survey-settings.dto';
import type {
  CreateSurveyTemplateDto,
  SurveyTemplateResponse,
} from '../../src/surveys/dto/survey-template.dto';
import type { DemoSession } from './api-client';
import { AGENT, DEMO_EMAIL_DOMAIN, MANAGER } from './people';
import type { SeedContext, SeedStep } from './seed-step';

/** The company's survey: overall satisfaction (CSAT), likelihood to recommend (NPS), punctuality, comments. */
export const DEMO_SURVEY: CreateSurveyTemplateDto = {
  name: '维修服务满意度调查（标准版）',
  title: { zh: '售后维修服务满意度调查', en: 'After-sales repair service survey' },
  intro: {
    zh: '感谢您选择我们的售后服务。本调查约需 1 分钟，您的意见将直接用于改进服务。',
    en: 'Thank you for choosing our after-sales service. This survey takes about a minute.',
  },
  questions: [
    {
      key: 'overall',
      type: 'rating',
      prompt: {
        zh: '您对本次维修服务的总体满意度如何？（1 分最低，5 分最高）',
        en: 'Overall, how satisfied are you?',
      },
      required: true,
    },
    {
      key: 'recommend',
      type: 'nps',
      prompt: {
        zh: '您有多大可能向亲友推荐我们的售后服务？（0–10 分）',
        en: 'How likely are you to recommend us?',
      },
      required: true,
    },
    {
      key: 'timeliness',
      type: 'choice',
      prompt: { zh: '维修人员是否按约定时间上门？', en: 'Did the technician arrive as agreed?' },
      required: false,
      options: [
        { value: 'on_time', label: { zh: '准时', en: 'On time' } },
        { value: 'late', label: { zh: '迟到', en: 'Late' } },
        { value: 'not_applicable', label: { zh: '未上门服务', en: 'No visit' } },
      ],
    },
    {
      key: 'comments',
      type: 'text',
      prompt: { zh: '您对我们的服务还有什么意见或建议？', en: 'Anything else you would like to tell us?' },
      required: false,
    },
  ],
};

/**
 * Customers who gave the hotline an email address for the survey (before their repairs were done),
 * by customer name: the address's local part.
 */
export const DEMO_SURVEY_EMAILS: Readonly<Record<string, string>> = {
  苏州吴中太湖度假酒店有限公司: 'gongcheng.taihu',
  蒋桂兰: 'jiang.zhiyong',
  李明: 'liming',
  黄伟: 'huangwei',
  上海莘庄颐养院: 'houqin.xinzhuang',
  陈国华: 'chenguohua',
};

/** How each customer answers the first invitation they get; customers not listed leave it unanswered. */
export const DEMO_SURVEY_ANSWERS: Readonly<Record<string, Record<string, number | string>>> = {
  王芳: { overall: 5, recommend: 10, timeliness: 'on_time', comments: '张师傅上门准时，讲解也很清楚' },
  苏州吴中太湖度假酒店有限公司: {
    overall: 3,
    recommend: 6,
    timeliness: 'late',
    comments: '压缩机调货等了三天，客房空置影响营业，希望常用备件多备一些',
  },
  蒋桂兰: { overall: 5, recommend: 9, timeliness: 'on_time', comments: '师傅很耐心，老人用着放心' },
  李明: { overall: 4, recommend: 8, timeliness: 'on_time' },
  上海莘庄颐养院: { overall: 4, recommend: 9, timeliness: 'on_time', comments: '处理及时，感谢' },
  陈国华: { overall: 5, recommend: 10, timeliness: 'on_time' },
  上海浦江物业管理有限公司: { overall: 4, recommend: 7, comments: '整体满意，报修电话高峰时段有时占线' },
};

/** The yearly campaign to business customers in Shanghai. */
export const DEMO_CAMPAIGN = {
  name: '上海企业客户年度满意度回访',
  filters: { region: '上海市', kind: 'company' as const },
};

/**
 * Survey template and settings (满意度调查表), before the repairs are told: the manager designs the
 * survey and switches invitations on, so every repair closed from then on invites its customer; the
 * hotline records the email addresses some customers gave for it.
 */
export const surveySetupStep: SeedStep = {
  title: '满意度调查表与设置 survey template and settings',
  async run(context) {
    context.setAppTime(null);
    const manager = await context.as(MANAGER);
    const template = await manager.post<SurveyTemplateResponse>('/surveys', DEMO_SURVEY);
    context.counted('surveyTemplates');
    await manager.put<SurveySettingsResponse>('/surveys/settings', {
      inviteOnTicketClose: true,
      templateId: template.id,
      expiryDays: 30,
    });
    const agent = await context.as(AGENT);
    for (const [name, local] of Object.entries(DEMO_SURVEY_EMAILS)) {
      await agent.patch<CustomerResponse>(`/customers/${context.ids.get('customer', name)}`, {
        email: `${local}@${DEMO_EMAIL_DOMAIN}`,
      });
    }
  },
};

/**
 * Answered surveys (满意度调查答卷): the worker first sends the invitations of the closed repairs; the
 * manager then sends the campaign; the customers answer through the public page with the links of
 * their mails, some never do.
 */
export const surveysStep: SeedStep = {
  title: '满意度调查 satisfaction surveys',
  async run(context) {
    context.setAppTime(null);
    const manager = await context.as(MANAGER);
    await context.runBackgroundJobs();
    const [template] = (await manager.get<{ items: SurveyTemplateResponse[] }>('/surveys?pageSize=1')).items;
    if (!template) throw new Error('The survey setup step did not create the survey');
    await manager.post<SurveyCampaignResponse>(`/surveys/${template.id}/campaigns`, DEMO_CAMPAIGN);
    await context.runBackgroundJobs();

    const invitations = await allInvitations(manager);
    context.counted('surveyInvitations', invitations.length);
    const answered = new Set<string>();
    // Closed repairs first: a customer answers the first invitation they got.
    const ordered = [...invitations].sort(
      (a, b) =>
        Number(a.source === 'campaign') - Number(b.source === 'campaign') || a.sentAt.localeCompare(b.sentAt),
    );
    for (const invitation of ordered) {
      const answers = DEMO_SURVEY_ANSWERS[invitation.customer.name];
      if (!answers || answered.has(invitation.customer.name)) continue;
      await answer(context, manager, invitation, answers);
      answered.add(invitation.customer.name);
      context.counted('surveyResponses');
    }
    if (answered.size === 0) throw new Error('No demo survey invitation was answered');
  },
};

async function allInvitations(manager: DemoSession): Promise<SurveyInvitationResponse[]> {
  const items: SurveyInvitationResponse[] = [];
  for (let page = 1; ; page += 1) {
    const found = await manager.get<SurveyInvitationPageResponse>(
      `/survey-invitations?pageSize=200&page=${page}`,
    );
    items.push(...found.items);
    if (items.length >= found.total || found.items.length === 0) return items;
  }
}

/** Answers as the customer would: the link's token from the invitation mail, the public page, no login. */
async function answer(
  context: SeedContext,
  manager: DemoSession,
  invitation: SurveyInvitationResponse,
  answers: Record<string, number | string>,
): Promise<void> {
  const mails = await manager.get<MessagePageResponse>(
    `/messages?relatedType=survey_invitation&relatedId=${invitation.id}`,
  );
  const mail = mails.items[0];
  const text = mail ? await context.mailText(mail.id) : '';
  const token = /\/public\/surveys\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`No survey link in the invitation mail to ${invitation.customer.name}`);
  await manager.anonymous('GET', `/public/surveys/${token}`);
  await manager.anonymous('POST', `/public/surveys/${token}`, { answers });
}
