import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { ALL_ROLES } from '../users/domain/roles';
import { CompanyCalendar } from '../common/company-calendar';
import { QUALIFICATION_READERS, STAFF_WRITERS } from './domain/staff-access';
import {
  CreateQualificationDto,
  ListQualificationsQueryDto,
  QualificationPageResponse,
  QualificationResponse,
  TechnicianQualificationListResponse,
  TechnicianQualificationQueryDto,
  UpdateQualificationDto,
  toQualificationResponse,
  toTechnicianQualificationResponse,
} from './dto/qualification.dto';
import { QualificationsService } from './qualifications.service';

@ApiTags('qualifications')
@ApiBearerAuth()
@Controller('qualifications')
export class QualificationsController {
  constructor(
    private readonly qualifications: QualificationsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: QualificationPageResponse,
    description: "Other people's certificates need a reader role",
  })
  async list(
    @Query() query: ListQualificationsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<QualificationPageResponse> {
    const today = this.calendar.today();
    const page = await this.qualifications.list(query, context.user);
    return mapPage(page, (qualification) => toQualificationResponse(qualification, today));
  }

  @Get('technicians')
  @Roles(...QUALIFICATION_READERS)
  @ApiOkResponse({
    type: TechnicianQualificationListResponse,
    description: 'Every active technician with qualified | expired | missing for the product category',
  })
  async technicians(
    @Query() query: TechnicianQualificationQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<TechnicianQualificationListResponse> {
    const on = query.on ?? this.calendar.today();
    const views = await this.qualifications.technicians(query, on, context.user);
    return {
      productCategory: query.productCategory,
      on,
      items: views.map((view) => toTechnicianQualificationResponse(view, on)),
    };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: QualificationResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<QualificationResponse> {
    return toQualificationResponse(await this.qualifications.get(id, context.user), this.calendar.today());
  }

  @Post()
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: QualificationResponse })
  async create(
    @Body() dto: CreateQualificationDto,
    @Ctx() context: RequestContext,
  ): Promise<QualificationResponse> {
    return toQualificationResponse(await this.qualifications.create(dto, context), this.calendar.today());
  }

  @Patch(':id')
  @Roles(...STAFF_WRITERS)
  @ApiOkResponse({ type: QualificationResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateQualificationDto,
    @Ctx() context: RequestContext,
  ): Promise<QualificationResponse> {
    return toQualificationResponse(await this.qualifications.update(id, dto, context), this.calendar.today());
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
    await this.qualifications.delete(id, query.expectedVersion, context);
  }
}
