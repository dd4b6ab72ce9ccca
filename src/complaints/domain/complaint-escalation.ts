import type { ComplaintStatus, ComplaintStep } from './complaint-fields';

/** What the deadline rules read of a complaint. */
export interface ClockedComplaint {
  status: ComplaintStatus;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export function stepDueAt(
  complaint: Pick<ClockedComplaint, 'acknowledgeDueAt' | 'resolveDueAt'>,
  step: ComplaintStep,
): Date {
  return step === 'acknowledge' ? complaint.acknowledgeDueAt : complaint.resolveDueAt;
}

/** When the step was done: the acknowledgment, or the resolution. */
export function stepDoneAt(complaint: ClockedComplaint, step: ComplaintStep): Date | null {
  return step === 'acknowledge' ? complaint.acknowledgedAt : complaint.resolvedAt;
}

/** A step is missed once its due time has passed without it being done by then (done late is missed). */
export function isStepMissed(complaint: ClockedComplaint, step: ComplaintStep, now: Date): boolean {
  const due = stepDueAt(complaint, step);
  if (now.getTime() < due.getTime()) return false;
  const done = stepDoneAt(complaint, step);
  return done === null || done.getTime() > due.getTime();
}

/** The step an open complaint is waiting on, which a manual escalation is about; null once resolved. */
export function pendingStep(status: ComplaintStatus): ComplaintStep | null {
  switch (status) {
    case 'received':
      return 'acknowledge';
    case 'acknowledged':
    case 'investigating':
      return 'resolve';
    case 'resolved':
    case 'closed':
      return null;
  }
}

/**
 * What a deadline check finds: `escalate` when the step is missed and nobody escalated it yet;
 * `met` when it was done in time; `already_escalated` when the job or a user did it before (a second
 * timer, a retry); `not_due` when the timer went off before the due time (a worker whose clock runs
 * ahead), with the moment to check again.
 */
export type EscalationDecision =
  | { outcome: 'escalate'; dueAt: Date }
  | { outcome: 'met' }
  | { outcome: 'already_escalated' }
  | { outcome: 'not_due'; checkAgainAt: Date };

export function decideEscalation(
  complaint: ClockedComplaint,
  step: ComplaintStep,
  now: Date,
  alreadyEscalated: boolean,
): EscalationDecision {
  const due = stepDueAt(complaint, step);
  const done = stepDoneAt(complaint, step);
  if (done !== null && done.getTime() <= due.getTime()) return { outcome: 'met' };
  if (alreadyEscalated) return { outcome: 'already_escalated' };
  if (now.getTime() < due.getTime()) return { outcome: 'not_due', checkAgainAt: due };
  return { outcome: 'escalate', dueAt: due };
}

/** Whether any step of an open complaint is overdue now (the `overdue=true` filter says the same in SQL). */
export function isOverdue(complaint: ClockedComplaint, now: Date): boolean {
  const step = pendingStep(complaint.status);
  if (step === null) return false;
  return (
    isStepMissed(complaint, 'resolve', now) || (step === 'acknowledge' && isStepMissed(complaint, step, now))
  );
}
