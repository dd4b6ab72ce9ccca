import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import { STAFF_WRITERS } from './domain/staff-access';
import {
  CreatePerformanceReviewDto,
  ListPerformanceReviewsQueryDto,
  PerformanceReviewPageResponse,
  PerformanceReviewResponse,
  UpdatePerformanceReviewDto,
  toPerformanceReviewResponse,
} from './dto/performance-review.dto';
import { PerformanceReviewsService } from './performance-reviews.service';

@ApiTags('performance-reviews')
@ApiBearerAuth()
@Controller('performance-reviews')
export class PerformanceReviewsController {
  constructor(private readonly reviews: PerformanceReviewsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: PerformanceReviewPageResponse,
    description: "Everyone sees their own reviews; other people's need manager, auditor or admin",
  })
  async list(
    @Query() query: ListPerformanceReviewsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<PerformanceReviewPageResponse> {
    return mapPage(await this.reviews.list(query, context.user), toPerformanceReviewResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PerformanceReviewResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<PerformanceReviewResponse> {
    return toPerformanceReviewResponse(await this.reviews.get(id, context.user));
  }

  @Post()
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: PerformanceReviewResponse, description: 'The acting user is the reviewer' })
  async create(
    @Body() dto: CreatePerformanceReviewDto,
    @Ctx() context: RequestContext,
  ): Promise<PerformanceReviewResponse> {
    return toPerformanceReviewResponse(await this.reviews.create(dto, context));
  }

  @Patch(':id')
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: PerformanceReviewResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdatePerformanceReviewDto,
    @Ctx() context: RequestContext,
  ): Promise<PerformanceReviewResponse> {
    return toPerformanceReviewResponse(await this.reviews.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...STAFF_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted; 409 RECORD_IN_USE when other records refer to it' })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.reviews.delete(id, query.expectedVersion, context);
  }
}
