import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsDateOnly } from '../../common/http/validators';
import { ToBoolean } from '../../common/registers/register.dto';

export class KpiQueryDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day, in the company time zone' })
  @IsDateOnly()
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day, included; not before from' })
  @IsDateOnly()
  to!: string;

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
