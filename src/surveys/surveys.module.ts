import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasAnyRole } from '../auth/authenticated-user';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { Clock } from '../common/clock';
import { EvidenceSources } from '../evidence/evidence-sources';
import { TicketEventSubscribers } from '../tickets/events/ticket-events';
import { TicketLinks } from '../tickets/ticket-links';
import { TicketsModule } from '../tickets/tickets.module';
import { SURVEY_READERS } from './domain/survey-access';
import { INVITATION_STATUS_NAMES, invitationStatus } from './domain/survey-fields';
import { PublicSurveyRateLimit } from './public/public-rate-limit';
import { PublicSurveysController } from './public/public-surveys.controller';
import { PublicSurveysService } from './public/public-surveys.service';
import { SurveyCampaignsService } from './survey-campaigns.service';
import { SurveyCloseSubscriber } from './survey-close.subscriber';
import { SurveyFormsController } from './survey-forms.controller';
import { SurveyFormsService } from './survey-forms.service';
import { SurveyInvitationsController } from './survey-invitations.controller';
import { SurveyInvitationsService } from './survey-invitations.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyTemplatesService } from './survey-templates.service';
import { SurveysController } from './surveys.controller';
import { surveyEvidenceSource } from './surveys-evidence';

/** Satisfaction surveys (满意度调查, SPEC §3.5): templates, invitations, the public answer page, results. */
@Module({
  imports: [TicketsModule],
  controllers: [
    SurveysController,
    SurveyInvitationsController,
    PublicSurveysController,
    SurveyFormsController,
  ],
  providers: [
    SurveyTemplatesService,
    SurveyInvitationsService,
    SurveyCampaignsService,
    SurveyResultsService,
    SurveyCloseSubscriber,
    PublicSurveysService,
    PublicSurveyRateLimit,
    SurveyFormsService,
  ],
  exports: [SurveyCampaignsService],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly subscribers: TicketEventSubscribers,
    private readonly closeSubscriber: SurveyCloseSubscriber,
    private readonly links: TicketLinks,
    private readonly invitations: SurveyInvitationsService,
    private readonly evidence: EvidenceSources,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(this.closeSubscriber);
    // The ticket's page shows its survey invitation to those who read survey results.
    this.links.registerProvider({
      type: 'survey_invitation',
      list: async (ticketId, viewer) => {
        if (!hasAnyRole(viewer, SURVEY_READERS)) return [];
        const now = this.clock.now();
        return (await this.invitations.forTicket(ticketId, viewer)).map((invitation) => {
          const status = invitationStatus(invitation, now);
          const score = invitation.response?.csatScore;
          return {
            type: 'survey_invitation',
            id: invitation.id,
            number: null,
            status,
            summary:
              `满意度调查（${invitation.template?.name ?? ''}）：${INVITATION_STATUS_NAMES[status]}` +
              (score === null || score === undefined ? '' : `，总体满意度 ${score} 分`),
            createdAt: invitation.sentAt,
          };
        });
      },
    });
    this.evidence.register(surveyEvidenceSource(this.dataSource, this.config.companyTimeZone));
  }
}
