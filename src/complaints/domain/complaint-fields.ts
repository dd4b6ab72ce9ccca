import { chineseNames, type Labels } from '../../common/labels';

/** The vocabulary of complaints (SPEC §3.4). */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** States in which the complaint is still being handled: its resolution is still due. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'investigating',
];

/** How the complaint reached us; `follow_up` when it was raised during a follow-up call (回访). */
export const COMPLAINT_CHANNELS = ['phone', 'email', 'web', 'walk_in', 'follow_up', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CATEGORIES = [
  'attitude',
  'quality',
  'timeliness',
  'charges',
  'product',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['normal', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** The deadlines of a complaint, each escalated to the managers once when it is missed. */
export const COMPLAINT_STEPS = ['acknowledge', 'resolve'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** How an escalation came about: the deadline job, or a user who escalated by hand. */
export const ESCALATION_TRIGGERS = ['deadline', 'manual'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

export const ESCALATION_TRIGGER_LABELS: Labels<EscalationTrigger> = {
  deadline: { zh: '超时自动升级', en: 'Deadline missed' },
  manual: { zh: '人工升级', en: 'Escalated by hand' },
};

export const TEXT_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

export const COMPLAINT_STATUS_LABELS: Labels<ComplaintStatus> = {
  received: { zh: '已受理', en: 'Received' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  investigating: { zh: '调查中', en: 'Investigating' },
  resolved: { zh: '已处理', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};
export const COMPLAINT_STATUS_NAMES = chineseNames(COMPLAINT_STATUS_LABELS);

export const COMPLAINT_CHANNEL_LABELS: Labels<ComplaintChannel> = {
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮件', en: 'E-mail' },
  web: { zh: '网站', en: 'Web' },
  walk_in: { zh: '到店', en: 'Walk-in' },
  follow_up: { zh: '回访', en: 'Follow-up' },
  other: { zh: '其他', en: 'Other' },
};

export const COMPLAINT_CATEGORY_LABELS: Labels<ComplaintCategory> = {
  attitude: { zh: '服务态度', en: 'Attitude' },
  quality: { zh: '服务质量', en: 'Service quality' },
  timeliness: { zh: '及时性', en: 'Timeliness' },
  charges: { zh: '收费', en: 'Charges' },
  product: { zh: '产品', en: 'Product' },
  other: { zh: '其他', en: 'Other' },
};
export const COMPLAINT_CATEGORY_NAMES = chineseNames(COMPLAINT_CATEGORY_LABELS);

export const COMPLAINT_SEVERITY_LABELS: Labels<ComplaintSeverity> = {
  normal: { zh: '一般', en: 'Normal' },
  major: { zh: '重大', en: 'Major' },
};
export const COMPLAINT_SEVERITY_NAMES = chineseNames(COMPLAINT_SEVERITY_LABELS);

export const COMPLAINT_STEP_LABELS: Labels<ComplaintStep> = {
  acknowledge: { zh: '确认时限', en: 'Acknowledgment deadline' },
  resolve: { zh: '处理时限', en: 'Resolution deadline' },
};
export const COMPLAINT_STEP_NAMES = chineseNames(COMPLAINT_STEP_LABELS);
