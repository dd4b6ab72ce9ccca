import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import {
  ASSESSMENT_RESULTS,
  type AssessmentResult,
  type TrainingAttendeeEntity,
} from '../training-attendee.entity';
import { TRAINING_KINDS, type TrainingEntity, type TrainingKind } from '../training.entity';
import { IsDateOnly } from '../../common/http/validators';
import { PageResponseOf } from '../../common/http/pagination';

export const MAX_ATTENDEES = 500;

export class TrainingAttendeeDto {
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'A staff member attending' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'A customer attending (客户培训)' })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "Taken from the user's or customer's name when not given",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string | null;

  @ApiPropertyOptional({ enum: ASSESSMENT_RESULTS, default: 'not_assessed' })
  @IsOptionalNonNull()
  @IsIn(ASSESSMENT_RESULTS)
  result?: AssessmentResult;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  score?: number | null;
}

export class CreateTrainingDto {
  @ApiProperty({ enum: TRAINING_KINDS, description: 'staff: 员工培训; customer: 客户培训' })
  @IsIn(TRAINING_KINDS)
  kind!: TrainingKind;

  @ApiProperty({ example: '变频空调故障诊断' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topic!: string;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  heldOn!: string;

  @ApiProperty({ example: 3.5, description: 'More than 0, at most one decimal' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @IsPositive()
  @Max(1000)
  hours!: number;

  @ApiProperty({ example: '李工' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  trainer!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    format: 'uuid',
    description: "Outlet-bound users' trainings belong to their outlet; others' to head office unless given",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  content?: string | null;

  @ApiPropertyOptional({ type: [TrainingAttendeeDto], maxItems: MAX_ATTENDEES })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @ValidateNested({ each: true })
  @Type(() => TrainingAttendeeDto)
  attendees?: TrainingAttendeeDto[];
}

export class UpdateTrainingDto extends IntersectionType(
  PartialType(CreateTrainingDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListTrainingsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ enum: TRAINING_KINDS })
  @IsOptional()
  @IsIn(TRAINING_KINDS)
  kind?: TrainingKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Held on or after' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Held on or before' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Trainings this user attended' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class TrainingSummaryQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year (company time zone)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class TrainingAttendeeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ nullable: true, type: String }) customerId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ASSESSMENT_RESULTS }) result!: AssessmentResult;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
}

export class TrainingResponse extends RegisterRecordResponse {
  @ApiProperty({ enum: TRAINING_KINDS }) kind!: TrainingKind;
  @ApiProperty() topic!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() trainer!: string;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ nullable: true, type: String }) outletId!: string | null;
  @ApiProperty({ nullable: true, type: String }) content!: string | null;
  @ApiProperty({ type: [TrainingAttendeeResponse] }) attendees!: TrainingAttendeeResponse[];
  @ApiProperty() attendeeCount!: number;
}

export class TrainingPageResponse extends PageResponseOf(TrainingResponse) {}

export class StaffTrainingHoursResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) outletId!: string | null;
  @ApiProperty({ description: 'Hours of staff trainings attended in the year' }) hours!: number;
  @ApiProperty() trainings!: number;
}

export class TrainingSummaryResponse {
  @ApiProperty() year!: number;
  @ApiProperty() totalHours!: number;
  @ApiProperty({ description: 'Training hours per person, one decimal' }) averageHours!: number;
  @ApiProperty({
    type: [StaffTrainingHoursResponse],
    description: 'Every service staff member (a service role, not disabled), trained or not',
  })
  items!: StaffTrainingHoursResponse[];
}

export function toTrainingSummaryResponse(
  year: number,
  items: StaffTrainingHoursResponse[],
): TrainingSummaryResponse {
  const totalHours = items.reduce((sum, item) => sum + item.hours, 0);
  const averageHours = items.length === 0 ? 0 : Math.round((totalHours / items.length) * 10) / 10;
  return { year, totalHours: Math.round(totalHours * 10) / 10, averageHours, items };
}

/** A training with its attendees, as the service returns it. */
export interface TrainingView {
  training: TrainingEntity;
  attendees: TrainingAttendeeEntity[];
}

export function toTrainingResponse({ training, attendees }: TrainingView): TrainingResponse {
  return {
    ...recordMeta(training),
    kind: training.kind,
    topic: training.topic,
    heldOn: training.heldOn,
    hours: training.hours,
    trainer: training.trainer,
    location: training.location,
    outletId: training.outletId,
    content: training.content,
    attendees: attendees.map((attendee) => ({
      id: attendee.id,
      userId: attendee.userId,
      customerId: attendee.customerId,
      name: attendee.name,
      result: attendee.result,
      score: attendee.score,
    })),
    attendeeCount: attendees.length,
  };
}
