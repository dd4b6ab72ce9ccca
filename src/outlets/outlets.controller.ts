import { CompanyCalendar } from '../common/company-calendar';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import { OUTLET_KEEPERS } from './domain/outlet-access';
import { OUTLET_LIFECYCLE, type OutletAction } from './domain/outlet-lifecycle';
import {
  OutletActionDto,
  OutletStatusChangePageResponse,
  toOutletStatusChangeResponse,
} from './dto/outlet-action.dto';
import {
  CreateOutletDto,
  ListOutletsQueryDto,
  OutletPageResponse,
  OutletResponse,
  UpdateOutletDto,
  toOutletResponse,
} from './dto/outlet.dto';
import { OutletLifecycleService } from './outlet-lifecycle.service';
import type { OutletEntity } from './outlet.entity';
import { OutletsService } from './outlets.service';

const REFUSED = '409 INVALID_TRANSITION when not allowed from the current status; nothing changes';

@ApiTags('outlets')
@ApiBearerAuth()
@Controller('outlets')
export class OutletsController {
  constructor(
    private readonly outlets: OutletsService,
    private readonly lifecycle: OutletLifecycleService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: OutletPageResponse })
  async list(
    @Query() query: ListOutletsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.outlets.list(query, context.user), (outlet) => toOutletResponse(outlet, today));
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: OutletResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.respond(await this.outlets.get(id, context.user));
  }

  @Get(':id/history')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The status changes of the outlet, oldest first' })
  @ApiOkResponse({ type: OutletStatusChangePageResponse })
  async history(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: PageQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletStatusChangePageResponse> {
    return mapPage(await this.outlets.history(id, query, context.user), toOutletStatusChangeResponse);
  }

  @Post()
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({ summary: 'Registers an outlet; it starts as proposed' })
  @ApiOkResponse({ type: OutletResponse })
  async create(@Body() dto: CreateOutletDto, @Ctx() context: RequestContext): Promise<OutletResponse> {
    return this.respond(await this.outlets.create(dto, context));
  }

  @Patch(':id')
  @Roles(...OUTLET_KEEPERS)
  @ApiOperation({ summary: 'Changes details and the qualification file; the status changes only by actions' })
  @ApiOkResponse({ type: OutletResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateOutletDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.respond(await this.outlets.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...OUTLET_KEEPERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when other records refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.outlets.delete(id, query.expectedVersion, context);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...OUTLET_LIFECYCLE.approve.roles)
  @ApiOperation({
    summary: 'proposed → approved, by a manager; records who approved and when',
    description: REFUSED,
  })
  @ApiOkResponse({ type: OutletResponse })
  approve(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: OutletActionDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.act(id, 'approve', dto, context);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...OUTLET_LIFECYCLE.activate.roles)
  @ApiOperation({
    summary:
      'approved → active; an outsourced outlet needs a service agreement valid today (else 409 CONFLICT)',
    description: REFUSED,
  })
  @ApiOkResponse({ type: OutletResponse })
  activate(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: OutletActionDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.act(id, 'activate', dto, context);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...OUTLET_LIFECYCLE.suspend.roles)
  @ApiOperation({ summary: 'active → suspended', description: REFUSED })
  @ApiOkResponse({ type: OutletResponse })
  suspend(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: OutletActionDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.act(id, 'suspend', dto, context);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...OUTLET_LIFECYCLE.resume.roles)
  @ApiOperation({
    summary: 'suspended → active; an outsourced outlet needs a service agreement valid today',
    description: REFUSED,
  })
  @ApiOkResponse({ type: OutletResponse })
  resume(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: OutletActionDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.act(id, 'resume', dto, context);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...OUTLET_LIFECYCLE.close.roles)
  @ApiOperation({
    summary: 'Any status but closed → closed (the outlet is deactivated)',
    description: REFUSED,
  })
  @ApiOkResponse({ type: OutletResponse })
  close(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: OutletActionDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletResponse> {
    return this.act(id, 'close', dto, context);
  }

  private async act(
    id: string,
    action: OutletAction,
    dto: OutletActionDto,
    context: RequestContext,
  ): Promise<OutletResponse> {
    return this.respond(await this.lifecycle.apply(id, action, dto, context));
  }

  private respond(outlet: OutletEntity): OutletResponse {
    return toOutletResponse(outlet, this.calendar.today());
  }
}
