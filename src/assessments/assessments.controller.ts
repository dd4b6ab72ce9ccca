import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ExpectedVersionDto, ExpectedVersionQueryDto } from '../common/registers/register.dto';
import { FormQueryDto, pdfDownload } from '../evidence/forms/form-endpoint';
import { AssessmentGapsService } from './assessment-gaps.service';
import { AssessmentReportService, REPORT_READERS } from './assessment-report.service';
import { AssessmentSuggestionsService } from './assessment-suggestions.service';
import { AssessmentsService } from './assessments.service';
import {
  ASSESSMENT_READERS,
  ASSESSMENT_WRITERS,
  RECORD_VIEW_READERS,
  SUGGESTION_APPLIERS,
} from './domain/assessment-fields';
import {
  AddAdjustmentDto,
  ApplySuggestionDto,
  CreateAssessmentDto,
  ListAssessmentsQueryDto,
  RecordItemDto,
  SuggestionQueryDto,
  UpdateAssessmentDto,
} from './dto/assessment-request.dto';
import {
  AssessmentPageResponse,
  AssessmentResponse,
  ComparisonResponse,
  GapsResponse,
  SuggestionsResponse,
  toAssessmentResponse,
  toAssessmentSummary,
  toComparisonResponse,
  toGapsResponse,
  toSuggestionsResponse,
} from './dto/assessment-response.dto';

const REFUSED =
  '409 INVALID_TRANSITION once frozen, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly suggestionsService: AssessmentSuggestionsService,
    private readonly gapsService: AssessmentGapsService,
    private readonly reports: AssessmentReportService,
  ) {}

  @Get()
  @Roles(...ASSESSMENT_READERS)
  @ApiOperation({ summary: 'Assessments, latest period first, each with its score and result' })
  @ApiOkResponse({ type: AssessmentPageResponse })
  async list(
    @Query() query: ListAssessmentsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentPageResponse> {
    return mapPage(await this.assessments.list(query, context.user), toAssessmentSummary);
  }

  @Post()
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({ summary: 'Creates an assessment of a period under a rule set (the latest unless named)' })
  @ApiCreatedResponse({ type: AssessmentResponse })
  async create(
    @Body() dto: CreateAssessmentDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    const id = await this.assessments.create(dto, context);
    return this.detail(id, context);
  }

  @Get(':id')
  @Roles(...ASSESSMENT_READERS)
  @ApiOperation({
    summary:
      "The assessment: items, adjustments, the score (base, final, result, what each indicator cost) and the period's KPIs by indicator",
  })
  @ApiOkResponse({ type: AssessmentResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    const view = await this.assessments.view(id, context.user);
    return toAssessmentResponse(view, await this.assessments.kpisOf(view, context.user));
  }

  @Patch(':id')
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({ summary: `Changes the title or the period. ${REFUSED}` })
  @ApiOkResponse({ type: AssessmentResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateAssessmentDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.assessments.update(id, dto, context);
    return this.detail(id, context);
  }

  @Put(':id/items/:code')
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({
    summary: `Records one item (replacing what was recorded): applicable or excluded with its reason, conformity or sample, findings, evidence. ${REFUSED}`,
  })
  @ApiOkResponse({ type: AssessmentResponse })
  async recordItem(
    @Param('id', UuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() dto: RecordItemDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.assessments.recordItem(id, code, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/adjustments')
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({
    summary: `Adds a special deduction (with its category) or the special bonus; a bonus beyond the rule set's one is 409 CONFLICT. ${REFUSED}`,
  })
  @ApiCreatedResponse({ type: AssessmentResponse })
  async addAdjustment(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: AddAdjustmentDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.assessments.addAdjustment(id, dto, context);
    return this.detail(id, context);
  }

  @Delete(':id/adjustments/:adjustmentId')
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({ summary: `Removes a deduction or the bonus recorded in error. ${REFUSED}` })
  @ApiOkResponse({ type: AssessmentResponse })
  async removeAdjustment(
    @Param('id', UuidParam('id')) id: string,
    @Param('adjustmentId', UuidParam('adjustmentId')) adjustmentId: string,
    @Query() query: ExpectedVersionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.assessments.removeAdjustment(id, adjustmentId, query.expectedVersion, context);
    return this.detail(id, context);
  }

  @Post(':id/freeze')
  @HttpCode(200)
  @Roles(...ASSESSMENT_WRITERS)
  @ApiOperation({
    summary: `Stores the score as it stands; afterwards every change is refused. Items still pending: 409 CONFLICT. ${REFUSED}`,
  })
  @ApiOkResponse({ type: AssessmentResponse })
  async freeze(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: ExpectedVersionDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.assessments.freeze(id, dto.expectedVersion, context);
    return this.detail(id, context);
  }

  @Get(':id/report.pdf')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'The self-assessment report as an A4 PDF: result, adjustments, indicators, items with findings and records. A frozen assessment prints its snapshot; a draft prints the score as recorded now, marked 草稿 (draft). Audit-logged',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiProduces('application/pdf')
  async report(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: FormQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.reports.print(id, query.lang ?? 'zh', context));
  }

  @Get(':id/suggestions')
  @Roles(...RECORD_VIEW_READERS)
  @ApiOperation({
    summary:
      "Sampled results proposed from the period's records (repair records, complaints, returns), each record with why it failed",
  })
  @ApiOkResponse({ type: SuggestionsResponse })
  async suggestions(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: SuggestionQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<SuggestionsResponse> {
    const { view, suggestions } = await this.suggestionsService.suggestions(id, query, context.user);
    return toSuggestionsResponse(view, suggestions);
  }

  @Post(':id/items/:code/apply-suggestion')
  @HttpCode(200)
  @Roles(...SUGGESTION_APPLIERS)
  @ApiOperation({
    summary: `Draws and judges the item's sample as its suggestion does and records it, with the draw. ${REFUSED}`,
  })
  @ApiOkResponse({ type: AssessmentResponse })
  async applySuggestion(
    @Param('id', UuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() dto: ApplySuggestionDto,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentResponse> {
    await this.suggestionsService.apply(id, code, dto, context);
    return this.detail(id, context);
  }

  @Get(':id/gaps')
  @Roles(...RECORD_VIEW_READERS)
  @ApiOperation({ summary: 'What keeps the score down, most points at stake first' })
  @ApiOkResponse({ type: GapsResponse })
  async gaps(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<GapsResponse> {
    const { view, gaps } = await this.gapsService.gaps(id, context.user);
    return toGapsResponse(view, gaps);
  }

  @Get(':id/compare/:otherId')
  @Roles(...ASSESSMENT_READERS)
  @ApiOperation({
    summary: 'This assessment against an earlier one: score, result and each indicator before and after',
  })
  @ApiOkResponse({ type: ComparisonResponse })
  async compare(
    @Param('id', UuidParam('id')) id: string,
    @Param('otherId', UuidParam('otherId')) otherId: string,
    @Ctx() context: RequestContext,
  ): Promise<ComparisonResponse> {
    const { before, after, comparison } = await this.assessments.compare(id, otherId, context.user);
    return toComparisonResponse(before, after, comparison);
  }

  private async detail(id: string, context: RequestContext): Promise<AssessmentResponse> {
    return toAssessmentResponse(await this.assessments.view(id, context.user));
  }
}
