import type { Zone } from '../../customers/domain/customer-fields';
import {
  chaseIntervalDays,
  complaintDeadlines,
  computeDeadlines,
  followUpDueAt,
  returnsNoticeDueAt,
} from './deadlines';
import { DEFAULT_COMMITMENTS, type PolicyCommitments, type Priority } from './policy-commitments';

const START = new Date('2026-03-02T09:00:00+08:00');
const hoursAfterStart = (hours: number) => new Date(START.getTime() + hours * 3_600_000).toISOString();
const daysAfterStart = (days: number) => hoursAfterStart(days * 24);

describe('computeDeadlines over the SPEC §2 defaults', () => {
  // priority, zone, response h, on-site h, resolve h
  const table: [Priority, Zone, number, number, number][] = [
    ['urgent', 'urban', 1, 4, 24],
    ['urgent', 'suburban', 1, 8, 24],
    ['urgent', 'rural', 1, 12, 24],
    ['high', 'urban', 2, 12, 48],
    ['high', 'suburban', 2, 24, 48],
    ['high', 'rural', 2, 48, 48],
    ['normal', 'urban', 4, 24, 72],
    ['normal', 'suburban', 4, 48, 72],
    ['normal', 'rural', 4, 72, 72],
    ['low', 'urban', 8, 48, 120],
    ['low', 'suburban', 8, 72, 120],
    ['low', 'rural', 8, 96, 120],
  ];

  it.each(table)('%s in a %s zone: response %ih, on site %ih, resolved %ih', (priority, zone, r, o, s) => {
    const deadlines = computeDeadlines(DEFAULT_COMMITMENTS, START, priority, zone);
    expect({
      responseDueAt: deadlines.responseDueAt.toISOString(),
      onSiteDueAt: deadlines.onSiteDueAt.toISOString(),
      resolveDueAt: deadlines.resolveDueAt.toISOString(),
    }).toEqual({
      responseDueAt: hoursAfterStart(r),
      onSiteDueAt: hoursAfterStart(o),
      resolveDueAt: hoursAfterStart(s),
    });
  });

  it('counts calendar hours: a report late on Friday is due over the weekend', () => {
    const friday = new Date('2026-03-06T22:00:00+08:00');
    const { onSiteDueAt } = computeDeadlines(DEFAULT_COMMITMENTS, friday, 'normal', 'urban');
    expect(onSiteDueAt.toISOString()).toBe(new Date('2026-03-07T22:00:00+08:00').toISOString());
  });

  it('takes fractional hours to the millisecond', () => {
    const halfHour: PolicyCommitments = {
      ...DEFAULT_COMMITMENTS,
      responseHours: { ...DEFAULT_COMMITMENTS.responseHours, urgent: 0.5 },
    };
    const { responseDueAt } = computeDeadlines(halfHour, START, 'urgent', 'urban');
    expect(responseDueAt.toISOString()).toBe(hoursAfterStart(0.5));
  });
});

describe('the other deadlines over the SPEC §2 defaults', () => {
  it('complaints: acknowledged within 24 hours, resolved within 7 days', () => {
    const deadlines = complaintDeadlines(DEFAULT_COMMITMENTS, START);
    expect(deadlines.acknowledgeDueAt.toISOString()).toBe(hoursAfterStart(24));
    expect(deadlines.resolveDueAt.toISOString()).toBe(daysAfterStart(7));
  });

  it('the follow-up visit is due 3 days after the ticket is resolved', () => {
    expect(followUpDueAt(DEFAULT_COMMITMENTS, START).toISOString()).toBe(daysAfterStart(3));
  });

  it('the customer is told once goods have been away 14 days', () => {
    expect(returnsNoticeDueAt(DEFAULT_COMMITMENTS, START).toISOString()).toBe(daysAfterStart(14));
  });

  it.each([
    ['exchange', false, 2],
    ['repair', false, 7],
    ['refund', false, 7],
    ['exchange', true, 1],
    ['repair', true, 1],
    ['refund', true, 1],
  ] as const)('chases the vendor of a %s (urgent: %s) every %i days', (kind, urgent, days) => {
    expect(chaseIntervalDays(DEFAULT_COMMITMENTS, kind, urgent)).toBe(days);
  });

  it('reads every figure from the commitments it is given', () => {
    const custom: PolicyCommitments = {
      ...DEFAULT_COMMITMENTS,
      followUpDays: 5,
      complaintAcknowledgeHours: 12,
      complaintResolveDays: 10,
      returnsNoticeDays: 21,
      chaseDays: { exchange: 3, repair: 5, urgent: 2 },
    };
    expect(followUpDueAt(custom, START).toISOString()).toBe(daysAfterStart(5));
    expect(complaintDeadlines(custom, START).acknowledgeDueAt.toISOString()).toBe(hoursAfterStart(12));
    expect(complaintDeadlines(custom, START).resolveDueAt.toISOString()).toBe(daysAfterStart(10));
    expect(returnsNoticeDueAt(custom, START).toISOString()).toBe(daysAfterStart(21));
    expect(chaseIntervalDays(custom, 'refund', false)).toBe(5);
    expect(chaseIntervalDays(custom, 'exchange', true)).toBe(2);
  });
});
