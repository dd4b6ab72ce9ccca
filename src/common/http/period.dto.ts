import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from './validators';

/** A period of calendar days in the company time zone, both ends included, as queries and bodies name it. */
export class PeriodDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day, in the company time zone' })
  @IsDateOnly()
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day, included; not before from' })
  @IsDateOnly()
  to!: string;
}
