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

export const STATUS_NAMES: Readonly<Record<TicketStatus, string>> = {
  reported: '已报修',
  dispatched: '已派单',
  accepted: '已接单',
  on_site: '已到场',
  diagnosed: '已诊断',
  taken_back: '已带回',
  on_hold: '挂起',
  resolved: '已完成',
  closed: '已关闭',
  cancelled: '已取消',
  reopened: '已重开',
};

export const DEADLINE_NAMES: Readonly<Record<DeadlineKind, string>> = {
  response: '响应时限',
  on_site: '到场时限',
  resolve: '修复时限',
};

export const HOLD_REASON_NAMES: Readonly<Record<HoldReason, string>> = {
  awaiting_parts: '等待配件',
  awaiting_customer: '等待客户',
  awaiting_vendor: '等待厂家',
};

/** Longest free text of a reason, outcome or note. */
export const TEXT_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

export const PRIORITY_NAMES: Readonly<Record<'low' | 'normal' | 'high' | 'urgent', string>> = {
  low: '低',
  normal: '普通',
  high: '高',
  urgent: '紧急',
};
