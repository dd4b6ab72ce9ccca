import { Injectable, Param, Query, StreamableFile } from '@nestjs/common';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { Ctx } from '../auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { FormEndpoint, FormQueryDto, FormsController, pdfDownload } from '../evidence/forms/form-endpoint';
import { type FormKind, type RecordForm, RecordFormService } from '../evidence/forms/form-printing';
import type { RecordFormContext } from '../evidence/pdf/form-layout';
import { renderComplaintForm } from './complaint-form';
import { ComplaintsService } from './complaints.service';
import { toComplaintDetailResponse } from './dto/complaint-response.dto';

const COMPLAINT_RECORD: FormKind = {
  entityType: 'complaint',
  form: 'complaint-record',
  fileTitle: { zh: '投诉记录', en: 'complaint-record' },
};

/** The 投诉记录 form of a complaint: printed on request (audit-logged) and into the audit pack's samples. */
@Injectable()
export class ComplaintFormsService extends RecordFormService {
  constructor(private readonly complaints: ComplaintsService) {
    super(['complaints']);
  }

  async render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm> {
    const complaint = toComplaintDetailResponse(
      await this.complaints.dossier(id, viewer),
      context.printedAt,
      context.timeZone,
    );
    return {
      kind: COMPLAINT_RECORD,
      number: complaint.number,
      content: renderComplaintForm(complaint, context),
    };
  }
}

@FormsController()
export class ComplaintFormsController {
  constructor(private readonly forms: ComplaintFormsService) {}

  @FormEndpoint(
    'complaints/:id',
    'The 投诉记录 of a complaint as a PDF: the complaint, deadlines met or missed, escalations, root cause, remedy, corrective action, whether the customer accepted, history',
  )
  async complaintRecord(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.forms.print(id, query.lang ?? 'zh', context));
  }
}
