import { trimmedOrNull } from '../common/text';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AttachmentEntity } from '../attachments/attachment.entity';
import type { RequestContext } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { PartsService } from '../catalog/parts.service';
import { ProductsService } from '../catalog/products.service';
import { Clock } from '../common/clock';
import { CompanyCalendar } from '../common/company-calendar';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError } from '../common/errors/domain-error';
import {
  type FieldProblem,
  assertNotAfter,
  assertNotBefore,
  invalidFields,
} from '../common/errors/validation-errors';
import {
  type WorkflowActionRequest,
  type WorkflowEffect,
  applyWorkflowAction,
  auditEntry,
  historyEntry,
} from '../common/workflow/workflow-action';
import { OutletsService } from '../outlets/outlets.service';
import { UsersService } from '../users/users.service';
import { type ChargeablePart, computeCharges } from './domain/charges';
import { canSeeTicket } from './domain/ticket-access';
import { reopenedResolveDue, resolveDueAfterHold } from './domain/ticket-clock';
import type { DeadlineKind } from './domain/ticket-fields';
import { type TicketAction, type TicketActionInput, decideTicketTransition } from './domain/ticket-workflow';
import type {
  AcceptTicketDto,
  CancelTicketDto,
  CheckInTicketDto,
  CloseTicketDto,
  DiagnoseTicketDto,
  DispatchTicketDto,
  HoldTicketDto,
  ReopenTicketDto,
  RescheduleTicketDto,
  ResolveTicketDto,
  ResumeTicketDto,
  TakeBackTicketDto,
  WorkLogDto,
} from './dto/ticket-request.dto';
import { type TicketEventType, TicketEventPublisher } from './events/ticket-events';
import { TicketDeadlineScheduler } from './ticket-deadline.scheduler';
import { TicketHistoryEntity } from './ticket-history.entity';
import { TicketHoldEntity } from './ticket-hold.entity';
import { TicketWorkLogEntity } from './ticket-work-log.entity';
import { TicketLinks } from './ticket-links';
import { TicketEntity } from './ticket.entity';

/** What an action does to the ticket beyond moving its state. */
interface ActionEffect extends WorkflowEffect<TicketEntity> {
  events?: TicketEventType[];
  /** Deadlines that moved and need a new check. */
  reschedule?: DeadlineKind[];
  /** Rows of the ticket's other tables, written in the same transaction after the ticket. */
  afterWrite?: (tx: Tx, ticket: TicketEntity) => Promise<void>;
}

interface ActionRequest extends WorkflowActionRequest<TicketEntity, ActionEffect> {
  action: TicketAction;
  input: TicketActionInput;
}

/**
 * The workflow actions on a repair ticket (SPEC §3.1). Each is one transaction: the decision of the
 * pure workflow, a compare-and-set on status and version (of two racing actions exactly one applies),
 * the timeline entry, the audit entry, and the events and deadline checks through the outbox.
 */
