import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyCommitments } from './domain/policy-commitments';

/**
 * One version of the service policy (服务承诺). Versions are never changed: a new commitment is a new
 * version with its own effective time, so records keep the deadlines of the version they were created under.
 */
@Entity('service_policies')
export class ServicePolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_service_policies_version', { unique: true })
  @Column({ type: 'integer' })
  versionNumber!: number;

  @Index('uq_service_policies_effective_from', { unique: true })
  @Column({ type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ type: 'jsonb' })
  commitments!: PolicyCommitments;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
