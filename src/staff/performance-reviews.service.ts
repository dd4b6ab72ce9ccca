import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasAnyRole, type AuthenticatedUser, type RequestContext } from '../auth/authenticated-user';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { inTransaction, type Tx } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { assertDateOrder } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { assertFound } from '../common/registers/references';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { UsersService } from '../users/users.service';
import { REVIEW_READERS, canSeePersonRecord } from './domain/staff-access';
import {
  CreatePerformanceReviewDto,
  ListPerformanceReviewsQueryDto,
  PerformanceReviewWithPeople,
  UpdatePerformanceReviewDto,
} from './dto/performance-review.dto';
import { PerformanceReviewEntity } from './performance-review.entity';

const REVIEWS: RegisterSpec<PerformanceReviewEntity> = {
  entity: PerformanceReviewEntity,
  type: 'performance_review',
  auditedFields: [
    'userId',
    'period',
    'periodStart',
    'periodEnd',
    'score',
    'grade',
    'reviewerId',
    'comments',
    'active',
  ],
};

/** Staff performance reviews (员工绩效考核); one per person and period. */
@Injectable()
export class PerformanceReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly users: UsersService,
  ) {}

  get(id: string, viewer: AuthenticatedUser): Promise<PerformanceReviewWithPeople> {
    return this.findVisible(this.dataSource.manager, id, viewer);
  }

  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const review = await this.load(this.dataSource.manager, id);
    return review && canSeePersonRecord(viewer, review.user, REVIEW_READERS);
  }

  async list(
    query: ListPerformanceReviewsQueryDto,
    viewer: AuthenticatedUser,
  ): Promise<Page<PerformanceReviewWithPeople>> {
    const q = this.dataSource
      .getRepository(PerformanceReviewEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.user', 'u')
      .innerJoinAndSelect('r.reviewer', 'rv');
    // Everyone may list their own reviews; only readers see other people's.
    if (hasAnyRole(viewer, REVIEW_READERS)) scopeToOutlet(q, viewer, 'u.outletId');
    else q.andWhere('r.userId = :self', { self: viewer.id });
    matchText(q, ['r.period', 'r.grade', 'r.comments', 'u.displayName'], query.q);
    if (query.active !== undefined) q.andWhere('r.active = :active', { active: query.active });
    if (query.userId) q.andWhere('r.userId = :userId', { userId: query.userId });
    if (query.from) q.andWhere('r.periodEnd >= :from', { from: query.from });
    if (query.to) q.andWhere('r.periodStart <= :to', { to: query.to });
    q.orderBy('r.periodStart', 'DESC').addOrderBy('u.username', 'ASC').addOrderBy('r.id', 'ASC');
    return (await fetchPage(q, query)) as Page<PerformanceReviewWithPeople>;
  }

  /** The acting user is recorded as the reviewer. A second review of the same person and period is 409. */
  create(dto: CreatePerformanceReviewDto, context: RequestContext): Promise<PerformanceReviewWithPeople> {
    return inTransaction(this.dataSource, async (tx) => {
      assertFound(await this.users.findReferenced(tx, context.user, [{ id: dto.userId, field: 'userId' }]));
      assertDateOrder(['periodStart', dto.periodStart], ['periodEnd', dto.periodEnd]);
      const saved = await this.writer.create(tx, REVIEWS, { ...dto, reviewerId: context.user.id }, context);
      return this.findVisible(tx, saved.id, context.user);
    });
  }

  update(
    id: string,
    dto: UpdatePerformanceReviewDto,
    context: RequestContext,
  ): Promise<PerformanceReviewWithPeople> {
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.update(
        tx,
        REVIEWS,
        id,
        expectedVersion,
        (before) => {
          assertDateOrder(
            ['periodStart', fields.periodStart ?? before.periodStart],
            ['periodEnd', fields.periodEnd ?? before.periodEnd],
          );
          return fields;
        },
        context,
      );
      return this.findVisible(tx, id, context.user);
    });
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.delete(tx, REVIEWS, id, expectedVersion, context);
    });
  }

  /** Both people are required references, so they are always there to load. */
  private async load(tx: Tx, id: string): Promise<PerformanceReviewWithPeople | null> {
    const review = await tx
      .getRepository(PerformanceReviewEntity)
      .findOne({ where: { id }, relations: { user: true, reviewer: true } });
    return review as PerformanceReviewWithPeople | null;
  }

  private async findVisible(
    tx: Tx,
    id: string,
    viewer: AuthenticatedUser,
  ): Promise<PerformanceReviewWithPeople> {
    const review = await this.load(tx, id);
    if (!review || !canSeePersonRecord(viewer, review.user, REVIEW_READERS)) {
      throw new NotFoundError('performance_review', id);
    }
    return review;
  }
}
