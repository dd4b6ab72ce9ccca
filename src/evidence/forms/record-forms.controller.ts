import { Param, Query, StreamableFile } from '@nestjs/common';
import type { RequestContext } from '../../auth/authenticated-user';
import { Ctx } from '../../auth/decorators';
import { UuidParam } from '../../common/http/uuid-param';
import { FormEndpoint, FormQueryDto, FormsController, pdfDownload } from './form-endpoint';
import { RecordFormsService } from './record-forms.service';

@FormsController()
export class RecordFormsController {
  constructor(private readonly forms: RecordFormsService) {}

  @FormEndpoint(
    'repair-records/:ticketId',
    'The 维修记录单 of a ticket as a PDF: customer and product, deadlines, diagnosis, work and parts, charges, confirmation with signature, history',
  )
  async repairRecord(
    @Param('ticketId', UuidParam('ticketId')) ticketId: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.forms.print(ticketId, query.lang ?? 'zh', context));
  }
}
