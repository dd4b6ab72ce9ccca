import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { CompanyCalendar } from '../common/company-calendar';
import { ALL_ROLES, type Role } from '../users/domain/roles';
import {
  CreateToolDto,
  InspectionPageResponse,
  ListToolsQueryDto,
  RecordInspectionDto,
  RecordedInspectionResponse,
  ToolPageResponse,
  ToolResponse,
  UpdateToolDto,
  toInspectionResponse,
  toToolResponse,
} from './dto/tool.dto';
import { ToolsService } from './tools.service';

/** The tool register and its inspections are kept by the service managers. */
export const TOOL_WRITERS: readonly Role[] = ['manager', 'admin'];

@ApiTags('tools')
@ApiBearerAuth()
@Controller('tools')
export class ToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ToolPageResponse })
  async list(@Query() query: ListToolsQueryDto, @Ctx() context: RequestContext): Promise<ToolPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.tools.list(query, context.user), (tool) => toToolResponse(tool, today));
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ToolResponse })
  async get(@Param('id', UuidParam('id')) id: string, @Ctx() context: RequestContext): Promise<ToolResponse> {
    return toToolResponse(await this.tools.get(id, context.user), this.calendar.today());
  }

  @Post()
  @Roles(...TOOL_WRITERS)
  @ApiOkResponse({ type: ToolResponse })
  async create(@Body() dto: CreateToolDto, @Ctx() context: RequestContext): Promise<ToolResponse> {
    return toToolResponse(await this.tools.create(dto, context), this.calendar.today());
  }

  @Patch(':id')
  @Roles(...TOOL_WRITERS)
  @ApiOkResponse({ type: ToolResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateToolDto,
    @Ctx() context: RequestContext,
  ): Promise<ToolResponse> {
    return toToolResponse(await this.tools.update(id, dto, context), this.calendar.today());
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...TOOL_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when it has inspections or attachments' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.tools.delete(id, query.expectedVersion, context);
  }

  @Get(':id/inspections')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InspectionPageResponse, description: 'Newest first' })
  async inspections(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: PageQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<InspectionPageResponse> {
    return mapPage(await this.tools.inspections(id, query, context.user), toInspectionResponse);
  }

  @Post(':id/inspections')
  @Roles(...TOOL_WRITERS)
  @ApiOkResponse({ type: RecordedInspectionResponse })
  async recordInspection(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RecordInspectionDto,
    @Ctx() context: RequestContext,
  ): Promise<RecordedInspectionResponse> {
    const { inspection, tool } = await this.tools.recordInspection(id, dto, context);
    return {
      inspection: toInspectionResponse(inspection),
      tool: toToolResponse(tool, this.calendar.today()),
    };
  }
}
