import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SupplierEntity } from '../suppliers/supplier.entity';
import { UserEntity } from '../users/user.entity';
import { ReturnEntity } from './return.entity';

/** One chase of the vendor (催办) while the goods were there: who chased whom, when, and what was said. */
@Entity('return_chases')
@Index('ix_return_chases_return', ['returnId', 'chasedAt'])
export class ReturnChaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  returnId!: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_return_chases_return' })
  record?: ReturnEntity;

  @Column({ type: 'uuid' })
  supplierId!: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'fk_return_chases_supplier' })
  supplier?: SupplierEntity;

  @Column({ type: 'timestamptz' })
  chasedAt!: Date;

  /** The chase that was due then (still ahead when the vendor was chased early): on time or late reads from the two. */
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'uuid' })
  chasedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chased_by', foreignKeyConstraintName: 'fk_return_chases_chased_by' })
  chaser?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  chasedByName!: string;

  /** Whom at the vendor, how (phone, mail). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact!: string | null;

  @Column({ type: 'text' })
  note!: string;

  /** When the vendor now promises the goods back. */
  @Column({ type: 'date', nullable: true })
  expectedBackOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
