import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { assertOutletVisible } from '../auth/outlet-scope.query';
import { calendarDate } from '../common/calendar';
import { NotFoundError } from '../common/errors/domain-error';
import { type FormKind, type RecordForm, RecordFormService } from '../evidence/forms/form-printing';
import type { RecordFormContext } from '../evidence/pdf/form-layout';
import { SurveyResponseEntity } from './survey-response.entity';
import { renderSurveyForm } from './survey-form';

const SURVEY_FORM: FormKind = {
  entityType: 'survey_response',
  form: 'survey',
  fileTitle: { zh: '满意度调查表', en: 'survey' },
};

/** The 满意度调查表 of an answered survey: printed on request (audit-logged) and for the audit pack. */
@Injectable()
export class SurveyFormsService extends RecordFormService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super(['surveys']);
  }

  /**
   * The form of a response the viewer may see (another outlet's reads as missing). Its number, which
   * names the file, is the customer's code and the day of the answer.
   */
  async render(
    responseId: string,
    viewer: AuthenticatedUser,
    context: RecordFormContext,
  ): Promise<RecordForm> {
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
      context,
    );
    const day = calendarDate(response.answeredAt, context.timeZone);
    return {
      kind: SURVEY_FORM,
      number: `${invitation.customer.code}_${day}_${response.id.slice(0, 8)}`,
      content,
    };
  }
}
