import type { Readable } from 'node:stream';
import { Controller, Get, Inject, Injectable, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { contentDisposition } from '../attachments/domain/download-headers';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Language } from '../common/errors/error-messages';
import { UuidParam } from '../common/http/uuid-param';
import { EXPORT_ROLES } from '../evidence/domain/export-jobs';
import { FormQueryDto } from '../evidence/forms/record-forms.controller';
import { type RenderedForm, recordFormPrinted } from '../evidence/forms/form-printing';
import { toReturnDetailResponse } from './dto/return-response.dto';
import { renderReturnRecordForm } from './return-record-form';
import { ReturnsService } from './returns.service';

/** The 返修记录单 of returned goods: printed on request (audit-logged) and for the audit pack's samples. */
@Injectable()
export class ReturnFormsService {
  constructor(
    private readonly returns: ReturnsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async print(id: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const { number, content } = await this.render(id, language, context.user, this.clock.now());
    await recordFormPrinted(this.audit, context, {
      entityType: 'return',
      entityId: id,
      form: 'return-record',
      language,
    });
    const title = language === 'en' ? 'returned-goods-record' : '返修记录单';
    return { fileName: `${title}_${number}.pdf`, content };
  }

  /** The form of a record as the reader may see it (another outlet's reads as missing). */
  async render(
    id: string,
    language: Language,
    viewer: AuthenticatedUser,
    printedAt: Date,
  ): Promise<{ number: string; content: Readable }> {
    const zone = this.config.companyTimeZone;
    const record = toReturnDetailResponse(await this.returns.dossier(id, viewer), printedAt, zone);
    const content = renderReturnRecordForm(record, {
      companyName: this.config.companyName,
      timeZone: zone,
      language,
      printedAt,
    });
    return { number: record.number, content };
  }
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence/forms')
export class ReturnFormsController {
  constructor(private readonly forms: ReturnFormsService) {}

  @Get('returns/:id')
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'The 返修记录单 of returned goods as a PDF: items and labels, inspection, hand-over, vendor, chases, customer notice, outcome, history',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiProduces('application/pdf')
  async returnRecord(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    const form = await this.forms.print(id, query.lang ?? 'zh', context);
    return new StreamableFile(form.content, {
      type: 'application/pdf',
      disposition: contentDisposition(form.fileName),
    });
  }
}
