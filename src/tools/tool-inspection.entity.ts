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
import { ToolEntity } from './tool.entity';

export const INSPECTION_RESULTS = ['passed', 'failed'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** One yearly inspection of a tool; inspections are records of fact and are never changed once made. */
@Entity('tool_inspections')
@Check('ck_tool_inspections_result', `result IN ('passed', 'failed')`)
@Index('ix_tool_inspections_tool', ['toolId', 'inspectedOn'])
export class ToolInspectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  toolId!: string;

  @ManyToOne(() => ToolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tool_id', foreignKeyConstraintName: 'fk_tool_inspections_tool' })
  tool?: ToolEntity;

  @Column({ type: 'date' })
  inspectedOn!: string;

  @Column({ type: 'varchar', length: 200 })
  inspector!: string;

  @Column({ type: 'varchar', length: 20 })
  result!: InspectionResult;

  @Column({ type: 'varchar', length: 100, nullable: true })
  certificateNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  nextDue!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
