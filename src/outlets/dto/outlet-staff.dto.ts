import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';

import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterRecordResponse,
  ToBoolean,
  recordMeta,
} from '../../common/registers/register.dto';
import type { OutletStaffEntity } from '../outlet-staff.entity';

export class CreateOutletStaffDto {
  @ApiProperty({ example: '张伟' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '变频空调维修培训（2026 年 3 月，32 学时）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  training?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'PX-2026-007' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  certificateNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  certificateValidUntil?: string | null;
}

export class UpdateOutletStaffDto extends IntersectionType(
  PartialType(CreateOutletStaffDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({
    description: 'People who left stay on file, deactivated; they get no more expiry alerts',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListOutletStaffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) people' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class OutletStaffResponse extends RegisterRecordResponse {
  @ApiProperty() outletId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) training!: string | null;
  @ApiProperty({ nullable: true, type: String }) certificateNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) certificateValidUntil!: string | null;
}

export class OutletStaffPageResponse extends PageResponseOf(OutletStaffResponse) {}

export function toOutletStaffResponse(staff: OutletStaffEntity): OutletStaffResponse {
  return {
    ...recordMeta(staff),
    outletId: staff.outletId,
    name: staff.name,
    phone: staff.phone,
    training: staff.training,
    certificateNumber: staff.certificateNumber,
    certificateValidUntil: staff.certificateValidUntil,
  };
}
