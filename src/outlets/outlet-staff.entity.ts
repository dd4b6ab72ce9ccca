import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { OutletEntity } from './outlet.entity';

/** A trained person on an outsourced outlet's qualification file, with the certificate's validity. */
@Entity('outlet_staff')
@Index('ix_outlet_staff_outlet', ['outletId'])
export class OutletStaffEntity extends RegisterRecord {
  @Column({ type: 'uuid' })
  outletId!: string;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_outlet_staff_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  training!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  certificateNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  certificateValidUntil!: string | null;
}
