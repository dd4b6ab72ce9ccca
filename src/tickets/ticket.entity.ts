import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AssetEntity } from '../assets/asset.entity';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { ProductEntity } from '../catalog/product.entity';
import { NUMERIC } from '../common/registers/register-record';
import { CustomerEntity } from '../customers/customer.entity';
import type { Zone } from '../customers/domain/customer-fields';
import { OutletEntity } from '../outlets/outlet.entity';
import type { Priority } from '../policy/domain/policy-commitments';
import { ServicePolicyEntity } from '../policy/service-policy.entity';
import { UserEntity } from '../users/user.entity';
import type { Charges } from './domain/charges';
import type { Cause, Channel, HoldReason, TicketStatus, TicketWarrantyStatus } from './domain/ticket-fields';

/** An item the technician carried back to the depot. */
export interface TakenBackItem {
  description: string;
  serialNumber: string | null;
  condition: string | null;
  accessories: string | null;
}

/** A repair ticket (报修单 / 维修记录单): the request, its deadlines, the job and its outcome. */
@Entity('tickets')
@Index('ix_tickets_status', ['status'])
@Index('ix_tickets_technician_status', ['technicianId', 'status'])
@Index('ix_tickets_outlet', ['outletId'])
@Index('ix_tickets_customer', ['customerId'])
@Index('ix_tickets_reported_at', ['reportedAt'])
// The repair records of a period (evidence) are the tickets resolved in it.
@Index('ix_tickets_resolved_at', ['resolvedAt'])
// A unit's repairs in order: the KPIs' repeat-repair check looks up the one before each report.
@Index('ix_tickets_asset_resolved', ['assetId', 'resolvedAt'])
@Check(
  'ck_tickets_status',
  `"status" IN ('reported','dispatched','accepted','on_site','diagnosed','taken_back','on_hold','resolved','closed','cancelled','reopened')`,
)
@Check('ck_tickets_channel', `"channel" IN ('phone','qr','web','walk_in','email')`)
@Check('ck_tickets_priority', `"priority" IN ('low','normal','high','urgent')`)
@Check('ck_tickets_zone', `"zone" IN ('urban','suburban','rural')`)
@Check('ck_tickets_warranty', `"warranty_status" IN ('in_warranty','out_of_warranty','unknown')`)
@Check('ck_tickets_cause', `"cause" IS NULL OR "cause" IN ('product_fault','human_damage','wear','unknown')`)
@Check(
  'ck_tickets_hold_reason',
  `"hold_reason" IS NULL OR "hold_reason" IN ('awaiting_parts','awaiting_customer','awaiting_vendor')`,
)
@Check('ck_tickets_hold', `("status" = 'on_hold') = ("held_since" IS NOT NULL)`)
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_tickets_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: TicketStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_tickets_customer' })
  customer?: CustomerEntity;

  /** The registered unit, when the serial number is in the asset register. */
  @Column({ type: 'uuid', nullable: true })
  assetId!: string | null;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_tickets_asset' })
  asset?: AssetEntity;

  /** The product: the asset's, or named at intake when the unit is not registered. */
  @Column({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_tickets_product' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  serialNumber!: string | null;

  @Column({ type: 'text' })
  fault!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 10 })
  priority!: Priority;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 20 })
  zone!: Zone;

  @Column({ type: 'varchar', length: 20 })
  warrantyStatus!: TicketWarrantyStatus;

  /** The warranty end the status was judged on, when the unit is registered. */
  @Column({ type: 'date', nullable: true })
  warrantyEnd!: string | null;

  @Column({ type: 'uuid' })
  policyVersionId!: string;

  @ManyToOne(() => ServicePolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'fk_tickets_policy_version' })
  policyVersion?: ServicePolicyEntity;

  @Column({ type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ type: 'timestamptz' })
  responseDueAt!: Date;

  @Column({ type: 'timestamptz' })
  onSiteDueAt!: Date;

  /** The resolve deadline as the policy set it; holds move `resolveDueAt`, never this. */
  @Column({ type: 'timestamptz' })
  plannedResolveDueAt!: Date;

  @Column({ type: 'timestamptz' })
  resolveDueAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_tickets_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'uuid', nullable: true })
  technicianId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technician_id', foreignKeyConstraintName: 'fk_tickets_technician' })
  technician?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** First accepted: the response to the customer (contact made, visit agreed). */
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  appointmentAt!: Date | null;

  /** First arrival on site. */
  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  diagnosedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  cause!: Cause | null;

  @Column({ type: 'text', nullable: true })
  diagnosis!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  takenBackAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  takenBackItems!: TakenBackItem[] | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  holdReason!: HoldReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  heldSince!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  heldFrom!: TicketStatus | null;

  /** Total of the finished holds: the resolve clock stood still this long. */
  @Column({ type: 'bigint', default: 0, transformer: NUMERIC })
  pausedMs!: number;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  confirmedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The customer's signature, an attachment of this ticket. */
  @Column({ type: 'uuid', nullable: true })
  signatureAttachmentId!: string | null;

  @ManyToOne(() => AttachmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signature_attachment_id', foreignKeyConstraintName: 'fk_tickets_signature' })
  signatureAttachment?: AttachmentEntity;

  @Column({ type: 'jsonb', nullable: true })
  charges!: Charges | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: NUMERIC })
  chargeTotal!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  reopenCount!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
