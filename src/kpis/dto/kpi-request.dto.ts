import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { PeriodDto } from '../../common/http/period.dto';
import { ToBoolean } from '../../common/registers/register.dto';

export class KpiQueryDto extends PeriodDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "One outlet's figures; users bound to an outlet always get their own (another outlet is 404)",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

class MetFilterDto {
  @ApiPropertyOptional({
    description:
      'true: only the records counted in the numerator (met; for NPS the promoters); false: only those that are not (for NPS the detractors)',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  met?: boolean;
}

export class KpiRecordsQueryDto extends IntersectionType(KpiQueryDto, PageQueryDto, MetFilterDto) {}
