import { trimmedOrNull } from '../common/text';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { AuditService, auditActor } from '../audit/audit.service';
import { ProductsService } from '../catalog/products.service';
import { calendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, assertDateOrder, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage } from '../common/http/pagination';
import { MessageEntity } from '../common/mail/message.entity';
import { formatRecordNumber, nextInSeries } from '../common/numbering/yearly-sequence';
import { CustomersService } from '../customers/customers.service';
import { returnsNoticeDueAt } from '../policy/domain/deadlines';
import { PolicyService } from '../policy/policy.service';
import type { LinkedRecord } from '../tickets/ticket-links';
import type { TicketEntity } from '../tickets/ticket.entity';
import {
  RETURN_KIND_NAMES,
  RETURN_SERIES,
  RETURN_STATUS_NAMES,
  SETTLED_RETURN_STATUSES,
  type ReturnKind,
  labelCode,
} from './domain/return-fields';
import { type SupplierReturn, type TurnaroundSummary, summariseTurnaround } from './domain/turnaround';
import type { CreateReturnDto, ListReturnsQueryDto, TurnaroundQueryDto } from './dto/return-request.dto';
import { ReturnChaseEntity } from './return-chase.entity';
import { ReturnHistoryEntity } from './return-history.entity';
import { ReturnItemEntity } from './return-item.entity';
import { ReturnScheduler } from './return-scheduler';
import { ReturnEntity } from './return.entity';

/** A record with what it is read with: customer, and supplier, ticket and outlet when it has them. */
export type LoadedReturn = ReturnEntity & Required<Pick<ReturnEntity, 'customer'>>;

/** A record with its items (each with its product), as lists and the ticket show it. */
export interface ListedReturn {
  record: LoadedReturn;
  items: ReturnItemEntity[];
}

/** Everything GET /returns/:id shows: the record and its whole story. */
export interface ReturnDossier extends ListedReturn {
  history: ReturnHistoryEntity[];
  chases: ReturnChaseEntity[];
  /** The notice to the customer, when one was given (mail, or the phone call to make). */
  notice: MessageEntity | null;
}

/** What an intake records, from a ticket's take-back or from the counter. */
interface Intake {
  customerId: string;
  ticket: { id: string; number: string } | null;
  outletId: string | null;
  kind: ReturnKind;
  urgent: boolean;
  fault: string;
  receivedAt: Date;
  items: {
    productId: string;
    description: string;
    serialNumber: string | null;
    condition: string | null;
    accessories: string | null;
  }[];
}

