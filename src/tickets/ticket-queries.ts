import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OPEN_TICKET_STATUSES } from './domain/ticket-fields';

/**
 * The deadline rules of domain/ticket-clock.ts in SQL, for lists and the dispatch board: one place,
 * so that "overdue" means the same on every screen. `t` is the tickets alias.
 */

/** The earliest deadline still to meet; the resolve clock does not run while on hold. */
export function nextDueSql(t: string): string {
  return `LEAST(
    CASE WHEN ${t}.accepted_at IS NULL THEN ${t}.response_due_at END,
    CASE WHEN ${t}.checked_in_at IS NULL THEN ${t}.on_site_due_at END,
    CASE WHEN ${t}.held_since IS NULL AND ${t}.resolved_at IS NULL THEN ${t}.resolve_due_at END)`;
}

/** An open ticket with a deadline passed and not met. */
export function whereOverdue<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  t: string,
  now: Date,
): SelectQueryBuilder<T> {
  return query
    .andWhere(`${t}.status IN (:...overdueOpen)`, { overdueOpen: OPEN_TICKET_STATUSES })
    .andWhere(`${nextDueSql(t)} <= :overdueNow`, { overdueNow: now });
}

/** An open ticket whose next deadline falls between now and `until`. */
export function whereDueBetween<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  t: string,
  now: Date,
  until: Date,
): SelectQueryBuilder<T> {
  return query
    .andWhere(`${t}.status IN (:...dueOpen)`, { dueOpen: OPEN_TICKET_STATUSES })
    .andWhere(`${nextDueSql(t)} > :dueFrom AND ${nextDueSql(t)} <= :dueUntil`, {
      dueFrom: now,
      dueUntil: until,
    });
}
