import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsApiDate, IsDateOnly } from '../../common/http/validators';
import { ExpectedVersionDto, ToBoolean } from '../../common/registers/register.dto';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  REASON_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type ComplaintStatus,
} from '../domain/complaint-fields';

/** A complaint as it is registered (投诉受理). */
export class CreateComplaintDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active customer (of your outlet, when you are bound to one)',
  })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({ enum: COMPLAINT_SEVERITIES, description: 'major: the managers are told at once by mail' })
  @IsIn(COMPLAINT_SEVERITIES)
  severity!: ComplaintSeverity;

  @ApiProperty({ example: '师傅上门迟到两小时且态度恶劣', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  description!: string;

  @ApiPropertyOptional({ description: "Who complained; defaults to the customer's name" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional({ description: "Defaults to the customer's phone" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  contactPhone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A ticket of the customer's the complaint is about" })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The outlet complained about; defaults to the ticket's",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The technician complained about; defaults to the ticket's",
  })
  @IsOptional()
  @IsUUID()
  technicianId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the complaint was received, if earlier than now; the deadlines run from it',
  })
  @IsOptional()
  @IsApiDate()
  receivedAt?: Date;
}

export class ListComplaintsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: COMPLAINT_STATUSES,
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(COMPLAINT_STATUSES, { each: true })
  status?: ComplaintStatus[];

  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({
    description:
      'true: open complaints past their resolution deadline, or still unacknowledged past that deadline; false: the others',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or after this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or before this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ description: 'Number, complaint text, contact or customer name contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

const noteProperty = (description: string) =>
  ApiPropertyOptional({ description, maxLength: TEXT_MAX_LENGTH });

export class AcknowledgeComplaintDto extends ExpectedVersionDto {
  @noteProperty('What the customer was told, e.g. the apology and when they will hear back')
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string;
}

export class InvestigateComplaintDto extends ExpectedVersionDto {
  @noteProperty('What is investigated, and by whom')
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string;
}

export class ResolveComplaintDto extends ExpectedVersionDto {
  @ApiProperty({ example: '维修人员未按预约时间上门且未提前告知客户', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  rootCause!: string;

  @ApiProperty({
    example: '向客户当面致歉，免除本次上门费',
    description: 'What the customer was given or done for them',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  remedy!: string;

  @ApiProperty({
    example: '预约变更须提前两小时电话告知客户，纳入网点月度考核',
    description: 'What changes so that it does not happen again (改进)',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  correctiveAction!: string;
}

export class CloseComplaintDto extends ExpectedVersionDto {
  @ApiProperty({ description: 'Whether the customer accepted the outcome' })
  @IsBoolean()
  customerAccepted!: boolean;

  @ApiPropertyOptional({
    description: 'What the customer said; required when they do not accept the outcome',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string;
}

export class EscalateComplaintDto extends ExpectedVersionDto {
  @ApiProperty({ example: '客户情绪激动，要求经理出面', maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
