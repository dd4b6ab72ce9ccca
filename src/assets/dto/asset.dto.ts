import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ProductResponse, toProductResponse } from '../../catalog/dto/product.dto';
import { PageResponseOf } from '../../common/http/pagination';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import { CUSTOMER_KINDS, ZONES, type CustomerKind, type Zone } from '../../customers/domain/customer-fields';
import type { RegisteredAsset } from '../assets.service';
import { normalizeSerialNumber } from '../domain/serial-number';
import {
  WARRANTY_STATUSES,
  effectiveWarrantyEnd,
  warrantyStatus,
  type WarrantyStatus,
} from '../domain/warranty';

const serialNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeSerialNumber(value) : value;

export class CreateAssetDto {
  @ApiProperty({ example: 'GREE35GW2026000123', description: 'Trimmed and stored in upper case' })
  @Transform(serialNumber)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serialNumber!: string;

  @ApiProperty({ format: 'uuid', description: 'An active product' })
  @IsUUID()
  productId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'An active customer (of your outlet, when you are bound to one)',
  })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'Warranty runs from this date' })
  @IsDateOnly()
  soldOn!: string;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  deliveredOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'Accepted by the customer' })
  @IsOptional()
  @IsDateOnly()
  acceptedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  installedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '李师傅' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  installedBy?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '安装记录' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  installationNotes?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '调试记录' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  commissioningNotes?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "Where the unit stands, when not at the customer's address",
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  installationAddress?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    format: 'date',
    description:
      'Replaces the standard warranty end (extended warranty, goodwill); needs warrantyOverrideReason. null clears it and its reason',
  })
  @IsOptional()
  @IsDateOnly()
  warrantyEndOverride?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '延保合同 YB-2026-001' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  warrantyOverrideReason?: string | null;
}

export class UpdateAssetDto extends IntersectionType(
  PartialType(CreateAssetDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({ description: 'A scrapped or replaced unit is deactivated, not deleted' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export const WARRANTY_FILTERS = ['in', 'out'] as const;
export type WarrantyFilter = (typeof WARRANTY_FILTERS)[number];

export class ListAssetsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({
    enum: WARRANTY_FILTERS,
    description: 'In or out of warranty today (company time zone)',
  })
  @IsOptional()
  @IsIn(WARRANTY_FILTERS)
  warranty?: WarrantyFilter;
}

export class AssetLookupQueryDto {
  @ApiProperty({ description: 'Exact serial number; surrounding spaces and letter case do not matter' })
  @Transform(serialNumber)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serialNumber!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Warranty status on this date; today by default' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}

export class AssetProductSummary {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
}

export class AssetCustomerSummary {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class AssetResponse extends RegisterRecordResponse {
  @ApiProperty() serialNumber!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ type: AssetProductSummary }) product!: AssetProductSummary;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: AssetCustomerSummary }) customer!: AssetCustomerSummary;
  @ApiProperty({ format: 'date' }) soldOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) deliveredOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) acceptedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) installedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) installedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) installationNotes!: string | null;
  @ApiProperty({ nullable: true, type: String }) commissioningNotes!: string | null;
  @ApiProperty({ nullable: true, type: String }) installationAddress!: string | null;
  @ApiProperty({ format: 'date', description: 'Sold date + product warranty months' })
  standardWarrantyEnd!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) warrantyEndOverride!: string | null;
  @ApiProperty({ nullable: true, type: String }) warrantyOverrideReason!: string | null;
  @ApiProperty({
    format: 'date',
    description: 'The last day in warranty: the override, else the standard end',
  })
  warrantyEnd!: string;
  @ApiProperty({ enum: WARRANTY_STATUSES, description: 'As of today in the company time zone' })
  warrantyStatus!: WarrantyStatus;
}

export class AssetPageResponse extends PageResponseOf(AssetResponse) {}

export class LookupContact {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
}

/** What the hotline needs of the owner to open a repair request; never the national ID. */
export class LookupCustomer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CUSTOMER_KINDS }) kind!: CustomerKind;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ type: [LookupContact] }) contacts!: LookupContact[];
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ enum: ZONES }) zone!: Zone;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) outletId!: string | null;
  @ApiProperty() active!: boolean;
}

export class LookupWarranty {
  @ApiProperty({ format: 'date', description: 'The date the status is for' }) asOf!: string;
  @ApiProperty({ format: 'date' }) end!: string;
  @ApiProperty({ enum: WARRANTY_STATUSES }) status!: WarrantyStatus;
}

export class AssetLookupResponse {
  @ApiProperty({ type: AssetResponse }) asset!: AssetResponse;
  @ApiProperty({ type: ProductResponse }) product!: ProductResponse;
  @ApiProperty({ type: LookupCustomer }) customer!: LookupCustomer;
  @ApiProperty({ type: LookupWarranty }) warranty!: LookupWarranty;
}

/** `today` is the company-zone date the warranty status is given for. */
export function toAssetResponse(asset: RegisteredAsset, today: string): AssetResponse {
  const warrantyEnd = effectiveWarrantyEnd(asset);
  return {
    ...recordMeta(asset),
    serialNumber: asset.serialNumber,
    productId: asset.productId,
    product: { sku: asset.product.sku, name: asset.product.name, category: asset.product.category },
    customerId: asset.customerId,
    customer: { code: asset.customer.code, name: asset.customer.name },
    soldOn: asset.soldOn,
    deliveredOn: asset.deliveredOn,
    acceptedOn: asset.acceptedOn,
    installedOn: asset.installedOn,
    installedBy: asset.installedBy,
    installationNotes: asset.installationNotes,
    commissioningNotes: asset.commissioningNotes,
    installationAddress: asset.installationAddress,
    standardWarrantyEnd: asset.standardWarrantyEnd,
    warrantyEndOverride: asset.warrantyEndOverride,
    warrantyOverrideReason: asset.warrantyOverrideReason,
    warrantyEnd,
    warrantyStatus: warrantyStatus(warrantyEnd, today),
  };
}

export function toAssetLookupResponse(
  asset: RegisteredAsset,
  today: string,
  asOf: string,
): AssetLookupResponse {
  const { customer } = asset;
  const end = effectiveWarrantyEnd(asset);
  return {
    asset: toAssetResponse(asset, today),
    product: toProductResponse(asset.product),
    customer: {
      id: customer.id,
      code: customer.code,
      kind: customer.kind,
      name: customer.name,
      phone: customer.phone,
      contacts: customer.contacts.map(({ name, phone, role }) => ({ name, phone, role })),
      address: customer.address,
      region: customer.region,
      zone: customer.zone,
      outletId: customer.outletId,
      active: customer.active,
    },
    warranty: { asOf, end, status: warrantyStatus(end, asOf) },
  };
}
