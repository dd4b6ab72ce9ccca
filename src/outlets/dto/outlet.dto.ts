import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  ToBoolean,
  recordMeta,
} from '../../common/registers/register.dto';
import { dispatchability } from '../domain/dispatchable';
import { OUTLET_KINDS, OUTLET_STATUSES, type OutletKind, type OutletStatus } from '../domain/outlet-fields';
import type { OutletEntity } from '../outlet.entity';
import { PageResponseOf } from '../../common/http/pagination';

export const MAX_COVERAGE_REGIONS = 50;

export class CreateOutletDto {
  @ApiProperty({ example: 'WD-001' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'code must be 1-40 letters, digits, . _ or -' })
  code!: string;

  @ApiProperty({ example: '上海浦东服务中心' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: OUTLET_KINDS, description: 'own (自建) or outsourced (委外)' })
  @IsIn(OUTLET_KINDS)
  kind!: OutletKind;

  @ApiPropertyOptional({ nullable: true, example: '上海市浦东新区张杨路 500 号' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '上海市/浦东新区', description: 'Where the outlet is' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['上海市/浦东新区', '上海市/闵行区'],
    description: 'Regions served; one covers every region below it (上海市 covers 上海市/浦东新区)',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_COVERAGE_REGIONS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  coverageRegions?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The outlet manager (网点负责人)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  managerName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'FW-2026-01', description: 'Service agreement number' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  agreementNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  agreementValidFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'Not before agreementValidFrom' })
  @IsOptional()
  @IsDateOnly()
  agreementValidUntil?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Business licence number (营业执照)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  licenceNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  licenceValidUntil?: string | null;
}

/** Code and kind are fixed once created; the status changes only through the lifecycle actions. */
export class UpdateOutletDto extends IntersectionType(
  PartialType(
    PickType(CreateOutletDto, [
      'name',
      'address',
      'region',
      'coverageRegions',
      'phone',
      'managerName',
      'agreementNumber',
      'agreementValidFrom',
      'agreementValidUntil',
      'licenceNumber',
      'licenceValidUntil',
    ] as const),
    { skipNullProperties: false },
  ),
  ExpectedVersionDto,
) {}

export class ListOutletsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ enum: OUTLET_KINDS })
  @IsOptional()
  @IsIn(OUTLET_KINDS)
  kind?: OutletKind;

  @ApiPropertyOptional({ enum: OUTLET_STATUSES })
  @IsOptional()
  @IsIn(OUTLET_STATUSES)
  status?: OutletStatus;

  @ApiPropertyOptional({ description: 'Outlets located in this region or below it' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    description: 'Outlets whose coverage includes this region',
    example: '上海市/浦东新区',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  covers?: string;

  @ApiPropertyOptional({ description: 'Only outlets jobs may be dispatched to today (true) or not (false)' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dispatchable?: boolean;
}

export class OutletResponse extends RegisterRecordResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: OUTLET_KINDS }) kind!: OutletKind;
  @ApiProperty({ enum: OUTLET_STATUSES }) status!: OutletStatus;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ type: [String] }) coverageRegions!: string[];
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) managerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The manager who approved the outlet' })
  approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) agreementNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) agreementValidFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) agreementValidUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) licenceNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) licenceValidUntil!: string | null;
  @ApiProperty({ description: 'Whether jobs may be dispatched to it today (company time zone)' })
  dispatchable!: boolean;
  @ApiProperty({ type: [String], description: 'Why not, in Chinese; empty when dispatchable' })
  notDispatchableReasons!: string[];
}

export class OutletPageResponse extends PageResponseOf(OutletResponse) {}

/** The outlet as the API shows it, with its dispatchability on `today` (YYYY-MM-DD, company zone). */
export function toOutletResponse(outlet: OutletEntity, today: string): OutletResponse {
  const { dispatchable, reasons } = dispatchability(outlet, today);
  return {
    ...recordMeta(outlet),
    code: outlet.code,
    name: outlet.name,
    kind: outlet.kind,
    status: outlet.status,
    address: outlet.address,
    region: outlet.region,
    coverageRegions: outlet.coverageRegions,
    phone: outlet.phone,
    managerName: outlet.managerName,
    approvedBy: outlet.approvedBy,
    approvedAt: outlet.approvedAt?.toISOString() ?? null,
    agreementNumber: outlet.agreementNumber,
    agreementValidFrom: outlet.agreementValidFrom,
    agreementValidUntil: outlet.agreementValidUntil,
    licenceNumber: outlet.licenceNumber,
    licenceValidUntil: outlet.licenceValidUntil,
    dispatchable,
    notDispatchableReasons: reasons,
  };
}
