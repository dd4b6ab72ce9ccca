import { trimmedOrNull } from '../common/text';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AssetEntity } from '../assets/asset.entity';
import { type RequestContext, hasAnyRole } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { refusalError } from '../common/workflow/transition';
import { ComplaintsService } from '../complaints/complaints.service';
import { TICKET_INTAKE } from '../tickets/domain/ticket-access';
import { TicketActionsService } from '../tickets/ticket-actions.service';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsService } from '../tickets/tickets.service';
import { canSeeFollowUp } from './domain/follow-up-access';
import type { FollowUpStatus } from './domain/follow-up-fields';
import {
  type FollowUpAction,
  afterAttempt,
  completionProblems,
  decideFollowUpTransition,
  reopenReason,
} from './domain/follow-up-workflow';
import type {
  AssignFollowUpDto,
  CancelFollowUpDto,
  CompleteFollowUpDto,
  InspectionTicketDto,
  MarkUnreachableDto,
  RecordAttemptDto,
} from './dto/follow-up-request.dto';
import { FollowUpAttemptEntity } from './follow-up-attempt.entity';
import { FollowUpEntity } from './follow-up.entity';
import { FollowUpsService } from './follow-ups.service';

/** What an action does to the visit beyond what the workflow table says. */
interface ActionEffect {
  change?: QueryDeepPartialEntity<FollowUpEntity>;
  /** Where the visit goes when the table's answer depends on the visit (the last attempt). */
  status?: FollowUpStatus;
  /** What the audit entry records the action entered. */
  details?: Record<string, unknown>;
  /** Work after the visit is written, in the same transaction (the attempt row, the next inspection). */
  afterWrite?: (tx: Tx, after: FollowUpEntity) => Promise<Record<string, unknown> | void>;
}

interface ActionRequest {
  action: FollowUpAction;
  expectedVersion?: number;
  /** What is wrong with the input, judged against the visit and now (400, before the state's 409). */
  inputProblems?: (followUp: FollowUpEntity, now: Date) => FieldProblem[];
  effect: (tx: Tx, followUp: FollowUpEntity, now: Date) => Promise<ActionEffect>;
}

/**
 * The outcomes of a visit (SPEC §3.3). Each is one transaction on the visit, locked for its length:
 * the workflow's decision, the change with its version, the audit entry, and what the outcome leads
 * to on the ticket — closed after a satisfied follow-up, reopened, a complaint opened, a repair ticket
 * opened from an inspection's findings — and a recurring inspection's next visit.
 */
