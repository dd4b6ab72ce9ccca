import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ChainedFields } from './domain/hash-chain';

/** Append-only, hash-chained; the database refuses UPDATE and DELETE (see the migration's trigger). */
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entityType', 'entityId', 'seq'])
@Index('ix_audit_log_actor', ['actorId', 'seq'])
@Index('ix_audit_log_at', ['at'])
export class AuditLogEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** The fields of an entry that its hash covers, as they are hashed. */
export function chainedFields(entry: AuditLogEntity): ChainedFields {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes,
    requestId: entry.requestId,
  };
}
