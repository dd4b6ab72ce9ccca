import { CompanyCalendar } from '../common/company-calendar';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ALL_ROLES } from '../users/domain/roles';
import { OUTLET_KEEPERS } from './domain/outlet-access';
import {
  CloseRectificationActionDto,
  CreateOutletReviewDto,
  CreateRectificationActionDto,
  ListRectificationActionsQueryDto,
  OutletReviewPageResponse,
  OutletReviewResponse,
  RectificationActionResponse,
  TrackedRectificationActionPageResponse,
  UpdateOutletReviewDto,
  UpdateRectificationActionDto,
  toOutletReviewResponse,
  toRectificationActionResponse,
  toTrackedRectificationActionResponse,
} from './dto/outlet-review.dto';
import { OutletReviewsService } from './outlet-reviews.service';
import { OutletsService } from './outlets.service';

/**
 * Yearly outlet reviews and rectification actions. Reads are open to every role at the door; the
 * service lets managers, auditors and admins read every outlet's, and other users only their own outlet's.
 */
@ApiTags('outlets')
@ApiBearerAuth()
@Controller('outlets')
export class OutletReviewsController {
  constructor(
    private readonly reviews: OutletReviewsService,
    private readonly outlets: OutletsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  // Registered before OutletsController, so that this path is not taken for an outlet id.
  @Get('rectification-actions')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Rectification actions across outlets, e.g. ?status=open&overdue=true, earliest due first',
  })
  @ApiOkResponse({ type: TrackedRectificationActionPageResponse })
  async track(
    @Query() query: ListRectificationActionsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TrackedRectificationActionPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.reviews.track(query, context.user), (tracked) =>
      toTrackedRectificationActionResponse(tracked, today),
    );
  }

  @Get(':id/reviews')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The yearly reviews of the outlet, latest year first, with their actions' })
  @ApiOkResponse({ type: OutletReviewPageResponse })
  async list(
    @Param('id', UuidParam('id')) outletId: string,
    @Query() query: PageQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletReviewPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.reviews.list(outletId, query, context.user), (review) =>
      toOutletReviewResponse(review, today),
    );
  }

  @Get(':id/reviews/:reviewId')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: OutletReviewResponse })
  async get(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('reviewId', UuidParam('reviewId')) reviewId: string,
    @Ctx() context: RequestContext,
  ): Promise<OutletReviewResponse> {
    return toOutletReviewResponse(
      await this.reviews.get(outletId, reviewId, context.user),
      this.calendar.today(),
    );
  }

  @Post(':id/reviews')
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({ summary: 'Records the yearly review; a second review of the same year is 409' })
  @ApiOkResponse({ type: OutletReviewResponse })
  async create(
    @Param('id', UuidParam('id')) outletId: string,
    @Body() dto: CreateOutletReviewDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletReviewResponse> {
    return toOutletReviewResponse(await this.reviews.create(outletId, dto, context), this.calendar.today());
  }

  @Patch(':id/reviews/:reviewId')
  @Roles(...OUTLET_KEEPERS)
  @ApiOkResponse({ type: OutletReviewResponse })
  async update(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('reviewId', UuidParam('reviewId')) reviewId: string,
    @Body() dto: UpdateOutletReviewDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletReviewResponse> {
    return toOutletReviewResponse(
      await this.reviews.update(outletId, reviewId, dto, context),
      this.calendar.today(),
    );
  }

  @Post(':id/reviews/:reviewId/actions')
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({ summary: 'Adds a rectification action to the review; it starts open' })
  @ApiOkResponse({ type: RectificationActionResponse })
  async addAction(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('reviewId', UuidParam('reviewId')) reviewId: string,
    @Body() dto: CreateRectificationActionDto,
    @Ctx() context: RequestContext,
  ): Promise<RectificationActionResponse> {
    return toRectificationActionResponse(
      await this.reviews.addAction(outletId, reviewId, dto, context),
      this.calendar.today(),
    );
  }

  @Patch(':id/reviews/:reviewId/actions/:actionId')
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({ summary: 'Edits an open action; a closed one is 409 INVALID_TRANSITION' })
  @ApiOkResponse({ type: RectificationActionResponse })
  async updateAction(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('reviewId', UuidParam('reviewId')) reviewId: string,
    @Param('actionId', UuidParam('actionId')) actionId: string,
    @Body() dto: UpdateRectificationActionDto,
    @Ctx() context: RequestContext,
  ): Promise<RectificationActionResponse> {
    return toRectificationActionResponse(
      await this.reviews.updateAction(outletId, reviewId, actionId, dto, context),
      this.calendar.today(),
    );
  }

  @Post(':id/reviews/:reviewId/actions/:actionId/close')
  @HttpCode(200)
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({
    summary: 'Closes an open action with a closure note; a closed one is 409 INVALID_TRANSITION',
  })
  @ApiOkResponse({ type: RectificationActionResponse })
  async closeAction(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('reviewId', UuidParam('reviewId')) reviewId: string,
    @Param('actionId', UuidParam('actionId')) actionId: string,
    @Body() dto: CloseRectificationActionDto,
    @Ctx() context: RequestContext,
  ): Promise<RectificationActionResponse> {
    return toRectificationActionResponse(
      await this.reviews.closeAction(outletId, reviewId, actionId, dto, context),
      this.calendar.today(),
    );
  }
}
