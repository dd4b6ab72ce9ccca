import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from '../common/registers/register-record';
import { CustomerEntity } from '../customers/customer.entity';
import { UserEntity } from '../users/user.entity';
import { TrainingEntity } from './training.entity';

export const ASSESSMENT_RESULTS = ['passed', 'failed', 'not_assessed'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

/** One attendee of a training: a staff user, a customer, or someone named only; with the assessment result. */
@Entity('training_attendees')
@Check('ck_training_attendees_result', `result IN ('passed', 'failed', 'not_assessed')`)
@Index('ix_training_attendees_training', ['trainingId'])
@Index('ix_training_attendees_user', ['userId'])
export class TrainingAttendeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  trainingId!: string;

  @ManyToOne(() => TrainingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_id', foreignKeyConstraintName: 'fk_training_attendees_training' })
  training?: TrainingEntity;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_training_attendees_user' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_training_attendees_customer' })
  customer?: CustomerEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20, default: 'not_assessed' })
  result!: AssessmentResult;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true, transformer: NUMERIC })
  score!: number | null;
}
