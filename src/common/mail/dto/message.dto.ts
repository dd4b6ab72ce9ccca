import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, PageResponseOf } from '../../http/pagination';
import { MESSAGE_STATUSES, MessageEntity, type MessageStatus } from '../message.entity';

export class TestMailDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(200)
  to!: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  language?: 'zh' | 'en';
}

export class ListMessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  relatedType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  relatedId?: string;
}

export class MessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty() template!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ nullable: true, type: String }) relatedType!: string | null;
  @ApiProperty({ nullable: true, type: String }) relatedId!: string | null;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status!: MessageStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MessagePageResponse extends PageResponseOf(MessageResponse) {}

/**
 * A link to a public page carries a secret token (a survey's answer link): whoever holds it can act
 * as the customer, so staff reading the register see the page but not the token.
 */
const PUBLIC_LINK_TOKEN = /(\/api\/v1\/public\/[a-z-]+\/)[A-Za-z0-9_-]{16,}/g;

export function withoutLinkTokens(text: string): string {
  return text.replace(PUBLIC_LINK_TOKEN, '$1…');
}

export function toMessageResponse(message: MessageEntity): MessageResponse {
  return {
    id: message.id,
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject,
    body: withoutLinkTokens(message.body),
    template: message.template,
    language: message.language,
    relatedType: message.relatedType,
    relatedId: message.relatedId,
    status: message.status,
    attempts: message.attempts,
    sentAt: message.sentAt?.toISOString() ?? null,
    error: message.error,
    createdAt: message.createdAt.toISOString(),
  };
}
