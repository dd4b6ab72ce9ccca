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
import { UserEntity } from '../users/user.entity';
import { AssessmentEntity } from './assessment.entity';
import type { AdjustmentKind, DeductionCategory } from './domain/assessment-fields';

/**
 * A special deduction (特别扣分项: what it breached, why, its rectification) or the special bonus
 * (特别加分项, with its reason), outside the item scores.
 */
@Entity('assessment_adjustments')
@Index('ix_assessment_adjustments_assessment', ['assessmentId'])
@Check('ck_assessment_adjustments_kind', `"kind" IN ('deduction','bonus')`)
@Check(
  'ck_assessment_adjustments_category',
  `("kind" = 'deduction' AND "category" IN ('law','own_rules','industry','service_system')) OR ("kind" = 'bonus' AND "category" IS NULL)`,
)
export class AssessmentAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_assessment_adjustments_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'varchar', length: 10 })
  kind!: AdjustmentKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  category!: DeductionCategory | null;

  @Column({ type: 'text' })
  reason!: string;

  /** What is done to put a deduction right (整改). */
  @Column({ type: 'text', nullable: true })
  rectification!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_assessment_adjustments_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
