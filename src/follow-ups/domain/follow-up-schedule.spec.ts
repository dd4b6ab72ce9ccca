import { daysOverdue, isOverdue, nextInspectionDueAt } from './follow-up-schedule';

const SHANGHAI = 'Asia/Shanghai';

describe('nextInspectionDueAt', () => {
  it('keeps the time of day in the company zone, N calendar months on', () => {
    // 09:30 on 15 March in Shanghai.
    const due = new Date('2026-03-15T01:30:00Z');
    expect(nextInspectionDueAt(due, 3, SHANGHAI).toISOString()).toBe('2026-06-15T01:30:00.000Z');
    expect(nextInspectionDueAt(due, 12, SHANGHAI).toISOString()).toBe('2027-03-15T01:30:00.000Z');
  });

  it('counts in the company calendar, not UTC: 07:00 on 1 April in Shanghai is still 31 March in UTC', () => {
    const due = new Date('2026-03-31T23:00:00Z');
    expect(nextInspectionDueAt(due, 1, SHANGHAI).toISOString()).toBe('2026-04-30T23:00:00.000Z');
  });

  it('moves a day the target month lacks to its last day', () => {
    const due = new Date('2026-01-31T02:00:00Z');
    expect(nextInspectionDueAt(due, 1, SHANGHAI).toISOString()).toBe('2026-02-28T02:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // 10:00 in New York: EST (UTC-5) in February, EDT (UTC-4) in April.
    const due = new Date('2026-02-10T15:00:00Z');
    expect(nextInspectionDueAt(due, 2, 'America/New_York').toISOString()).toBe('2026-04-10T14:00:00.000Z');
  });
});

describe('overdue', () => {
  const now = new Date('2026-06-20T02:00:00Z');

  it('is a pending visit past its due time', () => {
    expect(isOverdue('pending', new Date('2026-06-20T01:59:00Z'), now)).toBe(true);
    expect(isOverdue('pending', new Date('2026-06-20T02:01:00Z'), now)).toBe(false);
    expect(isOverdue('completed', new Date('2026-06-01T00:00:00Z'), now)).toBe(false);
    expect(isOverdue('unreachable', new Date('2026-06-01T00:00:00Z'), now)).toBe(false);
  });

  it('counts the days late in the company calendar', () => {
    // 00:30 on the 18th in Shanghai, still the 17th in UTC.
    expect(daysOverdue(new Date('2026-06-17T16:30:00Z'), now, SHANGHAI)).toBe(2);
    expect(daysOverdue(new Date('2026-06-19T23:00:00Z'), now, SHANGHAI)).toBe(0);
  });
});
