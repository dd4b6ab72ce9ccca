import { PeriodDto } from '../../common/http/period.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import { ExpectedVersionDto } from '../../common/registers/register.dto';
import {
  ADJUSTMENT_KINDS,
  ASSESSMENT_STATUSES,
  DEDUCTION_CATEGORIES,
  EVIDENCE_REFERENCE_KINDS,
  MAX_EVIDENCE_REFERENCES,
  RECORD_TYPES,
  TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  type AdjustmentKind,
  type AssessmentStatus,
  type DeductionCategory,
  type EvidenceReferenceKind,
  type RecordType,
} from '../domain/assessment-fields';

/** Optional; null clears it. */
const IsOptionalOrNull = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null);

export class CreateAssessmentDto extends PeriodDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX_LENGTH, description: 'Defaults to "<from> 至 <to> 自评"' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A rule set version; defaults to the latest' })
  @IsOptional()
  @IsUUID()
  ruleSetId?: string;
}

export class UpdateAssessmentDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX_LENGTH })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNonNull()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNonNull()
  @IsDateOnly()
  to?: string;
}

export class ListAssessmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSESSMENT_STATUSES)
  status?: AssessmentStatus;
}

export class RecordReferenceDto {
  @ApiProperty({ enum: RECORD_TYPES })
  @IsIn(RECORD_TYPES)
  recordType!: RecordType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class EvidenceReferenceDto {
  @ApiProperty({
    enum: EVIDENCE_REFERENCE_KINDS,
    description: 'A record, an export or a controlled document',
  })
  @IsIn(EVIDENCE_REFERENCE_KINDS)
  kind!: EvidenceReferenceKind;

  @ApiPropertyOptional({ enum: RECORD_TYPES, description: 'Required for kind record' })
  @IsOptional()
  @IsIn(RECORD_TYPES)
  recordType?: RecordType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** An item's record, replaced as a whole; an applicable item without a result stays pending. */
export class RecordItemDto extends ExpectedVersionDto {
  @ApiProperty({ description: 'false: excluded (删减), with exclusionReason' })
  @IsBoolean()
  applicable!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX_LENGTH })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  exclusionReason?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Qualitative items; null: not yet assessed',
  })
  @IsOptionalOrNull()
  @IsBoolean()
  conforms?: boolean | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    description: 'Sampled items: records checked',
  })
  @IsOptionalOrNull()
  @IsInt()
  @Min(1)
  @Max(100_000)
  checked?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    description: 'Sampled items: non-conforming',
  })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(100_000)
  nonConforming?: number | null;

  @ApiPropertyOptional({
    type: [RecordReferenceDto],
    description: 'The sampled records found non-conforming',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_REFERENCES)
  @ValidateNested({ each: true })
  @Type(() => RecordReferenceDto)
  nonConformingRecords?: RecordReferenceDto[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX_LENGTH })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  findings?: string | null;

  @ApiPropertyOptional({ type: [EvidenceReferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_REFERENCES)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceDto)
  evidence?: EvidenceReferenceDto[];
}

export class AddAdjustmentDto extends ExpectedVersionDto {
  @ApiProperty({
    enum: ADJUSTMENT_KINDS,
    description: 'deduction: 特别扣分项 (−1); bonus: 特别加分项 (+1, one)',
  })
  @IsIn(ADJUSTMENT_KINDS)
  kind!: AdjustmentKind;

  @ApiPropertyOptional({
    enum: DEDUCTION_CATEGORIES,
    description: 'Required for a deduction, refused for the bonus',
  })
  @IsOptional()
  @IsIn(DEDUCTION_CATEGORIES)
  category?: DeductionCategory;

  @ApiProperty({ maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  reason!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX_LENGTH, description: '整改' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  rectification?: string | null;
}

const SEED = /^[A-Za-z0-9_-]{1,64}$/;

export class SuggestionQueryDto {
  @ApiPropertyOptional({ pattern: SEED.source, description: "Defaults to the assessment's id" })
  @IsOptional()
  @Matches(SEED, { message: 'seed must be 1-64 letters, digits, _ or -' })
  seed?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, description: "Defaults to the rule set's sample size" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  sampleSize?: number;
}

export class ApplySuggestionDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ pattern: SEED.source, description: "Defaults to the assessment's id" })
  @IsOptional()
  @Matches(SEED, { message: 'seed must be 1-64 letters, digits, _ or -' })
  seed?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  sampleSize?: number;
}
