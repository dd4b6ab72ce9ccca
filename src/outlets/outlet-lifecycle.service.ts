import { CompanyCalendar } from '../common/company-calendar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../auth/authenticated-user';
import { assertOutletVisible } from '../auth/outlet-scope.query';
import { AuditService, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { Clock } from '../common/clock';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { refusalError } from '../common/workflow/transition';
import { type OutletAction, type TransitionRequest, decideOutletTransition } from './domain/outlet-lifecycle';
import type { OutletActionDto } from './dto/outlet-action.dto';
import { OUTLETS } from './outlet-registers';
import { OutletStatusChangeEntity } from './outlet-status-change.entity';
import { OutletEntity } from './outlet.entity';
import { OutletsService } from './outlets.service';

/**
 * Takes an outlet through its lifecycle. The write is a compare-and-set on status and version, so of
 * two actions racing on one outlet exactly one applies; the status change row and the audit entry
 * commit with it.
 */
@Injectable()
export class OutletLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlets: OutletsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: CompanyCalendar,
  ) {}

  apply(
    id: string,
    action: OutletAction,
    dto: OutletActionDto,
    context: RequestContext,
  ): Promise<OutletEntity> {
    assertOutletVisible(context.user, 'outlet', id, id);
    const today = this.calendar.today();
    return inTransaction(this.dataSource, async (tx) => {
      const before = await read(tx, id);
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== before.version) {
        throw new VersionConflictError('outlet', id, dto.expectedVersion, before.version);
      }
      const request: TransitionRequest = {
        outlet: before,
        action,
        actorRoles: context.user.roles,
        input: dto,
        today,
      };
      const decision = decideOutletTransition(request);
      if (!decision.allowed) throw refusalError(decision);

      const now = this.clock.now();
      const change: QueryDeepPartialEntity<OutletEntity> = {
        status: decision.to,
        version: before.version + 1,
        // Who approved the outlet, and when, stays on it for the auditors.
        ...(action === 'approve' ? { approvedBy: context.user.id, approvedAt: now } : {}),
        // A closed outlet is this register's deactivated record.
        ...(decision.to === 'closed' ? { active: false } : {}),
      };
      const { affected } = await tx
        .createQueryBuilder()
        .update(OutletEntity)
        .set(change)
        .where('id = :id AND status = :from AND version = :version', {
          id,
          from: before.status,
          version: before.version,
        })
        .execute();
      if (affected !== 1) throw await lostRace(tx, before, request);

      const reason = dto.reason.trim();
      await tx.getRepository(OutletStatusChangeEntity).insert({
        outletId: id,
        action,
        fromStatus: decision.from,
        toStatus: decision.to,
        reason,
        actorId: context.user.id,
        changedAt: now,
      });
      const after = await read(tx, id);
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: `outlet.${action}`,
        entityType: OUTLETS.type,
        entityId: id,
        changes: { ...describeChanges(before, after, OUTLETS.auditedFields), reason },
        requestId: context.requestId,
      });
      return after;
    });
  }
}

async function read(tx: Tx, id: string): Promise<OutletEntity> {
  const outlet = await tx.getRepository(OutletEntity).findOneBy({ id });
  if (!outlet) throw new NotFoundError('outlet', id);
  return outlet;
}

/**
 * Someone changed the outlet between our read and our write. The action judged again on the outlet
 * as it is now says why it failed: refused from the new state, or merely a newer version.
 */
async function lostRace(tx: Tx, before: OutletEntity, request: TransitionRequest): Promise<DomainError> {
  const current = await read(tx, before.id);
  const decision = decideOutletTransition({ ...request, outlet: current });
  return decision.allowed
    ? new VersionConflictError('outlet', before.id, before.version, current.version)
    : refusalError(decision);
}
