import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from '../common/registers/register-record';
import { ComplaintEntity } from './complaint.entity';
import type { ComplaintStatus } from './domain/complaint-fields';

/**
 * The complaint's timeline: its registration, every action with who, when, the state it moved from
 * and to, the reason and what was entered, and the escalations (the deadline job's with no actor).
 */
@Entity('complaint_history')
@Index('ix_complaint_history_complaint', ['complaintId', 'seq'])
export class ComplaintHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Write order: entries of one moment still read in the order they happened. */
  @Column({ type: 'bigint', transformer: NUMERIC })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'uuid' })
  complaintId!: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_history_complaint' })
  complaint?: ComplaintEntity;

  /** A workflow action, or `receive` for the registration. */
  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: ComplaintStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: ComplaintStatus;

  /** Null for what the system did by itself. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** What the action entered, as the reader needs it. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
