import { Check, Column, Entity, Index } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';

@Entity('products')
@Check('ck_products_warranty_months', 'warranty_months >= 0 AND warranty_months <= 240')
@Index('ix_products_category', ['category'])
export class ProductEntity extends RegisterRecord {
  @Index('uq_products_sku', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Product category, e.g. 空调: qualifications and the fee list are per category. */
  @Column({ type: 'varchar', length: 100 })
  category!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  brand!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model!: string | null;

  @Column({ type: 'integer' })
  warrantyMonths!: number;
}
