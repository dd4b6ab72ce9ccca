import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuditActor, AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { inTransaction } from '../../common/database/transaction';
import { DomainError } from '../../common/errors/domain-error';
import type { Language } from '../../common/errors/error-messages';
import { invalidFields } from '../../common/errors/validation-errors';
import { SCALES, localized } from '../domain/survey-fields';
import { checkAnswers, responseScores } from '../domain/survey-questions';
import { looksLikeSurveyToken, surveyTokenHash } from '../domain/survey-token';
import type {
  AnswerSurveyDto,
  PublicSurveyQuestion,
  PublicSurveyResponse,
  SurveyAnsweredResponse,
} from '../dto/public-survey.dto';
import { SurveyInvitationEntity } from '../survey-invitation.entity';
import { SurveyResponseEntity } from '../survey-response.entity';

/** Who answered, as the audit trail records it: the holder of the link, not a user. */
const RESPONDENT: AuditActor = { id: null, username: 'survey-respondent' };

/**
 * The one answer to a link that cannot be used: unknown, expired and already answered read exactly
 * alike (code, message, no details), so the page tells a guesser nothing.
 */
function unusableLink(): DomainError {
  return new DomainError(
    'NOT_FOUND',
    'This survey link is not valid. It may have expired or already been used.',
    undefined,
    '该调查链接无效，可能已过期或已提交。',
  );
}

/** The answer page of an invitation (no login): shows the survey, takes one answer. */
@Injectable()
export class PublicSurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(token: string, lang: Language | undefined): Promise<PublicSurveyResponse> {
    const invitation = await this.usable(token);
    const template = invitation.template;
    if (!template) throw unusableLink();
    const language = lang ?? invitation.language;
    return {
      language,
      companyName: this.config.companyName,
      title: localized({ zh: template.titleZh, en: template.titleEn }, language),
      intro:
        template.introZh === null
          ? null
          : localized({ zh: template.introZh, en: template.introEn }, language),
      expiresAt: invitation.expiresAt.toISOString(),
      questions: template.questions.map((question): PublicSurveyQuestion => {
        const shown: PublicSurveyQuestion = {
          key: question.key,
          type: question.type,
          prompt: localized(question.prompt, language),
          required: question.required,
        };
        if (question.type === 'rating' || question.type === 'nps')
          Object.assign(shown, SCALES[question.type]);
        if (question.type === 'choice') {
          shown.options = (question.options ?? []).map((option) => ({
            value: option.value,
            label: localized(option.label, language),
          }));
        }
        return shown;
      }),
    };
  }

  /**
   * Records the answers once. They are judged against the template (400 naming `answers.<key>`)
   * only for a usable link; the answer is then claimed with a compare-and-set on the invitation
   * (unanswered and unexpired), so of two answers sent at the same moment exactly one is kept and the
   * other gets the same refusal as a used link.
   */
  async answer(token: string, dto: AnswerSurveyDto): Promise<SurveyAnsweredResponse> {
    const invitation = await this.usable(token);
    const questions = invitation.template?.questions ?? [];
    const { answers, problems } = checkAnswers(questions, dto.answers);
    if (problems.length > 0) throw invalidFields(problems);
    const scores = responseScores(questions, answers);
    const language = dto.lang ?? invitation.language;
    await inTransaction(this.dataSource, async (tx) => {
      const now = this.clock.now();
      const claimed = await tx
        .createQueryBuilder()
        .update(SurveyInvitationEntity)
        .set({ answeredAt: now })
        .where('id = :id AND answered_at IS NULL AND expires_at > :now', { id: invitation.id, now })
        .execute();
      if (claimed.affected !== 1) throw unusableLink();
      const response = await tx.getRepository(SurveyResponseEntity).save(
        tx.getRepository(SurveyResponseEntity).create({
          invitationId: invitation.id,
          answers,
          csatScore: scores.csat,
          npsScore: scores.nps,
          language,
          answeredAt: now,
        }),
      );
      await this.audit.append(tx, {
        actor: RESPONDENT,
        action: 'survey_invitation.answered',
        entityType: 'survey_invitation',
        entityId: invitation.id,
        changes: { responseId: response.id, csatScore: scores.csat, npsScore: scores.nps },
      });
    });
    return {
      status: 'answered',
      message: language === 'en' ? 'Thank you for your feedback.' : '感谢您的评价！',
    };
  }

  /** The invitation of a link that can still be answered, or the neutral refusal. */
  private async usable(token: string): Promise<SurveyInvitationEntity> {
    if (!looksLikeSurveyToken(token)) throw unusableLink();
    const invitation = await this.dataSource
      .getRepository(SurveyInvitationEntity)
      .findOne({ where: { tokenHash: surveyTokenHash(token) }, relations: { template: true } });
    const now = this.clock.now();
    if (!invitation || invitation.answeredAt !== null || invitation.expiresAt.getTime() <= now.getTime()) {
      throw unusableLink();
    }
    return invitation;
  }
}
