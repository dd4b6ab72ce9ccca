import { Injectable, Param, Query, StreamableFile } from '@nestjs/common';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { Ctx } from '../auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { FormEndpoint, FormQueryDto, FormsController, pdfDownload } from '../evidence/forms/form-endpoint';
import { type FormKind, type RecordForm, RecordFormService } from '../evidence/forms/form-printing';
import type { RecordFormContext } from '../evidence/pdf/form-layout';
import { toReturnDetailResponse } from './dto/return-response.dto';
import { renderReturnRecordForm } from './return-record-form';
import { ReturnsService } from './returns.service';

const RETURN_RECORD: FormKind = {
  entityType: 'return',
  form: 'return-record',
  fileTitle: { zh: '返修记录单', en: 'returned-goods-record' },
};

/** The 返修记录单 of returned goods: printed on request (audit-logged) and for the audit pack's samples. */
@Injectable()
export class ReturnFormsService extends RecordFormService {
  constructor(private readonly returns: ReturnsService) {
    super(['returns']);
  }

  async render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm> {
    const record = toReturnDetailResponse(
      await this.returns.dossier(id, viewer),
      context.printedAt,
      context.timeZone,
    );
    return { kind: RETURN_RECORD, number: record.number, content: renderReturnRecordForm(record, context) };
  }
}

@FormsController()
export class ReturnFormsController {
  constructor(private readonly forms: ReturnFormsService) {}

  @FormEndpoint(
    'returns/:id',
    'The 返修记录单 of returned goods as a PDF: items and labels, inspection, hand-over, vendor, chases, customer notice, outcome, history',
  )
  async returnRecord(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.forms.print(id, query.lang ?? 'zh', context));
  }
}
