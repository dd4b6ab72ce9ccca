import { addDays, addMonths, dateInZone } from './calendar-date';

describe('calendar dates', () => {
  it('takes today from the company time zone, not UTC', () => {
    // 2026-03-31 17:30 UTC is already 1 April in Shanghai (UTC+8).
    const moment = new Date('2026-03-31T17:30:00Z');
    expect(dateInZone(moment, 'Asia/Shanghai')).toBe('2026-04-01');
    expect(dateInZone(moment, 'UTC')).toBe('2026-03-31');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-01', 30)).toBe('2026-07-01');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
