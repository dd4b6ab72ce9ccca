import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { SurveyTemplateEntity } from './survey-template.entity';

/** The one row of survey settings: whether a closed ticket sends an invitation, with which template. */
@Entity('survey_settings')
@Check('ck_survey_settings_single', `"id" = 1`)
@Check('ck_survey_settings_expiry', `"expiry_days" BETWEEN 1 AND 365`)
@Check('ck_survey_settings_template', `NOT "invite_on_ticket_close" OR "template_id" IS NOT NULL`)
export class SurveySettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'boolean', default: false })
  inviteOnTicketClose!: boolean;

  @Column({ type: 'uuid', nullable: true })
  templateId!: string | null;

  @ManyToOne(() => SurveyTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_survey_settings_template' })
  template?: SurveyTemplateEntity;

  /** How long an invitation's link stays valid. */
  @Column({ type: 'integer', default: 30 })
  expiryDays!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_survey_settings_updated_by' })
  updater?: UserEntity;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
