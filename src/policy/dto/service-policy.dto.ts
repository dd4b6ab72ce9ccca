import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ZONES, type Zone } from '../../customers/domain/customer-fields';
import { IsApiDate } from '../../common/http/validators';
import type { PolicyDeadlines } from '../policy.service';
import { PRIORITIES, type PolicyCommitments, type Priority } from '../domain/policy-commitments';
import type { ServicePolicyEntity } from '../service-policy.entity';
import { PageResponseOf } from '../../common/http/pagination';

const MAX_HOURS = 8760;
const MAX_DAYS = 365;

/** A positive figure of at most `max`, to two decimals (half an hour is a real commitment). */
const Figure = (max: number, unit: string) =>
  applyDecorators(
    ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: max, description: unit }),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    IsPositive(),
    Max(max),
  );
const Hours = () => Figure(MAX_HOURS, 'hours');
const Days = () => Figure(MAX_DAYS, 'days');

/** A required nested object, validated field by field so that a 400 names e.g. `commitments.onSiteHours.urgent.rural`. */
const Nested = (type: () => new () => object) =>
  applyDecorators(ApiProperty({ type }), IsObject(), ValidateNested(), Type(type));

export class HoursByPriorityDto implements Record<Priority, number> {
  @Hours() low!: number;
  @Hours() normal!: number;
  @Hours() high!: number;
  @Hours() urgent!: number;
}

export class HoursByZoneDto implements Record<Zone, number> {
  @Hours() urban!: number;
  @Hours() suburban!: number;
  @Hours() rural!: number;
}

export class OnSiteHoursDto implements Record<Priority, HoursByZoneDto> {
  @Nested(() => HoursByZoneDto) low!: HoursByZoneDto;
  @Nested(() => HoursByZoneDto) normal!: HoursByZoneDto;
  @Nested(() => HoursByZoneDto) high!: HoursByZoneDto;
  @Nested(() => HoursByZoneDto) urgent!: HoursByZoneDto;
}

export class ChaseDaysDto {
  @Days() exchange!: number;
  /** Warranty repairs, and refunds, which wait on the vendor in the same way. */
  @Days() repair!: number;
  /** Any kind marked urgent. */
  @Days() urgent!: number;
}

/** A complete set of commitments: a version never inherits figures from another. */
export class PolicyCommitmentsDto implements PolicyCommitments {
  @Nested(() => HoursByPriorityDto) responseHours!: HoursByPriorityDto;
  @Nested(() => OnSiteHoursDto) onSiteHours!: OnSiteHoursDto;
  @Nested(() => HoursByPriorityDto) resolveHours!: HoursByPriorityDto;
  @Days() followUpDays!: number;
  @Hours() complaintAcknowledgeHours!: number;
  @Days() complaintResolveDays!: number;
  @Days() returnsNoticeDays!: number;
  @Nested(() => ChaseDaysDto) chaseDays!: ChaseDaysDto;
}

export class CreateServicePolicyDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Not in the past, and later than the effective time of every existing version',
  })
  @IsApiDate()
  effectiveFrom!: Date;

  @Nested(() => PolicyCommitmentsDto)
  commitments!: PolicyCommitmentsDto;

  @ApiProperty({ example: '2026 年服务承诺调整：城区紧急上门缩短至 3 小时' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note!: string;
}

export class PolicyAtQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @IsApiDate()
  at?: Date;
}

export class DeadlinesQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the repair was reported; default: now' })
  @IsOptional()
  @IsApiDate()
  reportedAt?: Date;

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;

  @ApiProperty({ enum: ZONES })
  @IsIn(ZONES)
  zone!: Zone;
}

export class ServicePolicyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ type: PolicyCommitmentsDto }) commitments!: PolicyCommitments;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the installed defaults' })
  createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ServicePolicyPageResponse extends PageResponseOf(ServicePolicyResponse) {}

export class DeadlinesResponse {
  @ApiProperty({ description: 'The policy version the deadlines come from' }) policyVersionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ format: 'date-time' }) responseDueAt!: string;
  @ApiProperty({ format: 'date-time' }) onSiteDueAt!: string;
  @ApiProperty({ format: 'date-time' }) resolveDueAt!: string;
}

export function toServicePolicyResponse(policy: ServicePolicyEntity): ServicePolicyResponse {
  return {
    id: policy.id,
    versionNumber: policy.versionNumber,
    effectiveFrom: policy.effectiveFrom.toISOString(),
    commitments: policy.commitments,
    note: policy.note,
    createdBy: policy.createdBy,
    createdAt: policy.createdAt.toISOString(),
  };
}

export function toDeadlinesResponse(deadlines: PolicyDeadlines): DeadlinesResponse {
  return {
    policyVersionId: deadlines.policyVersionId,
    versionNumber: deadlines.versionNumber,
    responseDueAt: deadlines.responseDueAt.toISOString(),
    onSiteDueAt: deadlines.onSiteDueAt.toISOString(),
    resolveDueAt: deadlines.resolveDueAt.toISOString(),
  };
}
