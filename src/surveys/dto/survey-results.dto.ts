import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '../../common/http/validators';
import { QUESTION_TYPES, type QuestionType } from '../domain/survey-fields';
import { SurveyTemplateRef } from './survey-settings.dto';

export class SurveyResultsQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Invitations sent on or after this date (company time zone)',
  })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Invitations sent on or before this date (company time zone)',
  })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this outlet's invitations" })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

export class ScoreFiguresResponse {
  @ApiProperty({ description: 'Invitations sent' }) sent!: number;
  @ApiProperty({ description: 'Of them, answered' }) answered!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'answered / sent, percent, one decimal' })
  responseRate!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent of responses rating the overall satisfaction (first rating question) 4 or 5',
  })
  csat!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '% promoters (9–10) minus % detractors (0–6) on the first NPS question, −100 to 100',
  })
  nps!: number | null;
  @ApiProperty({ description: 'Responses that rated the overall satisfaction' }) csatResponses!: number;
  @ApiProperty({ description: 'Responses that answered the NPS question' }) npsResponses!: number;
}

export class ResultsNamedRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class OutletScoreResponse extends ScoreFiguresResponse {
  @ApiProperty({ nullable: true, type: ResultsNamedRef, description: 'null: invitations of no outlet' })
  outlet!: ResultsNamedRef | null;
}

export class TechnicianScoreResponse extends ScoreFiguresResponse {
  @ApiProperty({ nullable: true, type: ResultsNamedRef, description: 'null: invitations of no ticket' })
  technician!: ResultsNamedRef | null;
}

export class CategoryScoreResponse extends ScoreFiguresResponse {
  @ApiProperty({ nullable: true, type: String }) productCategory!: string | null;
}

export class MonthScoreResponse extends ScoreFiguresResponse {
  @ApiProperty({ example: '2026-06', description: 'Month the invitations were sent (company time zone)' })
  month!: string;
}

export class DistributionEntry {
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] }) value!: number | string;
  @ApiPropertyOptional({ description: "A choice option's words" }) label?: string;
  @ApiProperty() count!: number;
}

export class QuestionResultResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() prompt!: string;
  @ApiProperty({ description: 'Responses that answered it' }) answered!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of a rating or NPS question' })
  average!: number | null;
  @ApiProperty({
    type: [DistributionEntry],
    description: 'Every value of the scale or option; empty for text',
  })
  distribution!: DistributionEntry[];
}

export class SurveyResultsResponse {
  @ApiProperty({ type: SurveyTemplateRef }) survey!: SurveyTemplateRef;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) to!: string | null;
  @ApiProperty({ type: ScoreFiguresResponse }) overall!: ScoreFiguresResponse;
  @ApiProperty({ type: [QuestionResultResponse] }) questions!: QuestionResultResponse[];
  @ApiProperty({ type: [OutletScoreResponse] }) byOutlet!: OutletScoreResponse[];
  @ApiProperty({ type: [TechnicianScoreResponse] }) byTechnician!: TechnicianScoreResponse[];
  @ApiProperty({ type: [CategoryScoreResponse] }) byProductCategory!: CategoryScoreResponse[];
  @ApiProperty({ type: [MonthScoreResponse] }) byMonth!: MonthScoreResponse[];
}
