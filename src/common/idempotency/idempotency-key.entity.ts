import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A POST made with an Idempotency-Key: what it asked for and, once done, what it answered. */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  /** The caller's user id: keys are private to the user who sent them. */
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When the request's business change committed (in the same transaction). */
  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  /** When its answer was kept, for replay. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
