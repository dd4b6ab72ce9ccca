import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The ledger of expiry alerts already sent: one row per subject, item, validity and threshold, so a
 * daily job that runs twice (or on two workers) mails once; a renewed validity starts a new cycle.
 */
@Entity('expiry_notices')
@Index('uq_expiry_notices', ['subjectType', 'subjectId', 'item', 'validUntil', 'threshold'], { unique: true })
export class ExpiryNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 60 })
  item!: string;

  @Column({ type: 'date' })
  validUntil!: string;

  /** `expiring` (within the warning window) or `expired`. */
  @Column({ type: 'varchar', length: 20 })
  threshold!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
