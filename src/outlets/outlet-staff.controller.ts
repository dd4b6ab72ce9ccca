import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import { OUTLET_KEEPERS } from './domain/outlet-access';
import {
  CreateOutletStaffDto,
  ListOutletStaffQueryDto,
  OutletStaffPageResponse,
  OutletStaffResponse,
  UpdateOutletStaffDto,
  toOutletStaffResponse,
} from './dto/outlet-staff.dto';
import { OutletStaffService } from './outlet-staff.service';

@ApiTags('outlets')
@ApiBearerAuth()
@Controller('outlets/:id/staff')
export class OutletStaffController {
  constructor(private readonly staff: OutletStaffService) {}

  @Get()
  // Managers, auditors and admins read every outlet's file; other users only their own outlet's (checked in the service).
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "The trained staff on the outlet's qualification file" })
  @ApiOkResponse({ type: OutletStaffPageResponse })
  async list(
    @Param('id', UuidParam('id')) outletId: string,
    @Query() query: ListOutletStaffQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletStaffPageResponse> {
    return mapPage(await this.staff.list(outletId, query, context.user), toOutletStaffResponse);
  }

  @Post()
  @Roles(...OUTLET_KEEPERS)
  @ApiOkResponse({ type: OutletStaffResponse })
  async create(
    @Param('id', UuidParam('id')) outletId: string,
    @Body() dto: CreateOutletStaffDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletStaffResponse> {
    return toOutletStaffResponse(await this.staff.create(outletId, dto, context));
  }

  @Patch(':staffId')
  @Roles(...OUTLET_KEEPERS)
  @ApiOkResponse({ type: OutletStaffResponse })
  async update(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('staffId', UuidParam('staffId')) staffId: string,
    @Body() dto: UpdateOutletStaffDto,
    @Ctx() context: RequestContext,
  ): Promise<OutletStaffResponse> {
    return toOutletStaffResponse(await this.staff.update(outletId, staffId, dto, context));
  }

  @Delete(':staffId')
  @HttpCode(204)
  @Roles(...OUTLET_KEEPERS)
  @ApiNoContentResponse({
    description: 'Deleted; 409 RECORD_IN_USE when files are attached: deactivate instead',
  })
  async delete(
    @Param('id', UuidParam('id')) outletId: string,
    @Param('staffId', UuidParam('staffId')) staffId: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.staff.delete(outletId, staffId, query.expectedVersion, context);
  }
}
