import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { FormEndpoint, FormQueryDto, FormsController, pdfDownload } from '../evidence/forms/form-endpoint';
import { FOLLOW_UP_READERS, INSPECTION_PLANNERS } from './domain/follow-up-access';
import { UNREACHABLE_AFTER_ATTEMPTS } from './domain/follow-up-fields';
import { FOLLOW_UP_WORKFLOW } from './domain/follow-up-workflow';
import {
  AssignFollowUpDto,
  CancelFollowUpDto,
  CompleteFollowUpDto,
  ListFollowUpsQueryDto,
  ListInspectionsQueryDto,
  MarkUnreachableDto,
  RecordAttemptDto,
  ScheduleInspectionDto,
} from './dto/follow-up-request.dto';
import {
  FollowUpDetailResponse,
  FollowUpPageResponse,
  toFollowUpDetailResponse,
  toFollowUpResponse,
} from './dto/follow-up-response.dto';
import { FollowUpActionsService } from './follow-up-actions.service';
import { FollowUpFormsService } from './follow-up-forms.service';
import type { FollowUpEntity } from './follow-up.entity';
import { FollowUpsService } from './follow-ups.service';

const REFUSED =
  '409 INVALID_TRANSITION when the visit is no longer pending, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

/** Answers every write with the visit as its actor now sees it. */
async function detail(
  followUps: FollowUpsService,
  clock: Clock,
  id: string,
  context: RequestContext,
): Promise<FollowUpDetailResponse> {
  return toFollowUpDetailResponse(await followUps.dossier(id, context.user), clock.now());
}

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly actions: FollowUpActionsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...FOLLOW_UP_READERS)
  @ApiOperation({
    summary:
      'Follow-up visits (回访) and inspections (巡检) the caller may see, soonest due first; ?overdue=true for those past due',
  })
  @ApiOkResponse({ type: FollowUpPageResponse })
  async list(
    @Query() query: ListFollowUpsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.followUps.list(query, context.user), (item) => toFollowUpResponse(item, now));
  }

  @Get(':id')
  @Roles(...FOLLOW_UP_READERS)
  @ApiOperation({ summary: 'A visit with its failed attempts and, for a recurring inspection, the next one' })
  @ApiOkResponse({ type: FollowUpDetailResponse })
  get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return detail(this.followUps, this.clock, id, context);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...FOLLOW_UP_WORKFLOW.assign.roles)
  @ApiOperation({
    summary: `Gives the visit to a manager or agent (an inspection also to a technician). ${REFUSED}`,
  })
  @ApiOkResponse({ type: FollowUpDetailResponse })
  async assign(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: AssignFollowUpDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return this.after(await this.actions.assign(id, dto, context), context);
  }

  @Post(':id/attempts')
  @HttpCode(201)
  @Roles(...FOLLOW_UP_WORKFLOW.record_attempt.roles)
  @ApiOperation({
    summary: `Records a failed attempt to reach the customer; after ${UNREACHABLE_AFTER_ATTEMPTS} the visit is unreachable. ${REFUSED}`,
  })
  @ApiCreatedResponse({ type: FollowUpDetailResponse })
  async recordAttempt(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RecordAttemptDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return this.after(await this.actions.recordAttempt(id, dto, context), context);
  }

  @Post(':id/unreachable')
  @HttpCode(200)
  @Roles(...FOLLOW_UP_WORKFLOW.mark_unreachable.roles)
  @ApiOperation({
    summary: `Ends the visit as unreachable before the last attempt, with a reason; needs at least one recorded attempt (409 CONFLICT otherwise). ${REFUSED}`,
  })
  @ApiOkResponse({ type: FollowUpDetailResponse })
  async markUnreachable(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: MarkUnreachableDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return this.after(await this.actions.markUnreachable(id, dto, context), context);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...FOLLOW_UP_WORKFLOW.complete.roles)
  @ApiOperation({
    summary:
      'Records the outcome. Follow-up: satisfied closes the resolved ticket; not satisfied reopens it or opens a complaint (action). ' +
      `Inspection: findings, optionally a repair ticket (openTicket); a recurring one schedules the next. ${REFUSED}`,
  })
  @ApiOkResponse({ type: FollowUpDetailResponse })
  async complete(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CompleteFollowUpDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return this.after(await this.actions.complete(id, dto, context), context);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...FOLLOW_UP_WORKFLOW.cancel.roles)
  @ApiOperation({
    summary: `Cancels a pending visit with a reason; a recurring inspection's series ends. ${REFUSED}`,
  })
  @ApiOkResponse({ type: FollowUpDetailResponse })
  async cancel(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CancelFollowUpDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    return this.after(await this.actions.cancel(id, dto, context), context);
  }

  private after(followUp: FollowUpEntity, context: RequestContext): Promise<FollowUpDetailResponse> {
    return detail(this.followUps, this.clock, followUp.id, context);
  }
}

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...FOLLOW_UP_READERS)
  @ApiOperation({ summary: 'Inspections (巡检) only: the follow-ups list with kind=inspection' })
  @ApiOkResponse({ type: FollowUpPageResponse })
  async list(
    @Query() query: ListInspectionsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.followUps.list(query, context.user, 'inspection'), (item) =>
      toFollowUpResponse(item, now),
    );
  }

  @Post()
  @Roles(...INSPECTION_PLANNERS)
  @ApiOperation({
    summary:
      'Schedules an inspection of an installed unit or a customer, one-off or every N months; act on it under /follow-ups/:id',
  })
  @ApiCreatedResponse({ type: FollowUpDetailResponse })
  async schedule(
    @Body() dto: ScheduleInspectionDto,
    @Ctx() context: RequestContext,
  ): Promise<FollowUpDetailResponse> {
    const inspection = await this.followUps.scheduleInspection(dto, context);
    return detail(this.followUps, this.clock, inspection.id, context);
  }
}

@FormsController()
export class FollowUpFormsController {
  constructor(private readonly forms: FollowUpFormsService) {}

  @FormEndpoint(
    'follow-ups/:id',
    'The 回访记录 (or, for an inspection, 巡检记录) of a visit as a PDF: subject, failed attempts, result and what it led to',
  )
  async followUp(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.forms.print(id, query.lang ?? 'zh', context));
  }

  @FormEndpoint('inspections/:id', 'The 巡检记录 of an inspection as a PDF (the same form as follow-ups/:id)')
  inspection(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return this.followUp(id, query, context);
  }
}
