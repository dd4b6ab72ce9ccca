import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { inTransaction } from '../common/database/transaction';
import { DomainError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { Page, PageQuery, fetchPage } from '../common/http/pagination';
import type { Zone } from '../customers/domain/customer-fields';
import { computeDeadlines, type TicketDeadlines } from './domain/deadlines';
import type { PolicyCommitments, Priority } from './domain/policy-commitments';
import { ServicePolicyEntity } from './service-policy.entity';

export interface NewPolicyVersion {
  effectiveFrom: Date;
  commitments: PolicyCommitments;
  note: string;
}

/** A ticket's deadlines with the version they come from: both are stored on the ticket. */
export interface PolicyDeadlines extends TicketDeadlines {
  policyVersionId: string;
  versionNumber: number;
}

/** The versioned service policy (服务承诺): which version is in force when, and what it promises. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The version in force at a moment: the one with the latest effective time not after it. */
  async inForce(at: Date): Promise<ServicePolicyEntity> {
    const policy = await this.dataSource
      .getRepository(ServicePolicyEntity)
      .createQueryBuilder('p')
      .where('p.effectiveFrom <= :at', { at })
      .orderBy('p.effectiveFrom', 'DESC')
      .limit(1)
      .getOne();
    if (!policy) {
      throw new DomainError('NOT_FOUND', `No service policy was in force at ${at.toISOString()}`, {
        entity: 'service_policy',
        at: at.toISOString(),
      });
    }
    return policy;
  }

  /**
   * The deadlines of a repair reported at `reportedAt`, from the version in force at that moment.
   * The same report always gets the same answer, whatever versions come later.
   */
  async deadlinesFor(report: { reportedAt: Date; priority: Priority; zone: Zone }): Promise<PolicyDeadlines> {
    const policy = await this.inForce(report.reportedAt);
    return {
      policyVersionId: policy.id,
      versionNumber: policy.versionNumber,
      ...computeDeadlines(policy.commitments, report.reportedAt, report.priority, report.zone),
    };
  }

  versions(query: PageQuery): Promise<Page<ServicePolicyEntity>> {
    const q = this.dataSource
      .getRepository(ServicePolicyEntity)
      .createQueryBuilder('p')
      .orderBy('p.versionNumber', 'DESC');
    return fetchPage(q, query);
  }

  /**
   * Adds the next version. It may only take effect from now on and after every existing version, so
   * that what was in force at any past moment never changes.
   */
  create(version: NewPolicyVersion, context: RequestContext): Promise<ServicePolicyEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      if (version.effectiveFrom.getTime() < this.clock.now().getTime()) {
        throw invalidFields([
          { field: 'effectiveFrom', problems: ['effectiveFrom must not be in the past'] },
        ]);
      }
      // Readers go on; a second writer waits here, so version numbers and effective times stay in order.
      await tx.query('LOCK TABLE service_policies IN EXCLUSIVE MODE');
      const repository = tx.getRepository(ServicePolicyEntity);
      const latest = await repository
        .createQueryBuilder('p')
        .orderBy('p.versionNumber', 'DESC')
        .limit(1)
        .getOne();
      if (latest && version.effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
        throw new DomainError(
          'CONFLICT',
          `effectiveFrom must be later than ${latest.effectiveFrom.toISOString()}, when version ${latest.versionNumber} takes effect`,
          {
            field: 'effectiveFrom',
            latestVersionNumber: latest.versionNumber,
            latestEffectiveFrom: latest.effectiveFrom.toISOString(),
          },
        );
      }
      const saved = await repository.save(
        repository.create({
          versionNumber: (latest?.versionNumber ?? 0) + 1,
          effectiveFrom: version.effectiveFrom,
          commitments: version.commitments,
          note: version.note,
          createdBy: context.user.id,
        }),
      );
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'service_policy.created',
        entityType: 'service_policy',
        entityId: saved.id,
        changes: {
          versionNumber: saved.versionNumber,
          effectiveFrom: saved.effectiveFrom.toISOString(),
          commitments: saved.commitments,
          note: saved.note,
        },
        requestId: context.requestId,
      });
      return saved;
    });
  }
}
