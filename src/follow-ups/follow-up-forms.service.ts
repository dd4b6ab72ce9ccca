import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { ProductEntity } from '../catalog/product.entity';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Language } from '../common/errors/error-messages';
import { type RenderedForm, recordFormPrinted } from '../evidence/forms/form-printing';
import { toFollowUpDetailResponse } from './dto/follow-up-response.dto';
import { FollowUpEntity } from './follow-up.entity';
import { renderVisitForm } from './follow-up-form';
import { FollowUpsService } from './follow-ups.service';

/** The 回访记录 / 巡检记录 form of a visit: printed on request (audit-logged) and for the audit pack. */
@Injectable()
export class FollowUpFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The form of a visit the caller may see (another outlet's reads as missing). */
  async print(id: string, language: Language, context: RequestContext): Promise<RenderedForm> {
    const { number, kind, content } = await this.render(id, language, context.user, this.clock.now());
    await recordFormPrinted(this.audit, context, {
      entityType: 'follow_up',
      entityId: id,
      form: kind === 'inspection' ? 'inspection-record' : 'follow-up-record',
      language,
    });
    const title =
      language === 'en'
        ? kind === 'inspection'
          ? 'inspection-record'
          : 'follow-up-record'
        : kind === 'inspection'
          ? '巡检记录'
          : '回访记录';
    return { fileName: `${title}_${number}.pdf`, content };
  }

  async render(
    id: string,
    language: Language,
    viewer: AuthenticatedUser,
    printedAt: Date,
  ): Promise<{ number: string; kind: string; content: Readable }> {
    const dossier = await this.followUps.dossier(id, viewer);
    const { followUp } = dossier;
    const productId = followUp.ticket?.productId ?? followUp.asset?.productId ?? null;
    const [product, next] = await Promise.all([
      productId ? this.dataSource.getRepository(ProductEntity).findOneBy({ id: productId }) : null,
      dossier.nextId ? this.dataSource.getRepository(FollowUpEntity).findOneBy({ id: dossier.nextId }) : null,
    ]);
    const contact = followUp.ticket
      ? [followUp.ticket.contactName, followUp.ticket.contactPhone]
      : [followUp.customer.name, followUp.customer.phone];
    const content = renderVisitForm(
      toFollowUpDetailResponse(dossier, printedAt),
      {
        contact: contact.filter(Boolean).join(' '),
        productName: product?.name ?? null,
        serialNumber: followUp.ticket?.serialNumber ?? followUp.asset?.serialNumber ?? null,
        ticketOutcome: followUp.ticket?.outcome ?? null,
        nextNumber: next?.number ?? null,
      },
      {
        companyName: this.config.companyName,
        timeZone: this.config.companyTimeZone,
        language,
        printedAt,
      },
    );
    return { number: followUp.number, kind: followUp.kind, content };
  }
}
