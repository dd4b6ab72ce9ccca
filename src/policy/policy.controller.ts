import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { ALL_ROLES } from '../users/domain/roles';
import {
  CreateServicePolicyDto,
  DeadlinesQueryDto,
  DeadlinesResponse,
  PolicyAtQueryDto,
  ServicePolicyPageResponse,
  ServicePolicyResponse,
  toDeadlinesResponse,
  toServicePolicyResponse,
} from './dto/service-policy.dto';
import { PolicyService } from './policy.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/service-policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ServicePolicyResponse, description: 'The version in force at `at` (default now)' })
  async inForce(@Query() query: PolicyAtQueryDto): Promise<ServicePolicyResponse> {
    return toServicePolicyResponse(await this.policy.inForce(query.at ?? this.clock.now()));
  }

  @Get('versions')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ServicePolicyPageResponse, description: 'Every version, newest first' })
  async versions(@Query() query: PageQueryDto): Promise<ServicePolicyPageResponse> {
    return mapPage(await this.policy.versions(query), toServicePolicyResponse);
  }

  @Get('deadlines')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: DeadlinesResponse, description: 'The deadlines a repair reported then would get' })
  async deadlines(@Query() query: DeadlinesQueryDto): Promise<DeadlinesResponse> {
    return toDeadlinesResponse(
      await this.policy.deadlinesFor({
        reportedAt: query.reportedAt ?? this.clock.now(),
        priority: query.priority,
        zone: query.zone,
      }),
    );
  }

  @Post()
  @Roles('manager', 'admin')
  @ApiCreatedResponse({ type: ServicePolicyResponse })
  async create(
    @Body() dto: CreateServicePolicyDto,
    @Ctx() context: RequestContext,
  ): Promise<ServicePolicyResponse> {
    return toServicePolicyResponse(await this.policy.create(dto, context));
  }
}
