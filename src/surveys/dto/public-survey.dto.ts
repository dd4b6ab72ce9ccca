import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import type { Language } from '../../common/errors/error-messages';
import { QUESTION_TYPES, type QuestionType, SURVEY_LANGUAGES } from '../domain/survey-fields';

export class PublicSurveyQueryDto {
  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, description: "Default: the invitation's language (zh)" })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: Language;
}

export class AnswerSurveyDto {
  @ApiProperty({
    description:
      'Answers by question key: a number for rating (1–5) and nps (0–10), the option value, or text',
    example: { overall: 5, recommend: 9, timeliness: 'on_time', comments: '师傅很专业' },
  })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, description: 'The language the page was shown in' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: Language;
}

export class PublicChoiceOption {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

export class PublicSurveyQuestion {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() prompt!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ description: 'Lowest value of a rating or nps scale' }) min?: number;
  @ApiPropertyOptional({ description: 'Highest value of a rating or nps scale' }) max?: number;
  @ApiPropertyOptional({ type: [PublicChoiceOption] }) options?: PublicChoiceOption[];
}

/** What the answer page shows: the company's survey, nothing about the customer. */
export class PublicSurveyResponse {
  @ApiProperty({ enum: SURVEY_LANGUAGES }) language!: Language;
  @ApiProperty() companyName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) intro!: string | null;
  @ApiProperty({ format: 'date-time', description: 'The link works until then, once' }) expiresAt!: string;
  @ApiProperty({ type: [PublicSurveyQuestion] }) questions!: PublicSurveyQuestion[];
}

export class SurveyAnsweredResponse {
  @ApiProperty({ enum: ['answered'] }) status!: 'answered';
  @ApiProperty() message!: string;
}
