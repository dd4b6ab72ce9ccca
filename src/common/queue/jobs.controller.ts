import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Roles } from '../../auth/decorators';
import { PageQueryDto } from '../http/pagination';
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
  async failed(@Query() query: FailedJobsQueryDto): Promise<FailedJob[]> {
    const start = (query.page - 1) * query.pageSize;
    const queues = query.queue ? [query.queue] : QUEUE_NAMES;
    const lists = await Promise.all(queues.map((queue) => this.jobs.failed(queue, start, query.pageSize)));
    return lists.flat();
  }

  @Post(':queue/:id/retry')
  @HttpCode(204)
  retry(@Param() params: JobParams): Promise<void> {
    return this.jobs.retry(params.queue, params.id);
  }
}
