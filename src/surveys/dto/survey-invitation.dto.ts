import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Language } from '../../common/errors/error-messages';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import { IsDateOnly } from '../../common/http/validators';
import {
  INVITATION_SOURCES,
  INVITATION_STATUSES,
  type InvitationSource,
  type InvitationStatus,
  QUESTION_TYPES,
  type QuestionType,
  invitationStatus,
} from '../domain/survey-fields';
import { answerOf, answerText } from '../domain/survey-questions';
import type { SurveyInvitationEntity } from '../survey-invitation.entity';
import { SurveyTemplateRef } from './survey-settings.dto';

export class ListSurveyInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ enum: INVITATION_SOURCES })
  @IsOptional()
  @IsIn(INVITATION_SOURCES)
  source?: InvitationSource;

  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiPropertyOptional({ format: 'date', description: 'Sent on or after this date (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Sent on or before this date (company time zone)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;
}

export class InvitationTicketRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
}

export class InvitationCustomerRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class InvitationNamedRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SurveyInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: SurveyTemplateRef }) template!: SurveyTemplateRef;
  @ApiProperty({ enum: INVITATION_SOURCES }) source!: InvitationSource;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) campaignId!: string | null;
  @ApiProperty({ nullable: true, type: InvitationTicketRef }) ticket!: InvitationTicketRef | null;
  @ApiProperty({ type: InvitationCustomerRef }) customer!: InvitationCustomerRef;
  @ApiProperty({ description: 'Where the invitation was mailed' }) email!: string;
  @ApiProperty({ enum: ['zh', 'en'] }) language!: Language;
  @ApiProperty({ nullable: true, type: InvitationNamedRef }) outlet!: InvitationNamedRef | null;
  @ApiProperty({ nullable: true, type: InvitationNamedRef }) technician!: InvitationNamedRef | null;
  @ApiProperty({ nullable: true, type: String }) productCategory!: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status!: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The mail in /messages' })
  messageId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) responseId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Overall satisfaction 1–5' })
  csatScore!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Likelihood to recommend 0–10' })
  npsScore!: number | null;
}

export class SurveyInvitationPageResponse extends PageResponseOf(SurveyInvitationResponse) {}

export class SurveyAnswerResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() prompt!: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'number' }, { type: 'string' }] }) value!:
    number | string | null;
  @ApiProperty({ description: 'The answer as words, e.g. 5 分（满分 5 分）' }) text!: string;
}

export class SurveyInvitationDetailResponse extends SurveyInvitationResponse {
  @ApiProperty({
    type: [SurveyAnswerResponse],
    description: 'Every question, answered or not; empty until answered',
  })
  answers!: SurveyAnswerResponse[];
}

export function toSurveyInvitationResponse(
  invitation: SurveyInvitationEntity,
  now: Date,
): SurveyInvitationResponse {
  const { template, customer, ticket, outlet, technician, response } = invitation;
  if (!template || !customer) throw new Error('invitation loaded without its template and customer');
  return {
    id: invitation.id,
    template: { id: template.id, name: template.name },
    source: invitation.source,
    campaignId: invitation.campaignId,
    ticket: ticket ? { id: ticket.id, number: ticket.number } : null,
    customer: { id: customer.id, code: customer.code, name: customer.name },
    email: invitation.email,
    language: invitation.language,
    outlet: outlet ? { id: outlet.id, name: outlet.name } : null,
    technician: technician ? { id: technician.id, name: technician.displayName } : null,
    productCategory: invitation.productCategory,
    status: invitationStatus(invitation, now),
    sentAt: invitation.sentAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    answeredAt: invitation.answeredAt?.toISOString() ?? null,
    messageId: invitation.messageId,
    responseId: response?.id ?? null,
    csatScore: response?.csatScore ?? null,
    npsScore: response?.npsScore ?? null,
  };
}

export function toSurveyInvitationDetailResponse(
  invitation: SurveyInvitationEntity,
  now: Date,
): SurveyInvitationDetailResponse {
  const response = invitation.response;
  const questions = invitation.template?.questions ?? [];
  return {
    ...toSurveyInvitationResponse(invitation, now),
    answers: response
      ? questions.map((question) => {
          const value = answerOf(response.answers, question.key);
          return {
            key: question.key,
            type: question.type,
            prompt: question.prompt.zh,
            value: value ?? null,
            text: answerText(question, value, 'zh'),
          };
        })
      : [],
  };
}
