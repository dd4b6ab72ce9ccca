import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';

import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import type { CalendarDate } from '../../common/calendar';
import { IsDateOnly } from '../../common/http/validators';
import { INSPECTION_STATUSES, inspectionStatus, type InspectionStatus } from '../domain/inspection-status';
import {
  INSPECTION_RESULTS,
  type InspectionResult,
  type ToolInspectionEntity,
} from '../tool-inspection.entity';
import type { ToolEntity } from '../tool.entity';
import { PageResponseOf } from '../../common/http/pagination';

export class CreateToolDto {
  @ApiProperty({ example: 'GJ-001' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'code must be 1-40 letters, digits, . _ or -' })
  code!: string;

  @ApiProperty({ example: '兆欧表' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ nullable: true, example: 'ZC25-4' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  serialNumber?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    format: 'uuid',
    description: "Outlet-bound users' tools belong to their outlet; others' to head office unless given",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Who keeps it (保管人)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  keeper?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  purchasedOn?: string | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 120,
    default: 12,
    description: 'Months from one passed inspection to the next; a change applies from the next inspection',
  })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(120)
  inspectionIntervalMonths?: number;
}

export class UpdateToolDto extends IntersectionType(
  PartialType(CreateToolDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListToolsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({
    enum: INSPECTION_STATUSES,
    description: 'Tools whose inspectionStatus is this today',
  })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  inspection?: InspectionStatus;
}

export class RecordInspectionDto extends ExpectedVersionDto {
  @ApiProperty({ format: 'date', description: 'Not after today' })
  @IsDateOnly()
  inspectedOn!: string;

  @ApiProperty({ example: '上海市计量测试技术研究院' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  inspector!: string;

  @ApiProperty({ enum: INSPECTION_RESULTS })
  @IsIn(INSPECTION_RESULTS)
  result!: InspectionResult;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  certificateNumber?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    description: "After inspectedOn; a passed inspection defaults to inspectedOn + the tool's interval",
  })
  @IsOptionalNonNull()
  @IsDateOnly()
  nextDue?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class ToolResponse extends RegisterRecordResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty({ nullable: true, type: String }) serialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) outletId!: string | null;
  @ApiProperty({ nullable: true, type: String }) keeper!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) purchasedOn!: string | null;
  @ApiProperty() inspectionIntervalMonths!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextInspectionDue!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastInspectedOn!: string | null;
  @ApiProperty({ nullable: true, enum: INSPECTION_RESULTS }) lastInspectionResult!: InspectionResult | null;
  @ApiProperty({ enum: INSPECTION_STATUSES, description: 'As of today (company time zone)' })
  inspectionStatus!: InspectionStatus;
}

export class ToolPageResponse extends PageResponseOf(ToolResponse) {}

export class InspectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() toolId!: string;
  @ApiProperty({ format: 'date' }) inspectedOn!: string;
  @ApiProperty() inspector!: string;
  @ApiProperty({ enum: INSPECTION_RESULTS }) result!: InspectionResult;
  @ApiProperty({ nullable: true, type: String }) certificateNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextDue!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InspectionPageResponse extends PageResponseOf(InspectionResponse) {}

export class RecordedInspectionResponse {
  @ApiProperty({ type: InspectionResponse }) inspection!: InspectionResponse;
  @ApiProperty({ type: ToolResponse, description: 'The tool after the inspection (new version)' })
  tool!: ToolResponse;
}

export function toToolResponse(tool: ToolEntity, today: CalendarDate): ToolResponse {
  return {
    ...recordMeta(tool),
    code: tool.code,
    name: tool.name,
    model: tool.model,
    serialNumber: tool.serialNumber,
    outletId: tool.outletId,
    keeper: tool.keeper,
    purchasedOn: tool.purchasedOn,
    inspectionIntervalMonths: tool.inspectionIntervalMonths,
    nextInspectionDue: tool.nextInspectionDue,
    lastInspectedOn: tool.lastInspectedOn,
    lastInspectionResult: tool.lastInspectionResult,
    inspectionStatus: inspectionStatus(tool, today),
  };
}

export function toInspectionResponse(inspection: ToolInspectionEntity): InspectionResponse {
  return {
    id: inspection.id,
    toolId: inspection.toolId,
    inspectedOn: inspection.inspectedOn,
    inspector: inspection.inspector,
    result: inspection.result,
    certificateNumber: inspection.certificateNumber,
    nextDue: inspection.nextDue,
    notes: inspection.notes,
    recordedBy: inspection.recordedBy,
    createdAt: inspection.createdAt.toISOString(),
  };
}
