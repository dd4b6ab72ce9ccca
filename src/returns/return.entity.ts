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
import { NUMERIC } from '../common/registers/register-record';
import { CustomerEntity } from '../customers/customer.entity';
import { OutletEntity } from '../outlets/outlet.entity';
import { ServicePolicyEntity } from '../policy/service-policy.entity';
import { SupplierEntity } from '../suppliers/supplier.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import type {
  Finding,
  NoticeChannel,
  ReturnKind,
  ReturnMethod,
  ReturnStatus,
  ScrapMethod,
  VendorOutcome,
} from './domain/return-fields';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(',');

/**
 * Returned goods (物品返修 / 退换货): goods taken back from a customer, from intake through inspection,
 * hand-over, the vendor and back to the customer (or refund, or scrapping), with the chase cadence and
 * the customer notice the policy version in force at intake promised.
 */
@Entity('returns')
@Index('ix_returns_status', ['status'])
@Index('ix_returns_customer', ['customerId'])
@Index('ix_returns_ticket', ['ticketId'])
@Index('ix_returns_outlet', ['outletId'])
@Index('ix_returns_supplier', ['supplierId'])
@Index('ix_returns_received_at', ['receivedAt'])
// The overdue list: away past the notice threshold and not yet settled.
@Index('ix_returns_notice_due', ['noticeDueAt'], { where: '"settled_at" IS NULL' })
@Check(
  'ck_returns_status',
  `"status" IN (${list([
    'received',
    'inspected',
    'registered',
    'shipped_to_vendor',
    'back_from_vendor',
    'returned_to_customer',
    'closed',
    'scrapped',
    'refunded',
  ])})`,
)
@Check('ck_returns_kind', `"kind" IN ('repair','exchange','refund')`)
@Check(
  'ck_returns_finding',
  `"finding" IS NULL OR "finding" IN ('product_fault','human_damage','no_fault_found')`,
)
@Check(
  'ck_returns_vendor_outcome',
  `"vendor_outcome" IS NULL OR "vendor_outcome" IN ('repaired','replaced','rejected')`,
)
@Check(
  'ck_returns_return_method',
  `"return_method" IS NULL OR "return_method" IN ('pickup','delivery','courier')`,
)
@Check(
  'ck_returns_scrap_method',
  `"scrap_method" IS NULL OR "scrap_method" IN ('recycling','dismantling','destruction')`,
)
@Check('ck_returns_notice_channel', `"notice_channel" IS NULL OR "notice_channel" IN ('email','phone')`)
// At a vendor means a supplier and a chase due; no other state has a chase due.
@Check(
  'ck_returns_at_vendor',
  `("status" = 'shipped_to_vendor') = ("next_chase_due_at" IS NOT NULL) AND ("status" <> 'shipped_to_vendor' OR "supplier_id" IS NOT NULL)`,
)
@Check('ck_returns_refund_amount', `"refund_amount" IS NULL OR "refund_amount" >= 0`)
export class ReturnEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_returns_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 30 })
  status!: ReturnStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: ReturnKind;

  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_returns_customer' })
  customer?: CustomerEntity;

  /** The repair ticket whose take-back brought the goods in; null for goods brought to the counter. */
  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_returns_ticket' })
  ticket?: TicketEntity;

  /** The outlet whose record it is (the ticket's, or the intake's); null for head office. */
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_returns_outlet' })
  outlet?: OutletEntity;

  /** What is wrong with the goods, as the customer or the ticket says. */
  @Column({ type: 'text' })
  fault!: string;

  @Column({ type: 'uuid' })
  policyVersionId!: string;

  @ManyToOne(() => ServicePolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'fk_returns_policy_version' })
  policyVersion?: ServicePolicyEntity;

  /** When the goods left the customer: the start of "away", from which the notice threshold counts. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'uuid' })
  receivedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'received_by', foreignKeyConstraintName: 'fk_returns_received_by' })
  receiver?: UserEntity;

  /** Past this the customer is told the goods are still away (policy's returnsNoticeDays after receipt). */
  @Column({ type: 'timestamptz' })
  noticeDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  inspectedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  finding!: Finding | null;

  @Column({ type: 'text', nullable: true })
  inspectionNote!: string | null;

  /** The hand-over (交接): who handed the goods over, and the returns clerk who took them. */
  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  handedOverBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'fk_returns_registered_by' })
  registrar?: UserEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  registeredByName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  supplierId!: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'fk_returns_supplier' })
  supplier?: SupplierEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  carrier!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  trackingNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  /** The chase cadence while at the vendor, from the policy version of the record, kind and urgency. */
  @Column({ type: 'integer', nullable: true })
  chaseIntervalDays!: number | null;

  /** The next chase due; set only while the goods are at the vendor. */
  @Column({ type: 'timestamptz', nullable: true })
  nextChaseDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastChasedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  chaseCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  backAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  vendorOutcome!: VendorOutcome | null;

  @Column({ type: 'text', nullable: true })
  vendorNote!: string | null;

  /** The serial number of the unit the vendor sent instead, when it replaced the goods. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  replacementSerialNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  returnMethod!: ReturnMethod | null;

  /** Who took the goods back for the customer. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  returnedToName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: NUMERIC })
  refundAmount!: number | null;

  /** 废弃商品回收: the day, how, and the recycler. */
  @Column({ type: 'date', nullable: true })
  scrappedOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  scrappedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  scrapMethod!: ScrapMethod | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recycler!: string | null;

  /** When the customer's matter ended: goods returned, money refunded or goods scrapped. */
  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The notice to the customer that the goods are away longer than promised: sent once. */
  @Column({ type: 'timestamptz', nullable: true })
  noticeSentAt!: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  noticeChannel!: NoticeChannel | null;

  /** The message row of the notice (mail, or the phone call to be made). */
  @Column({ type: 'uuid', nullable: true })
  noticeMessageId!: string | null;

  /** For a notice by phone: when the call was made. */
  @Column({ type: 'timestamptz', nullable: true })
  noticeCalledAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
