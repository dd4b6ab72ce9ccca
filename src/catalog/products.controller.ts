import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES, type Role } from '../users/domain/roles';
import {
  CreateProductDto,
  ListProductsQueryDto,
  ProductPageResponse,
  ProductResponse,
  UpdateProductDto,
  toProductResponse,
} from './dto/product.dto';
import { ProductsService } from './products.service';

/** The catalog (products, fee list) is kept by the service managers. */
export const CATALOG_WRITERS: Role[] = ['manager', 'admin'];

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ProductPageResponse })
  async list(@Query() query: ListProductsQueryDto): Promise<ProductPageResponse> {
    return mapPage(await this.products.list(query, query.category), toProductResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ProductResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<ProductResponse> {
    return toProductResponse(await this.products.get(id));
  }

  @Post()
  @Roles(...CATALOG_WRITERS)
  @ApiOkResponse({ type: ProductResponse })
  async create(@Body() dto: CreateProductDto, @Ctx() context: RequestContext): Promise<ProductResponse> {
    return toProductResponse(await this.products.create(dto, context));
  }

  @Patch(':id')
  @Roles(...CATALOG_WRITERS)
  @ApiOkResponse({ type: ProductResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateProductDto,
    @Ctx() context: RequestContext,
  ): Promise<ProductResponse> {
    return toProductResponse(await this.products.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when sold units or files refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.products.delete(id, query.expectedVersion, context);
  }
}
