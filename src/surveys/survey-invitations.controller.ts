import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { Clock } from '../common/clock';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { SURVEY_READERS } from './domain/survey-access';
import {
  ListSurveyInvitationsQueryDto,
  SurveyInvitationDetailResponse,
  SurveyInvitationPageResponse,
  toSurveyInvitationDetailResponse,
  toSurveyInvitationResponse,
} from './dto/survey-invitation.dto';
import { SurveyInvitationsService } from './survey-invitations.service';

/** Invitations sent (never their tokens), with their answers; outlet-bound readers see their outlet's. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('survey-invitations')
export class SurveyInvitationsController {
  constructor(
    private readonly invitations: SurveyInvitationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...SURVEY_READERS)
  @ApiOperation({
    summary: 'Invitations, newest first, by survey, campaign, ticket, customer, outlet, status, sent date',
  })
  @ApiOkResponse({ type: SurveyInvitationPageResponse })
  async list(
    @Query() query: ListSurveyInvitationsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyInvitationPageResponse> {
    const now = this.clock.now();
    return mapPage(await this.invitations.list(query, context.user), (invitation) =>
      toSurveyInvitationResponse(invitation, now),
    );
  }

  @Get(':id')
  @Roles(...SURVEY_READERS)
  @ApiOperation({ summary: 'One invitation with every question and the answer given' })
  @ApiOkResponse({ type: SurveyInvitationDetailResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<SurveyInvitationDetailResponse> {
    return toSurveyInvitationDetailResponse(await this.invitations.get(id, context.user), this.clock.now());
  }
}
