import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { DEFAULT_EXPIRY_DAYS } from './domain/survey-fields';
import { questionProblems, sameQuestions } from './domain/survey-questions';
import type { UpdateSurveySettingsDto } from './dto/survey-settings.dto';
import {
  type CreateSurveyTemplateDto,
  type ListSurveyTemplatesQueryDto,
  type UpdateSurveyTemplateDto,
  toLocalizedText,
  toSurveyQuestions,
} from './dto/survey-template.dto';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveySettingsEntity } from './survey-settings.entity';
import { SurveyTemplateEntity } from './survey-template.entity';

/** A template with the number of invitations sent with it (which fixes its questions). */
export interface TemplateWithUse {
  template: SurveyTemplateEntity;
  invitations: number;
}

const SETTINGS_ID = 1;

/** Survey templates (满意度调查表) and the survey settings. */
@Injectable()
export class SurveyTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(dto: CreateSurveyTemplateDto, context: RequestContext): Promise<TemplateWithUse> {
    const questions = toSurveyQuestions(dto.questions);
    const problems = questionProblems(questions);
    if (problems.length > 0) throw invalidFields(problems);
    return inTransaction(this.dataSource, async (tx) => {
      const repository = tx.getRepository(SurveyTemplateEntity);
      const title = toLocalizedText(dto.title);
      const intro = dto.intro ? toLocalizedText(dto.intro) : null;
      const template = await repository.save(
        repository.create({
          name: dto.name.trim(),
          titleZh: title.zh,
          titleEn: title.en,
          introZh: intro?.zh ?? null,
          introEn: intro?.en ?? null,
          questions,
          createdBy: context.user.id,
        }),
      );
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'survey.created',
        entityType: 'survey_template',
        entityId: template.id,
        changes: { name: template.name, questions: questions.map((q) => `${q.key}:${q.type}`) },
        requestId: context.requestId,
      });
      return { template, invitations: 0 };
    });
  }

  async list(query: ListSurveyTemplatesQueryDto): Promise<Page<TemplateWithUse>> {
    const q = this.dataSource.getRepository(SurveyTemplateEntity).createQueryBuilder('st');
    matchText(q, ['st.name', 'st.titleZh'], query.q);
    const page = await fetchPage(q.orderBy('st.createdAt', 'DESC').addOrderBy('st.id', 'ASC'), query);
    const counts = await this.invitationCounts(page.items.map((template) => template.id));
    return {
      ...page,
      items: page.items.map((template) => ({ template, invitations: counts.get(template.id) ?? 0 })),
    };
  }

  async get(id: string, tx: Tx = this.dataSource.manager): Promise<SurveyTemplateEntity> {
    const template = await tx.getRepository(SurveyTemplateEntity).findOneBy({ id });
    if (!template) throw new NotFoundError('survey', id);
    return template;
  }

  async withUse(id: string): Promise<TemplateWithUse> {
    const template = await this.get(id);
    return { template, invitations: (await this.invitationCounts([id])).get(id) ?? 0 };
  }

  /**
   * Edits a template. Its questions are fixed once an invitation has been sent (answers must read
   * against what the customer was asked): changing them then is refused with 409 RECORD_IN_USE, and
   * the manager creates a new template. The row lock orders the edit against an invitation being
   * created with the template at the same moment.
   */
  update(id: string, dto: UpdateSurveyTemplateDto, context: RequestContext): Promise<TemplateWithUse> {
    return inTransaction(this.dataSource, async (tx) => {
      const repository = tx.getRepository(SurveyTemplateEntity);
      const template = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!template) throw new NotFoundError('survey', id);
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== template.version) {
        throw new VersionConflictError('survey', id, dto.expectedVersion, template.version);
      }
      const invitations = await tx.getRepository(SurveyInvitationEntity).countBy({ templateId: id });
      const changes: Record<string, unknown> = {};
      const next: Partial<SurveyTemplateEntity> = {};
      if (dto.name !== undefined && dto.name.trim() !== template.name) {
        next.name = dto.name.trim();
        changes.name = { from: template.name, to: next.name };
      }
      if (dto.title !== undefined) {
        const title = toLocalizedText(dto.title);
        if (title.zh !== template.titleZh || title.en !== template.titleEn) {
          next.titleZh = title.zh;
          next.titleEn = title.en;
          changes.title = { from: { zh: template.titleZh, en: template.titleEn }, to: title };
        }
      }
      if (dto.intro !== undefined) {
        const intro = dto.intro === null ? null : toLocalizedText(dto.intro);
        if ((intro?.zh ?? null) !== template.introZh || (intro?.en ?? null) !== template.introEn) {
          next.introZh = intro?.zh ?? null;
          next.introEn = intro?.en ?? null;
          changes.intro = {
            from: template.introZh === null ? null : { zh: template.introZh, en: template.introEn },
            to: intro,
          };
        }
      }
      if (dto.questions !== undefined) {
        const questions = toSurveyQuestions(dto.questions);
        const problems = questionProblems(questions);
        if (problems.length > 0) throw invalidFields(problems);
        if (!sameQuestions(questions, template.questions)) {
          if (invitations > 0) {
            throw new DomainError(
              'RECORD_IN_USE',
              `The survey has been sent ${invitations} times; its questions can no longer change. Create a new survey instead`,
              { field: 'questions', invitations },
              `该调查表已发出 ${invitations} 份邀请，题目不能再修改；请新建调查表`,
            );
          }
          next.questions = questions;
          changes.questions = {
            from: template.questions.map((q) => `${q.key}:${q.type}`),
            to: questions.map((q) => `${q.key}:${q.type}`),
          };
        }
      }
      if (Object.keys(changes).length === 0) return { template, invitations };
      await repository.update({ id }, { ...next, version: template.version + 1 });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'survey.updated',
        entityType: 'survey_template',
        entityId: id,
        changes,
        requestId: context.requestId,
      });
      return { template: await repository.findOneByOrFail({ id }), invitations };
    });
  }

  private async invitationCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(SurveyInvitationEntity)
      .createQueryBuilder('i')
      .select('i.templateId', 'templateId')
      .addSelect('count(*)::int', 'n')
      .where({ templateId: In(ids) })
      .groupBy('i.templateId')
      .getRawMany<{ templateId: string; n: number }>();
    return new Map(rows.map((row) => [row.templateId, row.n]));
  }

  /** The one settings row, with its template. */
  async settings(tx: Tx = this.dataSource.manager): Promise<SurveySettingsEntity> {
    return tx
      .getRepository(SurveySettingsEntity)
      .findOneOrFail({ where: { id: SETTINGS_ID }, relations: { template: true } });
  }

  updateSettings(dto: UpdateSurveySettingsDto, context: RequestContext): Promise<SurveySettingsEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const repository = tx.getRepository(SurveySettingsEntity);
      const current = await repository.findOne({
        where: { id: SETTINGS_ID },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new Error('survey_settings has no row: run the migrations');
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== current.version) {
        throw new VersionConflictError(
          'survey settings',
          String(SETTINGS_ID),
          dto.expectedVersion,
          current.version,
        );
      }
      const templateId = dto.templateId ?? null;
      if (dto.inviteOnTicketClose && templateId === null) {
        throw invalidFields([
          { field: 'templateId', problems: ['templateId is required when inviteOnTicketClose is true'] },
        ]);
      }
      if (
        templateId !== null &&
        (await tx.getRepository(SurveyTemplateEntity).countBy({ id: templateId })) === 0
      ) {
        throw invalidFields([{ field: 'templateId', problems: ['templateId must be a survey template'] }]);
      }
      const next = {
        inviteOnTicketClose: dto.inviteOnTicketClose,
        templateId,
        expiryDays: dto.expiryDays ?? DEFAULT_EXPIRY_DAYS,
      };
      const changes: Record<string, unknown> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] !== current[key]) changes[key] = { from: current[key], to: next[key] };
      }
      if (Object.keys(changes).length > 0) {
        await repository.update(
          { id: SETTINGS_ID },
          { ...next, version: current.version + 1, updatedBy: context.user.id },
        );
        await this.audit.append(tx, {
          actor: auditActor(context),
          action: 'survey_settings.updated',
          entityType: 'survey_settings',
          entityId: null,
          changes,
          requestId: context.requestId,
        });
      }
      return this.settings(tx);
    });
  }
}
