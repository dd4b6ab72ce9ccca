import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import type { AttachmentEntity } from '../attachment.entity';

/** Which record a file belongs to. */
export class AttachmentOwnerDto {
  @ApiProperty({ example: 'supplier', description: 'A registered kind of record, e.g. supplier, outlet' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'ownerType must be 1-40 lower-case letters, digits or _' })
  ownerType!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId!: string;
}

/** The text fields of the multipart upload; the file itself comes as the part named `file`. */
export class UploadAttachmentDto extends AttachmentOwnerDto {
  @ApiPropertyOptional({ example: 'agreement', description: 'What the file is for on the record' })
  @IsOptional()
  @Matches(/^[a-z_-]{1,40}$/, { message: 'purpose must be 1-40 lower-case letters, _ or -' })
  purpose?: string;
}

/** The upload form as OpenAPI describes it. */
export class UploadAttachmentForm extends UploadAttachmentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Images, PDF, office documents, text or CSV',
  })
  file!: unknown;
}

/** The files of one record, a page at a time. */
export class ListAttachmentsQueryDto extends IntersectionType(PageQueryDto, AttachmentOwnerDto) {}

export class AttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ownerType!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ nullable: true, type: String }) purpose!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, lower-case hex' }) sha256!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AttachmentPageResponse extends PageResponseOf(AttachmentResponse) {}

export function toAttachmentResponse(attachment: AttachmentEntity): AttachmentResponse {
  return {
    id: attachment.id,
    ownerType: attachment.ownerType,
    ownerId: attachment.ownerId,
    purpose: attachment.purpose,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    createdAt: attachment.createdAt.toISOString(),
  };
}
