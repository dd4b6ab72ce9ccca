import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import {
  CreatePartDto,
  ListPartsQueryDto,
  PartPageResponse,
  PartResponse,
  UpdatePartDto,
  toPartResponse,
} from './dto/part.dto';
import { PartsService } from './parts.service';
import { CATALOG_WRITERS } from './products.controller';

@ApiTags('parts')
@ApiBearerAuth()
@Controller('parts')
export class PartsController {
  constructor(private readonly parts: PartsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PartPageResponse })
  async list(@Query() query: ListPartsQueryDto): Promise<PartPageResponse> {
    return mapPage(await this.parts.list(query, query.productCategory), toPartResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PartResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<PartResponse> {
    return toPartResponse(await this.parts.get(id));
  }

  @Post()
  @Roles(...CATALOG_WRITERS)
  @ApiOkResponse({ type: PartResponse })
  async create(@Body() dto: CreatePartDto, @Ctx() context: RequestContext): Promise<PartResponse> {
    return toPartResponse(await this.parts.create(dto, context));
  }

  @Patch(':id')
  @Roles(...CATALOG_WRITERS)
  @ApiOkResponse({ type: PartResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdatePartDto,
    @Ctx() context: RequestContext,
  ): Promise<PartResponse> {
    return toPartResponse(await this.parts.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when other records or files refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.parts.delete(id, query.expectedVersion, context);
  }
}
