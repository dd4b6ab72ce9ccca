import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES, type Role } from '../users/domain/roles';
import { CustomersService } from './customers.service';
import {
  CreateCustomerDto,
  CustomerPageResponse,
  CustomerResponse,
  ListCustomersQueryDto,
  NationalIdResponse,
  UpdateCustomerDto,
  toCustomerResponse,
} from './dto/customer.dto';

/** Customer data is kept by the front desk and the managers. */
export const CUSTOMER_WRITERS: Role[] = ['agent', 'manager', 'admin'];
/** Who may see a full national ID number, each time on the audit trail. */
const NATIONAL_ID_READERS: Role[] = ['admin'];

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: CustomerPageResponse })
  async list(
    @Query() query: ListCustomersQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CustomerPageResponse> {
    return mapPage(await this.customers.list(query, context.user), toCustomerResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: CustomerResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<CustomerResponse> {
    return toCustomerResponse(await this.customers.getVisible(id, context.user));
  }

  @Get(':id/national-id')
  @Roles(...NATIONAL_ID_READERS)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: NationalIdResponse, description: 'The full 身份证号; the access is audit-logged' })
  async revealNationalId(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<NationalIdResponse> {
    return { nationalId: await this.customers.revealNationalId(id, context) };
  }

  @Post()
  @Roles(...CUSTOMER_WRITERS)
  @ApiOkResponse({ type: CustomerResponse })
  async create(@Body() dto: CreateCustomerDto, @Ctx() context: RequestContext): Promise<CustomerResponse> {
    return toCustomerResponse(await this.customers.create(dto, context));
  }

  @Patch(':id')
  @Roles(...CUSTOMER_WRITERS)
  @ApiOkResponse({ type: CustomerResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateCustomerDto,
    @Ctx() context: RequestContext,
  ): Promise<CustomerResponse> {
    return toCustomerResponse(await this.customers.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CUSTOMER_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when other records refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.customers.delete(id, query.expectedVersion, context);
  }
}
