import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { OutletEntity } from '../outlets/outlet.entity';
import type { DocumentCategory, DocumentStatus } from './domain/document-fields';
import { DocumentVersionEntity } from './document-version.entity';

/**
 * A controlled document (受控文件): the service manual, a procedure, the legal register, a
 * certificate, a contract… Its content lives in its versions; `active` is false exactly when it has
 * been withdrawn (作废), as other registers deactivate what they keep for history.
 */
@Entity('documents')
@Check(
  'ck_documents_category',
  `"category" IN ('service_manual','procedure','legal_register','org_chart','certificate','contract','commitment','other')`,
)
@Check('ck_documents_status', `"status" IN ('draft','current','withdrawn')`)
@Check('ck_documents_active', `"active" = ("status" <> 'withdrawn')`)
// A draft has no version yet; a document in force always has one.
@Check(
  'ck_documents_current_version',
  `"status" = 'withdrawn' OR ("status" = 'draft') = ("current_version_id" IS NULL)`,
)
@Check(
  'ck_documents_withdrawn',
  `("status" = 'withdrawn') = ("withdrawn_on" IS NOT NULL AND "withdrawn_reason" IS NOT NULL)`,
)
@Index('ix_documents_status_review', ['status', 'nextReviewOn'])
export class DocumentEntity extends RegisterRecord {
  /** The document number (文件编号), e.g. `QP-7.5-01`; stored upper case. */
  @Index('uq_documents_number', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  number!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  category!: DocumentCategory;

  /** The evidence type (GBT27922.md §3) the document supports. */
  @Column({ type: 'varchar', length: 40, default: 'documents' })
  evidenceCode!: string;

  /** The outlet the document belongs to (its agreement, its licence); null: the company's. */
  @Index('ix_documents_outlet')
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_documents_outlet' })
  outlet?: OutletEntity;

  /** The department in charge (责任部门). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  department!: string | null;

  /** The person in charge (负责人). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  owner!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: DocumentStatus;

  /** The latest approved version; kept when the document is withdrawn (it was the last in force). */
  @Column({ type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'current_version_id', foreignKeyConstraintName: 'fk_documents_current_version' })
  currentVersion?: DocumentVersionEntity;

  /** Set by each new version and each review (复审). */
  @Column({ type: 'date', nullable: true })
  nextReviewOn!: string | null;

  @Column({ type: 'date', nullable: true })
  lastReviewedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  withdrawnReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;
}
