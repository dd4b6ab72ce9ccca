/**
 * Date-only values (`YYYY-MM-DD`, as PostgreSQL `date` columns arrive) and the arithmetic validity
 * rules need. Strings in this form compare correctly with `<` and `>`.
 */
export type CalendarDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date it is at `now` in the given time zone: "today" for date-only rules. */
export function dateInZone(now: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Adds calendar months; a day the target month lacks becomes its last day (01-31 + 1 month → 02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const start = toUtc(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return fromUtc(target);
}
