import { Check, Column, Entity, Index } from 'typeorm';
import { NUMERIC, RegisterRecord } from '../common/registers/register-record';
import { SUPPLIER_KINDS, type SupplierKind } from './domain/supplier-kinds';

/** An entry of the qualified supplier list (合格供方名录): who repairs or replaces returned goods. */
@Entity('suppliers')
@Check('ck_suppliers_kind', `kind IN (${SUPPLIER_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
@Check('ck_suppliers_rating', 'rating IS NULL OR (rating >= 0 AND rating <= 100)')
@Index('ix_suppliers_name', ['name'])
export class SupplierEntity extends RegisterRecord {
  @Index('uq_suppliers_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: SupplierKind;

  /** What they repair or supply, e.g. 压缩机维修. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  scope!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  /** When the supplier was approved onto the list and until when the approval holds. */
  @Column({ type: 'date', nullable: true })
  qualifiedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  qualifiedUntil!: string | null;

  /** The latest supplier evaluation score, 0–100. */
  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true, transformer: NUMERIC })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
