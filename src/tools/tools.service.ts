import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { AuditService, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { inTransaction, type Tx } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import type { ExpiringItem } from '../common/expiry/expiry-sources';
import { Page, PageQuery, fetchPage, matchText } from '../common/http/pagination';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { CompanyCalendar } from '../common/company-calendar';
import { addDays, addMonths, type CalendarDate } from '../common/calendar';
import { OutletsService } from '../outlets/outlets.service';
import { DUE_WITHIN_DAYS, type InspectionStatus } from './domain/inspection-status';
import { CreateToolDto, ListToolsQueryDto, RecordInspectionDto, UpdateToolDto } from './dto/tool.dto';
import { ToolInspectionEntity } from './tool-inspection.entity';
import { ToolEntity } from './tool.entity';

const TOOLS: RegisterSpec<ToolEntity> = {
  entity: ToolEntity,
  type: 'tool',
  auditedFields: [
    'code',
    'name',
    'model',
    'serialNumber',
    'outletId',
    'keeper',
    'purchasedOn',
    'inspectionIntervalMonths',
    'nextInspectionDue',
    'lastInspectedOn',
    'lastInspectionResult',
    'active',
  ],
};

/** The SQL twin of inspectionStatus(), for the list filter. */
function inspectionCondition(status: InspectionStatus): string {
  const notFailed = `t.lastInspectionResult IS DISTINCT FROM 'failed'`;
  switch (status) {
    case 'failed':
      return `t.lastInspectionResult = 'failed'`;
    case 'never_inspected':
      return `${notFailed} AND t.nextInspectionDue IS NULL`;
    case 'overdue':
      return `${notFailed} AND t.nextInspectionDue < :today`;
    case 'due':
      return `${notFailed} AND t.nextInspectionDue >= :today AND t.nextInspectionDue <= :dueUntil`;
    case 'ok':
      return `${notFailed} AND t.nextInspectionDue > :dueUntil`;
  }
}

export interface RecordedInspection {
  inspection: ToolInspectionEntity;
  tool: ToolEntity;
}

/** Tools and instruments (设备工具) and their yearly inspections (年检). */
@Injectable()
export class ToolsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly audit: AuditService,
    private readonly calendar: CompanyCalendar,
    private readonly outlets: OutletsService,
  ) {}

  get(id: string, viewer: AuthenticatedUser): Promise<ToolEntity> {
    return this.findVisible(this.dataSource.manager, id, viewer);
  }

  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const tool = await this.dataSource.getRepository(ToolEntity).findOneBy({ id });
    return tool && canSeeOutletRecord(viewer, tool.outletId);
  }

  list(query: ListToolsQueryDto, viewer: AuthenticatedUser): Promise<Page<ToolEntity>> {
    const q = this.dataSource.getRepository(ToolEntity).createQueryBuilder('t');
    scopeToOutlet(q, viewer, 't.outletId');
    matchText(q, ['t.code', 't.name', 't.serialNumber'], query.q);
    if (query.active !== undefined) q.andWhere('t.active = :active', { active: query.active });
    if (query.outletId) q.andWhere('t.outletId = :outletId', { outletId: query.outletId });
    if (query.inspection) {
      const today = this.calendar.today();
      q.andWhere(inspectionCondition(query.inspection), { today, dueUntil: addDays(today, DUE_WITHIN_DAYS) });
    }
    return fetchPage(q.orderBy('t.code', 'ASC'), query);
  }

  create(dto: CreateToolDto, context: RequestContext): Promise<ToolEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const outletId = await this.outlets.outletForRecord(tx, context.user, dto.outletId);
      return this.writer.create(tx, TOOLS, { ...dto, outletId }, context);
    });
  }

  update(id: string, dto: UpdateToolDto, context: RequestContext): Promise<ToolEntity> {
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      if (fields.outletId !== undefined) {
        fields.outletId = await this.outlets.outletForRecord(tx, context.user, fields.outletId);
      }
      return this.writer.update(tx, TOOLS, id, expectedVersion, fields, context);
    });
  }

  /** A tool with inspections on record is referred to by them: deactivate it instead. */
  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.delete(tx, TOOLS, id, expectedVersion, context);
    });
  }

  async inspections(
    id: string,
    query: PageQuery,
    viewer: AuthenticatedUser,
  ): Promise<Page<ToolInspectionEntity>> {
    await this.findVisible(this.dataSource.manager, id, viewer);
    const q = this.dataSource
      .getRepository(ToolInspectionEntity)
      .createQueryBuilder('i')
      .where('i.toolId = :id', { id })
      .orderBy('i.inspectedOn', 'DESC')
      .addOrderBy('i.createdAt', 'DESC');
    return fetchPage(q, query);
  }

  /**
   * Records an inspection (never changed afterwards). When it is the tool's latest by date, the tool
   * takes its result, and a pass moves the next due date; the tool's version goes up either way.
   */
  recordInspection(
    id: string,
    dto: RecordInspectionDto,
    context: RequestContext,
  ): Promise<RecordedInspection> {
    const { expectedVersion, ...fields } = dto;
    if (fields.inspectedOn > this.calendar.today()) {
      throw invalidFields([{ field: 'inspectedOn', problems: ['inspectedOn must not be in the future'] }]);
    }
    if (fields.nextDue !== undefined && fields.nextDue <= fields.inspectedOn) {
      throw invalidFields([{ field: 'nextDue', problems: ['nextDue must be after inspectedOn'] }]);
    }
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      const before = await this.writer.lockForChange(tx, TOOLS, id, expectedVersion);
      const nextDue =
        fields.nextDue ??
        (fields.result === 'passed' ? addMonths(fields.inspectedOn, before.inspectionIntervalMonths) : null);
      const repository = tx.getRepository(ToolInspectionEntity);
      const inspection = await repository.save(
        repository.create({ ...fields, toolId: id, nextDue, recordedBy: context.user.id }),
      );
      // An older inspection entered late is history: it does not override a newer one.
      const latest = before.lastInspectedOn === null || fields.inspectedOn >= before.lastInspectedOn;
      const tool = await tx.getRepository(ToolEntity).save({
        ...before,
        ...(latest && {
          lastInspectedOn: fields.inspectedOn,
          lastInspectionResult: fields.result,
          nextInspectionDue: fields.result === 'passed' ? nextDue : before.nextInspectionDue,
        }),
        version: before.version + 1,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'tool.inspected',
        entityType: 'tool',
        entityId: id,
        changes: {
          inspection: {
            id: inspection.id,
            inspectedOn: inspection.inspectedOn,
            inspector: inspection.inspector,
            result: inspection.result,
            certificateNumber: inspection.certificateNumber,
            nextDue: inspection.nextDue,
          },
          ...describeChanges(before, tool, TOOLS.auditedFields),
        },
        requestId: context.requestId,
      });
      return { inspection, tool };
    });
  }

  /** Active tools whose next inspection falls on or before `until`. */
  async findExpiring(until: CalendarDate): Promise<ExpiringItem[]> {
    const tools = await this.dataSource
      .getRepository(ToolEntity)
      .createQueryBuilder('t')
      .where('t.active = true')
      .andWhere('t.nextInspectionDue <= :until', { until })
      .orderBy('t.nextInspectionDue', 'ASC')
      .getMany();
    return tools.flatMap(({ id, code, name, nextInspectionDue }) =>
      nextInspectionDue === null
        ? []
        : [
            {
              subjectType: 'tool',
              subjectId: id,
              item: 'inspection',
              validUntil: nextInspectionDue,
              description: `工具 ${code} ${name}的年检`,
            },
          ],
    );
  }

  private async findVisible(tx: Tx, id: string, viewer: AuthenticatedUser): Promise<ToolEntity> {
    const tool = await tx.getRepository(ToolEntity).findOneBy({ id });
    if (!tool || !canSeeOutletRecord(viewer, tool.outletId)) throw new NotFoundError('tool', id);
    return tool;
  }
}
