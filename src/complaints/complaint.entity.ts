import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { OutletEntity } from '../outlets/outlet.entity';
import { ServicePolicyEntity } from '../policy/service-policy.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import type { ComplaintEscalationEntity } from './complaint-escalation.entity';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ComplaintStatus,
} from './domain/complaint-fields';

/** A customer complaint (投诉记录): what was complained of, its deadlines, the handling and the outcome. */
@Entity('complaints')
@Index('ix_complaints_status', ['status'])
@Index('ix_complaints_customer', ['customerId'])
@Index('ix_complaints_ticket', ['ticketId'])
@Index('ix_complaints_outlet', ['outletId'])
// The complaints of a period (evidence) are those received in it.
@Index('ix_complaints_received_at', ['receivedAt'])
@Check('ck_complaints_status', `"status" IN ('received','acknowledged','investigating','resolved','closed')`)
@Check('ck_complaints_channel', `"channel" IN ('phone','email','web','walk_in','follow_up','other')`)
@Check(
  'ck_complaints_category',
  `"category" IN ('attitude','quality','timeliness','charges','product','other')`,
)
@Check('ck_complaints_severity', `"severity" IN ('normal','major')`)
// Each state carries what the step into it recorded.
@Check('ck_complaints_acknowledged', `("status" = 'received') = ("acknowledged_at" IS NULL)`)
@Check(
  'ck_complaints_resolved',
  `("status" IN ('resolved','closed')) = ("resolved_at" IS NOT NULL AND "root_cause" IS NOT NULL AND "remedy" IS NOT NULL AND "corrective_action" IS NOT NULL)`,
)
@Check(
  'ck_complaints_closed',
  `("status" = 'closed') = ("closed_at" IS NOT NULL AND "customer_accepted" IS NOT NULL)`,
)
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_complaints_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ComplaintStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_complaints_customer' })
  customer?: CustomerEntity;

  /** The repair the complaint is about, when it is about one. */
  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_complaints_ticket' })
  ticket?: TicketEntity;

  /** The outlet complained about, whose users see the complaint; null: head office's alone. */
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_complaints_outlet' })
  outlet?: OutletEntity;

  /** The technician complained about, if any. */
  @Column({ type: 'uuid', nullable: true })
  technicianId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technician_id', foreignKeyConstraintName: 'fk_complaints_technician' })
  technician?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  channel!: ComplaintChannel;

  @Column({ type: 'varchar', length: 20 })
  category!: ComplaintCategory;

  @Column({ type: 'varchar', length: 10 })
  severity!: ComplaintSeverity;

  /** Who complained (投诉人); defaults to the customer. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid' })
  policyVersionId!: string;

  @ManyToOne(() => ServicePolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'fk_complaints_policy_version' })
  policyVersion?: ServicePolicyEntity;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz' })
  acknowledgeDueAt!: Date;

  @Column({ type: 'timestamptz' })
  resolveDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** What the customer was told when the complaint was acknowledged. */
  @Column({ type: 'text', nullable: true })
  acknowledgmentNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  investigationStartedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  investigationNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  rootCause!: string | null;

  /** What the customer was given or done for them (补救措施). */
  @Column({ type: 'text', nullable: true })
  remedy!: string | null;

  /** What changes so that it does not happen again (纠正与改进措施). */
  @Column({ type: 'text', nullable: true })
  correctiveAction!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Whether the customer accepted the outcome, asked when the complaint is closed. */
  @Column({ type: 'boolean', nullable: true })
  customerAccepted!: boolean | null;

  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;

  @OneToMany('ComplaintEscalationEntity', 'complaint')
  escalations?: ComplaintEscalationEntity[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
