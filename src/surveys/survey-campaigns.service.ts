import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import { AuditService, auditActor } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Tx, inTransaction } from '../common/database/transaction';
import { assertDateOrder, invalidFields } from '../common/errors/validation-errors';
import { Page, PageQuery, fetchPage } from '../common/http/pagination';
import { OutboxService } from '../common/outbox/outbox.service';
import { UserEntity } from '../users/user.entity';
import { type CreateSurveyCampaignDto, DEFAULT_CAMPAIGN_LIMIT } from './dto/survey-campaign.dto';
import { type CampaignFilters, SurveyCampaignEntity } from './survey-campaign.entity';
import { SurveyInvitationsService } from './survey-invitations.service';
import { SurveyTemplatesService } from './survey-templates.service';

export interface CampaignJobPayload {
  campaignId: string;
}

/** A customer a campaign invites, with the ticket it surveys when the filters name a closed range. */
interface Invitee {
  id: string;
  name: string;
  email: string;
  outlet_id: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  ticket_outlet_id: string | null;
  technician_id: string | null;
  category: string | null;
}

/**
 * Survey campaigns: a template sent to the customers a manager's filters pick. The request only
 * records the campaign; a background job ('survey.campaign') creates the invitations and their mails.
 */
@Injectable()
export class SurveyCampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: SurveyTemplatesService,
    private readonly invitations: SurveyInvitationsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  request(
    templateId: string,
    dto: CreateSurveyCampaignDto,
    context: RequestContext,
  ): Promise<SurveyCampaignEntity> {
    const filters = this.filtersFor(dto, context.user);
    return inTransaction(this.dataSource, async (tx) => {
      const template = await this.templates.get(templateId, tx);
      const settings = await this.templates.settings(tx);
      const repository = tx.getRepository(SurveyCampaignEntity);
      const campaign = await repository.save(
        repository.create({
          templateId: template.id,
          name: dto.name?.trim() ?? null,
          filters,
          maxInvitations: dto.limit ?? DEFAULT_CAMPAIGN_LIMIT,
          language: dto.language ?? 'zh',
          expiryDays: dto.expiryDays ?? settings.expiryDays,
          status: 'queued',
          requestedBy: context.user.id,
          requestedAt: this.clock.now(),
        }),
      );
      await this.outbox.add(tx, 'survey.campaign', { campaignId: campaign.id } satisfies CampaignJobPayload, {
        requestId: context.requestId,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'survey_campaign.requested',
        entityType: 'survey_campaign',
        entityId: campaign.id,
        changes: { templateId, filters, limit: campaign.maxInvitations, expiryDays: campaign.expiryDays },
        requestId: context.requestId,
      });
      return campaign;
    });
  }

  /** The filters as stored: an outlet-bound manager can only survey the customers of their outlet. */
  private filtersFor(dto: CreateSurveyCampaignDto, user: AuthenticatedUser): CampaignFilters {
    const given = dto.filters ?? {};
    assertDateOrder(['filters.closedFrom', given.closedFrom], ['filters.closedTo', given.closedTo]);
    const restriction = outletRestriction(user);
    if (restriction !== null && given.outletId !== undefined && given.outletId !== restriction) {
      throw invalidFields([
        { field: 'filters.outletId', problems: ['filters.outletId must be your own outlet'] },
      ]);
    }
    const filters: CampaignFilters = {};
    if (given.region) filters.region = given.region.trim();
    if (given.kind) filters.kind = given.kind;
    if (given.zone) filters.zone = given.zone;
    const outletId = restriction ?? given.outletId;
    if (outletId) filters.outletId = outletId;
    if (given.closedFrom) filters.closedFrom = given.closedFrom;
    if (given.closedTo) filters.closedTo = given.closedTo;
    return filters;
  }

  async list(
    templateId: string,
    query: PageQuery,
    viewer: AuthenticatedUser,
  ): Promise<Page<SurveyCampaignEntity>> {
    await this.templates.get(templateId);
    const q = this.dataSource
      .getRepository(SurveyCampaignEntity)
      .createQueryBuilder('sc')
      .where('sc.templateId = :templateId', { templateId });
    const restriction = outletRestriction(viewer);
    if (restriction !== null) q.andWhere(`sc.filters ->> 'outletId' = :outletId`, { outletId: restriction });
    return fetchPage(q.orderBy('sc.requestedAt', 'DESC').addOrderBy('sc.id', 'ASC'), query);
  }

  /**
   * The campaign's job, in the transaction that claims its outbox row: invites the matching active
   * customers with an email address, in customer-code order, up to the limit, and records the counts.
   * A campaign already done is left alone.
   */
  async run(tx: Tx, campaignId: string, requestId: string | null): Promise<SurveyCampaignEntity | null> {
    const campaign = await tx
      .getRepository(SurveyCampaignEntity)
      .findOne({ where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign || campaign.status === 'done') return campaign;
    const template = await this.templates.get(campaign.templateId, tx);
    const requester = await tx.getRepository(UserEntity).findOneByOrFail({ id: campaign.requestedBy });
    const actor = { id: requester.id, username: requester.username };
    const selection = this.selection(campaign.filters);
    const [counts] = await tx.query<[{ matched: number; no_email: number }]>(
      `SELECT count(*)::int AS matched, (count(*) FILTER (WHERE coalesce(c.email, '') = ''))::int AS no_email
         FROM ${selection.from} WHERE ${selection.where}`,
      selection.params,
    );
    const invitees = await tx.query<Invitee[]>(
      `SELECT c.id, c.name, c.email, c.outlet_id, ${selection.ticketColumns}
         FROM ${selection.from} WHERE ${selection.where} AND coalesce(c.email, '') <> ''
        ORDER BY c.code LIMIT ${campaign.maxInvitations}`,
      selection.params,
    );
    let invited = 0;
    for (const invitee of invitees) {
      const invitation = await this.invitations.invite(
        tx,
        {
          template,
          source: 'campaign',
          campaignId: campaign.id,
          ticket:
            invitee.ticket_id && invitee.ticket_number
              ? { id: invitee.ticket_id, number: invitee.ticket_number }
              : null,
          customer: { id: invitee.id, name: invitee.name, email: invitee.email },
          outletId: invitee.ticket_id ? invitee.ticket_outlet_id : invitee.outlet_id,
          technicianId: invitee.technician_id,
          productCategory: invitee.category,
          language: campaign.language,
          expiryDays: campaign.expiryDays,
        },
        actor,
        requestId,
      );
      if (invitation) invited += 1;
    }
    const withEmail = counts.matched - counts.no_email;
    const done = {
      status: 'done' as const,
      matched: counts.matched,
      invited,
      skippedNoEmail: counts.no_email,
      overLimit: Math.max(0, withEmail - invitees.length),
      finishedAt: this.clock.now(),
    };
    await tx.update(SurveyCampaignEntity, { id: campaign.id }, done);
    await this.audit.append(tx, {
      actor,
      action: 'survey_campaign.completed',
      entityType: 'survey_campaign',
      entityId: campaign.id,
      changes: {
        matched: done.matched,
        invited: done.invited,
        skippedNoEmail: done.skippedNoEmail,
        overLimit: done.overLimit,
      },
      requestId,
    });
    return { ...campaign, ...done };
  }

  /**
   * The campaign's customers as SQL: active ones matching the filters; with a closed range, only those
   * with a ticket closed in it, and the latest such ticket is the one their invitation surveys.
   */
  private selection(filters: CampaignFilters): {
    from: string;
    where: string;
    ticketColumns: string;
    params: unknown[];
  } {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['c.active'];
    if (filters.region) where.push(`c.region LIKE ${param(`${filters.region.replace(/[\\%_]/g, '\\$&')}%`)}`);
    if (filters.kind) where.push(`c.kind = ${param(filters.kind)}`);
    if (filters.zone) where.push(`c.zone = ${param(filters.zone)}`);
    if (filters.outletId) where.push(`c.outlet_id = ${param(filters.outletId)}`);
    if (!filters.closedFrom && !filters.closedTo) {
      return {
        from: 'customers c',
        where: where.join(' AND '),
        ticketColumns:
          'NULL::uuid AS ticket_id, NULL AS ticket_number, NULL::uuid AS ticket_outlet_id, NULL::uuid AS technician_id, NULL AS category',
        params,
      };
    }
    const zone = param(this.config.companyTimeZone);
    const range = ['t.customer_id = c.id', 't.closed_at IS NOT NULL'];
    if (filters.closedFrom) {
      range.push(
        `t.closed_at >= (CAST(${param(filters.closedFrom)} AS date)::timestamp AT TIME ZONE ${zone})`,
      );
    }
    if (filters.closedTo) {
      range.push(
        `t.closed_at < ((CAST(${param(filters.closedTo)} AS date) + 1)::timestamp AT TIME ZONE ${zone})`,
      );
    }
    return {
      from: `customers c JOIN LATERAL (
          SELECT t.id, t.number, t.outlet_id, t.technician_id, p.category
            FROM tickets t JOIN products p ON p.id = t.product_id
           WHERE ${range.join(' AND ')}
           ORDER BY t.closed_at DESC, t.id LIMIT 1) lt ON true`,
      where: where.join(' AND '),
      ticketColumns:
        'lt.id AS ticket_id, lt.number AS ticket_number, lt.outlet_id AS ticket_outlet_id, lt.technician_id, lt.category',
      params,
    };
  }
}
