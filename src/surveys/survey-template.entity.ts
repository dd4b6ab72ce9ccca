import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { SurveyQuestion } from './domain/survey-fields';

/**
 * A survey template (满意度调查表): what the customer is asked. Its questions are fixed once an
 * invitation has gone out, so every answer reads against the questions the customer saw.
 */
@Entity('survey_templates')
@Index('ix_survey_templates_created_at', ['createdAt'])
export class SurveyTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The staff's name for it; customers see the title. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  titleZh!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  titleEn!: string | null;

  @Column({ type: 'text', nullable: true })
  introZh!: string | null;

  @Column({ type: 'text', nullable: true })
  introEn!: string | null;

  @Column({ type: 'jsonb' })
  questions!: SurveyQuestion[];

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_survey_templates_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
