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
import type { RuleSetDefinition } from './domain/rule-set';

export const RULE_SET_SOURCES = ['default', 'json', 'xlsx'] as const;
export type RuleSetSource = (typeof RULE_SET_SOURCES)[number];

/**
 * One version of the scoring rules (GBT27922.md §2): items, points and options. Versions are never
 * changed: a certification body's checklist is loaded as the next version, and each assessment keeps
 * the version it was made with. Version 1 is the default, marked indicative.
 */
@Entity('rule_sets')
@Check('ck_rule_sets_source', `"source" IN ('default','json','xlsx')`)
export class RuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_rule_sets_version', { unique: true })
  @Column({ type: 'integer' })
  versionNumber!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Reports made with it say "indicative": its points are not a certification body's own. */
  @Column({ type: 'boolean' })
  indicative!: boolean;

  @Column({ type: 'varchar', length: 10 })
  source!: RuleSetSource;

  /** The file it was loaded from. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'jsonb' })
  definition!: RuleSetDefinition;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_rule_sets_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
