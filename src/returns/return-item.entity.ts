import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { ReturnEntity } from './return.entity';

/** One unit of returned goods, with the label code printed on it (RG2026-000001-1). */
@Entity('return_items')
@Index('uq_return_items_line', ['returnId', 'line'], { unique: true })
@Index('ix_return_items_serial', ['serialNumber'])
export class ReturnItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  returnId!: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_return_items_return' })
  record?: ReturnEntity;

  /** 1, 2, … within the record. */
  @Column({ type: 'integer' })
  line!: number;

  @Index('uq_return_items_label', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  labelCode!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_return_items_product' })
  product?: ProductEntity;

  /** What the unit is, e.g. the whole appliance or 室外机主板. */
  @Column({ type: 'varchar', length: 300 })
  description!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  serialNumber!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  condition!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  accessories!: string | null;
}
