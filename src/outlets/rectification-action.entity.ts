import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { OutletReviewEntity } from './outlet-review.entity';

export const RECTIFICATION_STATUSES = ['open', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** A rectification action from an outlet review (整改措施), tracked until it is closed with evidence. */
@Entity('rectification_actions')
@Check('ck_rectification_actions_status', `status IN ('open', 'closed')`)
@Check('ck_rectification_actions_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
@Index('ix_rectification_actions_review', ['reviewId'])
@Index('ix_rectification_actions_open', ['status', 'dueOn'])
export class RectificationActionEntity extends RegisterRecord {
  @Column({ type: 'uuid' })
  reviewId!: string;

  @ManyToOne(() => OutletReviewEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'fk_rectification_actions_review' })
  review?: OutletReviewEntity;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  responsible!: string | null;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status!: RectificationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  closureNote!: string | null;
}
