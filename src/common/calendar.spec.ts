import { addDays, addMonths, calendarDate, daysBetween } from './calendar';

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
