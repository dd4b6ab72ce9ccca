import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { KPI_READERS } from './domain/kpi-access';
import { KpiQueryDto, KpiRecordsQueryDto } from './dto/kpi-request.dto';
import { KpiRecordPageResponse, KpiReportResponse, toKpiReportResponse } from './dto/kpi-response.dto';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'The service KPIs of a period (GB/T 27922): each with its definition, numerator, denominator, value ' +
      'and the path of the records behind it; an outlet-bound user gets their outlet’s',
  })
  @ApiOkResponse({ type: KpiReportResponse })
  async report(@Query() query: KpiQueryDto, @Ctx() context: RequestContext): Promise<KpiReportResponse> {
    return toKpiReportResponse(
      await this.kpis.report({ from: query.from, to: query.to }, query.outletId ?? null, context.user),
    );
  }

  @Get(':code/records')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'The records counted in one KPI for the period (and outlet), with what each was judged on; ' +
      '`met` narrows to those in the numerator or not; an unknown code is 404',
  })
  @ApiOkResponse({ type: KpiRecordPageResponse })
  records(
    @Param('code') code: string,
    @Query() query: KpiRecordsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<KpiRecordPageResponse> {
    return this.kpis.records(
      code,
      { from: query.from, to: query.to },
      query.outletId ?? null,
      { page: query.page, pageSize: query.pageSize, met: query.met },
      context.user,
    );
  }
}
