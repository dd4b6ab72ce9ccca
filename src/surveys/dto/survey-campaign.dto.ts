import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Language } from '../../common/errors/error-messages';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import { IsDateOnly } from '../../common/http/validators';
import { CUSTOMER_KINDS, type CustomerKind, ZONES, type Zone } from '../../customers/domain/customer-fields';
import {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  MAX_EXPIRY_DAYS,
  SURVEY_LANGUAGES,
} from '../domain/survey-fields';
import type { SurveyCampaignEntity } from '../survey-campaign.entity';

export const DEFAULT_CAMPAIGN_LIMIT = 500;
export const MAX_CAMPAIGN_LIMIT = 5000;

export class CampaignFiltersDto {
  @ApiPropertyOptional({ description: 'Region prefix: 上海市 takes 上海市/浦东新区', example: '上海市' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_KINDS })
  @IsOptional()
  @IsIn(CUSTOMER_KINDS)
  kind?: CustomerKind;

  @ApiPropertyOptional({ enum: ZONES })
  @IsOptional()
  @IsIn(ZONES)
  zone?: Zone;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The customers' outlet; an outlet-bound user's own always",
  })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Only customers with a ticket closed on or after this date',
  })
  @IsOptional()
  @IsDateOnly()
  closedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Only customers with a ticket closed on or before this date',
  })
  @IsOptional()
  @IsDateOnly()
  closedTo?: string;
}

export class CreateSurveyCampaignDto {
  @ApiPropertyOptional({ example: '2026 年二季度空调客户回访', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: CampaignFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignFiltersDto)
  filters?: CampaignFiltersDto;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAMPAIGN_LIMIT, default: DEFAULT_CAMPAIGN_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAMPAIGN_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    enum: SURVEY_LANGUAGES,
    default: 'zh',
    description: 'Language of the mail and the page',
  })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EXPIRY_DAYS, description: 'Default: the survey settings' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EXPIRY_DAYS)
  expiryDays?: number;
}

export class CampaignFiltersResponse {
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_KINDS }) kind?: CustomerKind;
  @ApiPropertyOptional({ enum: ZONES }) zone?: Zone;
  @ApiPropertyOptional({ format: 'uuid' }) outletId?: string;
  @ApiPropertyOptional({ format: 'date' }) closedFrom?: string;
  @ApiPropertyOptional({ format: 'date' }) closedTo?: string;
}

export class SurveyCampaignResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ type: CampaignFiltersResponse }) filters!: CampaignFiltersResponse;
  @ApiProperty() limit!: number;
  @ApiProperty({ enum: SURVEY_LANGUAGES }) language!: Language;
  @ApiProperty() expiryDays!: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Customers the filters matched' }) matched!:
    number | null;
  @ApiProperty({ nullable: true, type: Number }) invited!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Matched customers without an email address' })
  skippedNoEmail!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Customers with an email left out by the limit' })
  overLimit!: number | null;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}

export class SurveyCampaignPageResponse extends PageResponseOf(SurveyCampaignResponse) {}

export class ListSurveyCampaignsQueryDto extends PageQueryDto {}

export function toSurveyCampaignResponse(campaign: SurveyCampaignEntity): SurveyCampaignResponse {
  return {
    id: campaign.id,
    templateId: campaign.templateId,
    name: campaign.name,
    filters: campaign.filters,
    limit: campaign.maxInvitations,
    language: campaign.language,
    expiryDays: campaign.expiryDays,
    status: campaign.status,
    matched: campaign.matched,
    invited: campaign.invited,
    skippedNoEmail: campaign.skippedNoEmail,
    overLimit: campaign.overLimit,
    requestedBy: campaign.requestedBy,
    requestedAt: campaign.requestedAt.toISOString(),
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
  };
}
