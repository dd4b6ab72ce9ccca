import { MailTemplate, renderMail } from './mail-templates';

const LOCK_PARAMS = {
  displayName: '张三',
  username: 'zhangsan',
  attempts: '5',
  lockedUntil: '2024-05-01 16:15',
};

describe('renderMail', () => {
  describe('account-locked', () => {
    it('renders Chinese with every parameter', () => {
      const mail = renderMail('account-locked', 'zh', LOCK_PARAMS);
      expect(mail.subject).toBe('【售后服务系统】账户已临时锁定');
      expect(mail.text).toBe(
        '张三，您好：\n\n' +
          '您的账户 zhangsan 因连续 5 次登录失败，已被锁定至 2024-05-01 16:15。\n' +
          '如非本人操作，请立即联系系统管理员。\n',
      );
    });

    it('renders English with every parameter', () => {
      const mail = renderMail('account-locked', 'en', { ...LOCK_PARAMS, displayName: 'Zhang San' });
      expect(mail.subject).toBe('[After-sales service] Account temporarily locked');
      expect(mail.text).toBe(
        'Hello Zhang San,\n\n' +
          'Your account zhangsan was locked until 2024-05-01 16:15 after 5 failed logins in a row.\n' +
          'If this was not you, contact your administrator at once.\n',
      );
      expect(mail.text).not.toMatch(/[\u4e00-\u9fff]/);
    });
  });

  describe('test-mail', () => {
    it('renders Chinese with the requester', () => {
      expect(renderMail('test-mail', 'zh', { requestedBy: 'admin' })).toEqual({
        subject: '【售后服务系统】邮件发送测试',
        text: '这是一封测试邮件，由 admin 发起，用于确认邮件设置正确。\n',
      });
    });

    it('renders English with the requester', () => {
      expect(renderMail('test-mail', 'en', { requestedBy: 'admin' })).toEqual({
        subject: '[After-sales service] Mail test',
        text: 'This test message was requested by admin to check the mail settings.\n',
      });
    });
  });

  it.each<[MailTemplate, Record<string, string>]>([
    ['account-locked', LOCK_PARAMS],
    ['test-mail', { requestedBy: 'admin' }],
  ])('%s: Chinese and English differ and both contain every parameter', (template, params) => {
    const zh = renderMail(template, 'zh', params);
    const en = renderMail(template, 'en', params);
    expect(zh.subject).not.toBe(en.subject);
    expect(zh.subject).toMatch(/[\u4e00-\u9fff]/);
    for (const value of Object.values(params)) {
      expect(zh.text).toContain(value);
      expect(en.text).toContain(value);
    }
  });

  it('renders a missing parameter as empty text, never as "undefined"', () => {
    const zh = renderMail('account-locked', 'zh', {});
    const en = renderMail('test-mail', 'en', {});
    expect(zh.text).not.toContain('undefined');
    expect(zh.text).toContain('您的账户  因连续  次登录失败');
    expect(en.text).toBe('This test message was requested by  to check the mail settings.\n');
  });

  it('ignores extra parameters', () => {
    expect(renderMail('test-mail', 'zh', { requestedBy: 'admin', extra: 'SECRET' }).text).not.toContain(
      'SECRET',
    );
  });

  it('does not interpret parameters as templates', () => {
    const text = renderMail('test-mail', 'en', { requestedBy: '${displayName} $& $1' }).text;
    expect(text).toBe(
      'This test message was requested by ${displayName} $& $1 to check the mail settings.\n',
    );
  });
});
