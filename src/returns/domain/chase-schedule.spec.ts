import { DEFAULT_COMMITMENTS } from '../../policy/domain/policy-commitments';
import { chaseIntervalDays } from '../../policy/domain/deadlines';
import { chaseDueAfter, daysOverdue, nextChaseDueAfterReminder } from './chase-schedule';

const SHIPPED = new Date('2026-06-01T10:00:00+08:00');
const day = (n: number, time = '10:00:00') => new Date(`2026-06-${String(n).padStart(2, '0')}T${time}+08:00`);

describe('chase cadence', () => {
  it('falls due on the policy days after the shipment: exchange 2, repair 7, urgent 1', () => {
    const due = (kind: 'exchange' | 'repair' | 'refund', urgent: boolean) =>
      chaseDueAfter(SHIPPED, chaseIntervalDays(DEFAULT_COMMITMENTS, kind, urgent));
    expect(due('exchange', false)).toEqual(day(3));
    expect(due('repair', false)).toEqual(day(8));
    expect(due('refund', false)).toEqual(day(8));
    expect(due('repair', true)).toEqual(day(2));
    expect(due('exchange', true)).toEqual(day(2));
  });

  it('starts again from a recorded chase', () => {
    expect(chaseDueAfter(day(5, '15:30:00'), 7)).toEqual(day(12, '15:30:00'));
  });

  it('after a reminder, is due one step later when the reminder went out on time', () => {
    expect(nextChaseDueAfterReminder(day(3), 2, day(3, '10:00:05'))).toEqual(day(5));
    expect(nextChaseDueAfterReminder(day(3), 2, day(3))).toEqual(day(5));
  });

  it('after a late reminder, is due at the next step of the cadence still ahead, not at each missed one', () => {
    // Due on the 3rd every 2 days; the worker only ran on the 8th at noon: steps of the 5th and 7th
    // have passed, so the next is the 9th.
    expect(nextChaseDueAfterReminder(day(3), 2, day(8, '12:00:00'))).toEqual(day(9));
    expect(nextChaseDueAfterReminder(day(3), 2, day(9))).toEqual(day(11));
  });

  it('counts whole days overdue', () => {
    expect(daysOverdue(day(3), day(2))).toBe(0);
    expect(daysOverdue(day(3), day(3, '23:00:00'))).toBe(0);
    expect(daysOverdue(day(3), day(5, '10:00:01'))).toBe(2);
  });
});
