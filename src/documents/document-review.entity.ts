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
import { DocumentVersionEntity } from './document-version.entity';
import type { DocumentEntity } from './document.entity';

/** A periodic review (复审) that kept a version in force and set the next review date; never changed. */
@Entity('document_reviews')
@Index('ix_document_reviews_document', ['documentId', 'reviewedOn'])
@Index('ix_document_reviews_version', ['versionId'])
@Check('ck_document_reviews_next', '"next_review_on" > "reviewed_on"')
export class DocumentReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne('DocumentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_reviews_document' })
  document?: DocumentEntity;

  /** The version that was reviewed (the one in force then). */
  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_document_reviews_version' })
  version?: DocumentVersionEntity;

  @Column({ type: 'date' })
  reviewedOn!: string;

  /** Who reviewed it, by name. */
  @Column({ type: 'varchar', length: 100 })
  reviewedBy!: string;

  @Column({ type: 'date' })
  nextReviewOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
