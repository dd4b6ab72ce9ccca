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
import { ComplaintEntity } from '../complaints/complaint.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { OutletEntity } from '../outlets/outlet.entity';
import { ServicePolicyEntity } from '../policy/service-policy.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import type { ContactMethod, FollowUpKind, FollowUpStatus, ProblemAction } from './domain/follow-up-fields';

/**
 * A visit to a customer (SPEC §3.3): a follow-up (回访) of a resolved ticket, or an inspection (巡检) of
 * an installed unit or a customer, one-off or recurring. Its outcome is recorded on it; a follow-up
 * keeps the link to what it led to (the ticket reopened, the complaint opened), an inspection to the
 * repair ticket its findings opened and to the visit before it in its series.
 */
@Entity('follow_ups')
// One follow-up per resolution: a re-delivered event finds it; a ticket resolved again gets a new one.
@Index('uq_follow_ups_resolution', ['ticketId', 'ticketResolvedAt'], { unique: true })
// A recurring inspection's next visit is made once, whatever retries happen.
@Index('uq_follow_ups_previous', ['previousId'], { unique: true })
@Index('ix_follow_ups_status_due', ['status', 'dueAt'])
@Index('ix_follow_ups_kind_due', ['kind', 'dueAt'])
@Index('ix_follow_ups_resolved_at', ['ticketResolvedAt'])
@Index('ix_follow_ups_customer', ['customerId'])
@Index('ix_follow_ups_asset', ['assetId'])
@Index('ix_follow_ups_outlet', ['outletId'])
@Index('ix_follow_ups_assignee', ['assigneeId'])
@Index('ix_follow_ups_opened_ticket', ['openedTicketId'])
@Index('ix_follow_ups_complaint', ['complaintId'])
@Check('ck_follow_ups_kind', `"kind" IN ('follow_up','inspection')`)
@Check('ck_follow_ups_status', `"status" IN ('pending','completed','unreachable','cancelled')`)
@Check('ck_follow_ups_method', `"method" IS NULL OR "method" IN ('phone','sms','email','visit')`)
@Check(
  'ck_follow_ups_problem_action',
  `"problem_action" IS NULL OR "problem_action" IN ('reopen_ticket','open_complaint','none')`,
)
@Check('ck_follow_ups_score', `"score" IS NULL OR "score" BETWEEN 1 AND 5`)
@Check(
  'ck_follow_ups_ticket',
  `"kind" <> 'follow_up' OR ("ticket_id" IS NOT NULL AND "ticket_resolved_at" IS NOT NULL)`,
)
@Check(
  'ck_follow_ups_every_months',
  `"every_months" IS NULL OR ("kind" = 'inspection' AND "every_months" BETWEEN 1 AND 120)`,
)
@Check('ck_follow_ups_attempts', `"attempt_count" >= 0`)
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_follow_ups_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: FollowUpKind;

  @Column({ type: 'varchar', length: 20 })
  status!: FollowUpStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** The ticket a follow-up follows up. */
  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_follow_ups_ticket' })
  ticket?: TicketEntity;

  /** The resolution it follows up: a reopened ticket resolved again is followed up again. */
  @Column({ type: 'timestamptz', nullable: true })
  ticketResolvedAt!: Date | null;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_follow_ups_customer' })
  customer?: CustomerEntity;

  /** The unit: the ticket's, or the installed unit an inspection is for. */
  @Column({ type: 'uuid', nullable: true })
  assetId!: string | null;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_follow_ups_asset' })
  asset?: AssetEntity;

  /** Whose record it is: the ticket's outlet, or the customer's; null for head office. */
  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_follow_ups_outlet' })
  outlet?: OutletEntity;

  /** The policy version the follow-up's due time comes from. */
  @Column({ type: 'uuid', nullable: true })
  policyVersionId!: string | null;

  @ManyToOne(() => ServicePolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'fk_follow_ups_policy_version' })
  policyVersion?: ServicePolicyEntity;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** A recurring inspection's interval in months; null for a one-off visit. */
  @Column({ type: 'integer', nullable: true })
  everyMonths!: number | null;

  /** The visit of the same series before this one. */
  @Column({ type: 'uuid', nullable: true })
  previousId!: string | null;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_id', foreignKeyConstraintName: 'fk_follow_ups_previous' })
  previous?: FollowUpEntity;

  /** What the visit is for (an inspection's checklist, a note to the caller). */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_follow_ups_assignee' })
  assignee?: UserEntity;

  /** Failed attempts to reach the customer (follow_up_attempts holds each). */
  @Column({ type: 'integer', default: 0 })
  attemptCount!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  method!: ContactMethod | null;

  /** When the customer was reached (or the unit visited). */
  @Column({ type: 'timestamptz', nullable: true })
  contactedAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  /** What an inspection found. */
  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  /** What a follow-up that found a problem led to. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  problemAction!: ProblemAction | null;

  /** The complaint the follow-up opened, and its number as it was handed back. */
  @Column({ type: 'uuid', nullable: true })
  complaintId!: string | null;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_follow_ups_complaint' })
  complaint?: ComplaintEntity;

  @Column({ type: 'varchar', length: 20, nullable: true })
  complaintNumber!: string | null;

  /** The repair ticket an inspection's findings opened. */
  @Column({ type: 'uuid', nullable: true })
  openedTicketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_ticket_id', foreignKeyConstraintName: 'fk_follow_ups_opened_ticket' })
  openedTicket?: TicketEntity;

  /** When the outcome (completed or unreachable) was recorded, and by whom. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'completed_by', foreignKeyConstraintName: 'fk_follow_ups_completed_by' })
  completer?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** Null when the system made it (a follow-up of a resolved ticket, the next inspection of a series). */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_follow_ups_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
