import { Injectable } from '@nestjs/common';
import { type AuditActor, AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Tx } from '../common/database/transaction';
import { OutboxService } from '../common/outbox/outbox.service';
import { ComplaintEscalationEntity } from './complaint-escalation.entity';
import { ComplaintHistoryEntity } from './complaint-history.entity';
import { ComplaintNotifier } from './complaint-notifier';
import { ComplaintEntity } from './complaint.entity';
import { decideEscalation, stepDueAt } from './domain/complaint-escalation';
import type { ComplaintStep, EscalationTrigger } from './domain/complaint-fields';

/** The timer of one step's deadline, as the outbox row 'complaint.deadline-check' carries it. */
export interface ComplaintDeadlineCheck {
  complaintId: string;
  step: ComplaintStep;
  /** The due time the timer was set for. */
  dueAt: string;
}

export interface EscalationRequest {
  step: ComplaintStep;
  trigger: EscalationTrigger;
  /** Who escalated by hand; the system for the deadline job. */
  actor: AuditActor;
  reason: string | null;
  now: Date;
  requestId: string | null;
}

/**
 * Escalations of complaints to the managers. One row per complaint and step (unique key): the first
 * escalation of a step, by the deadline job or by a user, is recorded and mailed; any later one — a
 * second timer, a retried job, a manual escalation racing the job — finds the row and does nothing.
 */
@Injectable()
export class ComplaintEscalationsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly notifier: ComplaintNotifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Sets a timer for each step's deadline, in the transaction that set the deadlines. */
  async schedule(
    tx: Tx,
    complaint: Pick<ComplaintEntity, 'id' | 'acknowledgeDueAt' | 'resolveDueAt'>,
    steps: readonly ComplaintStep[],
    requestId: string | null,
  ): Promise<void> {
    for (const step of steps) {
      const due = stepDueAt(complaint, step);
      const payload: ComplaintDeadlineCheck = { complaintId: complaint.id, step, dueAt: due.toISOString() };
      await this.outbox.add(tx, 'complaint.deadline-check', { ...payload }, { runAt: due, requestId });
    }
  }

  /**
   * The job of one step's timer: escalates the step when it is missed and not yet escalated. A timer
   * that went off before its due time is set again for it. Answers whether it escalated.
   */
  async check(tx: Tx, timer: ComplaintDeadlineCheck, requestId: string | null): Promise<boolean> {
    const complaint = await tx
      .getRepository(ComplaintEntity)
      .findOne({ where: { id: timer.complaintId }, lock: { mode: 'pessimistic_write' } });
    if (!complaint) return false;
    const now = this.clock.now();
    const already = await this.isEscalated(tx, complaint.id, timer.step);
    const decision = decideEscalation(complaint, timer.step, now, already);
    if (decision.outcome === 'not_due') {
      if (decision.checkAgainAt.toISOString() === timer.dueAt) {
        await this.schedule(tx, complaint, [timer.step], requestId);
      }
      return false;
    }
    if (decision.outcome !== 'escalate') return false;
    const recorded = await this.record(tx, complaint, {
      step: timer.step,
      trigger: 'deadline',
      actor: SYSTEM_ACTOR,
      reason: null,
      now,
      requestId,
    });
    return recorded !== null;
  }

  isEscalated(tx: Tx, complaintId: string, step: ComplaintStep): Promise<boolean> {
    return tx.getRepository(ComplaintEscalationEntity).existsBy({ complaintId, step });
  }

  /**
   * Records the escalation of a step with its timeline entry and audit entry, and mails the managers;
   * null (and nothing written) when the step was escalated already.
   */
  async record(
    tx: Tx,
    complaint: ComplaintEntity,
    request: EscalationRequest,
  ): Promise<ComplaintEscalationEntity | null> {
    const recipients = await this.notifier.managersOf(complaint);
    const dueAt = stepDueAt(complaint, request.step);
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(ComplaintEscalationEntity)
      .values({
        complaintId: complaint.id,
        step: request.step,
        trigger: request.trigger,
        dueAt,
        escalatedAt: request.now,
        actorId: request.actor.id,
        reason: request.reason,
        notified: recipients.length,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = (inserted.raw as { id: string }[])[0];
    if (!row) return null;
    const escalation = await tx.getRepository(ComplaintEscalationEntity).findOneByOrFail({ id: row.id });
    const actorName = request.actor.id === null ? null : request.actor.username;
    const notified = await this.notifier.escalated(
      tx,
      complaint.id,
      escalation,
      actorName,
      recipients,
      request.requestId,
    );
    const details = {
      step: request.step,
      trigger: request.trigger,
      dueAt: dueAt.toISOString(),
      notified,
    };
    await tx.getRepository(ComplaintHistoryEntity).insert({
      complaintId: complaint.id,
      action: 'escalate',
      fromStatus: complaint.status,
      toStatus: complaint.status,
      actorId: request.actor.id,
      actorName,
      at: request.now,
      reason: request.reason,
      details,
    });
    await this.audit.append(tx, {
      actor: request.actor,
      action: 'complaint.escalated',
      entityType: 'complaint',
      entityId: complaint.id,
      changes: { ...details, status: complaint.status, reason: request.reason },
      requestId: request.requestId,
    });
    return escalation;
  }
}
