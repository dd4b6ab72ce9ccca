import type { KpiValue } from '../kpis/kpi-report';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { AssessmentStatus } from './domain/assessment-fields';
import type { Score } from './domain/scoring';
import { RuleSetEntity } from './rule-set.entity';

/**
 * A self-assessment (自评) of a period against one rule set version. Its items and adjustments are
 * changed while it is a draft; freezing stores the score as it stands, and then nothing changes.
 * Every change goes through this row (lock, version check, version + 1).
 */
@Entity('assessments')
@Index('ix_assessments_frozen_at', ['frozenAt'])
@Index('ix_assessments_rule_set', ['ruleSetId'])
@Check('ck_assessments_status', `"status" IN ('draft','frozen')`)
@Check('ck_assessments_period', `"period_to" >= "period_from"`)
@Check(
  'ck_assessments_frozen',
  `("status" = 'frozen') = ("frozen_at" IS NOT NULL AND "frozen_by" IS NOT NULL AND "score_snapshot" IS NOT NULL)`,
)
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: AssessmentStatus;

  @Column({ type: 'uuid' })
  ruleSetId!: string;

  @ManyToOne(() => RuleSetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rule_set_id', foreignKeyConstraintName: 'fk_assessments_rule_set' })
  ruleSet?: RuleSetEntity;

  /** The period assessed: company calendar dates, both included. */
  @Column({ type: 'date' })
  periodFrom!: string;

  @Column({ type: 'date' })
  periodTo!: string;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  frozenBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'frozen_by', foreignKeyConstraintName: 'fk_assessments_frozen_by' })
  freezer?: UserEntity;

  /** The score as it stood when frozen: what the assessment says from then on. */
  @Column({ type: 'jsonb', nullable: true })
  scoreSnapshot!: Score | null;

  /** The period's KPIs, company-wide, as they stood when frozen: shown with the indicators from then on. */
  @Column({ type: 'jsonb', nullable: true })
  kpiSnapshot!: KpiValue[] | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_assessments_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
