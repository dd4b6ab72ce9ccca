import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { AssessmentEntity } from './assessment.entity';
import type { EvidenceReference, RecordReference, SampleBasis } from './domain/assessment-fields';

/**
 * What the manager recorded for one scoring item of the assessment's rule set: applicable or excluded
 * (with the reason), the conformity of a qualitative item or the sample of a sampled one, findings
 * and linked evidence. One row per item, made with the assessment; nothing recorded is "pending".
 */
@Entity('assessment_items')
@Index('uq_assessment_items_code', ['assessmentId', 'itemCode'], { unique: true })
@Check('ck_assessment_items_exclusion', `"applicable" OR "exclusion_reason" IS NOT NULL`)
@Check(
  'ck_assessment_items_sample',
  `("checked" IS NULL) = ("non_conforming" IS NULL) AND ("checked" IS NULL OR ("checked" >= 1 AND "non_conforming" >= 0 AND "non_conforming" <= "checked"))`,
)
@Check('ck_assessment_items_one_result', `"conforms" IS NULL OR "checked" IS NULL`)
export class AssessmentItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_assessment_items_assessment' })
  assessment?: AssessmentEntity;

  /** The item's code in the assessment's rule set. */
  @Column({ type: 'varchar', length: 40 })
  itemCode!: string;

  @Column({ type: 'boolean', default: true })
  applicable!: boolean;

  /** Why the item is excluded (删减); required when it is. */
  @Column({ type: 'text', nullable: true })
  exclusionReason!: string | null;

  /** A qualitative item: conforms or not; null while not assessed. */
  @Column({ type: 'boolean', nullable: true })
  conforms!: boolean | null;

  /** A sampled item: records checked and found non-conforming; null while not assessed. */
  @Column({ type: 'integer', nullable: true })
  checked!: number | null;

  @Column({ type: 'integer', nullable: true })
  nonConforming!: number | null;

  /** The sampled records found non-conforming. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  nonConformingRecords!: RecordReference[];

  /** How the sample was drawn, when it came from a suggestion. */
  @Column({ type: 'jsonb', nullable: true })
  sampleBasis!: SampleBasis | null;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence!: EvidenceReference[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_assessment_items_recorded_by' })
  recorder?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;
}