@Injectable()
export class FollowUpActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsService,
    private readonly ticketActions: TicketActionsService,
    private readonly tickets: TicketsService,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  assign(id: string, dto: AssignFollowUpDto, context: RequestContext): Promise<FollowUpEntity> {
    return this.act(id, context, {
      action: 'assign',
      expectedVersion: dto.expectedVersion,
      effect: async (tx, followUp) => {
        const { user, outletId } = await this.followUps.assertAssignable(
          tx,
          context.user,
          followUp.kind,
          followUp.outletId,
          dto.assigneeId,
        );
        return {
          change: { assigneeId: user.id, outletId },
          details: {
            assigneeId: user.id,
            assigneeName: user.displayName,
            previousAssigneeId: followUp.assigneeId,
            ...(outletId !== followUp.outletId ? { outletId } : {}),
          },
        };
      },
    });
  }

  /** A failed attempt to reach the customer; the last one allowed makes the visit unreachable. */
  recordAttempt(id: string, dto: RecordAttemptDto, context: RequestContext): Promise<FollowUpEntity> {
    return this.act(id, context, {
      action: 'record_attempt',
      expectedVersion: dto.expectedVersion,
      inputProblems: (followUp, now) => timeProblems('attemptedAt', dto.attemptedAt ?? now, followUp, now),
      effect: (_tx, followUp, now) => {
        const attemptedAt = dto.attemptedAt ?? now;
        const { attempts, status } = afterAttempt(followUp.attemptCount);
        const note = trimmedOrNull(dto.note);
        return Promise.resolve({
          status,
          change: {
            attemptCount: attempts,
            ...(status === 'unreachable' ? { completedAt: now, completedBy: context.user.id } : {}),
          },
          details: { attemptedAt: attemptedAt.toISOString(), method: dto.method, note, attempts },
          afterWrite: async (tx, after) => {
            await tx.getRepository(FollowUpAttemptEntity).insert({
              followUpId: after.id,
              attemptedAt,
              method: dto.method,
              note,
              recordedBy: context.user.id,
            });
            if (status === 'unreachable') return this.scheduleNext(tx, after, context);
          },
        });
      },
    });
  }

  /** Gives up before the last attempt (a number out of service): only after at least one attempt. */
  markUnreachable(id: string, dto: MarkUnreachableDto, context: RequestContext): Promise<FollowUpEntity> {
    return this.act(id, context, {
      action: 'mark_unreachable',
      expectedVersion: dto.expectedVersion,
      effect: (_tx, followUp, now) => {
        if (followUp.attemptCount === 0) {
          throw new DomainError(
            'CONFLICT',
            'Record the attempts to reach the customer before marking the visit unreachable',
            { attemptCount: 0 },
            '请先登记联系客户的尝试，再标记为无法联系',
          );
        }
        const reason = dto.reason.trim();
        return Promise.resolve({
          change: { comments: reason, completedAt: now, completedBy: context.user.id },
          details: { reason, attempts: followUp.attemptCount },
          afterWrite: (tx, after) => this.scheduleNext(tx, after, context),
        });
      },
    });
  }

  cancel(id: string, dto: CancelFollowUpDto, context: RequestContext): Promise<FollowUpEntity> {
    return this.act(id, context, {
      action: 'cancel',
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _followUp, now) => {
        const reason = dto.reason.trim();
        return Promise.resolve({ change: { cancelledAt: now, cancelReason: reason }, details: { reason } });
      },
    });
  }

  /**
   * Records the outcome. A follow-up with the customer satisfied closes its ticket (when a manager
   * has not closed it already); a dissatisfied one reopens the ticket or opens a complaint, as the
   * caller chose, and keeps the link. An inspection records its findings, may open a repair ticket,
   * and schedules the next visit when it recurs.
   */
  complete(id: string, dto: CompleteFollowUpDto, context: RequestContext): Promise<FollowUpEntity> {
    return this.act(id, context, {
      action: 'complete',
      expectedVersion: dto.expectedVersion,
      inputProblems: (followUp, now) => [
        ...completionProblems(followUp.kind, dto),
        ...(dto.contactedAt ? timeProblems('contactedAt', dto.contactedAt, followUp, now) : []),
      ],
      effect: (tx, followUp, now) =>
        followUp.kind === 'inspection'
          ? this.completeInspection(tx, followUp, dto, now, context)
          : this.completeFollowUp(tx, followUp, dto, now, context),
    });
  }

  private async completeFollowUp(
    tx: Tx,
    followUp: FollowUpEntity,
    dto: CompleteFollowUpDto,
    now: Date,
    context: RequestContext,
  ): Promise<ActionEffect> {
    const ticketId = followUp.ticketId as string;
    const comments = trimmedOrNull(dto.comments);
    const action = dto.satisfied ? null : (dto.action ?? null);
    const change: QueryDeepPartialEntity<FollowUpEntity> = {
      method: dto.method,
      contactedAt: dto.contactedAt,
      satisfied: dto.satisfied,
      score: dto.score,
      comments,
      problemAction: action,
      completedAt: now,
      completedBy: context.user.id,
    };
    const details: Record<string, unknown> = {
      method: dto.method,
      contactedAt: dto.contactedAt?.toISOString(),
      satisfied: dto.satisfied,
      score: dto.score,
      comments,
      action,
    };
    if (dto.satisfied) {
      const ticket = await tx.getRepository(TicketEntity).findOneByOrFail({ id: ticketId });
      // A manager may have closed it already; a ticket resolved again since is another resolution's.
      const closes =
        ticket.status === 'resolved' && ticket.resolvedAt?.getTime() === followUp.ticketResolvedAt?.getTime();
      if (closes) {
        await this.ticketActions.closeAfterFollowUp(
          tx,
          ticketId,
          { id: followUp.id, note: comments },
          context,
        );
      }
      details.ticketClosed = closes;
    } else if (action === 'reopen_ticket') {
      await this.ticketActions.reopenIn(tx, ticketId, reopenReason(followUp.number, comments ?? ''), context);
      details.ticketReopened = true;
    } else if (action === 'open_complaint' && dto.complaint) {
      // The outlet and technician complained about default to the ticket's.
      const complaint = await this.complaints.createIn(
        tx,
        {
          customerId: followUp.customerId,
          channel: 'follow_up',
          category: dto.complaint.category,
          severity: dto.complaint.severity ?? 'normal',
          description: comments ?? '',
          ticketId,
          receivedAt: dto.contactedAt,
        },
        context,
      );
      change.complaintId = complaint.id;
      change.complaintNumber = complaint.number;
      details.complaintId = complaint.id;
      details.complaintNumber = complaint.number;
    }
    return { change, details };
  }

  private async completeInspection(
    tx: Tx,
    inspection: FollowUpEntity,
    dto: CompleteFollowUpDto,
    now: Date,
    context: RequestContext,
  ): Promise<ActionEffect> {
    const findings = (dto.findings ?? '').trim();
    const change: QueryDeepPartialEntity<FollowUpEntity> = {
      method: dto.method ?? 'visit',
      contactedAt: dto.contactedAt,
      satisfied: dto.satisfied ?? null,
      score: dto.score ?? null,
      comments: trimmedOrNull(dto.comments),
      findings,
      completedAt: now,
      completedBy: context.user.id,
    };
    const details: Record<string, unknown> = {
      method: change.method,
      contactedAt: dto.contactedAt?.toISOString(),
      findings,
      satisfied: change.satisfied,
      score: change.score,
    };
    if (dto.openTicket) {
      // Tickets are registered by the desk (报修受理); a technician reports the finding to it.
      if (!hasAnyRole(context.user, TICKET_INTAKE)) {
        throw new DomainError(
          'FORBIDDEN',
          `Only ${TICKET_INTAKE.join(', ')} may open a repair ticket`,
          { field: 'openTicket', roles: TICKET_INTAKE },
          '只有客服、调度或管理人员可以开立维修工单，请将巡检发现报给服务台',
        );
      }
      const ticket = await this.openTicket(inspection, dto.openTicket, dto.contactedAt ?? now, context);
      change.openedTicketId = ticket.id;
      details.openedTicketId = ticket.id;
      details.openedTicketNumber = ticket.number;
    }
    return {
      change,
      details,
      afterWrite: (writer, after) => this.scheduleNext(writer, after, context),
    };
  }

  /**
   * The repair ticket for what an inspection found, reported when the unit was visited. Tickets are
   * registered in their own transaction (numbering, deadlines, audit); the inspection stays locked
   * meanwhile, so its completion cannot be lost to a concurrent one after the ticket exists.
   */
  private async openTicket(
    inspection: FollowUpEntity,
    request: InspectionTicketDto,
    reportedAt: Date,
    context: RequestContext,
  ): Promise<TicketEntity> {
    const asset = inspection.assetId
      ? await this.dataSource.getRepository(AssetEntity).findOneBy({ id: inspection.assetId })
      : null;
    const serialNumber = request.serialNumber ?? asset?.serialNumber;
    try {
      return await this.tickets.create(
        {
          customerId: inspection.customerId,
          serialNumber,
          productId: request.productId,
          fault: `【巡检 ${inspection.number}】${request.fault.trim()}`,
          channel: request.channel ?? 'phone',
          priority: request.priority,
          reportedAt,
        },
        context,
      );
    } catch (error) {
      // The ticket's fields are the openTicket object's: name them so.
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
        const fields = (error.details as { fields?: FieldProblem[] } | undefined)?.fields ?? [];
        throw invalidFields(fields.map((problem) => ({ ...problem, field: `openTicket.${problem.field}` })));
      }
      throw error;
    }
  }

  private async scheduleNext(
    tx: Tx,
    after: FollowUpEntity,
    context: RequestContext,
  ): Promise<Record<string, unknown> | void> {
    const next = await this.followUps.scheduleNext(tx, after, context);
    if (next) return { nextId: next.id, nextNumber: next.number, nextDueAt: next.dueAt.toISOString() };
  }

  private act(id: string, context: RequestContext, request: ActionRequest): Promise<FollowUpEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      // Locked for the whole action: what it leads to elsewhere (a ticket opened) happens exactly once.
      const before = await tx
        .getRepository(FollowUpEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before || !canSeeFollowUp(context.user, before)) throw new NotFoundError('follow_up', id);
      if (request.expectedVersion !== undefined && request.expectedVersion !== before.version) {
        throw new VersionConflictError('follow_up', id, request.expectedVersion, before.version);
      }
      const now = this.clock.now();
      const decision = decideFollowUpTransition({
        followUp: before,
        action: request.action,
        actor: context.user,
        inputProblems: request.inputProblems?.(before, now) ?? [],
      });
      if (!decision.allowed) throw refusalError(decision);

      const effect = await request.effect(tx, before, now);
      const to = effect.status ?? decision.to;
      const { affected } = await tx
        .createQueryBuilder()
        .update(FollowUpEntity)
        .set({ ...effect.change, status: to, version: before.version + 1 })
        .where('id = :id AND status = :from AND version = :version', {
          id,
          from: before.status,
          version: before.version,
        })
        .execute();
      if (affected !== 1) throw new VersionConflictError('follow_up', id, before.version, before.version + 1);

      const after = await tx.getRepository(FollowUpEntity).findOneByOrFail({ id });
      const more = (await effect.afterWrite?.(tx, after)) ?? {};
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: `follow_up.${request.action}`,
        entityType: 'follow_up',
        entityId: id,
        changes: { kind: before.kind, status: { from: decision.from, to }, ...effect.details, ...more },
        requestId: context.requestId,
      });
      return after;
    });
  }
}

/** A time the caller reports: not in the future, and for a follow-up not before the resolution. */
function timeProblems(field: string, value: Date, followUp: FollowUpEntity, now: Date): FieldProblem[] {
  if (value.getTime() > now.getTime()) return [{ field, problems: [`${field} must not be in the future`] }];
  const earliest = followUp.ticketResolvedAt;
  if (earliest && value.getTime() < earliest.getTime()) {
    return [
      {
        field,
        problems: [`${field} must not be before the ticket was resolved (${earliest.toISOString()})`],
      },
    ];
  }
  return [];
}
