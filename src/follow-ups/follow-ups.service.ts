import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, LessThan, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AssetEntity } from '../assets/asset.entity';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord, outletRestriction } from '../auth/domain/outlet-scope';
import { AuditService, SYSTEM_ACTOR, auditActor } from '../audit/audit.service';
import { calendarDate, formatDateTime } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage } from '../common/http/pagination';
import { formatRecordNumber, nextInSeries } from '../common/numbering/yearly-sequence';
import { CustomersService } from '../customers/customers.service';
import { followUpDueAt } from '../policy/domain/deadlines';
import { PolicyService } from '../policy/policy.service';
import type { TicketEvent } from '../tickets/events/ticket-events';
import type { LinkedRecord } from '../tickets/ticket-links';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { assignableRoles, canSeeFollowUp, seesOnlyOwnInspections } from './domain/follow-up-access';
import {
  CONTACT_METHOD_LABELS,
  FOLLOW_UP_STATUS_NAMES,
  type FollowUpKind,
  KIND_NAMES,
  NUMBER_SERIES,
  PROBLEM_ACTION_LABELS,
} from './domain/follow-up-fields';
import { nextInspectionDueAt } from './domain/follow-up-schedule';
import { mergeFieldProblems } from './domain/follow-up-workflow';
import type { ListFollowUpsQueryDto, ScheduleInspectionDto } from './dto/follow-up-request.dto';
import type { LoadedFollowUp } from './dto/follow-up-response.dto';
import { FollowUpAttemptEntity } from './follow-up-attempt.entity';
import { FollowUpEntity } from './follow-up.entity';

/** Everything GET /follow-ups/:id shows. */
export interface FollowUpDossier {
  followUp: LoadedFollowUp;
  attempts: FollowUpAttemptEntity[];
  nextId: string | null;
}

/** Why a visit was cancelled by the system rather than a user. */
const REOPENED_REASON = '工单已重新打开，本次回访不再进行';

