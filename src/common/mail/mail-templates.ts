import type { Language } from '../errors/error-messages';
import type { Labels } from '../labels';

/** Rendered text of a message. Chinese by default; English on request. */
export interface RenderedMail {
  subject: string;
  text: string;
}

type Params = Record<string, string>;
type Template = Record<Language, (params: Params) => RenderedMail>;

function param(params: Params, name: string): string {
  return params[name] ?? '';
}

const TEMPLATES = {
  'account-locked': {
    zh: (p) => ({
      subject: '【售后服务系统】账户已临时锁定',
      text:
        `${param(p, 'displayName')}，您好：\n\n` +
        `您的账户 ${param(p, 'username')} 因连续 ${param(p, 'attempts')} 次登录失败，已被锁定至 ${param(p, 'lockedUntil')}。\n` +
        '如非本人操作，请立即联系系统管理员。\n',
    }),
    en: (p) => ({
      subject: '[After-sales service] Account temporarily locked',
      text:
        `Hello ${param(p, 'displayName')},\n\n` +
        `Your account ${param(p, 'username')} was locked until ${param(p, 'lockedUntil')} after ` +
        `${param(p, 'attempts')} failed logins in a row.\nIf this was not you, contact your administrator at once.\n`,
    }),
  },
  'expiry-alert': {
    zh: (p) => ({
      subject:
        p.threshold === 'expired'
          ? `【售后服务系统】已过期：${param(p, 'description')}`
          : `【售后服务系统】即将到期：${param(p, 'description')}`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        (p.threshold === 'expired'
          ? `${param(p, 'description')}已于 ${param(p, 'validUntil')} 到期，请尽快办理续期并在系统中更新。\n`
          : `${param(p, 'description')}将于 ${param(p, 'validUntil')} 到期（剩余 ${param(p, 'daysLeft')} 天），请提前办理续期。\n`) +
        '\n此邮件由系统每日到期检查自动发送，同一证照在同一阶段只提醒一次。\n',
    }),
    en: (p) => ({
      subject:
        p.threshold === 'expired'
          ? `[After-sales service] Expired: ${param(p, 'description')}`
          : `[After-sales service] Expiring soon: ${param(p, 'description')}`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        (p.threshold === 'expired'
          ? `${param(p, 'description')} expired on ${param(p, 'validUntil')}. Please renew it and update the system.\n`
          : `${param(p, 'description')} expires on ${param(p, 'validUntil')} (${param(p, 'daysLeft')} days left). Please renew it in time.\n`) +
        '\nSent by the daily expiry check; each item is announced once per stage.\n',
    }),
  },
  'ticket-dispatched': {
    zh: (p) => ({
      subject: `【售后服务系统】新派工单 ${param(p, 'number')}（${param(p, 'priority')}）`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        `工单 ${param(p, 'number')} 已派给您，请尽快联系客户并在系统中接单。\n\n` +
        `客户：${param(p, 'contact')} ${param(p, 'phone')}\n` +
        `地址：${param(p, 'address')}\n` +
        `产品：${param(p, 'product')}\n` +
        `故障：${param(p, 'fault')}\n` +
        `响应时限：${param(p, 'responseDueAt')}\n到场时限：${param(p, 'onSiteDueAt')}\n`,
    }),
    en: (p) => ({
      subject: `[After-sales service] New job ${param(p, 'number')} (${param(p, 'priority')})`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        `Ticket ${param(p, 'number')} has been dispatched to you. Please contact the customer and accept it in the system.\n\n` +
        `Customer: ${param(p, 'contact')} ${param(p, 'phone')}\n` +
        `Address: ${param(p, 'address')}\n` +
        `Product: ${param(p, 'product')}\n` +
        `Fault: ${param(p, 'fault')}\n` +
        `Respond by: ${param(p, 'responseDueAt')}\nOn site by: ${param(p, 'onSiteDueAt')}\n`,
    }),
  },
  'ticket-breached': {
    zh: (p) => ({
      subject: `【售后服务系统】超时：工单 ${param(p, 'number')} 未满足${param(p, 'deadline')}`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        `工单 ${param(p, 'number')}（优先级：${param(p, 'priority')}，状态：${param(p, 'status')}）的${param(p, 'deadline')}为 ${param(p, 'dueAt')}，已超时未完成。\n` +
        `维修人员：${param(p, 'technician')}\n` +
        '请立即跟进处理。此提醒每个时限只发送一次。\n',
    }),
    en: (p) => ({
      subject: `[After-sales service] Missed: ticket ${param(p, 'number')}, ${param(p, 'deadline')}`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        `Ticket ${param(p, 'number')} (priority ${param(p, 'priority')}, status ${param(p, 'status')}) missed its ${param(p, 'deadline')} deadline, due ${param(p, 'dueAt')}.\n` +
        `Technician: ${param(p, 'technician')}\n` +
        'Please follow up now. Each deadline is announced once.\n',
    }),
  },
  'test-mail': {
    zh: (p) => ({
      subject: '【售后服务系统】邮件发送测试',
      text: `这是一封测试邮件，由 ${param(p, 'requestedBy')} 发起，用于确认邮件设置正确。\n`,
    }),
    en: (p) => ({
      subject: '[After-sales service] Mail test',
      text: `This test message was requested by ${param(p, 'requestedBy')} to check the mail settings.\n`,
    }),
  },
} satisfies Record<string, Template>;

export type MailTemplate = keyof typeof TEMPLATES;

export const MAIL_TEMPLATE_LABELS: Labels<MailTemplate> = {
  'account-locked': { zh: '账户锁定通知', en: 'Account locked' },
  'expiry-alert': { zh: '到期提醒', en: 'Expiry alert' },
  'ticket-dispatched': { zh: '派单通知', en: 'Ticket dispatched' },
  'ticket-breached': { zh: '工单超时提醒', en: 'Ticket deadline missed' },
  'test-mail': { zh: '测试邮件', en: 'Test mail' },
};

export function renderMail(template: MailTemplate, language: Language, params: Params): RenderedMail {
  return TEMPLATES[template][language](params);
}
