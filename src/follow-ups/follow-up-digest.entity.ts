import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * The ledger of overdue digests sent: one row per manager per company day, so that the daily job
 * run twice (or on two workers) mails each manager once that day.
 */
@Entity('follow_up_digests')
@Index('uq_follow_up_digests_day_recipient', ['day', 'recipientId'], { unique: true })
export class FollowUpDigestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The company-calendar day the digest is for. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'fk_follow_up_digests_recipient' })
  recipient?: UserEntity;

  /** How many overdue visits it listed. */
  @Column({ type: 'integer' })
  overdueCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
