import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsNumber,
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
import {
  FINDINGS,
  NAME_MAX_LENGTH,
  REASON_MAX_LENGTH,
  RETURN_KINDS,
  RETURN_METHODS,
  RETURN_STATUSES,
  SCRAP_METHODS,
  TEXT_MAX_LENGTH,
  VENDOR_OUTCOMES,
  type Finding,
  type ReturnKind,
  type ReturnMethod,
  type ReturnStatus,
  type ScrapMethod,
  type VendorOutcome,
} from '../domain/return-fields';

const trimmedSerial = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeSerialNumber(value) : value;

export class ReturnItemDto {
  @ApiProperty({ format: 'uuid', description: 'An active product of the catalog' })
  @IsUUID()
  productId!: string;

  @ApiPropertyOptional({
    example: '室外机主板',
    description: "What the unit is; defaults to the product's name",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  description?: string;

  @ApiPropertyOptional({ example: 'SJ35GW2309150877' })
  @IsOptional()
  @Transform(trimmedSerial)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serialNumber?: string;

  @ApiPropertyOptional({ example: '外壳有划痕，无进水痕迹' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  condition?: string;

  @ApiPropertyOptional({ example: '遥控器一个，包装箱' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  accessories?: string;
}

/** Goods a customer brings to the counter (direct intake); goods taken back by a technician come from the ticket. */
export class CreateReturnDto {
  @ApiProperty({ enum: RETURN_KINDS })
  @IsIn(RETURN_KINDS)
  kind!: ReturnKind;

  @ApiPropertyOptional({ default: false, description: 'Chased every day while at the vendor' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiProperty({
    format: 'uuid',
    description: 'An active customer (of your outlet, when you are bound to one)',
  })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ example: '购买 3 天后洗衣机无法脱水，要求换货', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  fault!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the customer handed the goods over, if earlier than now; the notice threshold counts from it',
  })
  @IsOptional()
  @IsApiDate()
  receivedAt?: Date;

  @ApiProperty({ type: [ReturnItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReturnItemDto)
  items!: ReturnItemDto[];
}

export class ListReturnsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RETURN_STATUSES, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(RETURN_STATUSES, { each: true })
  status?: ReturnStatus[];

  @ApiPropertyOptional({ enum: RETURN_KINDS })
  @IsOptional()
  @IsIn(RETURN_KINDS)
  kind?: ReturnKind;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({
    description: 'Only goods away from the customer past the notice threshold and not yet back with them',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or after this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or before this day (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({
    description: 'Number, fault, tracking number, or an item serial number or label code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class TurnaroundQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Records received on or after this day' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Records received on or before this day' })
  @IsOptional()
  @IsDateOnly()
  to?: string;
}

class NoteDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string;
}

export class InspectReturnDto extends NoteDto {
  @ApiProperty({ enum: FINDINGS })
  @IsIn(FINDINGS)
  finding!: Finding;

  @ApiPropertyOptional({ enum: RETURN_KINDS, description: 'The kind as the inspection settles it' })
  @IsOptional()
  @IsIn(RETURN_KINDS)
  kind?: ReturnKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}

export class RegisterReturnDto extends NoteDto {
  @ApiProperty({
    example: '张伟',
    description: 'Who hands the goods over; the returns clerk acting receives them',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  handedOverBy!: string;
}

export class ShipReturnDto extends NoteDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active supplier of the qualified list, qualified on the day',
  })
  @IsUUID()
  supplierId!: string;

  @ApiProperty({ example: '顺丰速运' })
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  carrier!: string;

  @ApiProperty({ example: 'SF1402837756231' })
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  trackingNumber!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When shipped; defaults to now. Chases count from it',
  })
  @IsOptional()
  @IsApiDate()
  shippedAt?: Date;
}

export class ChaseReturnDto extends ExpectedVersionDto {
  @ApiProperty({ example: '电话联系潘志强，压缩机已到厂检测，预计下周寄回', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  note!: string;

  @ApiPropertyOptional({ example: '潘志强 0573-8396 2100', description: 'Whom at the vendor, how' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({ format: 'date', description: 'When the vendor now promises the goods back' })
  @IsOptional()
  @IsDateOnly()
  expectedBackOn?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the vendor was chased; defaults to now' })
  @IsOptional()
  @IsApiDate()
  chasedAt?: Date;
}

export class ReceiveBackReturnDto extends NoteDto {
  @ApiProperty({ enum: VENDOR_OUTCOMES })
  @IsIn(VENDOR_OUTCOMES)
  outcome!: VendorOutcome;

  @ApiPropertyOptional({ description: 'The serial number of the unit sent instead, when replaced' })
  @IsOptional()
  @Transform(trimmedSerial)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  replacementSerialNumber?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the goods came back; defaults to now' })
  @IsOptional()
  @IsApiDate()
  backAt?: Date;
}

export class ReturnToCustomerDto extends NoteDto {
  @ApiProperty({ enum: RETURN_METHODS })
  @IsIn(RETURN_METHODS)
  method!: ReturnMethod;

  @ApiProperty({ example: '王芳', description: 'Who received the goods for the customer' })
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  receivedByName!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When handed over; defaults to now' })
  @IsOptional()
  @IsApiDate()
  returnedAt?: Date;
}

export class RefundReturnDto extends ExpectedVersionDto {
  @ApiProperty({ example: 2399, description: 'Yuan refunded to the customer' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9_999_999_999)
  amount!: number;

  @ApiProperty({ example: '供方拒修，按退货处理', maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When refunded; defaults to now' })
  @IsOptional()
  @IsApiDate()
  refundedAt?: Date;
}

export class ScrapReturnDto extends NoteDto {
  @ApiProperty({ enum: SCRAP_METHODS })
  @IsIn(SCRAP_METHODS)
  method!: ScrapMethod;

  @ApiProperty({ example: '上海绿环再生资源有限公司', description: 'Who took the goods for recycling' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  recycler!: string;

  @ApiProperty({ format: 'date', description: 'The day the goods were handed to the recycler' })
  @IsDateOnly()
  scrappedOn!: string;
}

export class CloseReturnDto extends NoteDto {}

export class NoticeCallDto extends ExpectedVersionDto {
  @ApiProperty({ example: '已电话告知王女士维修进度，客户表示理解', maxLength: TEXT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX_LENGTH)
  note!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the call was made; defaults to now' })
  @IsOptional()
  @IsApiDate()
  calledAt?: Date;
}
