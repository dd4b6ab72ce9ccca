import { daysBetween, type CalendarDate } from '../../common/calendar';
import { EXPIRY_WARNING_DAYS, expiryThreshold } from '../../common/expiry/domain/expiry-threshold';
import type { Labels } from '../../common/labels';
import type { DocumentStatus } from './document-fields';

/**
 * `overdue`: the review date has passed; `due`: it falls within the warning window (the same 30 days
 * in which the managers are mailed); `ok`: later; `none`: nothing to review (no date set, or the
 * document is not in force).
 */
export const REVIEW_STATUSES = ['ok', 'due', 'overdue', 'none'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Labels<ReviewStatus> = {
  ok: { zh: '正常', en: 'OK' },
  due: { zh: '即将复审', en: 'Review due soon' },
  overdue: { zh: '复审逾期', en: 'Review overdue' },
  none: { zh: '无复审安排', en: 'No review scheduled' },
};

export interface ReviewFacts {
  status: DocumentStatus;
  nextReviewOn: CalendarDate | null;
}

export interface ReviewStanding {
  reviewStatus: ReviewStatus;
  reviewOverdue: boolean;
  /** Days from today to the review date, negative once it has passed; null when there is none. */
  daysUntilReview: number | null;
}

/**
 * Where a document stands with its periodic review (复审) on a day. The review date is the last day
 * on which the review is in time, as a validity's last day is: the stages match the expiry mails.
 */
export function reviewStanding(
  document: ReviewFacts,
  today: CalendarDate,
  warningDays = EXPIRY_WARNING_DAYS,
): ReviewStanding {
  if (document.status !== 'current' || document.nextReviewOn === null) {
    return { reviewStatus: 'none', reviewOverdue: false, daysUntilReview: null };
  }
  const threshold = expiryThreshold(document.nextReviewOn, today, warningDays);
  const reviewStatus = threshold === 'expired' ? 'overdue' : threshold === 'expiring' ? 'due' : 'ok';
  return {
    reviewStatus,
    reviewOverdue: reviewStatus === 'overdue',
    daysUntilReview: daysBetween(today, document.nextReviewOn),
  };
}
