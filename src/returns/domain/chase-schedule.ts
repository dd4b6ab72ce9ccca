/** Chase reminders and the customer notice of goods at a vendor, as instants: pure rules, no clock. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days count as 24-hour periods from the moment the clock starts, as the policy's other deadlines do. */
export function daysAfter(start: Date, days: number): Date {
  return new Date(start.getTime() + Math.round(days * DAY_MS));
}

/**
 * When the vendor is next to be chased after the clock (re)started at `from`: the shipment, or the
 * latest chase recorded.
 */
export function chaseDueAfter(from: Date, intervalDays: number): Date {
  return daysAfter(from, intervalDays);
}

/**
 * The due time after a reminder for `dueAt` went out at `now` with no chase recorded: the next step of
 * the same cadence that lies ahead of now. A worker that was down for several steps sends one reminder,
 * not one for every step it missed.
 */
export function nextChaseDueAfterReminder(dueAt: Date, intervalDays: number, now: Date): Date {
  const step = Math.max(1, Math.round(intervalDays * DAY_MS));
  const missed = Math.floor(Math.max(0, now.getTime() - dueAt.getTime()) / step);
  return new Date(dueAt.getTime() + (missed + 1) * step);
}

/** Whole days, rounded down, by which a due time lies behind `now` (0 when not yet passed). */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));
}
