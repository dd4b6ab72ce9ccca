import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../common/errors/error-messages';
import type { Answers } from './domain/survey-questions';
import { SurveyInvitationEntity } from './survey-invitation.entity';

/**
 * A customer's answers to one invitation (满意度调查答卷). The two scores the results count with are
 * kept beside the answers, so that the results' SQL never reads into the JSON for them.
 */
@Entity('survey_responses')
@Index('ix_survey_responses_answered_at', ['answeredAt'])
@Check('ck_survey_responses_csat', `"csat_score" IS NULL OR "csat_score" BETWEEN 1 AND 5`)
@Check('ck_survey_responses_nps', `"nps_score" IS NULL OR "nps_score" BETWEEN 0 AND 10`)
@Check('ck_survey_responses_language', `"language" IN ('zh','en')`)
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_survey_responses_invitation', { unique: true })
  @Column({ type: 'uuid' })
  invitationId!: string;

  @ManyToOne(() => SurveyInvitationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'fk_survey_responses_invitation' })
  invitation?: SurveyInvitationEntity;

  /** By question key: numbers for rating and NPS, option value or text otherwise. */
  @Column({ type: 'jsonb' })
  answers!: Answers;

  /** The overall satisfaction rating (the template's first rating question). */
  @Column({ type: 'smallint', nullable: true })
  csatScore!: number | null;

  /** The likelihood to recommend (the template's first NPS question). */
  @Column({ type: 'smallint', nullable: true })
  npsScore!: number | null;

  /** The language the customer answered in. */
  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  @Column({ type: 'timestamptz' })
  answeredAt!: Date;
}
