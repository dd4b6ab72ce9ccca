import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AttachmentEntity } from '../attachments/attachment.entity';
import type { DocumentEntity } from './document.entity';

/**
 * One approved version of a document, with its file. Versions are records of fact: the database
 * refuses to change or delete them, and the file they name cannot be removed (the foreign key
 * restricts it), so an approved version's file can never be swapped.
 */
@Entity('document_versions')
@Index('uq_document_versions_seq', ['documentId', 'seq'], { unique: true })
@Index('uq_document_versions_label', ['documentId', 'label'], { unique: true })
@Check('ck_document_versions_seq', '"seq" >= 1')
@Check('ck_document_versions_review', `"next_review_on" IS NULL OR "next_review_on" > "approved_on"`)
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne('DocumentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_versions_document' })
  document?: DocumentEntity;

  /** 1, 2, 3… in the order the versions were approved. */
  @Column({ type: 'integer' })
  seq!: number;

  /** The version as the document prints it, e.g. `A/0`, `V2.1`. */
  @Column({ type: 'varchar', length: 30 })
  label!: string;

  @Column({ type: 'date' })
  approvedOn!: string;

  /** Who approved it (批准人), as signed on the document. */
  @Column({ type: 'varchar', length: 100 })
  approvedBy!: string;

  @Column({ type: 'date', nullable: true })
  nextReviewOn!: string | null;

  /** What changed from the version before (修订说明). */
  @Column({ type: 'text', nullable: true })
  changeNote!: string | null;

  /** The file: an attachment of the document, used by this version alone. */
  @Index('uq_document_versions_file', { unique: true })
  @Column({ type: 'uuid' })
  fileAttachmentId!: string;

  @ManyToOne(() => AttachmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_attachment_id', foreignKeyConstraintName: 'fk_document_versions_file' })
  file?: AttachmentEntity;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
