import type { DeadlineKind, TicketStatus } from './ticket-fields';

/** What the deadline rules read of a ticket. */
export interface ClockedTicket {
  status: TicketStatus;
  responseDueAt: Date;
  onSiteDueAt: Date;
  /** Already moved by every finished hold. */
  resolveDueAt: Date;
  /** The response is the accepted job: contact made, appointment agreed. */
  acceptedAt: Date | null;
  checkedInAt: Date | null;
  resolvedAt: Date | null;
  /** Set while the ticket is on hold. */
  heldSince: Date | null;
}

/**
 * The resolve deadline after a hold that started at `heldSince` ends at `resumedAt`: later by the pause.
 * A hold begun after the deadline had passed moves nothing: the miss stands.
 */
export function resolveDueAfterHold(resolveDueAt: Date, heldSince: Date, resumedAt: Date): Date {
  if (heldSince.getTime() >= resolveDueAt.getTime()) return resolveDueAt;
  return new Date(resolveDueAt.getTime() + Math.max(0, resumedAt.getTime() - heldSince.getTime()));
}

/** A reopened ticket's resolve deadline: the policy's resolve window again, from the reopening. */
export function reopenedResolveDue(
  ticket: { reportedAt: Date; plannedResolveDueAt: Date },
  reopenedAt: Date,
): Date {
  return new Date(
    reopenedAt.getTime() + (ticket.plannedResolveDueAt.getTime() - ticket.reportedAt.getTime()),
  );
}

/** How long a ticket's resolve clock has stood still: the finished holds, and the one under way. */
export interface PauseTotals {
  finishedMs: number;
  heldSince: Date | null;
}

/**
 * Raw time (report to resolution, or to now) and net time (less the time on hold), in milliseconds:
 * the two figures reports show side by side.
 */
export function elapsed(
  reportedAt: Date,
  resolvedAt: Date | null,
  pause: PauseTotals,
  now: Date,
): { rawMs: number; pausedMs: number; netMs: number } {
  const end = resolvedAt ?? now;
  const raw = Math.max(0, end.getTime() - reportedAt.getTime());
  const current = pause.heldSince ? Math.max(0, end.getTime() - pause.heldSince.getTime()) : 0;
  const paused = Math.min(raw, pause.finishedMs + current);
  return { rawMs: raw, pausedMs: paused, netMs: raw - paused };
}

export function dueAt(ticket: ClockedTicket, kind: DeadlineKind): Date {
  switch (kind) {
    case 'response':
      return ticket.responseDueAt;
    case 'on_site':
      return ticket.onSiteDueAt;
    case 'resolve':
      return ticket.resolveDueAt;
  }
}

function metAt(ticket: ClockedTicket, kind: DeadlineKind): Date | null {
  switch (kind) {
    case 'response':
      return ticket.acceptedAt;
    case 'on_site':
      return ticket.checkedInAt;
    case 'resolve':
      return ticket.resolvedAt;
  }
}

/**
 * Whether a deadline is missed at `now`: its time has passed and what it asks for had not happened by
 * then. A cancelled ticket misses nothing; the resolve clock does not run while the ticket is on hold
 * (resuming moves the deadline) unless the hold began after the deadline had passed. A step done late is a miss as much as a step not done.
 */
export function isMissed(ticket: ClockedTicket, kind: DeadlineKind, now: Date): boolean {
  if (ticket.status === 'cancelled') return false;
  const due = dueAt(ticket, kind);
  if (now.getTime() < due.getTime()) return false;
  // A hold that began before the deadline stops its clock; one begun after it cannot undo the miss.
  if (kind === 'resolve' && ticket.heldSince !== null && ticket.heldSince.getTime() < due.getTime()) {
    return false;
  }
  const met = metAt(ticket, kind);
  return met === null || met.getTime() > due.getTime();
}

/** The deadlines still to watch: not yet met, on a ticket that is not cancelled. */
export function openDeadlines(ticket: ClockedTicket): DeadlineKind[] {
  if (ticket.status === 'cancelled') return [];
  return (['response', 'on_site', 'resolve'] as const).filter((kind) => metAt(ticket, kind) === null);
}

/**
 * When a check that ran at `now` must run again: a deadline still open and not yet due (a timer that
 * fired early, e.g. on a worker whose clock runs ahead) is checked again at its due time. Null when
 * the check was conclusive, or while the resolve clock stands still (the resume schedules its own).
 */
export function checkAgainAt(ticket: ClockedTicket, kind: DeadlineKind, now: Date): Date | null {
  if (!openDeadlines(ticket).includes(kind)) return null;
  if (kind === 'resolve' && ticket.heldSince !== null) return null;
  const due = dueAt(ticket, kind);
  return now.getTime() < due.getTime() ? due : null;
}
