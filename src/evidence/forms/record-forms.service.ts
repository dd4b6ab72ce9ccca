import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AttachmentsService } from '../../attachments/attachments.service';
import type { RequestContext } from '../../auth/authenticated-user';
import { AuditService, auditActor } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import type { Language } from '../../common/errors/error-messages';
import { toTicketDetailResponse } from '../../tickets/dto/ticket-response.dto';
import { TicketsService } from '../../tickets/tickets.service';
import { renderRepairRecordForm } from './repair-record-form';

/** Image types pdfkit can place on a form; a signature in any other format is named, not drawn. */
const DRAWABLE_IMAGES = ['image/png', 'image/jpeg'];
/** A signature larger than this is not read into memory to be drawn. */
const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;

export interface RenderedForm {
  fileName: string;
  content: Readable;
}

/** Record forms (记录单) as auditors read them: one PDF per record, printed on request and audit-logged. */
@Injectable()
export class RecordFormsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The 维修记录单 of a ticket the caller may see (another outlet's ticket reads as missing). */
  async repairRecord(ticketId: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const now = this.clock.now();
    const ticket = toTicketDetailResponse(
      await this.tickets.dossier(ticketId, context.user),
      now,
      this.config.companyTimeZone,
    );
    const signatureId = ticket.confirmation?.signatureAttachmentId ?? null;
    const signature = signatureId ? await this.signatureImage(signatureId, context) : null;
    const content = renderRepairRecordForm(
      ticket,
      {
        companyName: this.config.companyName,
        timeZone: this.config.companyTimeZone,
        language,
        printedAt: now,
      },
      signature,
    );
    await this.audit.appendAlone({
      actor: auditActor(context),
      action: 'evidence.form_printed',
      entityType: 'ticket',
      entityId: ticketId,
      changes: { form: 'repair-record', language },
      requestId: context.requestId,
    });
    const title = language === 'en' ? 'repair-record' : '维修记录单';
    return { fileName: `${title}_${ticket.number}.pdf`, content };
  }

  private async signatureImage(attachmentId: string, context: RequestContext): Promise<Buffer | null> {
    const { attachment, content } = await this.attachments.open(attachmentId, context.user);
    if (!DRAWABLE_IMAGES.includes(attachment.contentType) || attachment.sizeBytes > SIGNATURE_MAX_BYTES) {
      content.destroy();
      return null;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
