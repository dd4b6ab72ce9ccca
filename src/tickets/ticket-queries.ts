import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type DeadlineKind, OPEN_TICKET_STATUSES } from './domain/ticket-fields';

/**
 * The deadline rules of domain/ticket-clock.ts in SQL, for lists and the dispatch board: one place,
 * so that "overdue" means the same on every screen. `t` is the tickets alias.
 */

/** Each deadline with the condition under which it is still to meet; the resolve clock stops on hold. */
function pendingDeadlines(t: string): { kind: DeadlineKind; pending: string; due: string }[] {
  return [
    { kind: 'response', pending: `${t}.accepted_at IS NULL`, due: `${t}.response_due_at` },
    { kind: 'on_site', pending: `${t}.checked_in_at IS NULL`, due: `${t}.on_site_due_at` },
    {
      kind: 'resolve',
      pending: `${t}.held_since IS NULL AND ${t}.resolved_at IS NULL`,
      due: `${t}.resolve_due_at`,
    },
  ];
}

/** The earliest deadline still to meet. */
export function nextDueSql(t: string): string {
  const cases = pendingDeadlines(t).map(({ pending, due }) => `CASE WHEN ${pending} THEN ${due} END`);
  return `LEAST(${cases.join(', ')})`;
}

/** Which deadline nextDueSql picked; on equal times the earlier step of the job. */
export function nextDeadlineSql(t: string): string {
  const next = nextDueSql(t);
  const cases = pendingDeadlines(t).map(
    ({ kind, pending, due }) => `WHEN ${pending} AND ${due} = ${next} THEN '${kind}'`,
  );
  return `CASE ${cases.join(' ')} END`;
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
