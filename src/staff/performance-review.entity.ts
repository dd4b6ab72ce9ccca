import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { NUMERIC, RegisterRecord } from '../common/registers/register-record';
import { UserEntity } from '../users/user.entity';

/** A staff performance review (员工绩效考核) for a period. */
@Entity('performance_reviews')
@Check('ck_performance_reviews_score', 'score >= 0 AND score <= 100')
@Check('ck_performance_reviews_period', 'period_end >= period_start')
@Index('uq_performance_reviews_period', ['userId', 'periodStart', 'periodEnd'], { unique: true })
export class PerformanceReviewEntity extends RegisterRecord {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_performance_reviews_user' })
  user?: UserEntity;

  /** A label users recognise, e.g. 2026年第三季度. */
  @Column({ type: 'varchar', length: 40 })
  period!: string;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: NUMERIC })
  score!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  grade!: string | null;

  @Column({ type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'fk_performance_reviews_reviewer' })
  reviewer?: UserEntity;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;
}
