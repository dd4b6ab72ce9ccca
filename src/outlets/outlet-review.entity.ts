import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { NUMERIC, RegisterRecord } from '../common/registers/register-record';
import { OutletEntity } from './outlet.entity';

/** The yearly review of an outlet (网点年度考核): findings and a score, with rectification actions. */
@Entity('outlet_reviews')
@Check('ck_outlet_reviews_score', 'score >= 0 AND score <= 100')
@Index('uq_outlet_reviews_year', ['outletId', 'year'], { unique: true })
export class OutletReviewEntity extends RegisterRecord {
  @Column({ type: 'uuid' })
  outletId!: string;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_outlet_reviews_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'date' })
  reviewedOn!: string;

  @Column({ type: 'varchar', length: 100 })
  reviewer!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: NUMERIC })
  score!: number;

  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  conclusion!: string | null;
}
