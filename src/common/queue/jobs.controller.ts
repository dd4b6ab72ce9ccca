import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { RequestContext } from '../../auth/authenticated-user';
import { Ctx, Roles } from '../../auth/decorators';
import { Page, PageQueryDto } from '../http/pagination';
import { FailedJob, JobsService, QueueCounts } from './jobs.service';
import { QUEUE_NAMES, type QueueName } from './queue.constants';

export class FailedJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_NAMES })
  @IsOptional()
  @IsIn(QUEUE_NAMES)
  queue?: QueueName;
}

export class JobParams {
  @IsIn(QUEUE_NAMES)
  queue!: QueueName;

  @IsString()
  @MaxLength(100)
  @Matches(/^[\w:.-]+$/)
  id!: string;
}

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
@Roles('admin')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  counts(): Promise<QueueCounts[]> {
    return this.jobs.counts();
  }

  @Get('failed')
  failed(@Query() query: FailedJobsQueryDto): Promise<Page<FailedJob>> {
    return this.jobs.failed(query.queue ? [query.queue] : QUEUE_NAMES, query.page, query.pageSize);
  }

  @Post(':queue/:id/retry')
  @HttpCode(204)
  retry(@Param() params: JobParams, @Ctx() context: RequestContext): Promise<void> {
    return this.jobs.retry(params.queue, params.id, context);
  }
}
