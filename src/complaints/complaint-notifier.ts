import { Inject, Injectable } from '@nestjs/common';
import { formatDateTime } from '../common/calendar';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Tx } from '../common/database/transaction';
import type { MailTemplate } from '../common/mail/mail-templates';
import { NotificationService } from '../common/mail/notification.service';
import { UsersService } from '../users/users.service';
import { ComplaintEntity } from './complaint.entity';
import type { ComplaintEscalationEntity } from './complaint-escalation.entity';
import {
  COMPLAINT_CATEGORY_NAMES,
  COMPLAINT_SEVERITY_NAMES,
  COMPLAINT_STATUS_NAMES,
  COMPLAINT_STEP_NAMES,
} from './domain/complaint-fields';

interface Recipient {
  displayName: string;
  email: string;
}

/**
 * Tells the managers about complaints by mail: a major one the moment it is registered, and every
 * escalation. The managers are those who may see the complaint: head office's, and the complaint's
 * outlet's own. Every message is recorded (客户通知记录) with the complaint as its subject.
 */
@Injectable()
export class ComplaintNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The managers a complaint's alerts go to, each once. */
  async managersOf(complaint: Pick<ComplaintEntity, 'outletId'>): Promise<Recipient[]> {
    const recipients = await this.users.mailRecipients('manager', complaint.outletId);
    return [...new Map(recipients.map((recipient) => [recipient.email, recipient])).values()];
  }

  /** Mails the managers of a major complaint just registered; answers how many were told. */
  async majorReceived(tx: Tx, complaintId: string, requestId: string | null): Promise<number> {
    const complaint = await this.load(tx, complaintId);
    const recipients = await this.managersOf(complaint);
    return this.mailManagers(tx, complaint, recipients, 'complaint-major', requestId, {
      ticket: complaint.ticket?.number ?? '无',
      receivedAt: this.at(complaint.receivedAt),
      acknowledgeDueAt: this.at(complaint.acknowledgeDueAt),
      resolveDueAt: this.at(complaint.resolveDueAt),
    });
  }

  /** Mails an escalation to the managers found for it (managersOf); answers how many were told. */
  async escalated(
    tx: Tx,
    complaintId: string,
    escalation: Pick<ComplaintEscalationEntity, 'step' | 'trigger' | 'dueAt' | 'reason'>,
    actorName: string | null,
    recipients: readonly Recipient[],
    requestId: string | null,
  ): Promise<number> {
    const complaint = await this.load(tx, complaintId);
    return this.mailManagers(tx, complaint, recipients, 'complaint-escalated', requestId, {
      trigger: escalation.trigger,
      step: COMPLAINT_STEP_NAMES[escalation.step],
      dueAt: this.at(escalation.dueAt),
      reason: escalation.reason ?? '',
      actor: actorName ?? '系统',
      status: COMPLAINT_STATUS_NAMES[complaint.status],
      severity: COMPLAINT_SEVERITY_NAMES[complaint.severity],
    });
  }

  private async mailManagers(
    tx: Tx,
    complaint: ComplaintEntity,
    recipients: readonly Recipient[],
    template: MailTemplate,
    requestId: string | null,
    params: Record<string, string>,
  ): Promise<number> {
    for (const recipient of recipients) {
      await this.notifications.queueMail(tx, {
        to: recipient.email,
        template,
        params: {
          recipientName: recipient.displayName,
          number: complaint.number,
          customer: complaint.customer?.name ?? '',
          category: COMPLAINT_CATEGORY_NAMES[complaint.category],
          outlet: complaint.outlet?.name ?? '总部',
          technician: complaint.technician?.displayName ?? '无',
          description: complaint.description,
          ...params,
        },
        related: { type: 'complaint', id: complaint.id },
        requestId,
      });
    }
    return recipients.length;
  }

  private load(tx: Tx, id: string): Promise<ComplaintEntity> {
    return tx.getRepository(ComplaintEntity).findOneOrFail({
      where: { id },
      relations: { customer: true, outlet: true, technician: true, ticket: true },
    });
  }

  private at(instant: Date): string {
    return formatDateTime(instant, this.config.companyTimeZone);
  }
}
