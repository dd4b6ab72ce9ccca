import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type AuthenticatedUser, type RequestContext, hasAnyRole } from '../auth/authenticated-user';
import { canSeeOutletRecord, outletRestriction } from '../auth/domain/outlet-scope';
import { AuditService, auditActor } from '../audit/audit.service';
import { calendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { formatRecordNumber, nextInSeries } from '../common/numbering/yearly-sequence';
import { requiredTextProblems } from '../common/workflow/transition';
import { CustomersService } from '../customers/customers.service';
import { OutletEntity } from '../outlets/outlet.entity';
import { complaintDeadlines } from '../policy/domain/deadlines';
import { PolicyService } from '../policy/policy.service';
import { canSeeTicket } from '../tickets/domain/ticket-access';
import type { LinkedRecord } from '../tickets/ticket-links';
import { TicketEntity } from '../tickets/ticket.entity';
import { UsersService } from '../users/users.service';
import { ComplaintEscalationsService } from './complaint-escalations.service';
import { ComplaintHistoryEntity } from './complaint-history.entity';
import { ComplaintNotifier } from './complaint-notifier';
import { ComplaintEntity } from './complaint.entity';
import {
  COMPLAINT_CATEGORY_NAMES,
  COMPLAINT_SEVERITY_NAMES,
  OPEN_COMPLAINT_STATUSES,
  TEXT_MAX_LENGTH,
} from './domain/complaint-fields';
import { COMPLAINT_READERS } from './domain/complaint-workflow';
import type { CreateComplaintDto, ListComplaintsQueryDto } from './dto/complaint-request.dto';

export const COMPLAINT_SERIES = 'CP';

/** A complaint with the records it is read with: customer, ticket, outlet, technician, escalations. */
export type LoadedComplaint = ComplaintEntity & Required<Pick<ComplaintEntity, 'customer' | 'escalations'>>;

/** Everything GET /complaints/:id shows: the complaint and its timeline. */
export interface ComplaintDossier {
  complaint: LoadedComplaint;
  history: ComplaintHistoryEntity[];
}

/** The longest part of a complaint's text a ticket's page shows. */
const SUMMARY_LENGTH = 40;

/** Registration, reading and listing of complaints (投诉); the workflow is in ComplaintActionsService. */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly users: UsersService,
    private readonly policy: PolicyService,
    private readonly escalations: ComplaintEscalationsService,
    private readonly notifier: ComplaintNotifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  create(input: CreateComplaintDto, context: RequestContext): Promise<{ id: string; number: string }> {
    return inTransaction(this.dataSource, (tx) => this.createIn(tx, input, context));
  }

  /**
   * Registers a complaint in the caller's transaction (the endpoint's own, or a follow-up call's that
   * found a problem): its links checked against what the actor may see, deadlines from the policy in
   * force when it was received, a CP number, the deadline timers, and for a major complaint the mail
   * to the managers at once. Roles are the caller's to check.
   */
  async createIn(
    tx: Tx,
    input: CreateComplaintDto,
    context: RequestContext,
  ): Promise<{ id: string; number: string }> {
    const viewer = context.user;
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    // The endpoint's DTO checks this too; callers in other modules pass their own text.
    const problems: FieldProblem[] = requiredTextProblems('description', input.description, TEXT_MAX_LENGTH);
    if (receivedAt.getTime() > now.getTime()) {
      problems.push({ field: 'receivedAt', problems: ['receivedAt must not be in the future'] });
    }
    const lookup = await this.customers.findReferenced(tx, viewer, [
      { id: input.customerId, field: 'customerId' },
    ]);
    problems.push(...lookup.problems);
    const customer = lookup.found.get(input.customerId);

    const ticket = input.ticketId
      ? await tx.getRepository(TicketEntity).findOneBy({ id: input.ticketId })
      : null;
    if (input.ticketId) {
      if (!ticket || !canSeeTicket(viewer, ticket)) {
        problems.push({ field: 'ticketId', problems: ['must be an existing ticket'] });
      } else {
        if (ticket.customerId !== input.customerId) {
          problems.push({ field: 'ticketId', problems: ["must be a ticket of the complaint's customer"] });
        }
        if (receivedAt.getTime() < ticket.reportedAt.getTime()) {
          problems.push({
            field: 'receivedAt',
            problems: [
              `receivedAt must not be before the ticket was reported (${ticket.reportedAt.toISOString()})`,
            ],
          });
        }
      }
    }

    // The outlet complained about: named, else the ticket's; an outlet-bound user's own otherwise.
    const namedOutlet = input.outletId ?? ticket?.outletId ?? null;
    if (namedOutlet !== null) {
      const exists = await tx.getRepository(OutletEntity).existsBy({ id: namedOutlet });
      if (!exists || !canSeeOutletRecord(viewer, namedOutlet)) {
        problems.push({ field: 'outletId', problems: ['must be an existing outlet'] });
      }
    }
    const outletId = namedOutlet ?? outletRestriction(viewer);

    // The technician: named, else the ticket's when the complaint is about the ticket's outlet.
    let technicianId = ticket && ticket.outletId === outletId ? ticket.technicianId : null;
    if (input.technicianId) {
      const users = await this.users.findReferenced(tx, viewer, [
        { id: input.technicianId, field: 'technicianId' },
      ]);
      const technician = users.found.get(input.technicianId);
      if (!technician?.roles.includes('technician')) {
        problems.push({ field: 'technicianId', problems: ['must be an existing technician'] });
      } else if (technician.outletId !== null && outletId !== null && technician.outletId !== outletId) {
        problems.push({ field: 'technicianId', problems: ['the technician works for another outlet'] });
      }
      technicianId = input.technicianId;
    }
    if (!customer || problems.length > 0) throw invalidFields(problems);

    const policy = await this.policy.inForce(receivedAt);
    const due = complaintDeadlines(policy.commitments, receivedAt);
    const year = Number(calendarDate(receivedAt, this.config.companyTimeZone).slice(0, 4));
    const number = formatRecordNumber(COMPLAINT_SERIES, year, await nextInSeries(tx, COMPLAINT_SERIES, year));
    const repository = tx.getRepository(ComplaintEntity);
    const complaint = await repository.save(
      repository.create({
        number,
        status: 'received',
        customerId: customer.id,
        ticketId: ticket?.id ?? null,
        outletId,
        technicianId,
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        contactName: input.contactName?.trim() || customer.name,
        contactPhone: input.contactPhone?.trim() || customer.phone,
        description: input.description.trim(),
        policyVersionId: policy.id,
        receivedAt,
        acknowledgeDueAt: due.acknowledgeDueAt,
        resolveDueAt: due.resolveDueAt,
        createdBy: viewer.id,
      }),
    );
    await this.escalations.schedule(tx, complaint, ['acknowledge', 'resolve'], context.requestId);
    const notified =
      complaint.severity === 'major'
        ? await this.notifier.majorReceived(tx, complaint.id, context.requestId)
        : null;
    await tx.getRepository(ComplaintHistoryEntity).insert({
      complaintId: complaint.id,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorId: viewer.id,
      actorName: viewer.username,
      at: now,
      reason: null,
      details: {
        channel: complaint.channel,
        category: complaint.category,
        severity: complaint.severity,
        ticketNumber: ticket?.number ?? null,
        policyVersion: policy.versionNumber,
        ...(notified === null ? {} : { notified }),
      } as QueryDeepPartialEntity<Record<string, unknown>>,
    });
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: 'complaint.received',
      entityType: 'complaint',
      entityId: complaint.id,
      changes: {
        number,
        customerId: complaint.customerId,
        ticketId: complaint.ticketId,
        outletId: complaint.outletId,
        technicianId: complaint.technicianId,
        channel: complaint.channel,
        category: complaint.category,
        severity: complaint.severity,
        receivedAt: receivedAt.toISOString(),
        policyVersionId: policy.id,
        acknowledgeDueAt: complaint.acknowledgeDueAt.toISOString(),
        resolveDueAt: complaint.resolveDueAt.toISOString(),
        ...(notified === null ? {} : { managersNotified: notified }),
      },
      requestId: context.requestId,
    });
    return { id: complaint.id, number };
  }

  /** One complaint as the viewer may see it (another outlet's reads as missing). */
  async get(
    id: string,
    viewer: AuthenticatedUser,
    tx: Tx = this.dataSource.manager,
  ): Promise<LoadedComplaint> {
    const complaint = await this.loaded(tx).where('c.id = :id', { id }).getOne();
    if (!complaint || !canSeeOutletRecord(viewer, complaint.outletId))
      throw new NotFoundError('complaint', id);
    return complaint;
  }

  async dossier(id: string, viewer: AuthenticatedUser): Promise<ComplaintDossier> {
    const complaint = await this.get(id, viewer);
    const history = await this.dataSource
      .getRepository(ComplaintHistoryEntity)
      .find({ where: { complaintId: id }, order: { seq: 'ASC' } });
    return { complaint, history };
  }

  async list(query: ListComplaintsQueryDto, viewer: AuthenticatedUser): Promise<Page<LoadedComplaint>> {
    const q = this.visible(this.loaded(this.dataSource.manager), viewer);
    if (query.status?.length) q.andWhere('c.status IN (:...statuses)', { statuses: query.status });
    if (query.severity) q.andWhere('c.severity = :severity', { severity: query.severity });
    if (query.category) q.andWhere('c.category = :category', { category: query.category });
    if (query.customerId) q.andWhere('c.customerId = :customerId', { customerId: query.customerId });
    if (query.ticketId) q.andWhere('c.ticketId = :ticketId', { ticketId: query.ticketId });
    if (query.outletId) q.andWhere('c.outletId = :outletId', { outletId: query.outletId });
    const zone = this.config.companyTimeZone;
    if (query.from) {
      q.andWhere(`c.receivedAt >= (CAST(:from AS date)::timestamp AT TIME ZONE :zone)`, {
        zone,
        from: query.from,
      });
    }
    if (query.to) {
      q.andWhere(`c.receivedAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)`, {
        zone,
        to: query.to,
      });
    }
    if (query.overdue !== undefined) {
      // An open complaint past its resolution deadline, or not yet acknowledged past that deadline.
      const overdue = `(c.status IN (:...openStatuses) AND (c.resolveDueAt <= :now
        OR (c.status = 'received' AND c.acknowledgeDueAt <= :now)))`;
      q.andWhere(query.overdue ? overdue : `NOT ${overdue}`, {
        openStatuses: OPEN_COMPLAINT_STATUSES,
        now: this.clock.now(),
      });
    }
    if (query.q) matchText(q, ['c.number', 'c.description', 'c.contactName', 'customer.name'], query.q);
    return fetchPage(q.orderBy('c.receivedAt', 'DESC').addOrderBy('c.number', 'DESC'), query);
  }

  /** The complaints about a ticket, for its page; none for a reader of tickets who does not read complaints. */
  async linkedTo(ticketId: string, viewer: AuthenticatedUser): Promise<LinkedRecord[]> {
    if (!hasAnyRole(viewer, COMPLAINT_READERS)) return [];
    const q = this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.ticketId = :ticketId', { ticketId });
    const complaints = await this.visible(q, viewer).orderBy('c.receivedAt', 'ASC').getMany();
    return complaints.map((complaint) => {
      const text = complaint.description;
      const short = text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
      return {
        type: 'complaint',
        id: complaint.id,
        number: complaint.number,
        status: complaint.status,
        summary: `${COMPLAINT_SEVERITY_NAMES[complaint.severity]}投诉（${COMPLAINT_CATEGORY_NAMES[complaint.category]}）：${short}`,
        createdAt: complaint.createdAt,
      };
    });
  }

  /** Narrows a complaints query (alias c) to what the viewer may see: an outlet's users, their outlet's. */
  visible<T extends ComplaintEntity>(
    q: SelectQueryBuilder<T>,
    viewer: AuthenticatedUser,
  ): SelectQueryBuilder<T> {
    const outletId = outletRestriction(viewer);
    return outletId === null ? q : q.andWhere('c.outletId = :viewerOutletId', { viewerOutletId: outletId });
  }

  private loaded(tx: Tx): SelectQueryBuilder<LoadedComplaint> {
    return tx
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.customer', 'customer')
      .leftJoinAndSelect('c.ticket', 'ticket')
      .leftJoinAndSelect('c.outlet', 'outlet')
      .leftJoinAndSelect('c.technician', 'technician')
      .leftJoinAndSelect('c.escalations', 'escalation')
      .leftJoinAndSelect('escalation.actor', 'escalationActor') as SelectQueryBuilder<LoadedComplaint>;
  }
}
