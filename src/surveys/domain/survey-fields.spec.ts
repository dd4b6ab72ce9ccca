import { renderMail } from '../../common/mail/mail-templates';
import { invitationStatus, localized } from './survey-fields';

describe('invitationStatus', () => {
  const expiresAt = new Date('2026-07-15T00:00:00Z');
  it('is pending before expiry, expired from it, answered whenever answered', () => {
    expect(invitationStatus({ answeredAt: null, expiresAt }, new Date('2026-07-14T23:59:59Z'))).toBe(
      'pending',
    );
    expect(invitationStatus({ answeredAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(
      invitationStatus({ answeredAt: new Date('2026-07-01T00:00:00Z'), expiresAt }, new Date('2026-08-01')),
    ).toBe('answered');
  });
});

describe('localized', () => {
  it('falls back to Chinese when there is no English', () => {
    expect(localized({ zh: '满意度', en: 'Satisfaction' }, 'en')).toBe('Satisfaction');
    expect(localized({ zh: '满意度', en: null }, 'en')).toBe('满意度');
    expect(localized({ zh: '满意度', en: 'Satisfaction' }, 'zh')).toBe('满意度');
  });
});

describe('survey-invitation mail', () => {
  const params = {
    customerName: '王芳',
    companyName: '申江电器售后服务中心',
    ticketNumber: 'RT2026-000012',
    link: 'https://service.example.com/api/v1/public/surveys/TOKEN',
    expiresAt: '2026-07-15 09:00',
  };

  it('carries the link, the ticket and the expiry, in Chinese', () => {
    const mail = renderMail('survey-invitation', 'zh', params);
    expect(mail.subject).toBe('【申江电器售后服务中心】邀请您评价我们的服务');
    expect(mail.text).toContain('王芳，您好');
    expect(mail.text).toContain('您的维修工单 RT2026-000012 已处理完毕');
    expect(mail.text).toContain(`\n${params.link}\n`);
    expect(mail.text).toContain('链接有效期至 2026-07-15 09:00，仅可提交一次');
  });

  it('speaks of the service in general for a campaign without a ticket, and English on request', () => {
    expect(renderMail('survey-invitation', 'zh', { ...params, ticketNumber: '' }).text).toContain(
      '感谢您一直以来对我们售后服务的支持',
    );
    const en = renderMail('survey-invitation', 'en', { ...params, companyName: 'Shenjiang Service' });
    expect(en.subject).toBe('[Shenjiang Service] How did we do?');
    expect(en.text).toContain(params.link);
    expect(en.text).toContain('valid until 2026-07-15 09:00');
    expect(en.text.replace('王芳', '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