/** Intake, reading and listing of returned goods; the workflow actions live in ReturnActionsService. */
@Injectable()
export class ReturnsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly products: ProductsService,
    private readonly policy: PolicyService,
    private readonly scheduler: ReturnScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Goods a customer brings back to the counter: the products must be active, the customer visible. */
  create(dto: CreateReturnDto, context: RequestContext): Promise<ReturnEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const now = this.clock.now();
      const receivedAt = dto.receivedAt ?? now;
      const problems: FieldProblem[] = [];
      if (receivedAt.getTime() > now.getTime()) {
        problems.push({ field: 'receivedAt', problems: ['receivedAt must not be in the future'] });
      }
      const customer = await this.customers.usableIn(tx, context.user, dto.customerId, problems);
      const items: Intake['items'] = [];
      for (const [index, item] of dto.items.entries()) {
        const product = await this.products.find(item.productId, tx);
        if (!product?.active) {
          problems.push({ field: `items.${index}.productId`, problems: ['must be an active product'] });
          continue;
        }
        items.push({
          productId: product.id,
          description: trimmedOrNull(item.description) ?? product.name,
          serialNumber: trimmedOrNull(item.serialNumber),
          condition: trimmedOrNull(item.condition),
          accessories: trimmedOrNull(item.accessories),
        });
      }
      if (!customer || problems.length > 0) throw invalidFields(problems);
      return this.intake(
        tx,
        {
          customerId: customer.id,
          ticket: null,
          // An outlet's counter takes goods in for that outlet; head office for the customer's outlet.
          outletId: context.user.outletId ?? customer.outletId,
          kind: dto.kind,
          urgent: dto.urgent ?? false,
          fault: dto.fault.trim(),
          receivedAt,
          items,
        },
        context,
      );
    });
  }

  /**
   * The record a ticket's take-back opens, in the take-back's own transaction: the goods the
   * technician carried back, of the ticket's customer and product, urgent when the ticket is.
   */
  createFromTicket(tx: Tx, ticket: TicketEntity, context: RequestContext): Promise<ReturnEntity> {
    const items = (ticket.takenBackItems ?? []).map((item) => ({
      productId: ticket.productId,
      description: item.description,
      serialNumber: item.serialNumber,
      condition: item.condition,
      accessories: item.accessories,
    }));
    return this.intake(
      tx,
      {
        customerId: ticket.customerId,
        ticket: { id: ticket.id, number: ticket.number },
        outletId: ticket.outletId,
        kind: 'repair',
        urgent: ticket.priority === 'urgent',
        fault: ticket.diagnosis ? `${ticket.fault}（诊断：${ticket.diagnosis}）` : ticket.fault,
        receivedAt: ticket.takenBackAt ?? this.clock.now(),
        items,
      },
      context,
    );
  }

  /**
   * Records the goods as received: an RG number of the year of receipt, a label code per item, the
   * customer-notice time from the policy in force at receipt (counted from receipt: the goods are away
   * from the customer from then), and the notice's timer.
   */
  private async intake(tx: Tx, intake: Intake, context: RequestContext): Promise<ReturnEntity> {
    const now = this.clock.now();
    const policy = await this.policy.inForce(intake.receivedAt);
    const noticeDueAt = returnsNoticeDueAt(policy.commitments, intake.receivedAt);
    const year = Number(calendarDate(intake.receivedAt, this.config.companyTimeZone).slice(0, 4));
    const number = formatRecordNumber(RETURN_SERIES, year, await nextInSeries(tx, RETURN_SERIES, year));
    const repository = tx.getRepository(ReturnEntity);
    const record = await repository.save(
      repository.create({
        number,
        status: 'received',
        kind: intake.kind,
        urgent: intake.urgent,
        customerId: intake.customerId,
        ticketId: intake.ticket?.id ?? null,
        outletId: intake.outletId,
        fault: intake.fault,
        policyVersionId: policy.id,
        receivedAt: intake.receivedAt,
        receivedBy: context.user.id,
        noticeDueAt,
        createdBy: context.user.id,
      }),
    );
    const items = intake.items.map((item, index) => ({
      ...item,
      returnId: record.id,
      line: index + 1,
      labelCode: labelCode(number, index + 1),
    }));
    await tx.getRepository(ReturnItemEntity).insert(items);
    const details = {
      ticketNumber: intake.ticket?.number ?? null,
      kind: intake.kind,
      urgent: intake.urgent,
      itemCount: items.length,
      labelCodes: items.map((item) => item.labelCode),
      noticeDueAt: noticeDueAt.toISOString(),
      policyVersion: policy.versionNumber,
    };
    await tx.getRepository(ReturnHistoryEntity).insert({
      returnId: record.id,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorId: context.user.id,
      actorName: context.user.username,
      at: now,
      reason: null,
      details: details as QueryDeepPartialEntity<Record<string, unknown>>,
    });
    await this.scheduler.noticeAt(tx, record.id, noticeDueAt, context.requestId);
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: 'return.received',
      entityType: 'return',
      entityId: record.id,
      changes: {
        number,
        customerId: record.customerId,
        ticketId: record.ticketId,
        outletId: record.outletId,
        receivedAt: record.receivedAt.toISOString(),
        policyVersionId: policy.id,
        items: items.map(({ labelCode: code, productId, serialNumber }) => ({
          labelCode: code,
          productId,
          serialNumber,
        })),
        ...details,
      },
      requestId: context.requestId,
    });
    return record;
  }

  /** One record as the viewer may see it (another outlet's reads as missing). */
  async get(id: string, viewer: AuthenticatedUser, tx: Tx = this.dataSource.manager): Promise<LoadedReturn> {
    const record = await this.loaded(tx).where('r.id = :id', { id }).getOne();
    if (!record || !canSeeOutletRecord(viewer, record.outletId)) throw new NotFoundError('return', id);
    return record;
  }

  async dossier(id: string, viewer: AuthenticatedUser): Promise<ReturnDossier> {
    const record = await this.get(id, viewer);
    const manager = this.dataSource.manager;
    const [items, history, chases, notice] = await Promise.all([
      this.itemsOf([id]),
      manager.getRepository(ReturnHistoryEntity).find({ where: { returnId: id }, order: { seq: 'ASC' } }),
      manager.getRepository(ReturnChaseEntity).find({
        where: { returnId: id },
        relations: { supplier: true },
        order: { chasedAt: 'ASC' },
      }),
      record.noticeMessageId
        ? manager.getRepository(MessageEntity).findOneBy({ id: record.noticeMessageId })
        : Promise.resolve(null),
    ]);
    return { record, items, history, chases, notice };
  }

  async list(query: ListReturnsQueryDto, viewer: AuthenticatedUser): Promise<Page<ListedReturn>> {
    const q = scopeToOutlet(this.loaded(this.dataSource.manager), viewer, 'r.outletId');
    if (query.status?.length) q.andWhere('r.status IN (:...statuses)', { statuses: query.status });
    if (query.kind) q.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.urgent !== undefined) q.andWhere('r.urgent = :urgent', { urgent: query.urgent });
    if (query.supplierId) q.andWhere('r.supplierId = :supplierId', { supplierId: query.supplierId });
    if (query.customerId) q.andWhere('r.customerId = :customerId', { customerId: query.customerId });
    if (query.ticketId) q.andWhere('r.ticketId = :ticketId', { ticketId: query.ticketId });
    assertDateOrder(['from', query.from], ['to', query.to]);
    this.receivedWithin(q, query.from, query.to);
    if (query.overdue === true) {
      q.andWhere('r.settledAt IS NULL AND r.noticeDueAt <= :now', { now: this.clock.now() });
    }
    const text = query.q?.trim();
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      q.andWhere(
        `(r.number ILIKE :pattern OR r.fault ILIKE :pattern OR r.trackingNumber ILIKE :pattern OR EXISTS (
          SELECT 1 FROM return_items ri WHERE ri.return_id = r.id
            AND (ri.serial_number ILIKE :pattern OR ri.label_code ILIKE :pattern)))`,
        { pattern },
      );
    }
    const page = await fetchPage(q.orderBy('r.receivedAt', 'DESC').addOrderBy('r.number', 'DESC'), query);
    const items = await this.itemsOf(page.items.map((record) => record.id));
    return {
      ...page,
      items: page.items.map((record) => ({
        record,
        items: items.filter((item) => item.returnId === record.id),
      })),
    };
  }

  /**
   * Turnaround of the records received in the period (company time zone) that the viewer may see:
   * overall, and per supplier the goods were shipped to.
   */
  async turnaround(
    query: TurnaroundQueryDto,
    viewer: AuthenticatedUser,
  ): Promise<TurnaroundSummary & { from: string | null; to: string | null }> {
    assertDateOrder(['from', query.from], ['to', query.to]);
    const q = scopeToOutlet(
      this.dataSource
        .getRepository(ReturnEntity)
        .createQueryBuilder('r')
        .leftJoin('r.supplier', 's')
        .select([
          'r.receivedAt AS "receivedAt"',
          'r.shippedAt AS "shippedAt"',
          'r.backAt AS "backAt"',
          'r.settledAt AS "settledAt"',
          'r.noticeDueAt AS "noticeDueAt"',
          'r.supplierId AS "supplierId"',
          's.name AS "supplierName"',
        ]),
      viewer,
      'r.outletId',
    );
    this.receivedWithin(q, query.from, query.to);
    const rows = await q.getRawMany<SupplierReturn>();
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      ...summariseTurnaround(rows, this.clock.now()),
    };
  }

  /** The ticket's returned goods, as its page lists them. */
  async linkedTo(ticketId: string, viewer: AuthenticatedUser): Promise<LinkedRecord[]> {
    const q = this.loaded(this.dataSource.manager).where('r.ticketId = :ticketId', { ticketId });
    const records = await scopeToOutlet(q, viewer, 'r.outletId').orderBy('r.receivedAt', 'ASC').getMany();
    const items = await this.itemsOf(records.map((record) => record.id));
    return records.map((record) => {
      const count = items.filter((item) => item.returnId === record.id).length;
      const where = record.supplier ? `（${record.supplier.name}）` : '';
      return {
        type: 'return',
        id: record.id,
        number: record.number,
        status: record.status,
        summary: `${RETURN_KIND_NAMES[record.kind]}${record.urgent ? '（加急）' : ''} ${count} 件：${RETURN_STATUS_NAMES[record.status]}${where}`,
        createdAt: record.createdAt,
      };
    });
  }

  /** A ticket may not be resolved while any of its goods is still away from the customer. */
  async resolveObjection(tx: Tx, ticket: TicketEntity): Promise<{ message: string; chinese: string } | null> {
    const away = await tx
      .getRepository(ReturnEntity)
      .createQueryBuilder('r')
      .where('r.ticketId = :ticketId', { ticketId: ticket.id })
      .andWhere('r.status NOT IN (:...settled)', { settled: SETTLED_RETURN_STATUSES })
      .orderBy('r.number', 'ASC')
      .getMany();
    if (away.length === 0) return null;
    const listed = away.map((record) => `${record.number} (${record.status})`).join(', ');
    const chinese = away
      .map((record) => `${record.number}（${RETURN_STATUS_NAMES[record.status]}）`)
      .join('、');
    return {
      message: `Returned goods ${listed} of this ticket are not back with the customer yet; return them before resolving the ticket`,
      chinese: `本工单的返修物品 ${chinese} 尚未返还客户，请先完成返还再完工`,
    };
  }

  private receivedWithin<T extends ReturnEntity>(
    q: SelectQueryBuilder<T>,
    from: string | undefined,
    to: string | undefined,
  ): void {
    const zone = this.config.companyTimeZone;
    if (from) {
      q.andWhere(`r.receivedAt >= (CAST(:from AS date)::timestamp AT TIME ZONE :zone)`, { zone, from });
    }
    if (to) {
      q.andWhere(`r.receivedAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)`, { zone, to });
    }
  }

  private itemsOf(returnIds: string[]): Promise<ReturnItemEntity[]> {
    if (returnIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ReturnItemEntity).find({
      where: { returnId: In(returnIds) },
      relations: { product: true },
      order: { returnId: 'ASC', line: 'ASC' },
    });
  }

  private loaded(tx: Tx): SelectQueryBuilder<LoadedReturn> {
    return tx
      .getRepository(ReturnEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.customer', 'customer')
      .leftJoinAndSelect('r.supplier', 'supplier')
      .leftJoinAndSelect('r.ticket', 'ticket')
      .leftJoinAndSelect('r.outlet', 'outlet') as SelectQueryBuilder<LoadedReturn>;
  }
}
