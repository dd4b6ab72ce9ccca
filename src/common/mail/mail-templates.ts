import type { Language } from '../errors/error-messages';

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

export function renderMail(template: MailTemplate, language: Language, params: Params): RenderedMail {
  return TEMPLATES[template][language](params);
}
