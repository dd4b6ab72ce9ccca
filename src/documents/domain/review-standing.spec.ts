import { type ReviewFacts, reviewStanding } from './review-standing';

const current = (nextReviewOn: string | null): ReviewFacts => ({ status: 'current', nextReviewOn });

describe('reviewStanding', () => {
  it.each([
    ['2026-08-01', 'ok', false, 61],
    ['2026-07-02', 'ok', false, 31],
    ['2026-07-01', 'due', false, 30],
    ['2026-06-01', 'due', false, 0],
    ['2026-05-31', 'overdue', true, -1],
    ['2025-06-01', 'overdue', true, -365],
  ] as const)('review on %s, today 2026-06-01: %s', (nextReviewOn, reviewStatus, reviewOverdue, days) => {
    expect(reviewStanding(current(nextReviewOn), '2026-06-01')).toEqual({
      reviewStatus,
      reviewOverdue,
      daysUntilReview: days,
    });
  });

  it('has nothing to review without a date, or for a document not in force', () => {
    const none = { reviewStatus: 'none', reviewOverdue: false, daysUntilReview: null };
    expect(reviewStanding(current(null), '2026-06-01')).toEqual(none);
    expect(reviewStanding({ status: 'draft', nextReviewOn: null }, '2026-06-01')).toEqual(none);
    expect(reviewStanding({ status: 'withdrawn', nextReviewOn: '2020-01-01' }, '2026-06-01')).toEqual(none);
  });

  it('takes the warning window as a parameter', () => {
    expect(reviewStanding(current('2026-06-08'), '2026-06-01', 7).reviewStatus).toBe('due');
    expect(reviewStanding(current('2026-06-09'), '2026-06-01', 7).reviewStatus).toBe('ok');
  });
});
