import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { NOTICE_CALLERS, RETURN_INTAKE, RETURN_READERS } from './domain/return-access';
import { RETURN_WORKFLOW } from './domain/return-workflow';
import {
  ChaseReturnDto,
  CloseReturnDto,
  CreateReturnDto,
  InspectReturnDto,
  ListReturnsQueryDto,
  NoticeCallDto,
  ReceiveBackReturnDto,
  RefundReturnDto,
  RegisterReturnDto,
  ReturnToCustomerDto,
  ScrapReturnDto,
  ShipReturnDto,
  TurnaroundQueryDto,
} from './dto/return-request.dto';
import {
  ReturnDetailResponse,
  ReturnPageResponse,
  TurnaroundSummaryResponse,
  toReturnDetailResponse,
  toReturnResponse,
} from './dto/return-response.dto';
import { ReturnActionsService } from './return-actions.service';
import type { ReturnEntity } from './return.entity';
import { ReturnsService } from './returns.service';

const REFUSED =
  '409 INVALID_TRANSITION when not allowed from the current status, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class ReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly actions: ReturnActionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...RETURN_READERS)
  @ApiOperation({
    summary:
      'Returned goods the caller may see, newest first, each with its turnaround; ?overdue=true: away past the notice threshold',
  })
  @ApiOkResponse({ type: ReturnPageResponse })
  async list(
    @Query() query: ListReturnsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.returns.list(query, context.user), (listed) => toReturnResponse(listed, now));
  }

  @Get('turnaround')
  @Roles(...RETURN_READERS)
  @ApiOperation({
    summary:
      'Turnaround of the records received in the period: overall, and per supplier days at the vendor, total days, past the notice threshold',
  })
  @ApiOkResponse({ type: TurnaroundSummaryResponse })
  turnaround(
    @Query() query: TurnaroundQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TurnaroundSummaryResponse> {
    return this.returns.turnaround(query, context.user);
  }

  @Get(':id')
  @Roles(...RETURN_READERS)
  @ApiOperation({ summary: 'The record with its items, chases, customer notice and timeline' })
  @ApiOkResponse({ type: ReturnDetailResponse })
  get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.detail(id, context);
  }

  @Post()
  @Roles(...RETURN_INTAKE)
  @ApiOperation({
    summary:
      'Goods a customer brings back (direct intake): an RG number, a label code per item, the customer notice scheduled',
  })
  @ApiCreatedResponse({ type: ReturnDetailResponse })
  async create(@Body() dto: CreateReturnDto, @Ctx() context: RequestContext): Promise<ReturnDetailResponse> {
    return this.after(await this.returns.create(dto, context), context);
  }

  @Post(':id/inspect')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.inspect.roles)
  @ApiOperation({ summary: `Records the finding; may settle the kind and urgency. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async inspect(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: InspectReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.inspect(id, dto, context), context);
  }

  @Post(':id/register')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.register.roles)
  @ApiOperation({
    summary: `The hand-over (交接) to the acting returns clerk; both names are recorded. ${REFUSED}`,
  })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async register(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RegisterReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.register(id, dto, context), context);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.ship.roles)
  @ApiOperation({
    summary: `To a qualified supplier, with carrier and tracking number; the chase cadence starts. 400 naming supplierId for a supplier not qualified. ${REFUSED}`,
  })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async ship(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ShipReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.ship(id, dto, context), context);
  }

  @Post(':id/chase')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.chase.roles)
  @ApiOperation({
    summary: `Records a chase of the vendor; the next falls due a full interval later. ${REFUSED}`,
  })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async chase(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ChaseReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.chase(id, dto, context), context);
  }

  @Post(':id/receive-back')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.receive_back.roles)
  @ApiOperation({ summary: `The goods are back from the vendor: repaired, replaced or rejected. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async receiveBack(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ReceiveBackReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.receiveBack(id, dto, context), context);
  }

  @Post(':id/return-to-customer')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.return_to_customer.roles)
  @ApiOperation({ summary: `Handed back to the customer: when, how, and who received them. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async returnToCustomer(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ReturnToCustomerDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.returnToCustomer(id, dto, context), context);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.refund.roles)
  @ApiOperation({ summary: `The customer's money is refunded instead, with the amount and why. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async refund(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RefundReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.refund(id, dto, context), context);
  }

  @Post(':id/scrap')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.scrap.roles)
  @ApiOperation({ summary: `废弃商品回收: disposal method, recycler and day. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async scrap(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ScrapReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.scrap(id, dto, context), context);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...RETURN_WORKFLOW.close.roles)
  @ApiOperation({ summary: `Closes a record whose goods are back with the customer. ${REFUSED}` })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async close(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CloseReturnDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.close(id, dto, context), context);
  }

  @Post(':id/notice-call')
  @HttpCode(200)
  @Roles(...NOTICE_CALLERS)
  @ApiOperation({
    summary:
      'The phone notice to a customer without a mail address was made (once); 409 CONFLICT when there is none to make',
  })
  @ApiOkResponse({ type: ReturnDetailResponse })
  async noticeCall(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: NoticeCallDto,
    @Ctx() context: RequestContext,
  ): Promise<ReturnDetailResponse> {
    return this.after(await this.actions.noticeCall(id, dto, context), context);
  }

  /** Every write answers with the record as its actor now sees it. */
  private after(record: ReturnEntity, context: RequestContext): Promise<ReturnDetailResponse> {
    return this.detail(record.id, context);
  }

  private async detail(id: string, context: RequestContext): Promise<ReturnDetailResponse> {
    const dossier = await this.returns.dossier(id, context.user);
    return toReturnDetailResponse(dossier, this.clock.now(), this.config.companyTimeZone);
  }
}
