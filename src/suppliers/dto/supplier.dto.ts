import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';

import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import { SUPPLIER_KINDS, type SupplierKind } from '../domain/supplier-kinds';
import type { SupplierEntity } from '../supplier.entity';
import { PageResponseOf } from '../../common/http/pagination';

export class CreateSupplierDto {
  @ApiProperty({ example: 'GF-001' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'code must be 1-40 letters, digits, . _ or -' })
  code!: string;

  @ApiProperty({ example: '苏州恒温制冷设备维修有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SUPPLIER_KINDS })
  @IsIn(SUPPLIER_KINDS)
  kind!: SupplierKind;

  @ApiPropertyOptional({ nullable: true, example: '压缩机维修、整机更换' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  scope?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'Approved onto the qualified list' })
  @IsOptional()
  @IsDateOnly()
  qualifiedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  qualifiedUntil?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  rating?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateSupplierDto extends IntersectionType(
  PartialType(CreateSupplierDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({ description: 'Deactivated suppliers cannot be chosen for new shipments' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListSuppliersQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ enum: SUPPLIER_KINDS })
  @IsOptional()
  @IsIn(SUPPLIER_KINDS)
  kind?: SupplierKind;

  @ApiPropertyOptional({ format: 'date', description: 'Only suppliers still qualified on this date' })
  @IsOptional()
  @IsDateOnly()
  qualifiedOn?: string;
}

export class SupplierResponse extends RegisterRecordResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SUPPLIER_KINDS }) kind!: SupplierKind;
  @ApiProperty({ nullable: true, type: String }) scope!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) qualifiedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) qualifiedUntil!: string | null;
  @ApiProperty({ nullable: true, type: Number }) rating!: number | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
}

export class SupplierPageResponse extends PageResponseOf(SupplierResponse) {}

export function toSupplierResponse(supplier: SupplierEntity): SupplierResponse {
  return {
    ...recordMeta(supplier),
    code: supplier.code,
    name: supplier.name,
    kind: supplier.kind,
    scope: supplier.scope,
    contactName: supplier.contactName,
    phone: supplier.phone,
    email: supplier.email,
    address: supplier.address,
    qualifiedOn: supplier.qualifiedOn,
    qualifiedUntil: supplier.qualifiedUntil,
    rating: supplier.rating,
    notes: supplier.notes,
  };
}
