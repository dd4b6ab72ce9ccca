/**
 * The fixed windows the repair KPIs count with. Both are whole days of 24 hours from an instant, so
 * that the same rule reads the same in SQL (`interval 'N hours'`) and here.
 */

const HOUR_MS = 3_600_000;

/** 三包: a repair must be finished within 30 days (GBT27922.md §4); time on hold does not stop it. */
export const SANBAO_REPAIR_DAYS = 30;

/** A unit back for repair within this many days of its last repair counts as a repeat repair. */
export const REPEAT_REPAIR_DAYS = 30;

/** The window in hours, as SQL intervals are written from it. */
export function windowHours(days: number): number {
  return days * 24;
}

/** When an in-warranty repair reported at `reportedAt` must be finished by. */
export function sanbaoRepairDueAt(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + windowHours(SANBAO_REPAIR_DAYS) * HOUR_MS);
}

/**
 * Whether a 三包 repair is decided at `now`, and how: met when resolved by its due time, missed when
 * resolved later or still unresolved once the due time has passed, null while it is still running.
 */
export function sanbaoRepairMet(reportedAt: Date, resolvedAt: Date | null, now: Date): boolean | null {
  const due = sanbaoRepairDueAt(reportedAt).getTime();
  if (resolvedAt !== null) return resolvedAt.getTime() <= due;
  return now.getTime() > due ? false : null;
}

/** Whether a report at `reportedAt` repeats a repair of the same unit resolved at `previousResolvedAt`. */
export function isRepeatRepair(previousResolvedAt: Date, reportedAt: Date): boolean {
  const gap = reportedAt.getTime() - previousResolvedAt.getTime();
  return gap > 0 && gap <= windowHours(REPEAT_REPAIR_DAYS) * HOUR_MS;
}
