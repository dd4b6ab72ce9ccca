import { trimmedOrNull } from '../common/text';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { AuditService, auditActor } from '../audit/audit.service';
import { calendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { assertNotAfter, assertNotBefore, invalidFields } from '../common/errors/validation-errors';
import { NotificationService } from '../common/mail/notification.service';
import {
  type WorkflowActionRequest,
  type WorkflowEffect,
  applyWorkflowAction,
  auditEntry,
  historyEntry,
} from '../common/workflow/workflow-action';
import { chaseIntervalDays } from '../policy/domain/deadlines';
import { ServicePolicyEntity } from '../policy/service-policy.entity';
import { SupplierEntity } from '../suppliers/supplier.entity';
import { UserEntity } from '../users/user.entity';
import { chaseDueAfter } from './domain/chase-schedule';
import { type ReturnAction, type ReturnActionInput, decideReturnTransition } from './domain/return-workflow';
import type {
  ChaseReturnDto,
  CloseReturnDto,
  InspectReturnDto,
  NoticeCallDto,
  ReceiveBackReturnDto,
  RefundReturnDto,
  RegisterReturnDto,
  ReturnToCustomerDto,
  ScrapReturnDto,
  ShipReturnDto,
} from './dto/return-request.dto';
import { ReturnChaseEntity } from './return-chase.entity';
import { ReturnHistoryEntity } from './return-history.entity';
import { ReturnScheduler } from './return-scheduler';
import { ReturnEntity } from './return.entity';

/** What an action does to the record beyond moving its state. */
interface ActionEffect extends WorkflowEffect<ReturnEntity> {
  /** Rows of the record's other tables and its timers, written in the same transaction after it. */
  afterWrite?: (tx: Tx, record: ReturnEntity) => Promise<void>;
}

interface ActionRequest extends WorkflowActionRequest<ReturnEntity, ActionEffect> {
  action: ReturnAction;
  input: ReturnActionInput;
}

/** How the audit trail names each action's result. */
const AUDIT_ACTIONS: Readonly<Record<ReturnAction, string>> = {
  inspect: 'return.inspected',
  register: 'return.registered',
  ship: 'return.shipped',
  chase: 'return.chased',
  receive_back: 'return.received_back',
  return_to_customer: 'return.returned_to_customer',
  refund: 'return.refunded',
  scrap: 'return.scrapped',
  close: 'return.closed',
};

/**
 * The workflow actions on returned goods (SPEC §3.2). Each is one transaction: the decision of the
 * pure workflow, a compare-and-set on status and version (of two racing actions exactly one applies),
 * the timeline entry, the timers through the outbox and the audit entry.
 */
@Injectable()
export class ReturnActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: ReturnScheduler,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  inspect(id: string, dto: InspectReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'inspect',
      input: { finding: dto.finding },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, record, now) => {
        const kind = dto.kind ?? record.kind;
        const urgent = dto.urgent ?? record.urgent;
        return Promise.resolve({
          change: {
            inspectedAt: now,
            finding: dto.finding,
            inspectionNote: trimmedOrNull(dto.note),
            kind,
            urgent,
          },
          details: {
            finding: dto.finding,
            note: trimmedOrNull(dto.note),
            ...(kind !== record.kind ? { kind: { from: record.kind, to: kind } } : {}),
            ...(urgent !== record.urgent ? { urgent: { from: record.urgent, to: urgent } } : {}),
          },
        });
      },
    });
  }

  /** The hand-over (交接): who handed the goods over, and the acting returns clerk who took them. */
  register(id: string, dto: RegisterReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'register',
      input: { handedOverBy: dto.handedOverBy },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, _record, now) => {
        const clerk = await tx.getRepository(UserEntity).findOneByOrFail({ id: context.user.id });
        const handedOverBy = dto.handedOverBy.trim();
        return {
          change: {
            registeredAt: now,
            handedOverBy,
            registeredBy: clerk.id,
            registeredByName: clerk.displayName,
          },
          details: { handedOverBy, registeredByName: clerk.displayName, note: trimmedOrNull(dto.note) },
        };
      },
    });
  }

  /**
   * To a supplier qualified on the day of shipment; the chase cadence comes from the record's policy
   * version, kind and urgency, and the first chase's timer is set.
   */
  ship(id: string, dto: ShipReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'ship',
      input: { supplierId: dto.supplierId, carrier: dto.carrier, trackingNumber: dto.trackingNumber },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, record, now) => {
        const shippedAt = dto.shippedAt ?? now;
        assertNotBefore('shippedAt', shippedAt, record.receivedAt);
        assertNotAfter('shippedAt', shippedAt, now);
        const supplier = await this.qualifiedSupplier(tx, dto.supplierId, shippedAt);
        const policy = await tx
          .getRepository(ServicePolicyEntity)
          .findOneByOrFail({ id: record.policyVersionId });
        const interval = chaseIntervalDays(policy.commitments, record.kind, record.urgent);
        const nextChaseDueAt = chaseDueAfter(shippedAt, interval);
        const carrier = dto.carrier.trim();
        const trackingNumber = dto.trackingNumber.trim();
        return {
          change: {
            supplierId: supplier.id,
            carrier,
            trackingNumber,
            shippedAt,
            chaseIntervalDays: interval,
            nextChaseDueAt,
          },
          details: {
            supplierId: supplier.id,
            supplierName: supplier.name,
            carrier,
            trackingNumber,
            shippedAt: shippedAt.toISOString(),
            chaseIntervalDays: interval,
            nextChaseDueAt: nextChaseDueAt.toISOString(),
            note: trimmedOrNull(dto.note),
          },
          afterWrite: (writer) => this.scheduler.chaseAt(writer, id, nextChaseDueAt, context.requestId),
        };
      },
    });
  }

  /** A chase of the vendor is recorded; the next one falls due a full interval after it. */
  chase(id: string, dto: ChaseReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'chase',
      input: { note: dto.note },
      expectedVersion: dto.expectedVersion,
      effect: async (tx, record, now) => {
        const chasedAt = dto.chasedAt ?? now;
        const previous = record.lastChasedAt ?? record.shippedAt;
        if (previous) assertNotBefore('chasedAt', chasedAt, previous);
        assertNotAfter('chasedAt', chasedAt, now);
        const interval = record.chaseIntervalDays ?? 1;
        const nextChaseDueAt = chaseDueAfter(chasedAt, interval);
        const chaser = await tx.getRepository(UserEntity).findOneByOrFail({ id: context.user.id });
        const note = dto.note.trim();
        const contact = trimmedOrNull(dto.contact);
        return {
          change: { lastChasedAt: chasedAt, chaseCount: record.chaseCount + 1, nextChaseDueAt },
          details: {
            chasedAt: chasedAt.toISOString(),
            dueAt: record.nextChaseDueAt?.toISOString() ?? null,
            contact,
            note,
            expectedBackOn: dto.expectedBackOn ?? null,
            nextChaseDueAt: nextChaseDueAt.toISOString(),
          },
          afterWrite: async (writer) => {
            await writer.getRepository(ReturnChaseEntity).insert({
              returnId: id,
              supplierId: record.supplierId ?? '',
              chasedAt,
              dueAt: record.nextChaseDueAt ?? chasedAt,
              chasedBy: chaser.id,
              chasedByName: chaser.displayName,
              contact,
              note,
              expectedBackOn: dto.expectedBackOn ?? null,
            });
            await this.scheduler.chaseAt(writer, id, nextChaseDueAt, context.requestId);
          },
        };
      },
    });
  }

  receiveBack(id: string, dto: ReceiveBackReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'receive_back',
      input: { vendorOutcome: dto.outcome },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, record, now) => {
        const backAt = dto.backAt ?? now;
        if (record.shippedAt) assertNotBefore('backAt', backAt, record.shippedAt);
        assertNotAfter('backAt', backAt, now);
        if (dto.replacementSerialNumber && dto.outcome !== 'replaced') {
          throw invalidFields([
            {
              field: 'replacementSerialNumber',
              problems: ['replacementSerialNumber is only for goods the vendor replaced'],
            },
          ]);
        }
        const replacementSerialNumber = trimmedOrNull(dto.replacementSerialNumber);
        return Promise.resolve({
          change: {
            backAt,
            vendorOutcome: dto.outcome,
            vendorNote: trimmedOrNull(dto.note),
            replacementSerialNumber,
            nextChaseDueAt: null,
          },
          details: {
            outcome: dto.outcome,
            backAt: backAt.toISOString(),
            replacementSerialNumber,
            note: trimmedOrNull(dto.note),
          },
        });
      },
    });
  }

  returnToCustomer(id: string, dto: ReturnToCustomerDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'return_to_customer',
      input: { method: dto.method, receivedByName: dto.receivedByName },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, record, now) => {
        const returnedAt = dto.returnedAt ?? now;
        assertNotBefore('returnedAt', returnedAt, record.backAt ?? record.receivedAt);
        assertNotAfter('returnedAt', returnedAt, now);
        const receivedByName = dto.receivedByName.trim();
        return Promise.resolve({
          change: {
            returnedAt,
            returnMethod: dto.method,
            returnedToName: receivedByName,
            settledAt: returnedAt,
          },
          details: {
            returnedAt: returnedAt.toISOString(),
            method: dto.method,
            receivedByName,
            note: trimmedOrNull(dto.note),
          },
        });
      },
    });
  }

  refund(id: string, dto: RefundReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'refund',
      input: { amount: dto.amount, reason: dto.reason },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, record, now) => {
        const refundedAt = dto.refundedAt ?? now;
        assertNotBefore('refundedAt', refundedAt, record.receivedAt);
        assertNotAfter('refundedAt', refundedAt, now);
        return Promise.resolve({
          change: { refundedAt, refundAmount: dto.amount, settledAt: refundedAt },
          details: { amount: dto.amount, refundedAt: refundedAt.toISOString() },
          reason: dto.reason.trim(),
        });
      },
    });
  }

  /** 废弃商品回收: how the goods were disposed of, by which recycler, on which day. */
  scrap(id: string, dto: ScrapReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'scrap',
      input: { method: dto.method, recycler: dto.recycler, scrappedOn: dto.scrappedOn },
      expectedVersion: dto.expectedVersion,
      effect: (_tx, record, now) => {
        const zone = this.config.companyTimeZone;
        const received = calendarDate(record.receivedAt, zone);
        if (dto.scrappedOn < received || dto.scrappedOn > calendarDate(now, zone)) {
          throw invalidFields([
            {
              field: 'scrappedOn',
              problems: [`scrappedOn must lie between the day of receipt (${received}) and today`],
            },
          ]);
        }
        const recycler = dto.recycler.trim();
        return Promise.resolve({
          change: {
            scrappedOn: dto.scrappedOn,
            scrappedAt: now,
            scrapMethod: dto.method,
            recycler,
            // Refunded goods were settled with the customer at the refund.
            settledAt: record.settledAt ?? now,
          },
          details: {
            scrappedOn: dto.scrappedOn,
            method: dto.method,
            recycler,
            note: trimmedOrNull(dto.note),
          },
        });
      },
    });
  }

  close(id: string, dto: CloseReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return this.act(id, context, {
      action: 'close',
      input: {},
      expectedVersion: dto.expectedVersion,
      effect: (_tx, _record, now) =>
        Promise.resolve({ change: { closedAt: now }, details: { note: trimmedOrNull(dto.note) } }),
    });
  }

  /**
   * The phone call of a notice to a customer without a mail address was made: recorded on the record
   * and on the message, once. Not a workflow step: the goods stay where they are.
   */
  noticeCall(id: string, dto: NoticeCallDto, context: RequestContext): Promise<ReturnEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const record = await tx
        .getRepository(ReturnEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record || !canSeeOutletRecord(context.user, record.outletId))
        throw new NotFoundError('return', id);
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== record.version) {
        throw new VersionConflictError('return', id, dto.expectedVersion, record.version);
      }
      if (record.noticeChannel !== 'phone' || !record.noticeMessageId || record.noticeCalledAt) {
        throw new DomainError(
          'CONFLICT',
          record.noticeCalledAt
            ? 'The phone notice of this record was already made'
            : 'This record has no phone notice to make',
          { returnId: id, noticeChannel: record.noticeChannel },
          record.noticeCalledAt ? '该返修单的电话告知已完成' : '该返修单没有待完成的电话告知',
        );
      }
      const now = this.clock.now();
      const calledAt = dto.calledAt ?? now;
      if (record.noticeSentAt) assertNotBefore('calledAt', calledAt, record.noticeSentAt);
      assertNotAfter('calledAt', calledAt, now);
      await this.notifications.recordCallMade(tx, record.noticeMessageId, calledAt);
      await tx.update(ReturnEntity, { id }, { noticeCalledAt: calledAt, version: record.version + 1 });
      const note = dto.note.trim();
      await tx.getRepository(ReturnHistoryEntity).insert({
        returnId: id,
        action: 'notice_call',
        fromStatus: record.status,
        toStatus: record.status,
        actorId: context.user.id,
        actorName: context.user.username,
        at: now,
        reason: null,
        details: { calledAt: calledAt.toISOString(), note, messageId: record.noticeMessageId },
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'return.notice_called',
        entityType: 'return',
        entityId: id,
        changes: { calledAt: calledAt.toISOString(), note, messageId: record.noticeMessageId },
        requestId: context.requestId,
      });
      return tx.getRepository(ReturnEntity).findOneByOrFail({ id });
    });
  }

  /**
   * An active supplier of the qualified list whose qualification covers the day (company time zone),
   * read as the list's evidence reads it: without a qualification date, qualified from the day it was
   * registered; without an end date, qualified still.
   */
  private async qualifiedSupplier(tx: Tx, supplierId: string, at: Date): Promise<SupplierEntity> {
    const zone = this.config.companyTimeZone;
    const day = calendarDate(at, zone);
    const supplier = await tx.getRepository(SupplierEntity).findOneBy({ id: supplierId });
    const from = supplier ? (supplier.qualifiedOn ?? calendarDate(supplier.createdAt, zone)) : null;
    const qualified =
      supplier?.active === true &&
      from !== null &&
      from <= day &&
      (supplier.qualifiedUntil === null || supplier.qualifiedUntil >= day);
    if (!supplier || !qualified) {
      throw invalidFields([
        {
          field: 'supplierId',
          problems: [`supplierId must be an active supplier of the qualified list, qualified on ${day}`],
        },
      ]);
    }
    return supplier;
  }

  private act(id: string, context: RequestContext, request: ActionRequest): Promise<ReturnEntity> {
    return inTransaction(this.dataSource, (tx) => this.actIn(tx, id, context, request));
  }

  private async actIn(
    tx: Tx,
    id: string,
    context: RequestContext,
    request: ActionRequest,
  ): Promise<ReturnEntity> {
    const applied = await applyWorkflowAction(tx, this.clock, request, {
      entity: ReturnEntity,
      name: 'return',
      id,
      visible: (record) => canSeeOutletRecord(context.user, record.outletId),
      decide: (record) =>
        decideReturnTransition({
          status: record.status,
          action: request.action,
          actor: context.user,
          input: request.input,
        }),
    });
    const { after, effect } = applied;
    await effect.afterWrite?.(tx, after);
    await tx
      .getRepository(ReturnHistoryEntity)
      .insert({ returnId: id, ...historyEntry(applied, request.action, context) });
    await this.audit.append(tx, auditEntry(applied, AUDIT_ACTIONS[request.action], context));
    return after;
  }
}
