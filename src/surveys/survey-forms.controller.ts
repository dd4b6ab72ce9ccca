import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { contentDisposition } from '../attachments/domain/download-headers';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { EXPORT_ROLES } from '../evidence/domain/export-jobs';
import { FormQueryDto } from '../evidence/forms/record-forms.controller';
import { SurveyFormsService } from './survey-forms.service';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence/forms/surveys')
export class SurveyFormsController {
  constructor(private readonly forms: SurveyFormsService) {}

  @Get(':responseId')
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'The 满意度调查表 of an answered survey as a PDF: survey, customer, job, scores and every answer (the id is responseId of /survey-invitations)',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiProduces('application/pdf')
  async survey(
    @Param('responseId', UuidParam('responseId')) responseId: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    const form = await this.forms.print(responseId, query.lang ?? 'zh', context);
    return new StreamableFile(form.content, {
      type: 'application/pdf',
      disposition: contentDisposition(form.fileName),
    });
  }
}
