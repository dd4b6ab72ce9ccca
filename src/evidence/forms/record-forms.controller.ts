import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { contentDisposition } from '../../attachments/domain/download-headers';
import type { RequestContext } from '../../auth/authenticated-user';
import { Ctx, Roles } from '../../auth/decorators';
import type { Language } from '../../common/errors/error-messages';
import { UuidParam } from '../../common/http/uuid-param';
import { EXPORT_ROLES } from '../domain/export-jobs';
import { RecordFormsService } from './record-forms.service';

export class FormQueryDto {
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Language;
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence/forms')
export class RecordFormsController {
  constructor(private readonly forms: RecordFormsService) {}

  @Get('repair-records/:ticketId')
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'The 维修记录单 of a ticket as a PDF: customer and product, deadlines, diagnosis, work and parts, charges, confirmation with signature, history',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiProduces('application/pdf')
  async repairRecord(
    @Param('ticketId', UuidParam('ticketId')) ticketId: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    const form = await this.forms.repairRecord(ticketId, query.lang ?? 'zh', context);
    return new StreamableFile(form.content, {
      type: 'application/pdf',
      disposition: contentDisposition(form.fileName),
    });
  }
}