/**
 * Follow-up visits and inspections: made from resolved tickets and by schedule, read and listed.
 * The outcomes (assign, attempts, complete, cancel) live in FollowUpActionsService.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly users: UsersService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The follow-up of one resolution of a ticket (the 'resolved' event), due as the policy in force at
   * the resolution says. Exactly one per resolution: the event handled again finds it. A resolution
   * already undone by a reopening when the event is handled still gets its record, cancelled.
   */
  async createForResolution(tx: Tx, event: TicketEvent): Promise<FollowUpEntity | null> {
    const resolvedAt = new Date(event.occurredAt);
    const existing = await tx
      .getRepository(FollowUpEntity)
      .findOneBy({ ticketId: event.ticketId, ticketResolvedAt: resolvedAt });
    if (existing) return null;
    const ticket = await tx.getRepository(TicketEntity).findOneBy({ id: event.ticketId });
    if (!ticket) return null;
    const policy = await this.policy.inForce(resolvedAt);
    const superseded = ticket.resolvedAt?.getTime() !== resolvedAt.getTime();
    const now = this.clock.now();
    const followUp = await this.insertVisit(tx, 'follow_up', {
      status: superseded ? 'cancelled' : 'pending',
      ticketId: ticket.id,
      ticketResolvedAt: resolvedAt,
      customerId: ticket.customerId,
      assetId: ticket.assetId,
      outletId: ticket.outletId,
      policyVersionId: policy.id,
      dueAt: followUpDueAt(policy.commitments, resolvedAt),
      cancelledAt: superseded ? now : null,
      cancelReason: superseded ? REOPENED_REASON : null,
      createdBy: null,
    });
    await this.audit.append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'follow_up.created',
      entityType: 'follow_up',
      entityId: followUp.id,
      changes: {
        number: followUp.number,
        kind: followUp.kind,
        status: followUp.status,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketResolvedAt: resolvedAt.toISOString(),
        policyVersionId: policy.id,
        dueAt: followUp.dueAt.toISOString(),
      },
    });
    return followUp;
  }

  /**
   * A reopened ticket will be resolved again and followed up then: the pending follow-ups of its
   * earlier resolution are cancelled (one that itself reopened the ticket is already completed).
   */
  async cancelForReopening(tx: Tx, event: TicketEvent): Promise<number> {
    // Only resolutions before this reopening: the event may be handled after the ticket's next one.
    const pending = await tx.getRepository(FollowUpEntity).find({
      where: {
        ticketId: event.ticketId,
        kind: 'follow_up',
        status: 'pending',
        ticketResolvedAt: LessThan(new Date(event.occurredAt)),
      },
    });
    const now = this.clock.now();
    for (const followUp of pending) {
      const { affected } = await tx
        .createQueryBuilder()
        .update(FollowUpEntity)
        .set({
          status: 'cancelled',
          version: followUp.version + 1,
          cancelledAt: now,
          cancelReason: REOPENED_REASON,
        })
        .where('id = :id AND status = :status AND version = :version', {
          id: followUp.id,
          status: 'pending',
          version: followUp.version,
        })
        .execute();
      if (affected !== 1) continue;
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'follow_up.cancel',
        entityType: 'follow_up',
        entityId: followUp.id,
        changes: { status: { from: 'pending', to: 'cancelled' }, reason: REOPENED_REASON },
      });
    }
    return pending.length;
  }

  /**
   * Schedules an inspection (巡检) of an installed unit, or of a customer's site: one-off, or every N
   * months (the next visit is scheduled when one is done or found unreachable).
   */
  scheduleInspection(dto: ScheduleInspectionDto, context: RequestContext): Promise<FollowUpEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const problems: FieldProblem[] = [];
      if (!dto.assetId && !dto.customerId) {
        problems.push({ field: 'assetId', problems: ['assetId or customerId is required'] });
      }
      let asset: AssetEntity | null = null;
      if (dto.assetId) {
        asset = await tx.getRepository(AssetEntity).findOneBy({ id: dto.assetId });
        if (!asset?.active) {
          problems.push({
            field: 'assetId',
            problems: ['assetId must be an active unit of the asset register'],
          });
        } else if (asset.installedOn === null) {
          problems.push({
            field: 'assetId',
            problems: ['assetId must be an installed unit: record its installation first'],
          });
        } else if (dto.customerId && dto.customerId !== asset.customerId) {
          problems.push({ field: 'customerId', problems: ["customerId differs from the unit's customer"] });
        }
      }
      const customerId = asset?.customerId ?? dto.customerId;
      const lookup = customerId
        ? await this.customers.findReferenced(tx, context.user, [
            { id: customerId, field: dto.customerId ? 'customerId' : 'assetId' },
          ])
        : null;
      const customer = customerId ? lookup?.found.get(customerId) : undefined;
      if (customerId && !customer?.active) {
        problems.push({
          field: dto.customerId ? 'customerId' : 'assetId',
          problems: ['must belong to an active customer of your outlet'],
        });
      }
      if (problems.length > 0 || !customer) throw invalidFields(mergeFieldProblems(problems));
      const assigned = dto.assigneeId
        ? await this.assertAssignable(tx, context.user, 'inspection', customer.outletId, dto.assigneeId)
        : null;
      const inspection = await this.insertVisit(tx, 'inspection', {
        status: 'pending',
        customerId: customer.id,
        assetId: asset?.id ?? null,
        outletId: assigned?.outletId ?? customer.outletId,
        dueAt: dto.dueAt,
        everyMonths: dto.everyMonths ?? null,
        assigneeId: dto.assigneeId ?? null,
        note: dto.note?.trim() || null,
        createdBy: context.user.id,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'follow_up.scheduled',
        entityType: 'follow_up',
        entityId: inspection.id,
        changes: {
          number: inspection.number,
          kind: 'inspection',
          customerId: customer.id,
          assetId: inspection.assetId,
          dueAt: inspection.dueAt.toISOString(),
          everyMonths: inspection.everyMonths,
          assigneeId: inspection.assigneeId,
          note: inspection.note,
        },
        requestId: context.requestId,
      });
      return inspection;
    });
  }

  /**
   * The next visit of a recurring inspection, once its predecessor is done or found unreachable:
   * same unit, customer, assignee and interval, due N months after the predecessor was due.
   */
  async scheduleNext(tx: Tx, done: FollowUpEntity, context: RequestContext): Promise<FollowUpEntity | null> {
    if (done.kind !== 'inspection' || done.everyMonths === null) return null;
    const next = await this.insertVisit(tx, 'inspection', {
      status: 'pending',
      customerId: done.customerId,
      assetId: done.assetId,
      outletId: done.outletId,
      dueAt: nextInspectionDueAt(done.dueAt, done.everyMonths, this.config.companyTimeZone),
      everyMonths: done.everyMonths,
      previousId: done.id,
      assigneeId: done.assigneeId,
      note: done.note,
      createdBy: null,
    });
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: 'follow_up.scheduled',
      entityType: 'follow_up',
      entityId: next.id,
      changes: {
        number: next.number,
        kind: 'inspection',
        previousId: done.id,
        dueAt: next.dueAt.toISOString(),
        everyMonths: next.everyMonths,
      },
      requestId: context.requestId,
    });
    return next;
  }

  /**
   * A user a visit may be given to: enabled, of a care role, of head office or of the visit's outlet.
   * A head-office visit given to an outlet's user becomes that outlet's (as a dispatch does a ticket).
   */
  async assertAssignable(
    tx: Tx,
    viewer: AuthenticatedUser,
    kind: FollowUpKind,
    outletId: string | null,
    assigneeId: string,
  ): Promise<{ user: UserEntity; outletId: string | null }> {
    const lookup = await this.users.findReferenced(tx, viewer, [{ id: assigneeId, field: 'assigneeId' }]);
    const user = lookup.found.get(assigneeId);
    const roles = assignableRoles(kind);
    const problems: string[] = [];
    if (!user || user.disabled || !user.roles.some((role) => roles.includes(role))) {
      problems.push(`assigneeId must be an enabled user with one of the roles ${roles.join(', ')}`);
    } else if (outletId !== null && !canSeeOutletRecord(user, outletId)) {
      problems.push("assigneeId must be a user of head office or of the visit's outlet");
    }
    if (!user || problems.length > 0) throw invalidFields([{ field: 'assigneeId', problems }]);
    return { user, outletId: outletId ?? user.outletId };
  }

  private async insertVisit(
    tx: Tx,
    kind: FollowUpKind,
    fields: QueryDeepPartialEntity<FollowUpEntity>,
  ): Promise<FollowUpEntity> {
    const year = Number(calendarDate(this.clock.now(), this.config.companyTimeZone).slice(0, 4));
    const series = NUMBER_SERIES[kind];
    const number = formatRecordNumber(series, year, await nextInSeries(tx, series, year));
    const { identifiers } = await tx
      .createQueryBuilder()
      .insert()
      .into(FollowUpEntity)
      .values({ ...fields, kind, number })
      .execute();
    return tx.getRepository(FollowUpEntity).findOneByOrFail({ id: (identifiers[0] as { id: string }).id });
  }

  /** One visit as the viewer may see it (another outlet's reads as missing). */
  async get(
    id: string,
    viewer: AuthenticatedUser,
    tx: Tx = this.dataSource.manager,
  ): Promise<LoadedFollowUp> {
    const followUp = await this.loaded(tx).where('f.id = :id', { id }).getOne();
    if (!followUp || !canSeeFollowUp(viewer, followUp)) throw new NotFoundError('follow_up', id);
    return followUp;
  }

  async dossier(id: string, viewer: AuthenticatedUser): Promise<FollowUpDossier> {
    const followUp = await this.get(id, viewer);
    const manager = this.dataSource.manager;
    const [attempts, next] = await Promise.all([
      manager.getRepository(FollowUpAttemptEntity).find({
        where: { followUpId: id },
        relations: { recorder: true },
        order: { attemptedAt: 'ASC', createdAt: 'ASC' },
      }),
      manager.getRepository(FollowUpEntity).findOne({ where: { previousId: id }, select: { id: true } }),
    ]);
    return { followUp, attempts, nextId: next?.id ?? null };
  }

  /** Visits the viewer may see, soonest due first. */
  async list(
    query: ListFollowUpsQueryDto,
    viewer: AuthenticatedUser,
    kind?: FollowUpKind,
  ): Promise<Page<LoadedFollowUp>> {
    const q = this.visible(this.loaded(this.dataSource.manager), viewer);
    const onlyKind = kind ?? query.kind;
    if (onlyKind) q.andWhere('f.kind = :kind', { kind: onlyKind });
    if (query.status?.length) q.andWhere('f.status IN (:...statuses)', { statuses: query.status });
    if (query.overdue === true) {
      q.andWhere(`f.status = 'pending' AND f.dueAt < :now`, { now: this.clock.now() });
    } else if (query.overdue === false) {
      q.andWhere(`NOT (f.status = 'pending' AND f.dueAt < :now)`, { now: this.clock.now() });
    }
    if (query.assigneeId) q.andWhere('f.assigneeId = :assigneeId', { assigneeId: query.assigneeId });
    if (query.unassigned !== undefined) {
      q.andWhere(query.unassigned ? 'f.assigneeId IS NULL' : 'f.assigneeId IS NOT NULL');
    }
    if (query.ticketId) q.andWhere('f.ticketId = :ticketId', { ticketId: query.ticketId });
    if (query.customerId) q.andWhere('f.customerId = :customerId', { customerId: query.customerId });
    if (query.outletId) q.andWhere('f.outletId = :outletId', { outletId: query.outletId });
    if (query.assetId) q.andWhere('f.assetId = :assetId', { assetId: query.assetId });
    return fetchPage(q.orderBy('f.dueAt', 'ASC').addOrderBy('f.number', 'ASC'), query);
  }

  /** The follow-ups of a ticket, and the inspection that opened it, as the ticket's page lists them. */
  async linkedTo(ticketId: string, viewer: AuthenticatedUser): Promise<LinkedRecord[]> {
    const rows = await this.visible(this.loaded(this.dataSource.manager), viewer)
      .andWhere(
        new Brackets((where) =>
          where.where('f.ticketId = :ticketId', { ticketId }).orWhere('f.openedTicketId = :ticketId'),
        ),
      )
      .orderBy('f.createdAt', 'ASC')
      .getMany();
    return rows.map((followUp) => ({
      type: followUp.kind,
      id: followUp.id,
      number: followUp.number,
      status: followUp.status,
      summary: this.summary(followUp),
      createdAt: followUp.createdAt,
    }));
  }

  /** One line in Chinese for the ticket's page. */
  private summary(followUp: LoadedFollowUp): string {
    const kind = KIND_NAMES[followUp.kind];
    const at = (date: Date) => formatDateTime(date, this.config.companyTimeZone);
    if (followUp.kind === 'inspection') {
      return `${kind} ${followUp.number} 发现问题，开立本工单：${followUp.findings ?? ''}`;
    }
    switch (followUp.status) {
      case 'pending':
        return `待回访，应于 ${at(followUp.dueAt)} 前完成${followUp.attemptCount > 0 ? `（已尝试 ${followUp.attemptCount} 次）` : ''}`;
      case 'completed': {
        const how = followUp.method ? CONTACT_METHOD_LABELS[followUp.method].zh : '';
        const verdict = followUp.satisfied ? '满意' : '不满意';
        const action =
          followUp.problemAction && followUp.problemAction !== 'none'
            ? `，${PROBLEM_ACTION_LABELS[followUp.problemAction].zh}${followUp.complaintNumber ? ` ${followUp.complaintNumber}` : ''}`
            : '';
        return `${how}回访完成：${verdict}，评分 ${followUp.score ?? '—'}${action}`;
      }
      case 'unreachable':
        return `${FOLLOW_UP_STATUS_NAMES.unreachable}（尝试 ${followUp.attemptCount} 次未联系上）`;
      case 'cancelled':
        return `${FOLLOW_UP_STATUS_NAMES.cancelled}：${followUp.cancelReason ?? ''}`;
    }
  }

  /** Narrows a visits query (alias f) to what the viewer may see. */
  visible<T extends FollowUpEntity>(
    q: SelectQueryBuilder<T>,
    viewer: AuthenticatedUser,
  ): SelectQueryBuilder<T> {
    if (seesOnlyOwnInspections(viewer)) {
      return q.andWhere(`f.kind = 'inspection' AND f.assigneeId = :viewerId`, { viewerId: viewer.id });
    }
    const outletId = outletRestriction(viewer);
    return outletId === null ? q : q.andWhere('f.outletId = :viewerOutletId', { viewerOutletId: outletId });
  }

  loaded(tx: Tx): SelectQueryBuilder<LoadedFollowUp> {
    return tx
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.customer', 'customer')
      .leftJoinAndSelect('f.ticket', 'ticket')
      .leftJoinAndSelect('f.asset', 'asset')
      .leftJoinAndSelect('f.outlet', 'outlet')
      .leftJoinAndSelect('f.assignee', 'assignee')
      .leftJoinAndSelect('f.openedTicket', 'openedTicket')
      .leftJoinAndSelect('f.completer', 'completer') as SelectQueryBuilder<LoadedFollowUp>;
  }
}