@Injectable()
export class TicketActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly outlets: OutletsService,
    private readonly parts: PartsService,
    private readonly products: ProductsService,
    private readonly audit: AuditService,
    private readonly events: TicketEventPublisher,
    private readonly deadlines: TicketDeadlineScheduler,
    private readonly links: TicketLinks,
    private readonly clock: Clock,
    private readonly calendar: CompanyCalendar,
  ) {}

  dispatch(id: string, dto: DispatchTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'dispatch',
      input: { technicianId: dto.technicianId, reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, ticket, now) => {
        const lookup = await this.users.findReferenced(tx, context.user, [
          { id: dto.technicianId, field: 'technicianId' },
        ]);
        const technician = lookup.found.get(dto.technicianId);
        const problems: FieldProblem[] = [];
        if (!technician || technician.disabled || !technician.roles.includes('technician')) {
          problems.push({ field: 'technicianId', problems: ['technicianId must be an enabled technician'] });
        }
        const outletId = dto.outletId ?? technician?.outletId ?? null;
        if (outletId === null) {
          problems.push({
            field: 'outletId',
            problems: ['outletId is required: the technician belongs to no outlet'],
          });
        } else if (technician?.outletId && technician.outletId !== outletId) {
          problems.push({ field: 'outletId', problems: ['the technician works for another outlet'] });
        }
        if (!technician || outletId === null || problems.length > 0) throw invalidFields(problems);
        await this.outlets.assertExists(tx, outletId);
        const dispatchable = await this.outlets.dispatchableOn(outletId, this.calendar.today());
        if (!dispatchable.dispatchable) {
          throw new DomainError(
            'CONFLICT',
            'The outlet cannot take jobs today',
            { field: 'outletId', reasons: dispatchable.reasons },
            `该网点今天不能接单：${dispatchable.reasons.join('；')}`,
          );
        }
        return {
          change: { technicianId: technician.id, outletId, dispatchedAt: now, appointmentAt: null },
          details: {
            technicianId: technician.id,
            technicianName: technician.displayName,
            outletId,
            previousTechnicianId: ticket.technicianId,
          },
          reason: trimmedOrNull(dto.reason),
          events: ['dispatched'],
        };
      },
    });
  }

  accept(id: string, dto: AcceptTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'accept',
      input: { appointmentAt: dto.appointmentAt },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket, now) => {
        assertNotBefore('appointmentAt', dto.appointmentAt, ticket.reportedAt);
        return Promise.resolve({
          // The first acceptance is the response to the customer; a later one (after a re-dispatch) is not.
          change: { acceptedAt: ticket.acceptedAt ?? now, appointmentAt: dto.appointmentAt },
          details: { appointmentAt: dto.appointmentAt.toISOString(), note: trimmedOrNull(dto.note) },
        });
      },
    });
  }

  reschedule(id: string, dto: RescheduleTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'reschedule',
      input: { appointmentAt: dto.appointmentAt, reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket) => {
        assertNotBefore('appointmentAt', dto.appointmentAt, ticket.reportedAt);
        return Promise.resolve({
          change: { appointmentAt: dto.appointmentAt },
          details: {
            previousAppointmentAt: ticket.appointmentAt?.toISOString() ?? null,
            appointmentAt: dto.appointmentAt.toISOString(),
          },
          reason: trimmedOrNull(dto.reason),
        });
      },
    });
  }

  checkIn(id: string, dto: CheckInTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'check_in',
      input: {},
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket, now) => {
        const at = dto.at ?? now;
        assertNotBefore('at', at, ticket.reportedAt);
        assertNotAfter('at', at, now);
        return Promise.resolve({
          change: { checkedInAt: ticket.checkedInAt ?? at },
          details: { at: at.toISOString() },
        });
      },
    });
  }

  diagnose(id: string, dto: DiagnoseTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'diagnose',
      input: { cause: dto.cause, diagnosis: dto.diagnosis },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _ticket, now) =>
        Promise.resolve({
          change: { cause: dto.cause, diagnosis: dto.diagnosis.trim(), diagnosedAt: now },
          details: { cause: dto.cause, diagnosis: dto.diagnosis.trim() },
        }),
    });
  }

  logWork(id: string, dto: WorkLogDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'log_work',
      input: { startedAt: dto.startedAt, endedAt: dto.endedAt, description: dto.description },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, ticket, now) => {
        assertNotBefore('startedAt', dto.startedAt, ticket.reportedAt);
        assertNotBefore('endedAt', dto.endedAt, dto.startedAt);
        assertNotAfter('endedAt', dto.endedAt, now);
        const parts = await this.usedParts(tx, ticket, dto);
        const description = dto.description.trim();
        return {
          details: {
            startedAt: dto.startedAt.toISOString(),
            endedAt: dto.endedAt.toISOString(),
            description,
            parts: parts.map(({ code, name, quantity }) => ({ code, name, quantity })),
          },
          afterWrite: async (writer) => {
            await writer.getRepository(TicketWorkLogEntity).insert({
              ticketId: ticket.id,
              technicianId: context.user.id,
              startedAt: dto.startedAt,
              endedAt: dto.endedAt,
              description,
              parts,
            });
          },
        };
      },
    });
  }

  takeBack(id: string, dto: TakeBackTicketDto, context: RequestContext): Promise<TicketEntity> {
    const items = dto.items.map((item) => ({
      description: item.description.trim(),
      serialNumber: trimmedOrNull(item.serialNumber),
      condition: trimmedOrNull(item.condition),
      accessories: trimmedOrNull(item.accessories),
    }));
    return this.act(id, context, {
      action: 'take_back',
      input: { items },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _ticket, now) =>
        Promise.resolve({
          change: { takenBackAt: now, takenBackItems: items },
          details: { items },
          reason: trimmedOrNull(dto.reason),
          events: ['taken_back'],
        }),
    });
  }

  resolve(id: string, dto: ResolveTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'resolve',
      input: { outcome: dto.outcome, customerName: dto.customerName, confirmedAt: dto.confirmedAt },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, ticket, now) => {
        assertNotBefore('confirmedAt', dto.confirmedAt, ticket.reportedAt);
        assertNotAfter('confirmedAt', dto.confirmedAt, now);
        if (dto.signatureAttachmentId) await assertOwnAttachment(tx, ticket.id, dto.signatureAttachmentId);
        const objection = await this.links.resolveObjection(tx, ticket);
        if (objection) {
          throw new DomainError('CONFLICT', objection.message, { ticketId: ticket.id }, objection.chinese);
        }
        const logs = await tx.getRepository(TicketWorkLogEntity).findBy({ ticketId: ticket.id });
        const charges = computeCharges(
          ticket.warrantyStatus,
          ticket.cause,
          logs.flatMap((log) => log.parts),
        );
        return {
          change: {
            resolvedAt: now,
            outcome: dto.outcome.trim(),
            confirmedByName: dto.customerName.trim(),
            confirmedAt: dto.confirmedAt,
            signatureAttachmentId: dto.signatureAttachmentId ?? null,
            charges: charges as unknown as QueryDeepPartialEntity<TicketEntity>['charges'],
            chargeTotal: charges.total,
          },
          details: {
            outcome: dto.outcome.trim(),
            customerName: dto.customerName.trim(),
            confirmedAt: dto.confirmedAt.toISOString(),
            chargeBasis: charges.basis,
            chargeTotal: charges.total,
          },
          events: ['resolved'],
        };
      },
    });
  }

  hold(id: string, dto: HoldTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'hold',
      input: { holdReason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket, now) =>
        Promise.resolve({
          change: { heldFrom: ticket.status, heldSince: now, holdReason: dto.reason },
          details: { holdReason: dto.reason, note: trimmedOrNull(dto.note) },
          afterWrite: async (tx) => {
            await tx.getRepository(TicketHoldEntity).insert({
              ticketId: ticket.id,
              reason: dto.reason,
              note: trimmedOrNull(dto.note),
              startedAt: now,
              startedBy: context.user.id,
            });
          },
        }),
    });
  }

  /** Back to where the hold found the ticket; the resolve deadline moves by the time on hold. */
  resume(id: string, dto: ResumeTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'resume',
      input: {},
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket, now) => {
        const heldSince = ticket.heldSince ?? now;
        const paused = Math.max(0, now.getTime() - heldSince.getTime());
        const resolveDueAt = resolveDueAfterHold(ticket.resolveDueAt, heldSince, now);
        return Promise.resolve({
          change: {
            heldFrom: null,
            heldSince: null,
            holdReason: null,
            pausedMs: ticket.pausedMs + paused,
            resolveDueAt,
          },
          details: {
            holdReason: ticket.holdReason,
            pausedMs: paused,
            resolveDueAt: resolveDueAt.toISOString(),
            note: trimmedOrNull(dto.note),
          },
          reschedule: ['resolve'],
          afterWrite: async (tx) => {
            await tx
              .getRepository(TicketHoldEntity)
              .createQueryBuilder()
              .update()
              .set({ endedAt: now, endedBy: context.user.id })
              .where('ticket_id = :id AND ended_at IS NULL', { id: ticket.id })
              .execute();
          },
        });
      },
    });
  }

  close(id: string, dto: CloseTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'close',
      input: { reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _ticket, now) =>
        Promise.resolve({ change: { closedAt: now }, reason: dto.reason.trim(), events: ['closed'] }),
    });
  }

  cancel(id: string, dto: CancelTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, {
      action: 'cancel',
      input: { reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _ticket, now) =>
        Promise.resolve({ change: { cancelledAt: now }, reason: dto.reason.trim(), events: ['cancelled'] }),
    });
  }

  /**
   * After a failed follow-up or a complaint the job is to be done again, from dispatch: it leaves the
   * technician's list until it is dispatched, and gets a new resolve deadline as long as the policy
   * gave the first time, counted from the reopening (response and on-site were met the first time).
   */
  reopen(id: string, dto: ReopenTicketDto, context: RequestContext): Promise<TicketEntity> {
    return this.act(id, context, this.reopenRequest(dto));
  }

  private reopenRequest(dto: { reason: string; expectedVersion?: number }): ActionRequest {
    return {
      action: 'reopen',
      input: { reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, ticket, now) => {
        const resolveDueAt = reopenedResolveDue(ticket, now);
        return Promise.resolve({
          change: {
            resolvedAt: null,
            closedAt: null,
            technicianId: null,
            appointmentAt: null,
            resolveDueAt,
            reopenCount: ticket.reopenCount + 1,
          },
          details: { previousTechnicianId: ticket.technicianId, resolveDueAt: resolveDueAt.toISOString() },
          reason: dto.reason.trim(),
          events: ['reopened'],
          reschedule: ['resolve'],
        });
      },
    };
  }

  /** The parts a work log names, priced from the fee list now; each must fit the ticket's product category. */
  private async usedParts(tx: Tx, ticket: TicketEntity, dto: WorkLogDto): Promise<ChargeablePart[]> {
    const used = dto.parts ?? [];
    if (used.length === 0) return [];
    const category = (await this.products.find(ticket.productId, tx))?.category;
    const problems: FieldProblem[] = [];
    const result: ChargeablePart[] = [];
    for (const [index, line] of used.entries()) {
      const part = await this.parts.find(line.partId, tx);
      if (!part?.active || part.productCategory !== category) {
        problems.push({
          field: `parts.${index}.partId`,
          problems: [`must be an active part of the fee list for ${category ?? 'the product'}`],
        });
        continue;
      }
      result.push({
        partId: part.id,
        code: part.code,
        name: part.name,
        quantity: line.quantity,
        unitPrice: part.unitPrice,
        labourFee: part.labourFee,
      });
    }
    if (problems.length > 0) throw invalidFields(problems);
    return result;
  }

  /**
   * Closes a resolved ticket whose follow-up visit was completed with the customer satisfied
   * (SPEC §3.1: close after the follow-up), in the follow-up's own transaction.
   */
  closeAfterFollowUp(
    tx: Tx,
    id: string,
    followUp: { id: string; note: string | null },
    context: RequestContext,
  ): Promise<TicketEntity> {
    return this.actIn(tx, id, context, {
      action: 'close_after_follow_up',
      input: {},
      effect: (_tx, _ticket, now) =>
        Promise.resolve({
          change: { closedAt: now },
          details: { followUpId: followUp.id, note: followUp.note },
          events: ['closed'],
        }),
    });
  }

  /** Reopens a ticket from a failed follow-up (or a complaint), in the caller's transaction. */
  reopenIn(tx: Tx, id: string, reason: string, context: RequestContext): Promise<TicketEntity> {
    return this.actIn(tx, id, context, this.reopenRequest({ reason }));
  }

  private act(id: string, context: RequestContext, request: ActionRequest): Promise<TicketEntity> {
    return inTransaction(this.dataSource, (tx) => this.actIn(tx, id, context, request));
  }

  private async actIn(
    tx: Tx,
    id: string,
    context: RequestContext,
    request: ActionRequest,
  ): Promise<TicketEntity> {
    const applied = await applyWorkflowAction(tx, this.clock, request, {
      entity: TicketEntity,
      name: 'ticket',
      id,
      visible: (ticket) => canSeeTicket(context.user, ticket),
      decide: (ticket) =>
        decideTicketTransition({ ticket, action: request.action, actor: context.user, input: request.input }),
    });
    const { before, after, now, effect } = applied;
    await effect.afterWrite?.(tx, after);
    await this.links.afterAction(tx, request.action, after, context);
    await tx
      .getRepository(TicketHistoryEntity)
      .insert({ ticketId: id, ...historyEntry(applied, request.action, context) });
    if (effect.reschedule) await this.deadlines.schedule(tx, after, effect.reschedule, context.requestId);
    for (const type of effect.events ?? []) {
      await this.events.publish(
        tx,
        {
          type,
          ticketId: id,
          number: after.number,
          priority: after.priority,
          outletId: after.outletId,
          // A reopened ticket has no technician any more; its event still names who did the work.
          technicianId: after.technicianId ?? before.technicianId,
          occurredAt: now.toISOString(),
        },
        context.requestId,
      );
    }
    await this.audit.append(tx, auditEntry(applied, `ticket.${request.action}`, context));
    return after;
  }
}

/** The signature must be a file attached to this very ticket. */
async function assertOwnAttachment(tx: Tx, ticketId: string, attachmentId: string): Promise<void> {
  const found = await tx
    .getRepository(AttachmentEntity)
    .countBy({ id: In([attachmentId]), ownerType: 'ticket', ownerId: ticketId });
  if (found === 0) {
    throw invalidFields([
      {
        field: 'signatureAttachmentId',
        problems: ['signatureAttachmentId must be an attachment of this ticket'],
      },
    ]);
  }
}
