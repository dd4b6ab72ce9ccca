import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsOptionalNonNull } from '../../common/http/validators';
import { ExpectedVersionDto, RegisterListQueryDto, ToBoolean } from '../../common/registers/register.dto';
import { EVIDENCE_CODES, type EvidenceCode } from '../../evidence/domain/evidence-types';
import {
  DEFAULT_DOCUMENT_EVIDENCE,
  DOCUMENT_CATEGORIES,
  DOCUMENT_STATUSES,
  LABEL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  NUMBER_MAX_LENGTH,
  REASON_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  type DocumentCategory,
  type DocumentStatus,
} from '../domain/document-fields';

/** Text that holds more than blanks. */
const NOT_BLANK = /\S/;
const notBlank = () => Matches(NOT_BLANK, { message: ({ property }) => `${property} must not be blank` });

export class CreateDocumentDto {
  @ApiProperty({
    example: 'QP-7.5-01',
    maxLength: NUMBER_MAX_LENGTH,
    description: 'The document number (文件编号), unique; stored upper case',
  })
  @IsString()
  @MaxLength(NUMBER_MAX_LENGTH)
  @Matches(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, {
    message: 'number must not be blank, start or end with a space, or hold control characters',
  })
  number!: string;

  @ApiProperty({ example: '售后服务控制程序', maxLength: TITLE_MAX_LENGTH })
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  @notBlank()
  title!: string;

  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  @IsIn(DOCUMENT_CATEGORIES)
  category!: DocumentCategory;

  @ApiPropertyOptional({
    enum: EVIDENCE_CODES,
    default: DEFAULT_DOCUMENT_EVIDENCE,
    description: 'The evidence type (GB/T 27922) the document supports',
  })
  @IsOptionalNonNull()
  @IsIn(EVIDENCE_CODES)
  evidenceCode?: EvidenceCode;

  @ApiPropertyOptional({
    nullable: true,
    format: 'uuid',
    description:
      "The outlet it belongs to (e.g. its service agreement); none: the company's. An outlet-bound manager's documents are their outlet's",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '售后服务部',
    description: 'Department in charge (责任部门)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  department?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '王建国', description: 'Person in charge (负责人)' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  owner?: string | null;
}

export class UpdateDocumentDto extends IntersectionType(
  PartialType(CreateDocumentDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {}

export class ListDocumentsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES })
  @IsOptional()
  @IsIn(DOCUMENT_CATEGORIES)
  category?: DocumentCategory;

  @ApiPropertyOptional({ enum: EVIDENCE_CODES })
  @IsOptional()
  @IsIn(EVIDENCE_CODES)
  evidenceCode?: EvidenceCode;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({
    description: 'true: documents in force whose review date has passed; false: all others',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  reviewOverdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

/** A new approved version; its file is first uploaded as an attachment of the document. */
export class AddVersionDto extends ExpectedVersionDto {
  @ApiProperty({ example: 'A/0', maxLength: LABEL_MAX_LENGTH, description: 'Unique within the document' })
  @IsString()
  @MaxLength(LABEL_MAX_LENGTH)
  @notBlank()
  label!: string;

  @ApiProperty({
    format: 'date',
    description: 'Not in the future, not before the approval of the current version',
  })
  @IsDateOnly()
  approvedOn!: string;

  @ApiProperty({ example: '总经理 李明', maxLength: NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  @notBlank()
  approvedBy!: string;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'After approvedOn' })
  @IsOptional()
  @IsDateOnly()
  nextReviewOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: NOTE_MAX_LENGTH,
    description: 'What changed (修订说明); required for every version after the first',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  changeNote?: string | null;

  @ApiProperty({
    format: 'uuid',
    description:
      'An attachment of this document (POST /attachments, ownerType document) no other version uses; from then on it cannot be removed',
  })
  @IsUUID()
  fileAttachmentId!: string;
}

/** A periodic review (复审) that keeps the current version in force. */
export class RecordReviewDto extends ExpectedVersionDto {
  @ApiProperty({
    format: 'date',
    description: 'Not in the future, not before the current approval or the last review',
  })
  @IsDateOnly()
  reviewedOn!: string;

  @ApiProperty({ example: '王建国', maxLength: NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  @notBlank()
  reviewedBy!: string;

  @ApiProperty({ format: 'date', description: 'After reviewedOn' })
  @IsDateOnly()
  nextReviewOn!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: NOTE_MAX_LENGTH, example: '经复审，内容适用，继续有效' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string | null;
}

export class WithdrawDocumentDto extends ExpectedVersionDto {
  @ApiProperty({ example: '已由 QP-7.5-02 替代', maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  @notBlank()
  reason!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default today; not in the future' })
  @IsOptionalNonNull()
  @IsDateOnly()
  withdrawnOn?: string;
}
