import { addDays, addMonths, calendarDate, daysBetween, formatDateTime } from './calendar';

describe('calendar dates', () => {
  it('takes the date in the company time zone, not UTC', () => {
    const lateUtcEvening = new Date('2026-03-31T17:30:00Z');
    expect(calendarDate(lateUtcEvening, 'Asia/Shanghai')).toBe('2026-04-01');
    expect(calendarDate(lateUtcEvening, 'UTC')).toBe('2026-03-31');
  });

  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('adds days: %s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts days between dates in either direction', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('formatDateTime', () => {
  it('shows an instant as read in the company time zone', () => {
    expect(formatDateTime(new Date('2026-06-15T06:00:00Z'), 'Asia/Shanghai')).toBe('2026-06-15 14:00');
    expect(formatDateTime(new Date('2026-06-15T06:00:00Z'), 'UTC')).toBe('2026-06-15 06:00');
  });

  it('shows the hour after midnight as 00, on the new day', () => {
    expect(formatDateTime(new Date('2026-12-31T16:05:00Z'), 'Asia/Shanghai')).toBe('2027-01-01 00:05');
    expect(formatDateTime(new Date('2026-06-15T00:00:00Z'), 'UTC')).toBe('2026-06-15 00:00');
  });

  it('pads single-digit months, days, hours and minutes', () => {
    expect(formatDateTime(new Date('2026-01-02T01:03:00Z'), 'Asia/Shanghai')).toBe('2026-01-02 09:03');
  });
});
