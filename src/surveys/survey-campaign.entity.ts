import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../common/errors/error-messages';
import { UserEntity } from '../users/user.entity';
import type { CampaignStatus } from './domain/survey-fields';
import { SurveyTemplateEntity } from './survey-template.entity';

/** Which customers a campaign invites; every filter narrows, none given means every active customer. */
export interface CampaignFilters {
  /** The customer's region or a region under it (上海市 takes 上海市/浦东新区). */
  region?: string;
  kind?: 'person' | 'company';
  zone?: 'urban' | 'suburban' | 'rural';
  outletId?: string;
  /** Customers with a ticket closed on these dates (company time zone), both ends included. */
  closedFrom?: string;
  closedTo?: string;
}

/** A template sent to a filtered set of customers, by a background job; the counts come when it is done. */
@Entity('survey_campaigns')
@Index('ix_survey_campaigns_template', ['templateId', 'requestedAt'])
@Check('ck_survey_campaigns_status', `"status" IN ('queued','done')`)
@Check('ck_survey_campaigns_language', `"language" IN ('zh','en')`)
@Check('ck_survey_campaigns_max', `"max_invitations" BETWEEN 1 AND 5000`)
@Check('ck_survey_campaigns_done', `("status" = 'done') = ("finished_at" IS NOT NULL)`)
export class SurveyCampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => SurveyTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_survey_campaigns_template' })
  template?: SurveyTemplateEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filters!: CampaignFilters;

  /** At most this many invitations; customers beyond it are counted, not invited. */
  @Column({ type: 'integer' })
  maxInvitations!: number;

  @Column({ type: 'varchar', length: 2, default: 'zh' })
  language!: Language;

  @Column({ type: 'integer' })
  expiryDays!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: CampaignStatus;

  /** Customers the filters matched. */
  @Column({ type: 'integer', nullable: true })
  matched!: number | null;

  @Column({ type: 'integer', nullable: true })
  invited!: number | null;

  @Column({ type: 'integer', nullable: true })
  skippedNoEmail!: number | null;

  /** Customers with an email left out by the limit. */
  @Column({ type: 'integer', nullable: true })
  overLimit!: number | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_survey_campaigns_requested_by' })
  requester?: UserEntity;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
