import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { RegisterRecord } from '../common/registers/register-record';
import { CustomerEntity } from '../customers/customer.entity';

/** A sold unit (售出设备) with its dates, installation and commissioning record (安装调试记录) and warranty. */
@Entity('assets')
@Index('ix_assets_customer', ['customerId'])
@Index('ix_assets_product', ['productId'])
export class AssetEntity extends RegisterRecord {
  @Index('uq_assets_serial_number', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  serialNumber!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_assets_product' })
  product?: ProductEntity;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_assets_customer' })
  customer?: CustomerEntity;

  @Column({ type: 'date' })
  soldOn!: string;

  @Column({ type: 'date', nullable: true })
  deliveredOn!: string | null;

  @Column({ type: 'date', nullable: true })
  acceptedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  installedOn!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  installedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  installationNotes!: string | null;

  @Column({ type: 'text', nullable: true })
  commissioningNotes!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  installationAddress!: string | null;

  /** Sold date plus the product's warranty months, fixed when the unit is registered or re-dated. */
  @Column({ type: 'date' })
  standardWarrantyEnd!: string;

  /** An extended-warranty contract or a goodwill decision; always with its reason. */
  @Column({ type: 'date', nullable: true })
  warrantyEndOverride!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  warrantyOverrideReason!: string | null;
}
