import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import type { UserEntity } from '../../users/user.entity';
import type { CalendarDate } from '../../common/calendar';
import {
  CERTIFICATE_STATUSES,
  TECHNICIAN_QUALIFICATIONS,
  certificateStatus,
  type CertificateStatus,
  type TechnicianQualification,
} from '../domain/qualification-status';
import type { QualificationEntity } from '../qualification.entity';
import { IsDateOnly } from '../../common/http/validators';
import { PageResponseOf } from '../../common/http/pagination';

export class CreateQualificationDto {
  @ApiProperty({ format: 'uuid', description: 'The holder' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '电工证' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type!: string;

  @ApiProperty({ example: 'T-2024-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  certificateNumber!: string;

  @ApiPropertyOptional({ nullable: true, example: '上海市应急管理局' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  issuer?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  issuedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'Last valid day; null: never expires' })
  @IsOptional()
  @IsDateOnly()
  validUntil?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['空调'],
    description: 'Product categories it qualifies the holder to repair; empty for general certificates',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  productCategories?: string[];
}

/** The holder of a certificate does not change: a wrong holder is a new record. */
export class UpdateQualificationDto extends IntersectionType(
  PartialType(OmitType(CreateQualificationDto, ['userId'] as const), { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional({ description: 'Deactivated (revoked) certificates no longer qualify their holder' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListQualificationsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: '电工证' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ example: '空调' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  productCategory?: string;

  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES, description: 'Status as of today (company time zone)' })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;
}

export class TechnicianQualificationQueryDto {
  @ApiProperty({ example: '空调' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  productCategory!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: today (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

export class QualificationResponse extends RegisterRecordResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() type!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ nullable: true, type: String }) issuer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) issuedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil!: string | null;
  @ApiProperty({ type: [String] }) productCategories!: string[];
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'As of today (company time zone)' })
  status!: CertificateStatus;
}

export class QualificationPageResponse extends PageResponseOf(QualificationResponse) {}

export class CoveringCertificateResponse {
  @ApiProperty() id!: string;
  @ApiProperty() type!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) issuedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil!: string | null;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
}

export class TechnicianQualificationResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) outletId!: string | null;
  @ApiProperty({ enum: TECHNICIAN_QUALIFICATIONS }) qualification!: TechnicianQualification;
  @ApiProperty({
    type: [CoveringCertificateResponse],
    description: 'Active certificates covering the category',
  })
  certificates!: CoveringCertificateResponse[];
}

export class TechnicianQualificationListResponse {
  @ApiProperty() productCategory!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ type: [TechnicianQualificationResponse] }) items!: TechnicianQualificationResponse[];
}

/** A certificate with its holder loaded, as the service returns it. */
export type QualificationWithHolder = QualificationEntity & { user: UserEntity };

/** A technician with the certificates that cover the category asked about, and the verdict on them. */
export interface TechnicianQualificationView {
  technician: UserEntity;
  qualification: TechnicianQualification;
  certificates: QualificationEntity[];
}

export function toQualificationResponse(
  qualification: QualificationWithHolder,
  today: CalendarDate,
): QualificationResponse {
  return {
    ...recordMeta(qualification),
    userId: qualification.userId,
    username: qualification.user.username,
    displayName: qualification.user.displayName,
    type: qualification.type,
    certificateNumber: qualification.certificateNumber,
    issuer: qualification.issuer,
    issuedOn: qualification.issuedOn,
    validUntil: qualification.validUntil,
    productCategories: qualification.productCategories,
    status: certificateStatus(qualification.validUntil, today),
  };
}

export function toTechnicianQualificationResponse(
  view: TechnicianQualificationView,
  on: CalendarDate,
): TechnicianQualificationResponse {
  return {
    userId: view.technician.id,
    username: view.technician.username,
    displayName: view.technician.displayName,
    outletId: view.technician.outletId,
    qualification: view.qualification,
    certificates: view.certificates.map((certificate) => ({
      id: certificate.id,
      type: certificate.type,
      certificateNumber: certificate.certificateNumber,
      issuedOn: certificate.issuedOn,
      validUntil: certificate.validUntil,
      status: certificateStatus(certificate.validUntil, on),
    })),
  };
}
