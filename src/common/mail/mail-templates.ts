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
  'complaint-major': {
    zh: (p) => ({
      subject: `【售后服务系统】重大投诉 ${param(p, 'number')}：${param(p, 'category')}`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        `收到一起重大投诉 ${param(p, 'number')}，请立即关注并安排处理。\n\n` +
        `客户：${param(p, 'customer')}\n` +
        `投诉类别：${param(p, 'category')}\n` +
        `服务网点：${param(p, 'outlet')}\n` +
        `维修人员：${param(p, 'technician')}\n` +
        `关联工单：${param(p, 'ticket')}\n` +
        `受理时间：${param(p, 'receivedAt')}\n` +
        `投诉内容：${param(p, 'description')}\n\n` +
        `确认时限：${param(p, 'acknowledgeDueAt')}\n处理时限：${param(p, 'resolveDueAt')}\n`,
    }),
    en: (p) => ({
      subject: `[After-sales service] Major complaint ${param(p, 'number')}: ${param(p, 'category')}`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        `Major complaint ${param(p, 'number')} has been received. Please look into it now.\n\n` +
        `Customer: ${param(p, 'customer')}\n` +
        `Category: ${param(p, 'category')}\n` +
        `Outlet: ${param(p, 'outlet')}\n` +
        `Technician: ${param(p, 'technician')}\n` +
        `Ticket: ${param(p, 'ticket')}\n` +
        `Received: ${param(p, 'receivedAt')}\n` +
        `Complaint: ${param(p, 'description')}\n\n` +
        `Acknowledge by: ${param(p, 'acknowledgeDueAt')}\nResolve by: ${param(p, 'resolveDueAt')}\n`,
    }),
  },
  'complaint-escalated': {
    zh: (p) => ({
      subject:
        p.trigger === 'manual'
          ? `【售后服务系统】投诉升级：${param(p, 'number')}`
          : `【售后服务系统】投诉升级：${param(p, 'number')} 超过${param(p, 'step')}`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        (p.trigger === 'manual'
          ? `${param(p, 'actor')} 将投诉 ${param(p, 'number')} 升级至经理处理。\n原因：${param(p, 'reason')}\n`
          : `投诉 ${param(p, 'number')} 的${param(p, 'step')}为 ${param(p, 'dueAt')}，已超时未完成，现升级至经理处理。\n`) +
        `\n严重程度：${param(p, 'severity')}\n` +
        `当前状态：${param(p, 'status')}\n` +
        `客户：${param(p, 'customer')}\n` +
        `投诉类别：${param(p, 'category')}\n` +
        `服务网点：${param(p, 'outlet')}\n` +
        `投诉内容：${param(p, 'description')}\n\n` +
        '每一处理环节只升级一次。\n',
    }),
    en: (p) => ({
      subject:
        p.trigger === 'manual'
          ? `[After-sales service] Complaint escalated: ${param(p, 'number')}`
          : `[After-sales service] Complaint escalated: ${param(p, 'number')}, ${param(p, 'step')} missed`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        (p.trigger === 'manual'
          ? `${param(p, 'actor')} escalated complaint ${param(p, 'number')} to the managers.\nReason: ${param(p, 'reason')}\n`
          : `Complaint ${param(p, 'number')} missed its ${param(p, 'step')}, due ${param(p, 'dueAt')}, and is escalated to the managers.\n`) +
        `\nSeverity: ${param(p, 'severity')}\n` +
        `Status: ${param(p, 'status')}\n` +
        `Customer: ${param(p, 'customer')}\n` +
        `Category: ${param(p, 'category')}\n` +
        `Outlet: ${param(p, 'outlet')}\n` +
        `Complaint: ${param(p, 'description')}\n\n` +
        'Each step is escalated once.\n',
    }),
  },
  'survey-invitation': {
    zh: (p) => ({
      subject: `【${param(p, 'companyName')}】邀请您评价我们的服务`,
      text:
        `${param(p, 'customerName')}，您好：\n\n` +
        (p.ticketNumber
          ? `您的维修工单 ${param(p, 'ticketNumber')} 已处理完毕，感谢您的信任。`
          : '感谢您一直以来对我们售后服务的支持。') +
        '诚邀您花一两分钟完成满意度调查，您的意见将帮助我们改进服务：\n\n' +
        `${param(p, 'link')}\n\n` +
        `链接有效期至 ${param(p, 'expiresAt')}，仅可提交一次，请勿转发他人。\n\n` +
        `${param(p, 'companyName')}\n`,
    }),
    en: (p) => ({
      subject: `[${param(p, 'companyName')}] How did we do?`,
      text:
        `Dear ${param(p, 'customerName')},\n\n` +
        (p.ticketNumber
          ? `Your repair ticket ${param(p, 'ticketNumber')} has been completed. Thank you for your trust. `
          : 'Thank you for using our after-sales service. ') +
        'Please take a minute or two to tell us how we did:\n\n' +
        `${param(p, 'link')}\n\n` +
        `The link is valid until ${param(p, 'expiresAt')} and can be used once; please do not forward it.\n\n` +
        `${param(p, 'companyName')}\n`,
    }),
  },
  'return-chase-due': {
    zh: (p) => ({
      subject: `【售后服务系统】催办提醒：返修单 ${param(p, 'number')} 待催办供方${p.urgent === 'yes' ? '（加急）' : ''}`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        `返修单 ${param(p, 'number')}（${param(p, 'kind')}${p.urgent === 'yes' ? '，加急' : ''}）的物品在供方处，按服务承诺应于 ${param(p, 'dueAt')} 催办，尚未登记催办记录。\n\n` +
        `供方：${param(p, 'supplier')}  联系人：${param(p, 'supplierContact')} ${param(p, 'supplierPhone')}\n` +
        `寄出：${param(p, 'shippedAt')}  ${param(p, 'carrier')} ${param(p, 'trackingNumber')}\n` +
        `物品：${param(p, 'items')}\n` +
        `上次催办：${param(p, 'lastChase')}\n\n` +
        '请联系供方了解进度，并在系统中登记催办记录。\n',
    }),
    en: (p) => ({
      subject: `[After-sales service] Chase due: returned goods ${param(p, 'number')}${p.urgent === 'yes' ? ' (urgent)' : ''}`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        `The goods of ${param(p, 'number')} (${param(p, 'kind')}${p.urgent === 'yes' ? ', urgent' : ''}) are at the vendor; a chase was due by ${param(p, 'dueAt')} and none is recorded.\n\n` +
        `Vendor: ${param(p, 'supplier')}  Contact: ${param(p, 'supplierContact')} ${param(p, 'supplierPhone')}\n` +
        `Shipped: ${param(p, 'shippedAt')}  ${param(p, 'carrier')} ${param(p, 'trackingNumber')}\n` +
        `Items: ${param(p, 'items')}\n` +
        `Last chase: ${param(p, 'lastChase')}\n\n` +
        'Please chase the vendor and record it in the system.\n',
    }),
  },
  'return-notice': {
    zh: (p) => ({
      subject: `【售后服务】您的送修物品处理进度说明（${param(p, 'number')}）`,
      text:
        `尊敬的${param(p, 'customerName')}：\n\n` +
        `您于 ${param(p, 'receivedOn')} 交由我们处理的物品（${param(p, 'items')}，返修单号 ${param(p, 'number')}）` +
        `目前${param(p, 'where')}，至今已 ${param(p, 'days')} 天，超过了我们承诺的 ${param(p, 'noticeDays')} 天。\n` +
        '给您带来不便，我们深表歉意。我们正在积极督促处理，物品返回后将第一时间与您联系。\n' +
        '如有疑问，请联系我们的客服并提供上述返修单号。\n',
    }),
    en: (p) => ({
      subject: `[After-sales service] An update on your goods in repair (${param(p, 'number')})`,
      text:
        `Dear ${param(p, 'customerName')},\n\n` +
        `The goods you left with us on ${param(p, 'receivedOn')} (${param(p, 'items')}, reference ${param(p, 'number')}) ` +
        `are ${param(p, 'where')}. It has been ${param(p, 'days')} days, longer than the ${param(p, 'noticeDays')} days we promise.\n` +
        'We apologise for the wait. We are chasing it and will contact you as soon as the goods are back.\n' +
        'If you have any question, please contact our service desk with the reference above.\n',
    }),
  },
  'follow-up-digest': {
    zh: (p) => ({
      subject: `【售后服务系统】逾期回访与巡检 ${param(p, 'count')} 项（${param(p, 'day')}）`,
      text:
        `${param(p, 'recipientName')}，您好：\n\n` +
        `截至 ${param(p, 'asOf')}，以下 ${param(p, 'count')} 项回访或巡检已超过应完成时间，请尽快安排：\n\n` +
        `${param(p, 'items')}\n\n` +
        '此邮件由系统每日自动发送，每位管理人员每天一封。\n',
    }),
    en: (p) => ({
      subject: `[After-sales service] ${param(p, 'count')} overdue follow-ups and inspections (${param(p, 'day')})`,
      text:
        `Hello ${param(p, 'recipientName')},\n\n` +
        `As of ${param(p, 'asOf')}, these ${param(p, 'count')} follow-ups or inspections are past their due time. Please arrange them:\n\n` +
        `${param(p, 'items')}\n\n` +
        'Sent daily by the system, one message per manager per day.\n',
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
  'complaint-major': { zh: '重大投诉通知', en: 'Major complaint' },
  'complaint-escalated': { zh: '投诉升级通知', en: 'Complaint escalated' },
  'survey-invitation': { zh: '满意度调查邀请', en: 'Survey invitation' },
  'return-chase-due': { zh: '返修催办提醒', en: 'Returned goods: chase due' },
  'return-notice': { zh: '返修进度告知', en: 'Returned goods: notice to customer' },
  'follow-up-digest': { zh: '逾期回访与巡检汇总', en: 'Overdue follow-ups digest' },
  'test-mail': { zh: '测试邮件', en: 'Test mail' },
};

export function renderMail(template: MailTemplate, language: Language, params: Params): RenderedMail {
  return TEMPLATES[template][language](params);
}
