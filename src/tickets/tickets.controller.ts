import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { TICKET_INTAKE, TICKET_READERS } from './domain/ticket-access';
import { TICKET_WORKFLOW } from './domain/ticket-workflow';
import {
  AcceptTicketDto,
  CancelTicketDto,
  CheckInTicketDto,
  CloseTicketDto,
  CreateTicketDto,
  DiagnoseTicketDto,
  DispatchTicketDto,
  HoldTicketDto,
  ListTicketsQueryDto,
  ReopenTicketDto,
  RescheduleTicketDto,
  ResolveTicketDto,
  ResumeTicketDto,
  TakeBackTicketDto,
  WorkLogDto,
} from './dto/ticket-request.dto';
import {
  TicketDetailResponse,
  TicketPageResponse,
  toTicketDetailResponse,
  toTicketResponse,
} from './dto/ticket-response.dto';
import { TicketActionsService } from './ticket-actions.service';
import type { TicketEntity } from './ticket.entity';
import { TicketsService } from './tickets.service';

const REFUSED =
  '409 INVALID_TRANSITION when not allowed from the current status, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly actions: TicketActionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...TICKET_READERS)
  @ApiOperation({ summary: 'Tickets the caller may see, newest first; technicians see only their own jobs' })
  @ApiOkResponse({ type: TicketPageResponse })
  async list(
    @Query() query: ListTicketsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.tickets.list(query, context.user), (ticket) => toTicketResponse(ticket, now));
  }

  @Get(':id')
  @Roles(...TICKET_READERS)
  @ApiOperation({ summary: 'The ticket with its timeline, holds, work logs, charges and breaches' })
  @ApiOkResponse({ type: TicketDetailResponse })
  get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.detail(id, context);
  }

  @Post()
  @Roles(...TICKET_INTAKE)
  @ApiOperation({
    summary: 'Registers a repair request (报修): warranty, deadlines from the policy in force, an RT number',
  })
  @ApiCreatedResponse({ type: TicketDetailResponse })
  async create(@Body() dto: CreateTicketDto, @Ctx() context: RequestContext): Promise<TicketDetailResponse> {
    return this.after(await this.tickets.create(dto, context), context);
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.dispatch.roles)
  @ApiOperation({ summary: `Assigns technician and outlet; a re-dispatch needs a reason. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async dispatch(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: DispatchTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.dispatch(id, dto, context), context);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.accept.roles)
  @ApiOperation({
    summary: `The assigned technician has contacted the customer and agreed a visit. ${REFUSED}`,
  })
  @ApiOkResponse({ type: TicketDetailResponse })
  async accept(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: AcceptTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.accept(id, dto, context), context);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.reschedule.roles)
  @ApiOperation({ summary: `Moves the appointment, with a reason; the history keeps both. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async reschedule(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RescheduleTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.reschedule(id, dto, context), context);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.check_in.roles)
  @ApiOperation({ summary: `The technician is on site. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async checkIn(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CheckInTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.checkIn(id, dto, context), context);
  }

  @Post(':id/diagnose')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.diagnose.roles)
  @ApiOperation({ summary: `Records the cause and the diagnosis. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async diagnose(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: DiagnoseTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.diagnose(id, dto, context), context);
  }

  @Post(':id/work-logs')
  @HttpCode(201)
  @Roles(...TICKET_WORKFLOW.log_work.roles)
  @ApiOperation({ summary: `Adds a work log with the parts used from the fee list. ${REFUSED}` })
  @ApiCreatedResponse({ type: TicketDetailResponse })
  async logWork(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: WorkLogDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.logWork(id, dto, context), context);
  }

  @Post(':id/take-back')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.take_back.roles)
  @ApiOperation({ summary: `The goods go back to the depot; the items taken are recorded. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async takeBack(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: TakeBackTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.takeBack(id, dto, context), context);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.resolve.roles)
  @ApiOperation({
    summary: `Outcome and customer confirmation; charges are computed from the work logs and the fee list. ${REFUSED}`,
  })
  @ApiOkResponse({ type: TicketDetailResponse })
  async resolve(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ResolveTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.resolve(id, dto, context), context);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.hold.roles)
  @ApiOperation({ summary: `Puts the ticket on hold; the resolve clock stops. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async hold(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: HoldTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.hold(id, dto, context), context);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.resume.roles)
  @ApiOperation({
    summary: `Ends the hold; the resolve deadline moves later by the time paused. ${REFUSED}`,
  })
  @ApiOkResponse({ type: TicketDetailResponse })
  async resume(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ResumeTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.resume(id, dto, context), context);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.close.roles)
  @ApiOperation({ summary: `Closes a resolved ticket, with a reason. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async close(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CloseTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.close(id, dto, context), context);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.cancel.roles)
  @ApiOperation({ summary: `Cancels a ticket before work starts, with a reason. ${REFUSED}` })
  @ApiOkResponse({ type: TicketDetailResponse })
  async cancel(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CancelTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.cancel(id, dto, context), context);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...TICKET_WORKFLOW.reopen.roles)
  @ApiOperation({
    summary: `Reopens a resolved or closed ticket for a new dispatch, with a reason. ${REFUSED}`,
  })
  @ApiOkResponse({ type: TicketDetailResponse })
  async reopen(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ReopenTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketDetailResponse> {
    return this.after(await this.actions.reopen(id, dto, context), context);
  }

  /** Every write answers with the ticket as its actor now sees it. */
  private after(ticket: TicketEntity, context: RequestContext): Promise<TicketDetailResponse> {
    return this.detail(ticket.id, context);
  }

  private async detail(id: string, context: RequestContext): Promise<TicketDetailResponse> {
    const dossier = await this.tickets.dossier(id, context.user);
    return toTicketDetailResponse(dossier, this.clock.now(), this.config.companyTimeZone);
  }
}
