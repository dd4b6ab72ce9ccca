import { chineseNames, type Labels } from '../../common/labels';

/**
 * The vocabulary of follow-up visits (回访) and inspections (巡检), SPEC §3.3. Both are visits to a
 * customer kept in one register: a follow-up comes from a resolved ticket, an inspection is scheduled.
 */
export const FOLLOW_UP_KINDS = ['follow_up', 'inspection'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['pending', 'completed', 'unreachable', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** States in which the visit is still to be made: it can be overdue. */
export const OPEN_FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['pending'];

export const CONTACT_METHODS = ['phone', 'sms', 'email', 'visit'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** What a follow-up that found a problem leads to; `none` when the customer needs nothing more. */
export const PROBLEM_ACTIONS = ['reopen_ticket', 'open_complaint', 'none'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** After this many recorded failed attempts to reach the customer the visit is `unreachable`. */
export const UNREACHABLE_AFTER_ATTEMPTS = 3;

/** The longest interval of a recurring inspection: ten years. */
export const MAX_EVERY_MONTHS = 120;

export const TEXT_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

/** Human numbers of each kind, sequential per year: FU2026-000001, IN2026-000001. */
export const NUMBER_SERIES: Readonly<Record<FollowUpKind, string>> = {
  follow_up: 'FU',
  inspection: 'IN',
};

export const FOLLOW_UP_KIND_LABELS: Labels<FollowUpKind> = {
  follow_up: { zh: '回访', en: 'Follow-up' },
  inspection: { zh: '巡检', en: 'Inspection' },
};
export const KIND_NAMES = chineseNames(FOLLOW_UP_KIND_LABELS);

export const FOLLOW_UP_STATUS_LABELS: Labels<FollowUpStatus> = {
  pending: { zh: '待回访', en: 'Pending' },
  completed: { zh: '已完成', en: 'Completed' },
  unreachable: { zh: '无法联系', en: 'Unreachable' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export const FOLLOW_UP_STATUS_NAMES = chineseNames(FOLLOW_UP_STATUS_LABELS);

export const CONTACT_METHOD_LABELS: Labels<ContactMethod> = {
  phone: { zh: '电话', en: 'Phone' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'E-mail' },
  visit: { zh: '上门', en: 'Visit' },
};

export const PROBLEM_ACTION_LABELS: Labels<ProblemAction> = {
  reopen_ticket: { zh: '重新打开工单', en: 'Ticket reopened' },
  open_complaint: { zh: '转为投诉', en: 'Complaint opened' },
  none: { zh: '无需进一步处理', en: 'No further action' },
};

export const SATISFIED_LABELS: Labels<'true' | 'false'> = {
  true: { zh: '满意', en: 'Satisfied' },
  false: { zh: '不满意', en: 'Not satisfied' },
};
