import { CompanyCalendar } from '../common/company-calendar';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES, type Role } from '../users/domain/roles';
import { AssetsService } from './assets.service';
import {
  AssetLookupQueryDto,
  AssetLookupResponse,
  AssetPageResponse,
  AssetResponse,
  CreateAssetDto,
  ListAssetsQueryDto,
  UpdateAssetDto,
  toAssetLookupResponse,
  toAssetResponse,
} from './dto/asset.dto';

/** Sold units are registered by the front desk when installed, and kept by the service managers. */
export const ASSET_WRITERS: Role[] = ['agent', 'manager', 'admin'];

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AssetPageResponse })
  async list(@Query() query: ListAssetsQueryDto, @Ctx() context: RequestContext): Promise<AssetPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.assets.list(query, context.user), (asset) => toAssetResponse(asset, today));
  }

  /** Declared before `:id` so that `lookup` is not taken for an id. */
  @Get('lookup')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: AssetLookupResponse,
    description: 'The unit, its product, its owner and its warranty',
  })
  async lookup(
    @Query() query: AssetLookupQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AssetLookupResponse> {
    const today = this.calendar.today();
    const asset = await this.assets.lookup(query.serialNumber, context.user);
    return toAssetLookupResponse(asset, today, query.on ?? today);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AssetResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.get(id, context.user), this.calendar.today());
  }

  @Post()
  @Roles(...ASSET_WRITERS)
  @ApiOkResponse({ type: AssetResponse })
  async create(@Body() dto: CreateAssetDto, @Ctx() context: RequestContext): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.create(dto, context), this.calendar.today());
  }

  @Patch(':id')
  @Roles(...ASSET_WRITERS)
  @ApiOkResponse({ type: AssetResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateAssetDto,
    @Ctx() context: RequestContext,
  ): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.update(id, dto, context), this.calendar.today());
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ASSET_WRITERS)
  @ApiNoContentResponse({
    description: 'Deleted; 409 RECORD_IN_USE when tickets, returns or files refer to it',
  })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.assets.delete(id, query.expectedVersion, context);
  }
}
