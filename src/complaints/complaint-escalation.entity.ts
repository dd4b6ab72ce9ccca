import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ComplaintEntity } from './complaint.entity';
import type { ComplaintStep, EscalationTrigger } from './domain/complaint-fields';

/**
 * A complaint raised to the managers: by the deadline job when a step was missed, or by a user with a
 * reason. One row per complaint and step: whichever comes first escalates, and nothing escalates twice.
 */
@Entity('complaint_escalations')
@Index('uq_complaint_escalations_step', ['complaintId', 'step'], { unique: true })
@Check('ck_complaint_escalations_step', `"step" IN ('acknowledge','resolve')`)
@Check('ck_complaint_escalations_trigger', `"trigger" IN ('deadline','manual')`)
@Check(
  'ck_complaint_escalations_actor',
  `("trigger" = 'manual') = ("actor_id" IS NOT NULL AND "reason" IS NOT NULL)`,
)
export class ComplaintEscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  complaintId!: string;

  @ManyToOne(() => ComplaintEntity, (complaint) => complaint.escalations, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_escalations_complaint' })
  complaint?: ComplaintEntity;

  /** The step that was (or was about to be) missed. */
  @Column({ type: 'varchar', length: 20 })
  step!: ComplaintStep;

  @Column({ type: 'varchar', length: 20 })
  trigger!: EscalationTrigger;

  /** The step's deadline at the time. */
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  escalatedAt!: Date;

  /** Who escalated by hand; null for the deadline job. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_complaint_escalations_actor' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** How many managers were mailed. */
  @Column({ type: 'integer' })
  notified!: number;
}
