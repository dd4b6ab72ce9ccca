import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { normalizeSerialNumber } from '../../assets/domain/serial-number';
import { PageQueryDto } from '../../common/http/pagination';
import { IsApiDate, IsDateOnly } from '../../common/http/validators';
import { ExpectedVersionDto, ToBoolean } from '../../common/registers/register.dto';
import { ZONES, type Zone } from '../../customers/domain/customer-fields';
import { PRIORITIES, type Priority } from '../../policy/domain/policy-commitments';
import {
  CAUSES,
  CHANNELS,
  HOLD_REASONS,
  REASON_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  TICKET_STATUSES,
  TICKET_WARRANTY_STATUSES,
  type Cause,
  type Channel,
  type HoldReason,
  type TicketStatus,
  type TicketWarrantyStatus,
} from '../domain/ticket-fields';

const trimmedSerial = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeSerialNumber(value) : value;

/** A repair request as the hotline takes it (报修). */
export class CreateTicketDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active customer (of your outlet, when you are bound to one)',
  })
  @IsUUID()
  customerId!: string;

  @ApiPropertyOptional({
    example: 'GREE35GW2026000123',
    description:
      "The unit's serial number; when it is in the asset register, product and warranty come from it",
  })
  @IsOptional()
  @Transform(trimmedSerial)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serialNumber?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The product, required when the serial number is not registered (warranty is then unknown)',
  })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiProperty({ example: '空调不制冷，室外机有异响', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  fault!: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;

  @ApiPropertyOptional({ description: "Defaults to the customer's name" })
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

  @ApiPropertyOptional({
    description: "Where the repair is: defaults to the unit's installation address, then the customer's",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '上海市/浦东新区', description: "Defaults to the customer's region" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: ZONES, description: "Defaults to the customer's zone" })
  @IsOptional()
  @IsIn(ZONES)
  zone?: Zone;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the customer reported it, if earlier than now (a call logged afterwards); deadlines run from it',
  })
  @IsOptional()
  @IsApiDate()
  reportedAt?: Date;
}

export class ListTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'Only tickets with a missed deadline, recorded or not yet caught' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  technicianId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ enum: TICKET_WARRANTY_STATUSES })
  @IsOptional()
  @IsIn(TICKET_WARRANTY_STATUSES)
  warrantyStatus?: TicketWarrantyStatus;

  @ApiPropertyOptional({ format: 'date', description: 'Reported on or after this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Reported on or before this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ description: 'Number, fault, serial number, contact or address contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

class ReasonedActionDto extends ExpectedVersionDto {
  @ApiProperty({ maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export class CloseTicketDto extends ReasonedActionDto {}
export class CancelTicketDto extends ReasonedActionDto {}
export class ReopenTicketDto extends ReasonedActionDto {}

export class DispatchTicketDto extends ExpectedVersionDto {
  @ApiProperty({ format: 'uuid', description: 'An enabled technician' })
  @IsUUID()
  technicianId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Defaults to the technician's outlet; it must take jobs today",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ description: 'Required when the ticket already has a technician (re-dispatch)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}

export class AcceptTicketDto extends ExpectedVersionDto {
  @ApiProperty({ format: 'date-time', description: 'The visit agreed with the customer' })
  @IsApiDate()
  appointmentAt!: Date;

  @ApiPropertyOptional({ maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string;
}

export class RescheduleTicketDto extends ReasonedActionDto {
  @ApiProperty({ format: 'date-time' })
  @IsApiDate()
  appointmentAt!: Date;
}

export class CheckInTicketDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Arrival on site; defaults to now' })
  @IsOptional()
  @IsApiDate()
  at?: Date;
}

export class DiagnoseTicketDto extends ExpectedVersionDto {
  @ApiProperty({ enum: CAUSES })
  @IsIn(CAUSES)
  cause!: Cause;

  @ApiProperty({ example: '压缩机启动电容损坏', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  diagnosis!: string;
}

export class UsedPartDto {
  @ApiProperty({ format: 'uuid', description: 'A part of the fee list for the product category' })
  @IsUUID()
  partId!: string;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

export class WorkLogDto extends ExpectedVersionDto {
  @ApiProperty({ format: 'date-time' })
  @IsApiDate()
  startedAt!: Date;

  @ApiProperty({ format: 'date-time' })
  @IsApiDate()
  endedAt!: Date;

  @ApiProperty({ example: '更换启动电容，试机正常', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  description!: string;

  @ApiPropertyOptional({ type: [UsedPartDto] })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => UsedPartDto)
  parts?: UsedPartDto[];
}

export class TakenBackItemDto {
  @ApiProperty({ example: '室外机主板' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  description!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmedSerial)
  @IsString()
  @MaxLength(100)
  serialNumber?: string;

  @ApiPropertyOptional({ example: '外壳有划痕' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  condition?: string;

  @ApiPropertyOptional({ example: '遥控器一个' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  accessories?: string;
}

export class TakeBackTicketDto extends ExpectedVersionDto {
  @ApiProperty({ type: [TakenBackItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TakenBackItemDto)
  items!: TakenBackItemDto[];

  @ApiPropertyOptional({ description: 'Why it cannot be fixed on site' })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}

export class ResolveTicketDto extends ExpectedVersionDto {
  @ApiProperty({ example: '更换启动电容后制冷恢复正常', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  outcome!: string;

  @ApiProperty({ example: '王芳', description: 'Who confirmed the repair for the customer' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  customerName!: string;

  @ApiProperty({ format: 'date-time' })
  @IsApiDate()
  confirmedAt!: Date;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The customer's signature: an attachment of this ticket",
  })
  @IsOptional()
  @IsUUID()
  signatureAttachmentId?: string;
}

export class HoldTicketDto extends ExpectedVersionDto {
  @ApiProperty({ enum: HOLD_REASONS })
  @IsIn(HOLD_REASONS)
  reason!: HoldReason;

  @ApiPropertyOptional({ example: '压缩机需向厂家订货', maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string;
}

export class ResumeTicketDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string;
}
