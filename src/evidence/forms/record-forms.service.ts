import type { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AttachmentsService } from '../../attachments/attachments.service';
import type { AuthenticatedUser, RequestContext } from '../../auth/authenticated-user';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import type { Language } from '../../common/errors/error-messages';
import { toTicketDetailResponse } from '../../tickets/dto/ticket-response.dto';
import { TicketsService } from '../../tickets/tickets.service';
import { EvidenceForms } from '../pack/evidence-forms';
import { PACK_READER, type RenderedForm, recordFormPrinted } from './form-printing';
import { renderRepairRecordForm } from './repair-record-form';

/** Image types pdfkit can place on a form; a signature in any other format is named, not drawn. */
const DRAWABLE_IMAGES = ['image/png', 'image/jpeg'];
/** A signature larger than this is not read into memory to be drawn. */
const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;

/** Record forms (记录单) as auditors read them: one PDF per record, printed on request and audit-logged. */
@Injectable()
export class RecordFormsService implements OnModuleInit {
  constructor(
    private readonly tickets: TicketsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly packForms: EvidenceForms,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // The pack's export.completed entry, with the ZIP's hash, records these printings.
    this.packForms.register({
      code: 'repair-records',
      render: (ticketId, language, printedAt) =>
        this.renderRepairRecord(ticketId, language, PACK_READER, printedAt),
    });
  }

  /** The 维修记录单 of a ticket the caller may see (another outlet's ticket reads as missing). */
  async repairRecord(ticketId: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const { number, content } = await this.renderRepairRecord(
      ticketId,
      language,
      context.user,
      this.clock.now(),
    );
    await recordFormPrinted(this.audit, context, {
      entityType: 'ticket',
      entityId: ticketId,
      form: 'repair-record',
      language,
    });
    const title = language === 'en' ? 'repair-record' : '维修记录单';
    return { fileName: `${title}_${number}.pdf`, content };
  }

  private async renderRepairRecord(
    ticketId: string,
    language: Language,
    viewer: AuthenticatedUser,
    printedAt: Date,
  ): Promise<{ number: string; content: Readable }> {
    const ticket = toTicketDetailResponse(
      await this.tickets.dossier(ticketId, viewer),
      printedAt,
      this.config.companyTimeZone,
    );
    const signatureId = ticket.confirmation?.signatureAttachmentId ?? null;
    const signature = signatureId ? await this.signatureImage(signatureId, viewer) : null;
    const content = renderRepairRecordForm(
      ticket,
      {
        companyName: this.config.companyName,
        timeZone: this.config.companyTimeZone,
        language,
        printedAt,
      },
      signature,
    );
    return { number: ticket.number, content };
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
