import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../../auth/decorators';
import {
  AnswerSurveyDto,
  PublicSurveyQueryDto,
  PublicSurveyResponse,
  SurveyAnsweredResponse,
} from '../dto/public-survey.dto';
import { PublicSurveyRateLimit } from './public-rate-limit';
import { PublicSurveysService } from './public-surveys.service';

const NEUTRAL =
  'An unknown, expired or already answered link all get the same 404 NOT_FOUND. 429 RATE_LIMITED past 30 requests per 10 minutes from one address';

/** The customer's answer page of a survey invitation: no login, the link's token is the key. */
@ApiTags('public')
@Controller('public/surveys')
@Public()
@UseGuards(PublicSurveyRateLimit)
export class PublicSurveysController {
  constructor(private readonly surveys: PublicSurveysService) {}

  @Get(':token')
  @ApiOperation({ summary: `The survey's questions (Chinese unless ?lang=en). ${NEUTRAL}` })
  @ApiOkResponse({ type: PublicSurveyResponse })
  @ApiTooManyRequestsResponse()
  view(@Param('token') token: string, @Query() query: PublicSurveyQueryDto): Promise<PublicSurveyResponse> {
    return this.surveys.view(token, query.lang);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary: `Answers the survey, once; 400 names each answer that breaks the template (answers.<key>). ${NEUTRAL}`,
  })
  @ApiOkResponse({ type: SurveyAnsweredResponse })
  @ApiTooManyRequestsResponse()
  answer(@Param('token') token: string, @Body() dto: AnswerSurveyDto): Promise<SurveyAnsweredResponse> {
    return this.surveys.answer(token, dto);
  }
}
