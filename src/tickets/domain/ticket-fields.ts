import { chineseNames, type Labels } from '../../common/labels';
import { PRIORITY_LABELS } from '../../policy/domain/policy-commitments';

/** The vocabulary of repair tickets (SPEC §3.1). */
export const TICKET_STATUSES = [
  'reported',
  'dispatched',
  'accepted',
  'on_site',
  'diagnosed',
  'taken_back',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States in which the job is done (or will not be): nothing is due any more. */
export const FINISHED_TICKET_STATUSES: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/** States in which the job is still to be done: they count towards a technician's load and can breach. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => !FINISHED_TICKET_STATUSES.includes(status),
);

export const CHANNELS = ['phone', 'qr', 'web', 'walk_in', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CAUSES = ['product_fault', 'human_damage', 'wear', 'unknown'] as const;
export type Cause = (typeof CAUSES)[number];

export const HOLD_REASONS = ['awaiting_parts', 'awaiting_customer', 'awaiting_vendor'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** A ticket's warranty standing: unknown when the unit is not in the asset register. */
export const TICKET_WARRANTY_STATUSES = ['in_warranty', 'out_of_warranty', 'unknown'] as const;
export type TicketWarrantyStatus = (typeof TICKET_WARRANTY_STATUSES)[number];

export const DEADLINE_KINDS = ['response', 'on_site', 'resolve'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const TICKET_STATUS_LABELS: Labels<TicketStatus> = {
  reported: { zh: '已报修', en: 'Reported' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  accepted: { zh: '已接单', en: 'Accepted' },
  on_site: { zh: '已到场', en: 'On site' },
  diagnosed: { zh: '已诊断', en: 'Diagnosed' },
  taken_back: { zh: '已带回', en: 'Taken back' },
  on_hold: { zh: '挂起', en: 'On hold' },
  resolved: { zh: '已完成', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  reopened: { zh: '已重开', en: 'Reopened' },
};
export const STATUS_NAMES = chineseNames(TICKET_STATUS_LABELS);

export const CHANNEL_LABELS: Labels<Channel> = {
  phone: { zh: '电话', en: 'Phone' },
  qr: { zh: '扫码', en: 'QR code' },
  web: { zh: '网站', en: 'Web' },
  walk_in: { zh: '到店', en: 'Walk-in' },
  email: { zh: '邮件', en: 'Email' },
};

export const CAUSE_LABELS: Labels<Cause> = {
  product_fault: { zh: '产品故障', en: 'Product fault' },
  human_damage: { zh: '人为损坏', en: 'Human damage' },
  wear: { zh: '正常损耗', en: 'Wear' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};

export const TICKET_WARRANTY_LABELS: Labels<TicketWarrantyStatus> = {
  in_warranty: { zh: '保修期内', en: 'In warranty' },
  out_of_warranty: { zh: '保修期外', en: 'Out of warranty' },
  unknown: { zh: '未登记（无法确认）', en: 'Unknown (unit not registered)' },
};

export const DEADLINE_LABELS: Labels<DeadlineKind> = {
  response: { zh: '响应时限', en: 'Response deadline' },
  on_site: { zh: '到场时限', en: 'On-site deadline' },
  resolve: { zh: '修复时限', en: 'Resolve deadline' },
};
export const DEADLINE_NAMES = chineseNames(DEADLINE_LABELS);

export const HOLD_REASON_LABELS: Labels<HoldReason> = {
  awaiting_parts: { zh: '等待配件', en: 'Awaiting parts' },
  awaiting_customer: { zh: '等待客户', en: 'Awaiting customer' },
  awaiting_vendor: { zh: '等待厂家', en: 'Awaiting vendor' },
};
export const HOLD_REASON_NAMES = chineseNames(HOLD_REASON_LABELS);

/** Longest free text of a reason, outcome or note. */
export const TEXT_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

/** Priorities are the service policy's vocabulary; tickets speak of them by these names. */
export const PRIORITY_NAMES = chineseNames(PRIORITY_LABELS);
