import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProductEntity } from '../catalog/product.entity';
import { type FormKind, type RecordForm, RecordFormService } from '../evidence/forms/form-printing';
import type { RecordFormContext } from '../evidence/pdf/form-layout';
import { toFollowUpDetailResponse } from './dto/follow-up-response.dto';
import { FollowUpEntity } from './follow-up.entity';
import { renderVisitForm } from './follow-up-form';
import { FollowUpsService } from './follow-ups.service';

const FOLLOW_UP_RECORD: FormKind = {
  entityType: 'follow_up',
  form: 'follow-up-record',
  fileTitle: { zh: '回访记录', en: 'follow-up-record' },
};
const INSPECTION_RECORD: FormKind = {
  entityType: 'follow_up',
  form: 'inspection-record',
  fileTitle: { zh: '巡检记录', en: 'inspection-record' },
};

/** The 回访记录 / 巡检记录 form of a visit: printed on request (audit-logged) and for the audit pack. */
@Injectable()
export class FollowUpFormsService extends RecordFormService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsService,
  ) {
    // Both evidence types are visits: the pack prints either on the form of the visit's kind.
    super(['follow-ups', 'inspections']);
  }

  /** The form of a visit the viewer may see (another outlet's reads as missing). */
  async render(id: string, viewer: AuthenticatedUser, context: RecordFormContext): Promise<RecordForm> {
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
      toFollowUpDetailResponse(dossier, context.printedAt),
      {
        contact: contact.filter(Boolean).join(' '),
        productName: product?.name ?? null,
        serialNumber: followUp.ticket?.serialNumber ?? followUp.asset?.serialNumber ?? null,
        ticketOutcome: followUp.ticket?.outcome ?? null,
        nextNumber: next?.number ?? null,
      },
      context,
    );
    const kind = followUp.kind === 'inspection' ? INSPECTION_RECORD : FOLLOW_UP_RECORD;
    return { kind, number: followUp.number, content };
  }
}
