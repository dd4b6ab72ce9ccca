import { trimmedOrNull } from '../common/text';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { AuditService, auditActor } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError } from '../common/errors/domain-error';
import {
  type WorkflowActionRequest,
  type WorkflowEffect,
  applyWorkflowAction,
  auditEntry,
  historyEntry,
} from '../common/workflow/workflow-action';
import { ComplaintEscalationsService } from './complaint-escalations.service';
import { ComplaintHistoryEntity } from './complaint-history.entity';
import { ComplaintEntity } from './complaint.entity';
import { pendingStep } from './domain/complaint-escalation';
import { COMPLAINT_STEP_NAMES } from './domain/complaint-fields';
import {
  type ComplaintAction,
  type ComplaintActionInput,
  decideComplaintTransition,
} from './domain/complaint-workflow';
import type {
  AcknowledgeComplaintDto,
  CloseComplaintDto,
  EscalateComplaintDto,
  InvestigateComplaintDto,
  ResolveComplaintDto,
} from './dto/complaint-request.dto';

/** What an action does to the complaint beyond moving its state. */
interface ActionEffect extends WorkflowEffect<ComplaintEntity> {
  /** Written in the same transaction after the complaint; may refuse (and so roll back) the action. */
  afterWrite?: (tx: Tx, complaint: ComplaintEntity, now: Date) => Promise<void>;
  /** The escalation writes its own timeline and audit entries. */
  recordsItself?: boolean;
}

interface ActionRequest extends WorkflowActionRequest<ComplaintEntity, ActionEffect> {
  action: ComplaintAction;
  input: ComplaintActionInput;
}

/**
 * The workflow actions on a complaint (SPEC §3.4). Each is one transaction: the decision of the pure
 * workflow, a compare-and-set on status and version (of two racing actions exactly one applies), the
 * timeline entry and the audit entry.
 */
@Injectable()
export class ComplaintActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: ComplaintEscalationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  acknowledge(id: string, dto: AcknowledgeComplaintDto, context: RequestContext): Promise<ComplaintEntity> {
    const note = trimmedOrNull(dto.note);
    return this.act(id, context, {
      action: 'acknowledge',
      input: { note },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _complaint, now) =>
        Promise.resolve({ change: { acknowledgedAt: now, acknowledgmentNote: note }, details: { note } }),
    });
  }

  investigate(id: string, dto: InvestigateComplaintDto, context: RequestContext): Promise<ComplaintEntity> {
    const note = trimmedOrNull(dto.note);
    return this.act(id, context, {
      action: 'investigate',
      input: { note },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _complaint, now) =>
        Promise.resolve({
          change: { investigationStartedAt: now, investigationNote: note },
          details: { note },
        }),
    });
  }

  resolve(id: string, dto: ResolveComplaintDto, context: RequestContext): Promise<ComplaintEntity> {
    const input = {
      rootCause: trimmedOrNull(dto.rootCause),
      remedy: trimmedOrNull(dto.remedy),
      correctiveAction: trimmedOrNull(dto.correctiveAction),
    };
    return this.act(id, context, {
      action: 'resolve',
      input,
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _complaint, now) =>
        Promise.resolve({ change: { ...input, resolvedAt: now }, details: input }),
    });
  }

  close(id: string, dto: CloseComplaintDto, context: RequestContext): Promise<ComplaintEntity> {
    const note = trimmedOrNull(dto.note);
    return this.act(id, context, {
      action: 'close',
      input: { customerAccepted: dto.customerAccepted, note },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _complaint, now) =>
        Promise.resolve({
          change: { closedAt: now, customerAccepted: dto.customerAccepted, closingNote: note },
          details: { customerAccepted: dto.customerAccepted, note },
        }),
    });
  }

  /**
   * Raises the complaint to the managers by hand, for the step it is waiting on. A step is escalated
   * once: by hand or by its deadline, whichever comes first; a second time is refused (409).
   */
  escalate(id: string, dto: EscalateComplaintDto, context: RequestContext): Promise<ComplaintEntity> {
    const reason = trimmedOrNull(dto.reason);
    return this.act(id, context, {
      action: 'escalate',
      input: { reason },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, complaint) => {
        const step = pendingStep(complaint.status);
        if (step === null) throw new Error(`A ${complaint.status} complaint has no step to escalate`);
        if (await this.escalations.isEscalated(tx, complaint.id, step)) throw alreadyEscalated(step);
        return {
          recordsItself: true,
          afterWrite: async (writer, after, now) => {
            const escalation = await this.escalations.record(writer, after, {
              step,
              trigger: 'manual',
              actor: auditActor(context),
              reason,
              now,
              requestId: context.requestId,
            });
            // The deadline job got there between our check and our write: it escalated, we do not.
            if (!escalation) throw alreadyEscalated(step);
          },
        };
      },
    });
  }

  private act(id: string, context: RequestContext, request: ActionRequest): Promise<ComplaintEntity> {
    return inTransaction(this.dataSource, (tx) => this.actIn(tx, id, context, request));
  }

  private async actIn(
    tx: Tx,
    id: string,
    context: RequestContext,
    request: ActionRequest,
  ): Promise<ComplaintEntity> {
    const applied = await applyWorkflowAction(tx, this.clock, request, {
      entity: ComplaintEntity,
      name: 'complaint',
      id,
      visible: (complaint) => canSeeOutletRecord(context.user, complaint.outletId),
      decide: (complaint) =>
        decideComplaintTransition({
          status: complaint.status,
          action: request.action,
          actor: context.user,
          input: request.input,
        }),
    });
    const { after, now, effect } = applied;
    await effect.afterWrite?.(tx, after, now);
    if (effect.recordsItself) return after;
    await tx
      .getRepository(ComplaintHistoryEntity)
      .insert({ complaintId: id, ...historyEntry(applied, request.action, context) });
    await this.audit.append(tx, auditEntry(applied, `complaint.${request.action}`, context));
    return after;
  }
}

function alreadyEscalated(step: 'acknowledge' | 'resolve'): DomainError {
  return new DomainError(
    'CONFLICT',
    `The complaint's ${step} step has been escalated already`,
    { step },
    `该投诉在当前环节（${COMPLAINT_STEP_NAMES[step]}）已升级过，不再重复升级`,
  );
}
