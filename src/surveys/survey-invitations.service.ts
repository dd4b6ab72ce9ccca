import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { formatDateTime } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Tx } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import type { Language } from '../common/errors/error-messages';
import { assertDateOrder } from '../common/errors/validation-errors';
import { Page, fetchPage } from '../common/http/pagination';
import { NotificationService } from '../common/mail/notification.service';
import type { InvitationSource } from './domain/survey-fields';
import { newSurveyToken, surveyAnswerLink, surveyTokenHash } from './domain/survey-token';
import type { ListSurveyInvitationsQueryDto } from './dto/survey-invitation.dto';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyResponseEntity } from './survey-response.entity';
import type { SurveyTemplateEntity } from './survey-template.entity';

/** Everything an invitation is made of; outlet, technician and category are what they are now. */
export interface InvitationRequest {
  template: SurveyTemplateEntity;
  source: InvitationSource;
  campaignId: string | null;
  ticket: { id: string; number: string } | null;
  customer: { id: string; name: string; email: string };
  outletId: string | null;
  technicianId: string | null;
  productCategory: string | null;
  language: Language;
  expiryDays: number;
}

const DAY_MS = 86_400_000;

/** Survey invitations: made (with their mail) for closed tickets and campaigns, listed for managers. */
@Injectable()
export class SurveyInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates the invitation and queues its mail in the caller's transaction. The raw token goes into
   * the mail's link only; the row keeps its hash. Returns null, doing nothing, when the ticket (or the
   * campaign's customer) already has its invitation, so a redelivered event cannot send a second one.
   */
  async invite(
    tx: Tx,
    request: InvitationRequest,
    actor: AuditActor,
    requestId: string | null,
  ): Promise<SurveyInvitationEntity | null> {
    const sentAt = this.clock.now();
    const expiresAt = new Date(sentAt.getTime() + request.expiryDays * DAY_MS);
    const token = newSurveyToken();
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(SurveyInvitationEntity)
      .values({
        templateId: request.template.id,
        source: request.source,
        campaignId: request.campaignId,
        ticketId: request.ticket?.id ?? null,
        customerId: request.customer.id,
        email: request.customer.email,
        language: request.language,
        outletId: request.outletId,
        technicianId: request.technicianId,
        productCategory: request.productCategory,
        tokenHash: surveyTokenHash(token),
        sentAt,
        expiresAt,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id === undefined) return null;
    const message = await this.notifications.queueMail(tx, {
      to: request.customer.email,
      template: 'survey-invitation',
      params: {
        customerName: request.customer.name,
        companyName: this.config.companyName,
        ticketNumber: request.ticket?.number ?? '',
        link: surveyAnswerLink(this.config.publicUrl, token),
        expiresAt: formatDateTime(expiresAt, this.config.companyTimeZone),
      },
      language: request.language,
      related: { type: 'survey_invitation', id },
      requestId,
    });
    await tx.update(SurveyInvitationEntity, { id }, { messageId: message.id });
    await this.audit.append(tx, {
      actor,
      action: 'survey_invitation.sent',
      entityType: 'survey_invitation',
      entityId: id,
      changes: {
        templateId: request.template.id,
        source: request.source,
        campaignId: request.campaignId,
        ticketId: request.ticket?.id ?? null,
        customerId: request.customer.id,
        email: request.customer.email,
        messageId: message.id,
        expiresAt: expiresAt.toISOString(),
      },
      requestId,
    });
    return tx.getRepository(SurveyInvitationEntity).findOneByOrFail({ id });
  }

  async list(
    query: ListSurveyInvitationsQueryDto,
    viewer: AuthenticatedUser,
  ): Promise<Page<SurveyInvitationEntity>> {
    assertDateOrder(['from', query.from], ['to', query.to]);
    const q = this.visible(this.loaded(), viewer);
    if (query.templateId) q.andWhere('i.templateId = :templateId', { templateId: query.templateId });
    if (query.campaignId) q.andWhere('i.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.ticketId) q.andWhere('i.ticketId = :ticketId', { ticketId: query.ticketId });
    if (query.customerId) q.andWhere('i.customerId = :customerId', { customerId: query.customerId });
    if (query.outletId) q.andWhere('i.outletId = :outletId', { outletId: query.outletId });
    if (query.source) q.andWhere('i.source = :source', { source: query.source });
    const now = this.clock.now();
    switch (query.status) {
      case undefined:
        break;
      case 'answered':
        q.andWhere('i.answeredAt IS NOT NULL');
        break;
      case 'pending':
        q.andWhere('i.answeredAt IS NULL AND i.expiresAt > :now', { now });
        break;
      case 'expired':
        q.andWhere('i.answeredAt IS NULL AND i.expiresAt <= :now', { now });
        break;
    }
    const zone = this.config.companyTimeZone;
    if (query.from) {
      q.andWhere('i.sentAt >= (CAST(:from AS date)::timestamp AT TIME ZONE :zone)', {
        from: query.from,
        zone,
      });
    }
    if (query.to) {
      q.andWhere('i.sentAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)', {
        to: query.to,
        zone,
      });
    }
    return fetchPage(q.orderBy('i.sentAt', 'DESC').addOrderBy('i.id', 'ASC'), query);
  }

  /** One invitation the viewer may see, with its answers; another outlet's reads as missing. */
  async get(id: string, viewer: AuthenticatedUser): Promise<SurveyInvitationEntity> {
    const invitation = await this.visible(this.loaded(), viewer).andWhere('i.id = :id', { id }).getOne();
    if (!invitation) throw new NotFoundError('survey invitation', id);
    return invitation;
  }

  /** The invitations of a ticket the viewer may see (the ticket page's linked records). */
  forTicket(ticketId: string, viewer: AuthenticatedUser): Promise<SurveyInvitationEntity[]> {
    return this.visible(this.loaded(), viewer)
      .andWhere('i.ticketId = :ticketId', { ticketId })
      .orderBy('i.sentAt', 'ASC')
      .getMany();
  }

  /** An outlet-bound reader sees the invitations of its outlet's work only. */
  private visible(
    q: SelectQueryBuilder<SurveyInvitationEntity>,
    viewer: AuthenticatedUser,
  ): SelectQueryBuilder<SurveyInvitationEntity> {
    const outletId = outletRestriction(viewer);
    return outletId === null ? q : q.andWhere('i.outletId = :viewerOutletId', { viewerOutletId: outletId });
  }

  private loaded(): SelectQueryBuilder<SurveyInvitationEntity> {
    return this.dataSource
      .getRepository(SurveyInvitationEntity)
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.template', 'template')
      .innerJoinAndSelect('i.customer', 'customer')
      .leftJoinAndSelect('i.ticket', 'ticket')
      .leftJoinAndSelect('i.outlet', 'outlet')
      .leftJoinAndSelect('i.technician', 'technician')
      .leftJoinAndMapOne('i.response', SurveyResponseEntity, 'response', 'response.invitationId = i.id');
  }
}
