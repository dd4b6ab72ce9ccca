import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job or domain event written in the same transaction as the change that causes it; the relay delivers it. */
@Entity('outbox')
@Index('ix_outbox_pending', ['id'], { where: 'dispatched_at IS NULL' })
@Index('ix_outbox_created', ['createdAt'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** When set, the job runs no earlier than this (a timer). */
  @Column({ type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  dispatchAttempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** After a failed hand-over, not before this (backoff), so one bad row cannot hold up the rest. */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;
}
