import type { Zone } from '../../customers/domain/customer-fields';
import type { PolicyCommitments, Priority } from './policy-commitments';

const HOUR_MS = 60 * 60 * 1000;
/** Days count as 24-hour periods from the moment the clock starts. */
const DAY_MS = 24 * HOUR_MS;

/** The kinds of returned goods whose vendor is chased; a refund waits on the vendor like a repair. */
export type ChaseKind = 'exchange' | 'repair' | 'refund';

export interface TicketDeadlines {
  responseDueAt: Date;
  onSiteDueAt: Date;
  resolveDueAt: Date;
}

export interface ComplaintDeadlines {
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
}

/** Rounded to the millisecond so that fractional hours (0.5 h) give exact, storable instants. */
function after(start: Date, amount: number, unitMs: number): Date {
  return new Date(start.getTime() + Math.round(amount * unitMs));
}

/** A repair ticket's deadlines, in calendar hours after the report. */
export function computeDeadlines(
  commitments: PolicyCommitments,
  reportedAt: Date,
  priority: Priority,
  zone: Zone,
): TicketDeadlines {
  return {
    responseDueAt: after(reportedAt, commitments.responseHours[priority], HOUR_MS),
    onSiteDueAt: after(reportedAt, commitments.onSiteHours[priority][zone], HOUR_MS),
    resolveDueAt: after(reportedAt, commitments.resolveHours[priority], HOUR_MS),
  };
}

export function complaintDeadlines(commitments: PolicyCommitments, receivedAt: Date): ComplaintDeadlines {
  return {
    acknowledgeDueAt: after(receivedAt, commitments.complaintAcknowledgeHours, HOUR_MS),
    resolveDueAt: after(receivedAt, commitments.complaintResolveDays, DAY_MS),
  };
}

/** When the follow-up visit (回访) of a resolved ticket is due. */
export function followUpDueAt(commitments: PolicyCommitments, resolvedAt: Date): Date {
  return after(resolvedAt, commitments.followUpDays, DAY_MS);
}

/** How many days apart the vendor is chased while returned goods are with them. */
export function chaseIntervalDays(commitments: PolicyCommitments, kind: ChaseKind, urgent: boolean): number {
  if (urgent) return commitments.chaseDays.urgent;
  switch (kind) {
    case 'exchange':
      return commitments.chaseDays.exchange;
    case 'repair':
    case 'refund':
      return commitments.chaseDays.repair;
  }
}

/** Past this moment the customer must be told that their goods are still away. */
export function returnsNoticeDueAt(commitments: PolicyCommitments, shippedAt: Date): Date {
  return after(shippedAt, commitments.returnsNoticeDays, DAY_MS);
}
