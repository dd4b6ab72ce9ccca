import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { NUMERIC, RegisterRecord } from '../common/registers/register-record';
import { OutletEntity } from '../outlets/outlet.entity';

export const TRAINING_KINDS = ['staff', 'customer'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** A training session (员工培训 / 客户培训) with its attendees. */
@Entity('trainings')
@Check('ck_trainings_kind', `kind IN ('staff', 'customer')`)
@Check('ck_trainings_hours', 'hours > 0 AND hours <= 1000')
@Index('ix_trainings_held_on', ['heldOn'])
export class TrainingEntity extends RegisterRecord {
  @Column({ type: 'varchar', length: 20 })
  kind!: TrainingKind;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: NUMERIC })
  hours!: number;

  @Column({ type: 'varchar', length: 100 })
  trainer!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_trainings_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'text', nullable: true })
  content!: string | null;
}
