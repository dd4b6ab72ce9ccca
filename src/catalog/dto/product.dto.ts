import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';

import {
  IsBoolean,
  IsInt,
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
import type { ProductEntity } from '../product.entity';
import { CATALOG_KEY, CATALOG_KEY_MESSAGE } from './catalog-key';
import { PageResponseOf } from '../../common/http/pagination';

export class CreateProductDto {
  @ApiProperty({ example: 'KFR-35GW-A1', description: '1-64 letters, digits, . _ or -' })
  @IsString()
  @Matches(CATALOG_KEY, { message: `sku ${CATALOG_KEY_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: '变频空调 KFR-35GW' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '空调', description: 'Qualifications and the fee list are per category' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category!: string;

  @ApiPropertyOptional({ nullable: true, example: '格力' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'KFR-35GW/BP3' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string | null;

  @ApiProperty({ minimum: 0, maximum: 240, example: 12, description: 'Sold units are in warranty this long' })
  @IsInt()
  @Min(0)
  @Max(240)
  warrantyMonths!: number;
}

export class UpdateProductDto extends IntersectionType(
  PartialType(CreateProductDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({ description: 'Deactivated products cannot be chosen for newly registered units' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListProductsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ description: 'Exact category' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class ProductResponse extends RegisterRecordResponse {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ nullable: true, type: String }) brand!: string | null;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty() warrantyMonths!: number;
}

export class ProductPageResponse extends PageResponseOf(ProductResponse) {}

export function toProductResponse(product: ProductEntity): ProductResponse {
  return {
    ...recordMeta(product),
    sku: product.sku,
    name: product.name,
    category: product.category,
    brand: product.brand,
    model: product.model,
    warrantyMonths: product.warrantyMonths,
  };
}
