import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { OutletStatus } from './domain/outlet-fields';
import type { OutletAction } from './domain/outlet-lifecycle';
import { OutletEntity } from './outlet.entity';

/** The outlet's lifecycle history: every transition with who, when and why. */
@Entity('outlet_status_changes')
@Index('ix_outlet_status_changes_outlet', ['outletId', 'changedAt'])
export class OutletStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  outletId!: string;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_outlet_status_changes_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'varchar', length: 20 })
  action!: OutletAction;

  @Column({ type: 'varchar', length: 20 })
  fromStatus!: OutletStatus;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: OutletStatus;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt!: Date;
}
