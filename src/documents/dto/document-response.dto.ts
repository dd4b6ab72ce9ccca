import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentEntity } from '../../attachments/attachment.entity';
import type { CalendarDate } from '../../common/calendar';
import { PageResponseOf } from '../../common/http/pagination';
import { RegisterRecordResponse, recordMeta } from '../../common/registers/register.dto';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_STATUSES,
  VERSION_STATUSES,
  type DocumentCategory,
  type DocumentStatus,
  type VersionStatus,
} from '../domain/document-fields';
import { versionStatus } from '../domain/document-workflow';
import { REVIEW_STATUSES, type ReviewStatus, reviewStanding } from '../domain/review-standing';
import type { DocumentReviewEntity } from '../document-review.entity';
import type { DocumentVersionEntity } from '../document-version.entity';
import type { DocumentEntity } from '../document.entity';

/** A version read with its file. */
export type LoadedVersion = DocumentVersionEntity & { file: AttachmentEntity };

/** A document read with its current version (none for a draft). */
export type LoadedDocument = DocumentEntity & { currentVersion: LoadedVersion | null };

export class DocumentFileResponse {
  @ApiProperty({ description: 'Download with GET /attachments/:id/content' }) attachmentId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
}

export class DocumentVersionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '1, 2, 3… in order of approval' }) seq!: number;
  @ApiProperty({ example: 'A/0' }) label!: string;
  @ApiProperty({ enum: VERSION_STATUSES }) status!: VersionStatus;
  @ApiProperty({ format: 'date' }) approvedOn!: string;
  @ApiProperty() approvedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'As approved' })
  nextReviewOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) changeNote!: string | null;
  @ApiProperty({ type: DocumentFileResponse }) file!: DocumentFileResponse;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DocumentReviewResponse {
  @ApiProperty() id!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty({ description: 'The version reviewed' }) versionLabel!: string;
  @ApiProperty({ format: 'date' }) reviewedOn!: string;
  @ApiProperty() reviewedBy!: string;
  @ApiProperty({ format: 'date' }) nextReviewOn!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DocumentResponse extends RegisterRecordResponse {
  @ApiProperty({ example: 'QP-7.5-01' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOCUMENT_CATEGORIES }) category!: DocumentCategory;
  @ApiProperty({ example: 'documents' }) evidenceCode!: string;
  @ApiProperty({ nullable: true, type: String }) outletId!: string | null;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty({ nullable: true, type: String }) owner!: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ type: DocumentVersionResponse, nullable: true, description: 'The latest approved version' })
  currentVersion!: DocumentVersionResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Set by each version and review',
  })
  nextReviewOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastReviewedOn!: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES, description: 'As of today (company time zone)' })
  reviewStatus!: ReviewStatus;
  @ApiProperty({ description: 'In force and its review date has passed' }) reviewOverdue!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Negative once overdue' })
  daysUntilReview!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnReason!: string | null;
}

export class DocumentPageResponse extends PageResponseOf(DocumentResponse) {}

export class DocumentDetailResponse extends DocumentResponse {
  @ApiProperty({ type: [DocumentVersionResponse], description: 'Every version, newest first' })
  versions!: DocumentVersionResponse[];
  @ApiProperty({ type: [DocumentReviewResponse], description: 'Every review, newest first' })
  reviews!: DocumentReviewResponse[];
}

/** Everything GET /documents/:id shows. */
export interface DocumentDossier {
  document: LoadedDocument;
  versions: LoadedVersion[];
  reviews: DocumentReviewEntity[];
}

function toVersionResponse(version: LoadedVersion, document: DocumentEntity): DocumentVersionResponse {
  return {
    id: version.id,
    seq: version.seq,
    label: version.label,
    status: versionStatus(version.id, document),
    approvedOn: version.approvedOn,
    approvedBy: version.approvedBy,
    nextReviewOn: version.nextReviewOn,
    changeNote: version.changeNote,
    file: {
      attachmentId: version.file.id,
      fileName: version.file.fileName,
      contentType: version.file.contentType,
      sizeBytes: version.file.sizeBytes,
      sha256: version.file.sha256,
    },
    recordedBy: version.recordedBy,
    createdAt: version.createdAt.toISOString(),
  };
}

export function toDocumentResponse(document: LoadedDocument, today: CalendarDate): DocumentResponse {
  return {
    ...recordMeta(document),
    number: document.number,
    title: document.title,
    category: document.category,
    evidenceCode: document.evidenceCode,
    outletId: document.outletId,
    department: document.department,
    owner: document.owner,
    status: document.status,
    currentVersion: document.currentVersion ? toVersionResponse(document.currentVersion, document) : null,
    nextReviewOn: document.nextReviewOn,
    lastReviewedOn: document.lastReviewedOn,
    ...reviewStanding(document, today),
    withdrawnOn: document.withdrawnOn,
    withdrawnReason: document.withdrawnReason,
  };
}

export function toDocumentDetailResponse(
  dossier: DocumentDossier,
  today: CalendarDate,
): DocumentDetailResponse {
  const { document, versions, reviews } = dossier;
  const labels = new Map(versions.map((version) => [version.id, version.label]));
  return {
    ...toDocumentResponse(document, today),
    versions: versions.map((version) => toVersionResponse(version, document)),
    reviews: reviews.map((review) => ({
      id: review.id,
      versionId: review.versionId,
      versionLabel: labels.get(review.versionId) ?? '',
      reviewedOn: review.reviewedOn,
      reviewedBy: review.reviewedBy,
      nextReviewOn: review.nextReviewOn,
      note: review.note,
      recordedBy: review.recordedBy,
      createdAt: review.createdAt.toISOString(),
    })),
  };
}
