import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, queryEvidenceSource } from '../../evidence/evidence-query';
import type { Labels } from '../labels';
import { MAIL_TEMPLATE_LABELS } from './mail-templates';
import { MessageEntity, type MessageStatus } from './message.entity';

// The message vocabularies live with the entity; only this register shows them to people.
const MESSAGE_STATUS_LABELS: Labels<MessageStatus> = {
  queued: { zh: '待发送', en: 'Queued' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
  to_call: { zh: '待电话告知', en: 'To call' },
  called: { zh: '已电话告知', en: 'Called' },
};
const MESSAGE_CHANNEL_LABELS: Labels<'email' | 'phone'> = {
  email: { zh: '邮件', en: 'Email' },
  phone: { zh: '电话', en: 'Phone' },
};
/** The kinds of record a message is about (`related.type` of its senders); others show as they are. */
const RELATED_LABELS: Labels<
  | 'ticket'
  | 'return'
  | 'complaint'
  | 'follow_up_digest'
  | 'survey_invitation'
  | 'user'
  | 'outlet'
  | 'outlet_staff'
  | 'qualification'
  | 'tool'
> = {
  ticket: { zh: '工单', en: 'Ticket' },
  return: { zh: '返修单', en: 'Returned goods' },
  complaint: { zh: '投诉', en: 'Complaint' },
  follow_up_digest: { zh: '逾期回访汇总', en: 'Overdue follow-ups digest' },
  survey_invitation: { zh: '满意度调查邀请', en: 'Survey invitation' },
  user: { zh: '用户', en: 'User' },
  outlet: { zh: '网点', en: 'Outlet' },
  outlet_staff: { zh: '网点人员', en: 'Outlet staff' },
  qualification: { zh: '资质证书', en: 'Certificate' },
  tool: { zh: '设备工具', en: 'Tool' },
};

/**
 * The messages register as evidence (客户通知记录): every message created in the period, sent or not.
 * Recipients are shown: who was told is what the record proves. Bodies stay out (they repeat the
 * records they are about, which have registers of their own).
 */
export function notificationEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'notifications',
      columns: [
        { key: 'createdAt', zh: '生成时间', en: 'Created at', kind: 'datetime', width: 17 },
        { key: 'recipient', zh: '收件人', en: 'Recipient', kind: 'text', width: 26 },
        { key: 'channel', zh: '方式', en: 'Channel', kind: 'text', width: 6, values: MESSAGE_CHANNEL_LABELS },
        {
          key: 'template',
          zh: '消息类型',
          en: 'Template',
          kind: 'text',
          width: 18,
          values: MAIL_TEMPLATE_LABELS,
        },
        { key: 'subject', zh: '主题', en: 'Subject', kind: 'text', width: 34 },
        {
          key: 'relatedType',
          zh: '相关记录',
          en: 'Related record',
          kind: 'text',
          width: 12,
          values: RELATED_LABELS,
        },
        { key: 'status', zh: '状态', en: 'Status', kind: 'text', width: 8, values: MESSAGE_STATUS_LABELS },
        { key: 'sentAt', zh: '发送时间', en: 'Sent at', kind: 'datetime', width: 17 },
        { key: 'error', zh: '失败原因', en: 'Error', kind: 'text', width: 24 },
      ],
      records: () =>
        dataSource
          .getRepository(MessageEntity)
          .createQueryBuilder('m')
          .where(`m.createdAt >= ${PERIOD_START} AND m.createdAt < ${PERIOD_END}`),
      select: {
        id: 'm.id',
        createdAt: 'm.createdAt',
        recipient: 'm.recipient',
        channel: 'm.channel',
        template: 'm.template',
        subject: 'm.subject',
        relatedType: 'm.relatedType',
        status: 'm.status',
        sentAt: 'm.sentAt',
        error: 'm.error',
      },
      orderBy: ['m.createdAt', 'm.id'],
    }),
  ];
}
