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
import type { ContactMethod } from './domain/follow-up-fields';
import { FollowUpEntity } from './follow-up.entity';

/** A failed attempt to reach the customer for a visit: when, how, and what happened. */
@Entity('follow_up_attempts')
@Index('ix_follow_up_attempts_follow_up', ['followUpId', 'attemptedAt'])
@Check('ck_follow_up_attempts_method', `"method" IN ('phone','sms','email','visit')`)
export class FollowUpAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_attempts_follow_up' })
  followUp?: FollowUpEntity;

  @Column({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  method!: ContactMethod;

  /** E.g. 无人接听, 号码停机, 客户不在家. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_follow_up_attempts_recorded_by' })
  recorder?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
