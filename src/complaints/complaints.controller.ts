import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintsService } from './complaints.service';
import { COMPLAINT_INTAKE, COMPLAINT_READERS, COMPLAINT_WORKFLOW } from './domain/complaint-workflow';
import {
  AcknowledgeComplaintDto,
  CloseComplaintDto,
  CreateComplaintDto,
  EscalateComplaintDto,
  InvestigateComplaintDto,
  ListComplaintsQueryDto,
  ResolveComplaintDto,
} from './dto/complaint-request.dto';
import {
  ComplaintDetailResponse,
  ComplaintPageResponse,
  toComplaintDetailResponse,
  toComplaintResponse,
} from './dto/complaint-response.dto';

const REFUSED =
  '409 INVALID_TRANSITION when not allowed from the current status, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly actions: ComplaintActionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({ summary: "Complaints the caller may see, newest first; an outlet's users see its own" })
  @ApiOkResponse({ type: ComplaintPageResponse })
  async list(
    @Query() query: ListComplaintsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.complaints.list(query, context.user), (complaint) =>
      toComplaintResponse(complaint, now),
    );
  }

  @Get(':id')
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({ summary: 'The complaint with its escalations and timeline' })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    return this.detail(id, context);
  }

  @Post()
  @Roles(...COMPLAINT_INTAKE)
  @ApiOperation({
    summary:
      'Registers a complaint (投诉受理): deadlines from the policy in force, a CP number; outlet and technician default from the ticket; a major one is mailed to the managers at once',
  })
  @ApiCreatedResponse({ type: ComplaintDetailResponse })
  async create(
    @Body() dto: CreateComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    const { id } = await this.complaints.create(dto, context);
    return this.detail(id, context);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles(...COMPLAINT_WORKFLOW.acknowledge.roles)
  @ApiOperation({ summary: `The customer has been told the complaint is being handled. ${REFUSED}` })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async acknowledge(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: AcknowledgeComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    await this.actions.acknowledge(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/investigate')
  @HttpCode(200)
  @Roles(...COMPLAINT_WORKFLOW.investigate.roles)
  @ApiOperation({ summary: `The service manager starts the investigation. ${REFUSED}` })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async investigate(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: InvestigateComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    await this.actions.investigate(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...COMPLAINT_WORKFLOW.resolve.roles)
  @ApiOperation({ summary: `Records root cause, remedy to the customer and corrective action. ${REFUSED}` })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async resolve(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ResolveComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    await this.actions.resolve(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...COMPLAINT_WORKFLOW.close.roles)
  @ApiOperation({
    summary: `Closes a resolved complaint with whether the customer accepted the outcome (a note when not). ${REFUSED}`,
  })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async close(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CloseComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    await this.actions.close(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Roles(...COMPLAINT_WORKFLOW.escalate.roles)
  @ApiOperation({
    summary: `Escalates an open complaint to the managers by hand, with a reason; once per step (409 CONFLICT when the step was escalated already, by hand or by its deadline). ${REFUSED}`,
  })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async escalate(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: EscalateComplaintDto,
    @Ctx() context: RequestContext,
  ): Promise<ComplaintDetailResponse> {
    await this.actions.escalate(id, dto, context);
    return this.detail(id, context);
  }

  private async detail(id: string, context: RequestContext): Promise<ComplaintDetailResponse> {
    const dossier = await this.complaints.dossier(id, context.user);
    return toComplaintDetailResponse(dossier, this.clock.now(), this.config.companyTimeZone);
  }
}
