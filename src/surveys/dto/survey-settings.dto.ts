import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ExpectedVersionDto } from '../../common/registers/register.dto';
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from '../domain/survey-fields';
import type { SurveySettingsEntity } from '../survey-settings.entity';

/** The whole settings (PUT): what is left out takes its default. */
export class UpdateSurveySettingsDto extends ExpectedVersionDto {
  @ApiProperty({ description: 'Send an invitation to the customer when a ticket is closed' })
  @IsBoolean()
  inviteOnTicketClose!: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The template closed tickets are surveyed with; required when inviteOnTicketClose',
  })
  @IsOptional()
  @IsUUID()
  templateId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EXPIRY_DAYS, default: DEFAULT_EXPIRY_DAYS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EXPIRY_DAYS)
  expiryDays?: number;
}

export class SurveyTemplateRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SurveySettingsResponse {
  @ApiProperty() inviteOnTicketClose!: boolean;
  @ApiProperty({ nullable: true, type: SurveyTemplateRef }) template!: SurveyTemplateRef | null;
  @ApiProperty({ description: 'Days an invitation link stays valid' }) expiryDays!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export function toSurveySettingsResponse(settings: SurveySettingsEntity): SurveySettingsResponse {
  return {
    inviteOnTicketClose: settings.inviteOnTicketClose,
    template: settings.template ? { id: settings.template.id, name: settings.template.name } : null,
    expiryDays: settings.expiryDays,
    version: settings.version,
    updatedAt: settings.updatedAt.toISOString(),
  };
}
