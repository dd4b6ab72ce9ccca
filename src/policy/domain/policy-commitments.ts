import type { Labels } from '../../common/labels';
import type { Zone } from '../../customers/domain/customer-fields';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Labels<Priority> = {
  low: { zh: '低', en: 'Low' },
  normal: { zh: '普通', en: 'Normal' },
  high: { zh: '高', en: 'High' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export type PerPriority<T> = Record<Priority, T>;

/** What the company promises its customers (服务承诺); every figure is configurable per version. */
export interface PolicyCommitments {
  /** First contact with the customer, hours after the report. */
  responseHours: PerPriority<number>;
  /** On site, hours after the report, by priority and zone. */
  onSiteHours: PerPriority<Record<Zone, number>>;
  /** Resolved, hours after the report (not counting time on hold). */
  resolveHours: PerPriority<number>;
  /** Follow-up visit (回访) due this many days after a ticket is resolved. */
  followUpDays: number;
  complaintAcknowledgeHours: number;
  complaintResolveDays: number;
  /** Tell the customer when returned goods have been away longer than this. */
  returnsNoticeDays: number;
  /** Chase the vendor every N days while goods are there. */
  chaseDays: { exchange: number; repair: number; urgent: number };
}

/** The defaults of SPEC §2, the first version of every new installation. */
export const DEFAULT_COMMITMENTS: PolicyCommitments = {
  responseHours: { urgent: 1, high: 2, normal: 4, low: 8 },
  onSiteHours: {
    urgent: { urban: 4, suburban: 8, rural: 12 },
    high: { urban: 12, suburban: 24, rural: 48 },
    normal: { urban: 24, suburban: 48, rural: 72 },
    low: { urban: 48, suburban: 72, rural: 96 },
  },
  resolveHours: { urgent: 24, high: 48, normal: 72, low: 120 },
  followUpDays: 3,
  complaintAcknowledgeHours: 24,
  complaintResolveDays: 7,
  returnsNoticeDays: 14,
  chaseDays: { exchange: 2, repair: 7, urgent: 1 },
};
