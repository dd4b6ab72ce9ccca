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
import type { ExportFile, ExportParams, ExportStatus, ExportType } from './domain/export-jobs';

/**
 * An export job: a register (later the audit pack) built in the background for a period, its progress,
 * and the stored result. A row is downloadable exactly when it is done and has a stored file.
 */
@Entity('exports')
@Index('ix_exports_created_at', ['createdAt'])
@Check('ck_exports_type', `"type" IN ('register','pack')`)
@Check('ck_exports_status', `"status" IN ('queued','running','done','failed')`)
@Check('ck_exports_percent', `"percent" BETWEEN 0 AND 100`)
@Check('ck_exports_attempts', `"attempts" >= 0`)
@Check('ck_exports_done', `("status" = 'done') = ("storage_key" IS NOT NULL)`)
@Check('ck_exports_failed', `("status" = 'failed') = ("error" IS NOT NULL)`)
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: ExportType;

  /** What was asked for (evidence, period, format, language), so a retry builds the same thing. */
  @Column({ type: 'jsonb' })
  params!: ExportParams;

  @Column({ type: 'varchar', length: 20 })
  status!: ExportStatus;

  @Column({ type: 'integer', default: 0 })
  percent!: number;

  /** Why the last build failed; cleared when the export is queued again. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The files produced, with their hashes and record counts; empty until done. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  files!: ExportFile[];

  /** Where the result lives in the file store; set only when done. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_exports_requested_by' })
  requester?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When the current (or last) build started. */
  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** When the last build ended, done or failed. */
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** The last sign of life of a running build; one long silent is taken for dead (STALLED_AFTER_MS). */
  @Column({ type: 'timestamptz', nullable: true })
  progressAt!: Date | null;

  /** Builds started so far; each one stores its file under a key of its own. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
