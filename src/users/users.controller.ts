import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { assertOutletVisible } from '../auth/outlet-scope.query';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ALL_ROLES } from './domain/roles';
import {
  CreateUserDto,
  ListUsersQueryDto,
  UnlockUserDto,
  UpdateUserDto,
  UserPageResponse,
  UserResponse,
  toUserResponse,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UserResponse })
  async me(@Ctx() context: RequestContext): Promise<UserResponse> {
    return toUserResponse(await this.users.get(context.user.id));
  }

  @Get()
  @Roles('admin', 'manager', 'dispatcher', 'auditor')
  @ApiOkResponse({ type: UserPageResponse })
  async list(@Query() query: ListUsersQueryDto, @Ctx() context: RequestContext): Promise<UserPageResponse> {
    return mapPage(await this.users.list(query, context.user), toUserResponse);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'dispatcher', 'auditor')
  @ApiOkResponse({ type: UserResponse })
  async get(@Param('id', UuidParam('id')) id: string, @Ctx() context: RequestContext): Promise<UserResponse> {
    const user = await this.users.get(id);
    assertOutletVisible(context.user, 'user', id, user.outletId);
    return toUserResponse(user);
  }

  @Post()
  @Roles('admin')
  @ApiOkResponse({ type: UserResponse })
  async create(@Body() dto: CreateUserDto, @Ctx() context: RequestContext): Promise<UserResponse> {
    return toUserResponse(await this.users.create(dto, context));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateUserDto,
    @Ctx() context: RequestContext,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, dto, context));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: UserResponse })
  async unlock(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UnlockUserDto,
    @Ctx() context: RequestContext,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.unlock(id, dto.expectedVersion, context));
  }
}
