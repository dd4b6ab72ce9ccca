import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import { CompanyCalendar } from '../common/company-calendar';
import { STAFF_WRITERS, TRAINING_READERS } from './domain/staff-access';
import {
  CreateTrainingDto,
  ListTrainingsQueryDto,
  TrainingPageResponse,
  TrainingResponse,
  TrainingSummaryQueryDto,
  TrainingSummaryResponse,
  UpdateTrainingDto,
  toTrainingResponse,
  toTrainingSummaryResponse,
} from './dto/training.dto';
import { TrainingsService } from './trainings.service';

@ApiTags('trainings')
@ApiBearerAuth()
@Controller('trainings')
export class TrainingsController {
  constructor(
    private readonly trainings: TrainingsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: TrainingPageResponse,
    description: "Outlet-bound users see their outlet's trainings; others need manager, auditor or admin",
  })
  async list(
    @Query() query: ListTrainingsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TrainingPageResponse> {
    return mapPage(await this.trainings.list(query, context.user), toTrainingResponse);
  }

  @Get('summary')
  @Roles(...TRAINING_READERS)
  @ApiOkResponse({ type: TrainingSummaryResponse, description: 'Staff training hours per person in a year' })
  async summary(
    @Query() query: TrainingSummaryQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TrainingSummaryResponse> {
    const year = query.year ?? Number(this.calendar.today().slice(0, 4));
    return toTrainingSummaryResponse(year, await this.trainings.hoursPerPerson(year, context.user));
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: TrainingResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<TrainingResponse> {
    return toTrainingResponse(await this.trainings.get(id, context.user));
  }

  @Post()
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: TrainingResponse })
  async create(@Body() dto: CreateTrainingDto, @Ctx() context: RequestContext): Promise<TrainingResponse> {
    return toTrainingResponse(await this.trainings.create(dto, context));
  }

  @Patch(':id')
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: TrainingResponse, description: '`attendees`, when sent, replaces the whole list' })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateTrainingDto,
    @Ctx() context: RequestContext,
  ): Promise<TrainingResponse> {
    return toTrainingResponse(await this.trainings.update(id, dto, context));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...STAFF_WRITERS)
  @ApiNoContentResponse({
    description: 'Deleted with its attendees; 409 RECORD_IN_USE when other records refer to it',
  })
  async delete(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.trainings.delete(id, query.expectedVersion, context);
  }
}
