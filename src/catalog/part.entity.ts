import { Check, Column, Entity, Index } from 'typeorm';
import { NUMERIC, RegisterRecord } from '../common/registers/register-record';

/** A line of the fee list (易损件价目表 / 维修收费标准): a spare part's price and the labour fee to fit it. */
@Entity('parts')
@Check('ck_parts_amounts', 'unit_price >= 0 AND labour_fee >= 0')
@Index('ix_parts_category', ['productCategory'])
export class PartEntity extends RegisterRecord {
  @Index('uq_parts_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  productCategory!: string;

  @Column({ type: 'varchar', length: 20, default: '个' })
  unit!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: NUMERIC })
  unitPrice!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: NUMERIC })
  labourFee!: number;
}
