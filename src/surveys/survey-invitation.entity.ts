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
import type { Language } from '../common/errors/error-messages';
import { MessageEntity } from '../common/mail/message.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { OutletEntity } from '../outlets/outlet.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import type { InvitationSource } from './domain/survey-fields';
import { SurveyCampaignEntity } from './survey-campaign.entity';
import type { SurveyResponseEntity } from './survey-response.entity';
import { SurveyTemplateEntity } from './survey-template.entity';

/**
 * One customer asked to answer one survey. The link's token is stored only as its SHA-256; outlet,
 * technician and product category are copied in when it is sent, so results keep who did the work
 * then. A ticket gets one invitation however often its close event is delivered (or it is closed).
 */
@Entity('survey_invitations')
@Index('uq_survey_invitations_token', ['tokenHash'], { unique: true })
@Index('uq_survey_invitations_ticket', ['ticketId'], { unique: true, where: `"source" = 'ticket_closed'` })
@Index('uq_survey_invitations_campaign_customer', ['campaignId', 'customerId'], {
  unique: true,
  where: `"campaign_id" IS NOT NULL`,
})
@Index('ix_survey_invitations_template_sent', ['templateId', 'sentAt'])
@Index('ix_survey_invitations_customer', ['customerId'])
@Index('ix_survey_invitations_sent', ['sentAt'])
@Check('ck_survey_invitations_source', `"source" IN ('ticket_closed','campaign')`)
@Check('ck_survey_invitations_ticket', `"source" <> 'ticket_closed' OR "ticket_id" IS NOT NULL`)
@Check('ck_survey_invitations_campaign', `("source" = 'campaign') = ("campaign_id" IS NOT NULL)`)
@Check('ck_survey_invitations_language', `"language" IN ('zh','en')`)
@Check('ck_survey_invitations_expiry', `"expires_at" > "sent_at"`)
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => SurveyTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_survey_invitations_template' })
  template?: SurveyTemplateEntity;

  @Column({ type: 'varchar', length: 20 })
  source!: InvitationSource;

  @Column({ type: 'uuid', nullable: true })
  campaignId!: string | null;

  @ManyToOne(() => SurveyCampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_survey_invitations_campaign' })
  campaign?: SurveyCampaignEntity;

  /** The ticket surveyed: the closed one, or for a campaign the customer's latest in its closed range. */
  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_survey_invitations_ticket' })
  ticket?: TicketEntity;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_survey_invitations_customer' })
  customer?: CustomerEntity;

  /** Where the invitation went. */
  @Column({ type: 'varchar', length: 200 })
  email!: string;

  @Column({ type: 'varchar', length: 2, default: 'zh' })
  language!: Language;

  @Column({ type: 'uuid', nullable: true })
  outletId!: string | null;

  @ManyToOne(() => OutletEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_survey_invitations_outlet' })
  outlet?: OutletEntity;

  @Column({ type: 'uuid', nullable: true })
  technicianId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technician_id', foreignKeyConstraintName: 'fk_survey_invitations_technician' })
  technician?: UserEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  productCategory!: string | null;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set once, by the answer that wins (compare-and-set on null). */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** The invitation mail in the messages register. */
  @Column({ type: 'uuid', nullable: true })
  messageId!: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_survey_invitations_message' })
  message?: MessageEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The answers, when a query joins them in (no column: the response refers to the invitation). */
  response?: SurveyResponseEntity | null;
}
