import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import { IsOptionalNonNull } from '../../common/http/validators';
import { ExpectedVersionDto } from '../../common/registers/register.dto';
import {
  type ChoiceOption,
  type LocalizedText,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  OPTION_VALUE_PATTERN,
  PROMPT_MAX_LENGTH,
  QUESTION_KEY_PATTERN,
  QUESTION_TYPES,
  type QuestionType,
  type SurveyQuestion,
} from '../domain/survey-fields';
import type { SurveyTemplateEntity } from '../survey-template.entity';

const TITLE_MAX_LENGTH = 200;
const INTRO_MAX_LENGTH = 2000;

export class PromptDto {
  @ApiProperty({ example: '您对本次维修服务的总体满意度如何？', maxLength: PROMPT_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_MAX_LENGTH)
  zh!: string;

  @ApiPropertyOptional({ example: 'How satisfied are you with this repair overall?', nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_MAX_LENGTH)
  en?: string | null;
}

export class TitleDto {
  @ApiProperty({ example: '维修服务满意度调查', maxLength: TITLE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  zh!: string;

  @ApiPropertyOptional({ example: 'Repair service survey', nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  en?: string | null;
}

export class IntroDto {
  @ApiProperty({ maxLength: INTRO_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(INTRO_MAX_LENGTH)
  zh!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(INTRO_MAX_LENGTH)
  en?: string | null;
}

export class ChoiceOptionDto {
  @ApiProperty({ example: 'on_time', description: 'Lower-case code the answers carry' })
  @IsString()
  @Matches(OPTION_VALUE_PATTERN, {
    message: 'value must be 1-40 lower-case letters, digits, _ or -, starting with a letter or digit',
  })
  value!: string;

  @ApiProperty({ type: PromptDto })
  @ValidateNested()
  @Type(() => PromptDto)
  label!: PromptDto;
}

export class SurveyQuestionDto {
  @ApiProperty({ example: 'overall', description: 'Unique in the template; answers and results name it' })
  @IsString()
  @Matches(QUESTION_KEY_PATTERN, {
    message: 'key must be 1-40 lower-case letters, digits or _, starting with a letter',
  })
  key!: string;

  @ApiProperty({
    enum: QUESTION_TYPES,
    description:
      'rating 1–5 (the first rating question is the overall satisfaction, CSAT), nps 0–10 (the first one makes the NPS), choice (one option), text',
  })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty({ type: PromptDto })
  @ValidateNested()
  @Type(() => PromptDto)
  prompt!: PromptDto;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    type: [ChoiceOptionDto],
    description: 'Only and always for choice questions: 2 to 20',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];
}

export class CreateSurveyTemplateDto {
  @ApiProperty({ example: '维修回访满意度（2026 版）', description: "The staff's name for it" })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  name!: string;

  @ApiProperty({ type: TitleDto, description: 'What the customer sees as the heading' })
  @ValidateNested()
  @Type(() => TitleDto)
  title!: TitleDto;

  @ApiPropertyOptional({ type: IntroDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IntroDto)
  intro?: IntroDto | null;

  @ApiProperty({ type: [SurveyQuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions!: SurveyQuestionDto[];
}

/** Name, title and intro may always change; questions only until the first invitation is sent. */
export class UpdateSurveyTemplateDto extends ExpectedVersionDto {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: TitleDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => TitleDto)
  title?: TitleDto;

  @ApiPropertyOptional({ type: IntroDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IntroDto)
  intro?: IntroDto | null;

  @ApiPropertyOptional({
    type: [SurveyQuestionDto],
    description: '409 RECORD_IN_USE once an invitation has been sent: create a new template instead',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions?: SurveyQuestionDto[];
}

export class ListSurveyTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text in the name or title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

const text = (dto: { zh: string; en?: string | null }): LocalizedText => ({
  zh: dto.zh.trim(),
  en: dto.en?.trim() || null,
});

/** The questions as stored: required unless said otherwise, options only on choice questions. */
export function toSurveyQuestions(dtos: readonly SurveyQuestionDto[]): SurveyQuestion[] {
  return dtos.map((dto) => ({
    key: dto.key,
    type: dto.type,
    prompt: text(dto.prompt),
    required: dto.required ?? true,
    ...(dto.options === undefined || dto.options.length === 0
      ? {}
      : {
          options: dto.options.map((option): ChoiceOption => ({
            value: option.value,
            label: text(option.label),
          })),
        }),
  }));
}

export function toLocalizedText(dto: { zh: string; en?: string | null }): LocalizedText {
  return text(dto);
}

export class LocalizedTextResponse {
  @ApiProperty() zh!: string;
  @ApiProperty({ nullable: true, type: String }) en!: string | null;
}

export class ChoiceOptionResponse {
  @ApiProperty() value!: string;
  @ApiProperty({ type: LocalizedTextResponse }) label!: LocalizedTextResponse;
}

export class SurveyQuestionResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty({ type: LocalizedTextResponse }) prompt!: LocalizedTextResponse;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: [ChoiceOptionResponse] }) options?: ChoiceOptionResponse[];
}

export class SurveyTemplateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: LocalizedTextResponse }) title!: LocalizedTextResponse;
  @ApiProperty({ nullable: true, type: LocalizedTextResponse }) intro!: LocalizedTextResponse | null;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions!: SurveyQuestionResponse[];
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Invitations sent with it; once any is, its questions are fixed' })
  invitations!: number;
  @ApiProperty({ description: 'Whether the questions may still change' }) questionsEditable!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SurveyTemplatePageResponse extends PageResponseOf(SurveyTemplateResponse) {}

export function toSurveyTemplateResponse(
  template: SurveyTemplateEntity,
  invitations: number,
): SurveyTemplateResponse {
  return {
    id: template.id,
    name: template.name,
    title: { zh: template.titleZh, en: template.titleEn },
    intro: template.introZh === null ? null : { zh: template.introZh, en: template.introEn },
    questions: template.questions,
    version: template.version,
    invitations,
    questionsEditable: invitations === 0,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}
