import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from '../common/registers/register-record';
import type { ReturnStatus } from './domain/return-fields';
import { ReturnEntity } from './return.entity';

/** Events the system records on a record by itself, beside the users' actions. */
export const SYSTEM_RETURN_EVENTS = ['chase_due', 'notice'] as const;

/**
 * The record's timeline: intake, every action with who, when, the state it moved from and to and what
 * was entered, and what the system did (a chase fell due, the customer was told).
 */
@Entity('return_history')
@Index('ix_return_history_return', ['returnId', 'seq'])
export class ReturnHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Write order: entries of one moment still read in the order they happened. */
  @Column({ type: 'bigint', transformer: NUMERIC })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'uuid' })
  returnId!: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_return_history_return' })
  record?: ReturnEntity;

  /** 'receive', a workflow action, 'notice_call', or one of SYSTEM_RETURN_EVENTS. */
  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus!: ReturnStatus | null;

  @Column({ type: 'varchar', length: 30 })
  toStatus!: ReturnStatus;

  /** Null for what the system did by itself. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
