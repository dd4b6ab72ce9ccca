import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validators';
import { maskNationalId } from '../../common/pii/national-id';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import type { CustomerContact, CustomerEntity } from '../customer.entity';
import { CUSTOMER_KINDS, ZONES, type CustomerKind, type Zone } from '../domain/customer-fields';
import { PageResponseOf } from '../../common/http/pagination';

const MAX_CONTACTS = 20;

/** Digits, +, - and blanks, 5 to 40 characters, at least one digit: what people write as a phone number. */
const IsPhone = () =>
  Matches(/^(?=.*\d)[\d+\- ]{5,40}$/, {
    message: ({ property }) => `${property} must be 5-40 digits, +, - or spaces`,
  });

export class CustomerContactDto {
  @ApiProperty({ example: '李强' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ nullable: true, example: '021-5888 1234' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '设备科长' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  role?: string | null;
}

export class CreateCustomerDto {
  @ApiPropertyOptional({
    example: 'KH000123',
    description: 'Assigned as the next KH000001-style code when absent',
  })
  @IsOptionalNonNull()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'code must be 1-40 letters, digits, . _ or -' })
  code?: string;

  @ApiProperty({ enum: CUSTOMER_KINDS })
  @IsIn(CUSTOMER_KINDS)
  kind!: CustomerKind;

  @ApiProperty({ example: '王芳' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ nullable: true, example: '138 0013 8000' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ type: [CustomerContactDto], maxItems: MAX_CONTACTS })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => CustomerContactDto)
  contacts?: CustomerContactDto[];

  @ApiPropertyOptional({
    nullable: true,
    writeOnly: true,
    example: '11010519491231002X',
    description: '身份证号: stored encrypted, answered only masked (nationalIdMasked)',
  })
  @IsOptional()
  @IsString()
  nationalId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '上海市/浦东新区' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ enum: ZONES, default: 'urban' })
  @IsOptionalNonNull()
  @IsIn(ZONES)
  zone?: Zone;

  @ApiPropertyOptional({
    nullable: true,
    format: 'uuid',
    description: 'The serving outlet; users bound to an outlet always create for their own',
  })
  @IsOptional()
  @IsUUID()
  outletId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateCustomerDto extends IntersectionType(
  PartialType(CreateCustomerDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({
    description: 'Deactivated customers stay on record but are not offered for new work',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListCustomersQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ enum: CUSTOMER_KINDS })
  @IsOptional()
  @IsIn(CUSTOMER_KINDS)
  kind?: CustomerKind;

  @ApiPropertyOptional({ enum: ZONES })
  @IsOptional()
  @IsIn(ZONES)
  zone?: Zone;

  @ApiPropertyOptional({ description: 'Region prefix, e.g. 上海市 matches 上海市/浦东新区' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

export class CustomerContactResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
}

export class CustomerResponse extends RegisterRecordResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CUSTOMER_KINDS }) kind!: CustomerKind;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ type: [CustomerContactResponse] }) contacts!: CustomerContactResponse[];
  @ApiProperty({ nullable: true, type: String, example: '**************002X' })
  nationalIdMasked!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ enum: ZONES }) zone!: Zone;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) outletId!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
}

export class CustomerPageResponse extends PageResponseOf(CustomerResponse) {}

export class NationalIdResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The full 身份证号; every reveal is audit-logged',
  })
  nationalId!: string | null;
}

export function toContact(contact: CustomerContactDto): CustomerContact {
  return { name: contact.name, phone: contact.phone ?? null, role: contact.role ?? null };
}

export function toCustomerResponse(customer: CustomerEntity): CustomerResponse {
  return {
    ...recordMeta(customer),
    code: customer.code,
    kind: customer.kind,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    contacts: customer.contacts.map((contact) => ({
      name: contact.name,
      phone: contact.phone,
      role: contact.role,
    })),
    nationalIdMasked: maskNationalId(customer.nationalIdLast4),
    address: customer.address,
    region: customer.region,
    zone: customer.zone,
    outletId: customer.outletId,
    notes: customer.notes,
  };
}
