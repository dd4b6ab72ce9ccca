import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES, type Role } from '../users/domain/roles';
import {
  CreateSupplierDto,
  ListSuppliersQueryDto,
  SupplierPageResponse,
  SupplierResponse,
  UpdateSupplierDto,
  toSupplierResponse,
} from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

/** The qualified supplier list is kept by the service managers. */
export const SUPPLIER_WRITERS: Role[] = ['manager', 'admin'];

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: SupplierPageResponse })
  async list(@Query() query: ListSuppliersQueryDto): Promise<SupplierPageResponse> {
    return mapPage(await this.suppliers.list(query), toSupplierResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: SupplierResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<SupplierResponse> {
    return toSupplierResponse(await this.suppliers.get(id));
  }

  @Post()
  @Roles(...SUPPLIER_WRITERS)
  @ApiOkResponse({ type: SupplierResponse })
  async create(@Body() dto: CreateSupplierDto, @Ctx() context: RequestContext): Promise<SupplierResponse> {
    return toSupplierResponse(await this.suppliers.create(dto, context));
  }

  @Patch(':id')
  @Roles(...SUPPLIER_WRITERS)
  @ApiOkResponse({ type: SupplierResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateSupplierDto,
    @Ctx() context: RequestContext,
  ): Promise<SupplierResponse> {
    return toSupplierResponse(await this.suppliers.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...SUPPLIER_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when other records refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.suppliers.delete(id, query.expectedVersion, context);
  }
}
