import { Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { invalidFields } from '../common/errors/validation-errors';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { assertCompanyWide } from './assessments.service';
import { ASSESSMENT_READERS, ASSESSMENT_WRITERS } from './domain/assessment-fields';
import {
  RuleSetPageResponse,
  RuleSetResponse,
  toRuleSetResponse,
  toRuleSetSummary,
} from './dto/rule-set.dto';
import { type RuleSetFile, RuleSetsService } from './rule-sets.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Get()
  @Roles(...ASSESSMENT_READERS)
  @ApiOperation({ summary: 'The scoring rule set versions, newest first' })
  @ApiOkResponse({ type: RuleSetPageResponse })
  async list(@Query() query: PageQueryDto): Promise<RuleSetPageResponse> {
    return mapPage(await this.ruleSets.list(query), toRuleSetSummary);
  }

  @Get(':id')
  @Roles(...ASSESSMENT_READERS)
  @ApiOperation({ summary: 'One rule set version: its items, points, types, evidence and scoring options' })
  @ApiOkResponse({ type: RuleSetResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<RuleSetResponse> {
    return toRuleSetResponse(await this.ruleSets.get(id));
  }

  @Post('import')
  @Roles(...ASSESSMENT_WRITERS)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'A .json or .xlsx checklist' } },
      required: ['file'],
    },
  })
  @ApiOperation({
    summary:
      "Loads a certification body's checklist as the next rule set version; 400 names every bad row and field, and nothing is stored",
  })
  @ApiCreatedResponse({ type: RuleSetResponse })
  async import(
    @UploadedFile() file: RuleSetFile | undefined,
    @Ctx() context: RequestContext,
  ): Promise<RuleSetResponse> {
    assertCompanyWide(context.user);
    if (!file) throw invalidFields([{ field: 'file', problems: ['file must be a .json or .xlsx upload'] }]);
    return toRuleSetResponse(await this.ruleSets.import(file, context));
  }
}
