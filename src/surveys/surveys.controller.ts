import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { SURVEY_MANAGERS, SURVEY_READERS } from './domain/survey-access';
import {
  CreateSurveyCampaignDto,
  ListSurveyCampaignsQueryDto,
  SurveyCampaignPageResponse,
  SurveyCampaignResponse,
  toSurveyCampaignResponse,
} from './dto/survey-campaign.dto';
import { SurveyResultsQueryDto, SurveyResultsResponse } from './dto/survey-results.dto';
import {
  SurveySettingsResponse,
  UpdateSurveySettingsDto,
  toSurveySettingsResponse,
} from './dto/survey-settings.dto';
import {
  CreateSurveyTemplateDto,
  ListSurveyTemplatesQueryDto,
  SurveyTemplatePageResponse,
  SurveyTemplateResponse,
  UpdateSurveyTemplateDto,
  toSurveyTemplateResponse,
} from './dto/survey-template.dto';
import { SurveyCampaignsService } from './survey-campaigns.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyTemplatesService, type TemplateWithUse } from './survey-templates.service';

const toResponse = ({ template, invitations }: TemplateWithUse) =>
  toSurveyTemplateResponse(template, invitations);

/** Satisfaction survey templates (满意度调查表), the settings, campaigns and results. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly campaigns: SurveyCampaignsService,
    private readonly results: SurveyResultsService,
  ) {}

  // Declared before ':id', which would otherwise take "settings" for an id.
  @Get('settings')
  @Roles(...SURVEY_MANAGERS)
  @ApiOperation({
    summary: 'Whether a closed ticket sends an invitation, with which template, valid how long',
  })
  @ApiOkResponse({ type: SurveySettingsResponse })
  async settings(): Promise<SurveySettingsResponse> {
    return toSurveySettingsResponse(await this.templates.settings());
  }

  @Put('settings')
  @Roles(...SURVEY_MANAGERS)
  @ApiOperation({ summary: 'Replaces the survey settings; 409 VERSION_CONFLICT on a stale expectedVersion' })
  @ApiOkResponse({ type: SurveySettingsResponse })
  async updateSettings(
    @Body() dto: UpdateSurveySettingsDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveySettingsResponse> {
    return toSurveySettingsResponse(await this.templates.updateSettings(dto, context));
  }

  @Get()
  @Roles(...SURVEY_READERS)
  @ApiOperation({ summary: 'Survey templates, newest first' })
  @ApiOkResponse({ type: SurveyTemplatePageResponse })
  async list(@Query() query: ListSurveyTemplatesQueryDto): Promise<SurveyTemplatePageResponse> {
    return mapPage(await this.templates.list(query), toResponse);
  }

  @Post()
  @Roles(...SURVEY_MANAGERS)
  @ApiOperation({
    summary: 'Creates a survey template: rating 1–5, NPS 0–10, single choice and text questions',
  })
  @ApiCreatedResponse({ type: SurveyTemplateResponse })
  async create(
    @Body() dto: CreateSurveyTemplateDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyTemplateResponse> {
    return toResponse(await this.templates.create(dto, context));
  }

  @Get(':id')
  @Roles(...SURVEY_READERS)
  @ApiOkResponse({ type: SurveyTemplateResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<SurveyTemplateResponse> {
    return toResponse(await this.templates.withUse(id));
  }

  @Patch(':id')
  @Roles(...SURVEY_MANAGERS)
  @ApiOperation({
    summary:
      'Edits name, title, intro; questions only until the first invitation is sent (then 409 RECORD_IN_USE: create a new template)',
  })
  @ApiOkResponse({ type: SurveyTemplateResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateSurveyTemplateDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyTemplateResponse> {
    return toResponse(await this.templates.update(id, dto, context));
  }

  @Post(':id/campaigns')
  @HttpCode(202)
  @Roles(...SURVEY_MANAGERS)
  @ApiOperation({
    summary:
      'Sends the survey to the customers the filters pick, in the background; customers without an email are skipped and counted',
  })
  @ApiAcceptedResponse({ type: SurveyCampaignResponse })
  async createCampaign(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: CreateSurveyCampaignDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyCampaignResponse> {
    return toSurveyCampaignResponse(await this.campaigns.request(id, dto, context));
  }

  @Get(':id/campaigns')
  @Roles(...SURVEY_READERS)
  @ApiOperation({ summary: "The survey's campaigns, newest first, with their counts once done" })
  @ApiOkResponse({ type: SurveyCampaignPageResponse })
  async listCampaigns(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: ListSurveyCampaignsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyCampaignPageResponse> {
    return mapPage(await this.campaigns.list(id, query, context.user), toSurveyCampaignResponse);
  }

  @Get(':id/results')
  @Roles(...SURVEY_READERS)
  @ApiOperation({
    summary:
      'Response rate, CSAT and NPS of the invitations sent in the period, overall and by outlet, technician, product category and month, and each question’s distribution',
  })
  @ApiOkResponse({ type: SurveyResultsResponse })
  resultsOf(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: SurveyResultsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<SurveyResultsResponse> {
    return this.results.results(id, query, context.user);
  }
}
