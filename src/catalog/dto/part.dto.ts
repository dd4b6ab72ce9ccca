import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';

import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
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
import type { PartEntity } from '../part.entity';
import { CATALOG_KEY, CATALOG_KEY_MESSAGE } from './catalog-key';
import { PageResponseOf } from '../../common/http/pagination';

/** numeric(12,2): yuan with fen, below ten billion. */
const MAX_AMOUNT = 9_999_999_999.99;

export class CreatePartDto {
  @ApiProperty({ example: 'YS-COMP-01', description: '1-64 letters, digits, . _ or -' })
  @IsString()
  @Matches(CATALOG_KEY, { message: `code ${CATALOG_KEY_MESSAGE}` })
  code!: string;

  @ApiProperty({ example: '压缩机' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '空调', description: 'The product category the part fits' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  productCategory!: string;

  @ApiPropertyOptional({ default: '个', example: '台' })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit?: string;

  @ApiProperty({ minimum: 0, example: 680.5, description: 'Yuan, at most 2 decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT)
  unitPrice!: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, example: 150, description: 'Yuan, at most 2 decimals' })
  @IsOptionalNonNull()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT)
  labourFee?: number;
}

export class UpdatePartDto extends IntersectionType(
  PartialType(CreatePartDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({ description: 'Deactivated parts are no longer offered on repair tickets' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListPartsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ description: 'Exact product category' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  productCategory?: string;
}

export class PartResponse extends RegisterRecordResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() productCategory!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() unitPrice!: number;
  @ApiProperty() labourFee!: number;
}

export class PartPageResponse extends PageResponseOf(PartResponse) {}

export function toPartResponse(part: PartEntity): PartResponse {
  return {
    ...recordMeta(part),
    code: part.code,
    name: part.name,
    productCategory: part.productCategory,
    unit: part.unit,
    unitPrice: part.unitPrice,
    labourFee: part.labourFee,
  };
}
