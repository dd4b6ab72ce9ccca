import { Param, Query, StreamableFile } from '@nestjs/common';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx } from '../auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { FormEndpoint, FormQueryDto, FormsController, pdfDownload } from '../evidence/forms/form-endpoint';
import { SurveyFormsService } from './survey-forms.service';

@FormsController()
export class SurveyFormsController {
  constructor(private readonly forms: SurveyFormsService) {}

  @FormEndpoint(
    'surveys/:responseId',
    'The 满意度调查表 of an answered survey as a PDF: survey, customer, job, scores and every answer (the id is responseId of /survey-invitations)',
  )
  async survey(
    @Param('responseId', UuidParam('responseId')) responseId: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.forms.print(responseId, query.lang ?? 'zh', context));
  }
}
