import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { assertOutletVisible } from '../auth/outlet-scope.query';
import { AuditService } from '../audit/audit.service';
import { calendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { NotFoundError } from '../common/errors/domain-error';
import type { Language } from '../common/errors/error-messages';
import { type RenderedForm, recordFormPrinted } from '../evidence/forms/form-printing';
import { SurveyResponseEntity } from './survey-response.entity';
import { renderSurveyForm } from './survey-form';

/** The 满意度调查表 of an answered survey: printed on request (audit-logged) and for the audit pack. */
@Injectable()
export class SurveyFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async print(responseId: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const { number, content } = await this.render(responseId, language, context.user, this.clock.now());
    await recordFormPrinted(this.audit, context, {
      entityType: 'survey_response',
      entityId: responseId,
      form: 'survey',
      language,
    });
    const title = language === 'en' ? 'survey' : '满意度调查表';
    return { fileName: `${title}_${number}.pdf`, content };
  }

  /**
   * The form of a response the viewer may see (another outlet's reads as missing). Its number, which
   * names the file, is the customer's code and the day of the answer.
   */
  async render(
    responseId: string,
    language: Language,
    viewer: AuthenticatedUser,
    printedAt: Date,
  ): Promise<{ number: string; content: Readable }> {
    const response = await this.dataSource.getRepository(SurveyResponseEntity).findOne({
      where: { id: responseId },
      relations: {
        invitation: { template: true, customer: true, ticket: true, outlet: true, technician: true },
      },
    });
    const invitation = response?.invitation;
    if (!response || !invitation?.template || !invitation.customer) {
      throw new NotFoundError('survey response', responseId);
    }
    assertOutletVisible(viewer, 'survey response', responseId, invitation.outletId);
    const template = invitation.template;
    const content = renderSurveyForm(
      {
        surveyName: template.name,
        title: { zh: template.titleZh, en: template.titleEn },
        source: invitation.source,
        customer: { code: invitation.customer.code, name: invitation.customer.name },
        ticketNumber: invitation.ticket?.number ?? null,
        outletName: invitation.outlet?.name ?? null,
        technicianName: invitation.technician?.displayName ?? null,
        productCategory: invitation.productCategory,
        sentAt: invitation.sentAt,
        expiresAt: invitation.expiresAt,
        answeredAt: response.answeredAt,
        language: response.language,
        questions: template.questions,
        answers: response.answers,
        csatScore: response.csatScore,
        npsScore: response.npsScore,
      },
      {
        companyName: this.config.companyName,
        timeZone: this.config.companyTimeZone,
        language,
        printedAt,
      },
    );
    const day = calendarDate(response.answeredAt, this.config.companyTimeZone);
    return { number: `${invitation.customer.code}_${day}_${response.id.slice(0, 8)}`, content };
  }
}
