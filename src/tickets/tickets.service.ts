import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AssetsService } from '../assets/assets.service';
import { effectiveWarrantyEnd, warrantyStatus } from '../assets/domain/warranty';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import { AuditService, auditActor } from '../audit/audit.service';
import { ProductsService } from '../catalog/products.service';
import { calendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { formatRecordNumber, nextInSeries } from '../common/numbering/yearly-sequence';
import { CustomersService } from '../customers/customers.service';
import { PolicyService } from '../policy/policy.service';
import { canSeeTicket, seesOnlyOwnJobs } from './domain/ticket-access';
import type { TicketWarrantyStatus } from './domain/ticket-fields';
import type { CreateTicketDto, ListTicketsQueryDto } from './dto/ticket-request.dto';
import { TicketDeadlineScheduler } from './ticket-deadline.scheduler';
import { TicketHistoryEntity } from './ticket-history.entity';
import { TicketHoldEntity } from './ticket-hold.entity';
import { whereOverdue } from './ticket-queries';
import { TicketBreachEntity } from './ticket-breach.entity';
import { TicketWorkLogEntity } from './ticket-work-log.entity';
import { type LinkedRecord, TicketLinks } from './ticket-links';
import { TicketEntity } from './ticket.entity';

export const TICKET_SERIES = 'RT';

/** A ticket with the records it is read with: customer, product, technician and outlet. */
export type LoadedTicket = TicketEntity & Required<Pick<TicketEntity, 'customer' | 'product'>>;

/** Everything GET /tickets/:id shows: the ticket and its whole story. */
export interface TicketDossier {
  ticket: LoadedTicket;
  history: TicketHistoryEntity[];
  holds: TicketHoldEntity[];
  workLogs: TicketWorkLogEntity[];
  breaches: TicketBreachEntity[];
  /** Returned goods, follow-ups, complaints… of this ticket that the viewer may see. */
  linked: LinkedRecord[];
}

/** Intake, reading and listing of repair tickets; the workflow actions live in TicketActionsService. */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly assets: AssetsService,
    private readonly products: ProductsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly deadlines: TicketDeadlineScheduler,
    private readonly links: TicketLinks,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers a repair request: the unit by its serial number (or the product when the unit is not
   * registered), warranty judged on the report day, deadlines from the policy in force then, and a
   * number in this year's series. The deadline checks are scheduled with it.
   */
  create(dto: CreateTicketDto, context: RequestContext): Promise<TicketEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const now = this.clock.now();
      const reportedAt = dto.reportedAt ?? now;
      const problems: FieldProblem[] = [];
      if (reportedAt.getTime() > now.getTime()) {
        problems.push({ field: 'reportedAt', problems: ['reportedAt must not be in the future'] });
      }
      const customer = await this.customers.usableIn(tx, context.user, dto.customerId, problems);
      const unit = await this.unitOf(tx, dto, customer?.id ?? null, problems);
      if (!customer || !unit || problems.length > 0) throw invalidFields(problems);

      const today = calendarDate(reportedAt, this.config.companyTimeZone);
      const zone = dto.zone ?? customer.zone;
      const priority = dto.priority;
      const due = await this.policy.deadlinesFor({ reportedAt, priority, zone });
      const year = Number(today.slice(0, 4));
      const number = formatRecordNumber(TICKET_SERIES, year, await nextInSeries(tx, TICKET_SERIES, year));
      const repository = tx.getRepository(TicketEntity);
      const ticket = await repository.save(
        repository.create({
          number,
          status: 'reported',
          customerId: customer.id,
          assetId: unit.assetId,
          productId: unit.productId,
          serialNumber: dto.serialNumber ?? null,
          fault: dto.fault.trim(),
          channel: dto.channel,
          priority,
          contactName: dto.contactName ?? customer.name,
          contactPhone: dto.contactPhone ?? customer.phone,
          address: dto.address ?? unit.installationAddress ?? customer.address,
          region: dto.region ?? customer.region,
          zone,
          warrantyStatus: unit.warrantyEnd === null ? 'unknown' : warrantyStatus(unit.warrantyEnd, today),
          warrantyEnd: unit.warrantyEnd,
          policyVersionId: due.policyVersionId,
          reportedAt,
          responseDueAt: due.responseDueAt,
          onSiteDueAt: due.onSiteDueAt,
          plannedResolveDueAt: due.resolveDueAt,
          resolveDueAt: due.resolveDueAt,
          // The customer's outlet, until a dispatch gives the job to one.
          outletId: customer.outletId,
          createdBy: context.user.id,
        }),
      );
      await tx.getRepository(TicketHistoryEntity).insert({
        ticketId: ticket.id,
        action: 'report',
        fromStatus: null,
        toStatus: 'reported',
        actorId: context.user.id,
        actorName: context.user.username,
        at: now,
        reason: null,
        details: { channel: ticket.channel, priority, policyVersion: due.versionNumber },
      });
      await this.deadlines.schedule(tx, ticket, ['response', 'on_site', 'resolve'], context.requestId);
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'ticket.reported',
        entityType: 'ticket',
        entityId: ticket.id,
        changes: {
          number,
          customerId: ticket.customerId,
          assetId: ticket.assetId,
          productId: ticket.productId,
          priority,
          zone,
          warrantyStatus: ticket.warrantyStatus,
          policyVersionId: due.policyVersionId,
          responseDueAt: ticket.responseDueAt.toISOString(),
          onSiteDueAt: ticket.onSiteDueAt.toISOString(),
          resolveDueAt: ticket.resolveDueAt.toISOString(),
        },
        requestId: context.requestId,
      });
      return ticket;
    });
  }

  /**
   * The unit under repair: the registered asset when the serial number is known (it must be the
   * customer's), otherwise the named product, with warranty unknown.
   */
  private async unitOf(
    tx: Tx,
    dto: CreateTicketDto,
    customerId: string | null,
    problems: FieldProblem[],
  ): Promise<{
    assetId: string | null;
    productId: string;
    warrantyEnd: string | null;
    installationAddress: string | null;
  } | null> {
    const asset = dto.serialNumber ? await this.assets.findByKey(tx, dto.serialNumber) : null;
    if (asset) {
      if (customerId !== null && asset.customerId !== customerId) {
        problems.push({
          field: 'serialNumber',
          problems: ['serialNumber is registered to another customer; correct the asset register first'],
        });
      }
      if (dto.productId && dto.productId !== asset.productId) {
        problems.push({ field: 'productId', problems: ['productId differs from the registered unit'] });
      }
      return {
        assetId: asset.id,
        productId: asset.productId,
        warrantyEnd: effectiveWarrantyEnd(asset),
        installationAddress: asset.installationAddress,
      };
    }
    if (!dto.productId) {
      problems.push({
        field: 'productId',
        problems: ['productId is required when the serial number is not in the asset register'],
      });
      return null;
    }
    const product = await this.products.find(dto.productId, tx);
    if (!product?.active) {
      problems.push({ field: 'productId', problems: ['productId must be an active product'] });
      return null;
    }
    return { assetId: null, productId: product.id, warrantyEnd: null, installationAddress: null };
  }

  /** One ticket as the viewer may see it (another's job or another outlet's ticket reads as missing). */
  async get(id: string, viewer: AuthenticatedUser, tx: Tx = this.dataSource.manager): Promise<LoadedTicket> {
    const ticket = await this.loaded(tx).where('t.id = :id', { id }).getOne();
    if (!ticket || !canSeeTicket(viewer, ticket)) throw new NotFoundError('ticket', id);
    return ticket;
  }

  async dossier(id: string, viewer: AuthenticatedUser): Promise<TicketDossier> {
    const ticket = await this.get(id, viewer);
    const manager = this.dataSource.manager;
    const [history, holds, workLogs, breaches, linked] = await Promise.all([
      manager.getRepository(TicketHistoryEntity).find({ where: { ticketId: id }, order: { seq: 'ASC' } }),
      manager.getRepository(TicketHoldEntity).find({ where: { ticketId: id }, order: { startedAt: 'ASC' } }),
      manager
        .getRepository(TicketWorkLogEntity)
        .find({ where: { ticketId: id }, order: { startedAt: 'ASC' } }),
      manager.getRepository(TicketBreachEntity).find({ where: { ticketId: id }, order: { dueAt: 'ASC' } }),
      this.links.linkedTo(id, viewer),
    ]);
    return { ticket, history, holds, workLogs, breaches, linked };
  }

  /** Whether the viewer may see the ticket; null when there is none (for attachments). */
  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const ticket = await this.dataSource
      .getRepository(TicketEntity)
      .findOne({ where: { id }, select: { id: true, outletId: true, technicianId: true } });
    return ticket ? canSeeTicket(viewer, ticket) : null;
  }

  async list(query: ListTicketsQueryDto, viewer: AuthenticatedUser): Promise<Page<LoadedTicket>> {
    const q = this.visible(this.loaded(this.dataSource.manager), viewer);
    if (query.status?.length) q.andWhere('t.status IN (:...statuses)', { statuses: query.status });
    if (query.technicianId)
      q.andWhere('t.technicianId = :technicianId', { technicianId: query.technicianId });
    if (query.outletId) q.andWhere('t.outletId = :outletId', { outletId: query.outletId });
    if (query.customerId) q.andWhere('t.customerId = :customerId', { customerId: query.customerId });
    if (query.priority) q.andWhere('t.priority = :priority', { priority: query.priority });
    if (query.warrantyStatus) {
      q.andWhere('t.warrantyStatus = :warranty', {
        warranty: query.warrantyStatus satisfies TicketWarrantyStatus,
      });
    }
    // Bounds as instants, so that the index on reported_at serves the range.
    const zone = this.config.companyTimeZone;
    if (query.from)
      q.andWhere(`t.reportedAt >= (CAST(:from AS date)::timestamp AT TIME ZONE :zone)`, {
        zone,
        from: query.from,
      });
    if (query.to)
      q.andWhere(`t.reportedAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)`, {
        zone,
        to: query.to,
      });
    if (query.overdue === true) whereOverdue(q, 't', this.clock.now());
    if (query.q)
      matchText(q, ['t.number', 't.fault', 't.serialNumber', 't.contactName', 't.address'], query.q);
    return fetchPage(q.orderBy('t.reportedAt', 'DESC').addOrderBy('t.number', 'DESC'), query);
  }

  /** Narrows a tickets query (alias t) to what the viewer may see. */
  visible<T extends TicketEntity>(
    q: SelectQueryBuilder<T>,
    viewer: AuthenticatedUser,
  ): SelectQueryBuilder<T> {
    if (seesOnlyOwnJobs(viewer)) return q.andWhere('t.technicianId = :viewerId', { viewerId: viewer.id });
    const outletId = outletRestriction(viewer);
    return outletId === null ? q : q.andWhere('t.outletId = :viewerOutletId', { viewerOutletId: outletId });
  }

  private loaded(tx: Tx): SelectQueryBuilder<LoadedTicket> {
    return tx
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.customer', 'customer')
      .innerJoinAndSelect('t.product', 'product')
      .leftJoinAndSelect('t.technician', 'technician')
      .leftJoinAndSelect('t.outlet', 'outlet') as SelectQueryBuilder<LoadedTicket>;
  }
}
