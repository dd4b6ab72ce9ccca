import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '../../attachments/attachments.service';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { toTicketDetailResponse } from '../../tickets/dto/ticket-response.dto';
import { TicketsService } from '../../tickets/tickets.service';
import type { RecordFormContext } from '../pdf/form-layout';
import { type FormKind, type RecordForm, RecordFormService } from './form-printing';
import { renderRepairRecordForm } from './repair-record-form';

/** Image types pdfkit can place on a form; a signature in any other format is named, not drawn. */
const DRAWABLE_IMAGES = ['image/png', 'image/jpeg'];
/** A signature larger than this is not read into memory to be drawn. */
const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;

const REPAIR_RECORD: FormKind = {
  entityType: 'ticket',
  form: 'repair-record',
  fileTitle: { zh: '维修记录单', en: 'repair-record' },
};

/** The 维修记录单 of a ticket: printed on request (audit-logged) and for the audit pack's samples. */
@Injectable()
export class RecordFormsService extends RecordFormService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly attachments: AttachmentsService,
  ) {
    super(['repair-records']);
  }

  async render(ticketId: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm> {
    const ticket = toTicketDetailResponse(
      await this.tickets.dossier(ticketId, viewer),
      context.printedAt,
      context.timeZone,
    );
    const signatureId = ticket.confirmation?.signatureAttachmentId ?? null;
    const signature = signatureId ? await this.signatureImage(signatureId, viewer) : null;
    return {
      kind: REPAIR_RECORD,
      number: ticket.number,
      content: renderRepairRecordForm(ticket, context, signature),
    };
  }

  private async signatureImage(attachmentId: string, viewer: AuthenticatedUser): Promise<Buffer | null> {
    const { attachment, content } = await this.attachments.open(attachmentId, viewer);
    if (!DRAWABLE_IMAGES.includes(attachment.contentType) || attachment.sizeBytes > SIGNATURE_MAX_BYTES) {
      content.destroy();
      return null;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
