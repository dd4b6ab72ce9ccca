import { addMonths, calendarDate, daysBetween, formatDateTime } from '../../common/calendar';
import { OPEN_FOLLOW_UP_STATUSES, type FollowUpStatus } from './follow-up-fields';

const MINUTE_MS = 60_000;

/** How far the zone's wall clock is ahead of UTC at that instant (zones move by whole minutes). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const wall = Date.parse(`${formatDateTime(instant, timeZone).replace(' ', 'T')}:00Z`);
  return wall - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
}

/**
 * The next visit of a recurring inspection: the same time of day, `everyMonths` calendar months later
 * in the company's time zone (31 January + 1 month is the last day of February). Counted from when
 * the visit was due, not when it was made, so that a late visit does not move the whole schedule.
 */
export function nextInspectionDueAt(dueAt: Date, everyMonths: number, timeZone: string): Date {
  const wall = new Date(dueAt.getTime() + zoneOffsetMs(dueAt, timeZone)).toISOString();
  const movedWall = new Date(`${addMonths(wall.slice(0, 10), everyMonths)}${wall.slice(10)}`);
  // Two rounds, so that a daylight-saving change between the two dates takes the later offset.
  const first = movedWall.getTime() - zoneOffsetMs(movedWall, timeZone);
  return new Date(movedWall.getTime() - zoneOffsetMs(new Date(first), timeZone));
}

/** A visit still to be made whose due time has passed. */
export function isOverdue(status: FollowUpStatus, dueAt: Date, now: Date): boolean {
  return OPEN_FOLLOW_UP_STATUSES.includes(status) && dueAt.getTime() < now.getTime();
}

/** Whole calendar days from the due day to today, in the company's time zone (0: due earlier today). */
export function daysOverdue(dueAt: Date, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(calendarDate(dueAt, timeZone), calendarDate(now, timeZone)));
}
