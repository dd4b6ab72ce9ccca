import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsApiDate } from '../../common/http/validators';
import { ExpectedVersionDto, ToBoolean } from '../../common/registers/register.dto';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  type ComplaintSeverity,
} from '../../complaints/domain/complaint-fields';
import { normalizeSerialNumber } from '../../assets/domain/serial-number';
import { PRIORITIES, type Priority } from '../../policy/domain/policy-commitments';
import { CHANNELS, type Channel } from '../../tickets/domain/ticket-fields';
import {
  CONTACT_METHODS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  MAX_EVERY_MONTHS,
  PROBLEM_ACTIONS,
  REASON_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  type ContactMethod,
  type FollowUpKind,
  type FollowUpStatus,
  type ProblemAction,
} from '../domain/follow-up-fields';

export class ListFollowUpsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS })
  @IsOptional()
  @IsIn(FOLLOW_UP_KINDS)
  kind?: FollowUpKind;

  @ApiPropertyOptional({
    enum: FOLLOW_UP_STATUSES,
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(FOLLOW_UP_STATUSES, { each: true })
  status?: FollowUpStatus[];

  @ApiPropertyOptional({ description: 'Only visits still pending whose due time has passed' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Only visits given to no one (true) or to someone (false)' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assetId?: string;
}

/** The inspections list: the same filters, the kind fixed. */
export class ListInspectionsQueryDto extends ListFollowUpsQueryDto {}

/** An inspection (巡检) scheduled for an installed unit or for a customer. */
export class ScheduleInspectionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The installed unit to inspect; its customer is the customer',
  })
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The customer, when the inspection covers the site rather than one unit',
  })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiProperty({ format: 'date-time', description: 'When the (first) visit is due' })
  @IsApiDate()
  dueAt!: Date;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_EVERY_MONTHS,
    description: 'Repeat every N months (the next visit is scheduled when one is done); omit for a one-off',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVERY_MONTHS)
  everyMonths?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'An enabled manager, agent or technician' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    example: '季度巡检：清洗过滤网，检查冷媒压力和电气连接',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string;
}

export class AssignFollowUpDto extends ExpectedVersionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An enabled manager or agent (for an inspection also a technician) who may see the visit',
  })
  @IsUUID()
  assigneeId!: string;
}

export class RecordAttemptDto extends ExpectedVersionDto {
  @ApiProperty({ enum: CONTACT_METHODS })
  @IsIn(CONTACT_METHODS)
  method!: ContactMethod;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IsOptional()
  @IsApiDate()
  attemptedAt?: Date;

  @ApiPropertyOptional({ example: '无人接听', maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string;
}

class ReasonedFollowUpActionDto extends ExpectedVersionDto {
  @ApiProperty({ maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export class MarkUnreachableDto extends ReasonedFollowUpActionDto {}
export class CancelFollowUpDto extends ReasonedFollowUpActionDto {}

/** The complaint a dissatisfied customer's follow-up opens; the rest comes from the ticket. */
export class FollowUpComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES, default: 'normal' })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;
}

/** The repair ticket an inspection's findings call for; customer and unit come from the inspection. */
export class InspectionTicketDto {
  @ApiProperty({ example: '室外机冷凝器腐蚀穿孔，冷媒泄漏', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  fault!: string;

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;

  @ApiPropertyOptional({
    description: "The unit at fault; defaults to the inspected unit's serial number",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeSerialNumber(value) : value,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serialNumber?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The product, when the unit at fault is not in the asset register',
  })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'phone', description: 'How the report reached the desk' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

/**
 * The outcome of a visit. A follow-up: method, contactedAt, satisfied, score, and when the customer is
 * not satisfied their comments and the action taken. An inspection: contactedAt (the visit) and
 * findings, optionally a repair ticket to open.
 */
export class CompleteFollowUpDto extends ExpectedVersionDto {
  @ApiProperty({ format: 'date-time', description: 'When the customer was reached (or the unit visited)' })
  @IsOptional()
  @IsApiDate()
  contactedAt?: Date;

  @ApiPropertyOptional({
    enum: CONTACT_METHODS,
    description: 'Required for a follow-up; an inspection is a visit',
  })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  method?: ContactMethod;

  @ApiPropertyOptional({ description: 'Required for a follow-up' })
  @IsOptional()
  @IsBoolean()
  satisfied?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Required for a follow-up' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX_LENGTH,
    description: 'What the customer said; required when they are not satisfied',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  comments?: string;

  @ApiPropertyOptional({
    enum: PROBLEM_ACTIONS,
    description:
      'Required when the customer is not satisfied: reopen the ticket, open a complaint, or none; only none when satisfied',
  })
  @IsOptional()
  @IsIn(PROBLEM_ACTIONS)
  action?: ProblemAction;

  @ApiPropertyOptional({ type: FollowUpComplaintDto, description: 'Required with action open_complaint' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpComplaintDto)
  complaint?: FollowUpComplaintDto;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX_LENGTH,
    description: 'Required for an inspection: what it found',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  findings?: string;

  @ApiPropertyOptional({
    type: InspectionTicketDto,
    description: 'Inspections only: opens a repair ticket for what was found',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => InspectionTicketDto)
  openTicket?: InspectionTicketDto;
}
