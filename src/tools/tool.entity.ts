import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterRecord } from '../common/registers/register-record';
import { OutletEntity } from '../outlets/outlet.entity';
import type { InspectionResult } from './tool-inspection.entity';

/** A tool or instrument that must pass a yearly inspection (设备工具年检), e.g. a megohmmeter. */
@Entity('tools')
@Check('ck_tools_interval', 'inspection_interval_months BETWEEN 1 AND 120')
@Check('ck_tools_last_inspection_result', `last_inspection_result IN ('passed', 'failed')`)
@Index('ix_tools_next_inspection', ['nextInspectionDue'])
export class ToolEntity extends RegisterRecord {
  @Index('uq_tools_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  serialNumber!: string | null;

  @Index('ix_tools_outlet')
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_tools_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  keeper!: string | null;

  @Column({ type: 'date', nullable: true })
  purchasedOn!: string | null;

  @Column({ type: 'integer', default: 12 })
  inspectionIntervalMonths!: number;

  /** Set from the latest passed inspection; null until the first one. */
  @Column({ type: 'date', nullable: true })
  nextInspectionDue!: string | null;

  /** The latest inspection (by date), kept here so lists can filter on a failed one without a subquery. */
  @Column({ type: 'date', nullable: true })
  lastInspectedOn!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  lastInspectionResult!: InspectionResult | null;
}
