import { CompanyCalendar } from '../common/company-calendar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { Clock } from '../common/clock';
import { inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { Page, PageQuery, fetchPage, mapPage } from '../common/http/pagination';
import { RegisterWriter } from '../common/registers/register-writer';
import { readsOutletFiles } from './domain/outlet-access';
import {
  CloseRectificationActionDto,
  CreateOutletReviewDto,
  CreateRectificationActionDto,
  ListRectificationActionsQueryDto,
  ReviewWithActions,
  TrackedRectificationAction,
  UpdateOutletReviewDto,
  UpdateRectificationActionDto,
} from './dto/outlet-review.dto';
import { OUTLET_REVIEWS, RECTIFICATION_ACTIONS } from './outlet-registers';
import { OutletReviewEntity } from './outlet-review.entity';
import { OutletsService } from './outlets.service';
import { RectificationActionEntity } from './rectification-action.entity';

/** A review's actions in the order they fall due. */
const ACTION_ORDER = { dueOn: 'ASC', createdAt: 'ASC' } as const;

/** Yearly outlet reviews (网点年度考核) and their rectification actions (整改措施), tracked to closure. */
@Injectable()
export class OutletReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly outlets: OutletsService,
    private readonly clock: Clock,
    private readonly calendar: CompanyCalendar,
  ) {}

  async list(outletId: string, page: PageQuery, user: AuthenticatedUser): Promise<Page<ReviewWithActions>> {
    await this.outlets.assertFileReadable(outletId, user);
    const q = this.dataSource
      .getRepository(OutletReviewEntity)
      .createQueryBuilder('r')
      .where('r.outletId = :outletId', { outletId })
      .orderBy('r.year', 'DESC');
    const reviews = await fetchPage(q, page);
    return { ...reviews, items: await this.withActions(reviews.items) };
  }

  async get(outletId: string, reviewId: string, user: AuthenticatedUser): Promise<ReviewWithActions> {
    await this.outlets.assertFileReadable(outletId, user);
    const review = await this.findReview(outletId, reviewId);
    const actions = await this.dataSource
      .getRepository(RectificationActionEntity)
      .find({ where: { reviewId }, order: ACTION_ORDER });
    return { review, actions };
  }

  async create(
    outletId: string,
    dto: CreateOutletReviewDto,
    context: RequestContext,
  ): Promise<ReviewWithActions> {
    await this.outlets.get(outletId, context.user);
    // A second review of the same year is refused by the unique key as 409 CONFLICT.
    const review = await inTransaction(this.dataSource, (tx) =>
      this.writer.create(tx, OUTLET_REVIEWS, { ...dto, outletId }, context),
    );
    return { review, actions: [] };
  }

  async update(
    outletId: string,
    reviewId: string,
    dto: UpdateOutletReviewDto,
    context: RequestContext,
  ): Promise<ReviewWithActions> {
    await this.outlets.get(outletId, context.user);
    await this.findReview(outletId, reviewId);
    const { expectedVersion, ...fields } = dto;
    await inTransaction(this.dataSource, (tx) =>
      this.writer.update(tx, OUTLET_REVIEWS, reviewId, expectedVersion, fields, context),
    );
    return this.get(outletId, reviewId, context.user);
  }

  async addAction(
    outletId: string,
    reviewId: string,
    dto: CreateRectificationActionDto,
    context: RequestContext,
  ): Promise<RectificationActionEntity> {
    await this.outlets.get(outletId, context.user);
    await this.findReview(outletId, reviewId);
    return inTransaction(this.dataSource, (tx) =>
      this.writer.create(tx, RECTIFICATION_ACTIONS, { ...dto, reviewId, status: 'open' }, context),
    );
  }

  /** Edits an action while it is open; a closed action is the record of what was done and stays as it is. */
  async updateAction(
    outletId: string,
    reviewId: string,
    actionId: string,
    dto: UpdateRectificationActionDto,
    context: RequestContext,
  ): Promise<RectificationActionEntity> {
    await this.findAction(outletId, reviewId, actionId, context.user);
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, (tx) =>
      this.writer.update(
        tx,
        RECTIFICATION_ACTIONS,
        actionId,
        expectedVersion,
        (before) => {
          assertOpen(before, 'edit');
          return fields;
        },
        context,
      ),
    );
  }

  async closeAction(
    outletId: string,
    reviewId: string,
    actionId: string,
    dto: CloseRectificationActionDto,
    context: RequestContext,
  ): Promise<RectificationActionEntity> {
    await this.findAction(outletId, reviewId, actionId, context.user);
    return inTransaction(this.dataSource, (tx) =>
      this.writer.update(
        tx,
        RECTIFICATION_ACTIONS,
        actionId,
        dto.expectedVersion,
        (before) => {
          assertOpen(before, 'close');
          return {
            status: 'closed',
            closedAt: this.clock.now(),
            closedBy: context.user.id,
            closureNote: dto.closureNote,
          };
        },
        context,
        'closed',
      ),
    );
  }

  /** Rectification actions across the outlets the user may see, earliest due first, for tracking them to closure. */
  async track(
    query: ListRectificationActionsQueryDto,
    user: AuthenticatedUser,
  ): Promise<Page<TrackedRectificationAction>> {
    if (!readsOutletFiles(user)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only managers, auditors, admins and outlet users read rectification actions',
      );
    }
    const q = this.dataSource
      .getRepository(RectificationActionEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.review', 'r')
      .innerJoinAndSelect('r.outlet', 'o');
    scopeToOutlet(q, user, 'r.outletId');
    if (query.outletId) q.andWhere('r.outletId = :outletId', { outletId: query.outletId });
    if (query.status) q.andWhere('a.status = :status', { status: query.status });
    if (query.overdue !== undefined) {
      const overdue = `(a.status = 'open' AND a.dueOn < :today)`;
      q.andWhere(query.overdue ? overdue : `NOT ${overdue}`, { today: this.calendar.today() });
    }
    const page = await fetchPage(q.orderBy('a.dueOn', 'ASC').addOrderBy('a.createdAt', 'ASC'), query);
    return mapPage(page, (action) => {
      const review = action.review;
      const outlet = review?.outlet;
      if (!review || !outlet) throw new Error('review and outlet are joined by the query above');
      return { action, review, outlet };
    });
  }

  private async findReview(outletId: string, reviewId: string): Promise<OutletReviewEntity> {
    const review = await this.dataSource
      .getRepository(OutletReviewEntity)
      .findOneBy({ id: reviewId, outletId });
    if (!review) throw new NotFoundError('outlet_review', reviewId);
    return review;
  }

  private async findAction(
    outletId: string,
    reviewId: string,
    actionId: string,
    user: AuthenticatedUser,
  ): Promise<void> {
    await this.outlets.get(outletId, user);
    await this.findReview(outletId, reviewId);
    const found = await this.dataSource
      .getRepository(RectificationActionEntity)
      .existsBy({ id: actionId, reviewId });
    if (!found) throw new NotFoundError('rectification_action', actionId);
  }

  private async withActions(reviews: OutletReviewEntity[]): Promise<ReviewWithActions[]> {
    const actions =
      reviews.length === 0
        ? []
        : await this.dataSource.getRepository(RectificationActionEntity).find({
            where: { reviewId: In(reviews.map((review) => review.id)) },
            order: ACTION_ORDER,
          });
    return reviews.map((review) => ({
      review,
      actions: actions.filter((action) => action.reviewId === review.id),
    }));
  }
}

function assertOpen(action: RectificationActionEntity, attempted: 'edit' | 'close'): void {
  if (action.status !== 'open') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Cannot ${attempted} a ${action.status} rectification action`,
      {
        action: attempted,
        status: action.status,
      },
    );
  }
}
