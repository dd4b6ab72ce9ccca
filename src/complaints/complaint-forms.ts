import {
  Controller,
  Get,
  Inject,
  Injectable,
  OnModuleInit,
  Param,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
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
import { PACK_READER, type RenderedForm, recordFormPrinted } from '../evidence/forms/form-printing';
import { FormQueryDto } from '../evidence/forms/record-forms.controller';
import { EvidenceForms } from '../evidence/pack/evidence-forms';
import { renderComplaintForm } from './complaint-form';
import { ComplaintsService } from './complaints.service';
import { toComplaintDetailResponse } from './dto/complaint-response.dto';

/** The 投诉记录 form of a complaint: printed on request (audit-logged) and into the audit pack's samples. */
@Injectable()
export class ComplaintFormsService implements OnModuleInit {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly packForms: EvidenceForms,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // The pack's export.completed entry, with the ZIP's hash, records these printings.
    this.packForms.register({
      code: 'complaints',
      render: (id, language, printedAt) => this.render(id, language, PACK_READER, printedAt),
    });
  }

  /** The form of a complaint the caller may see (another outlet's reads as missing). */
  async print(id: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const { number, content } = await this.render(id, language, context.user, this.clock.now());
    await recordFormPrinted(this.audit, context, {
      entityType: 'complaint',
      entityId: id,
      form: 'complaint-record',
      language,
    });
    const title = language === 'en' ? 'complaint-record' : '投诉记录';
    return { fileName: `${title}_${number}.pdf`, content };
  }

  private async render(
    id: string,
    language: Language,
    viewer: AuthenticatedUser,
    printedAt: Date,
  ): Promise<{ number: string; content: Readable }> {
    const complaint = toComplaintDetailResponse(
      await this.complaints.dossier(id, viewer),
      printedAt,
      this.config.companyTimeZone,
    );
    const content = renderComplaintForm(complaint, {
      companyName: this.config.companyName,
      timeZone: this.config.companyTimeZone,
      language,
      printedAt,
    });
    return { number: complaint.number, content };
  }
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence/forms')
export class ComplaintFormsController {
  constructor(private readonly forms: ComplaintFormsService) {}

  @Get('complaints/:id')
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'The 投诉记录 of a complaint as a PDF: the complaint, deadlines met or missed, escalations, root cause, remedy, corrective action, whether the customer accepted, history',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiProduces('application/pdf')
  async complaintRecord(
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
