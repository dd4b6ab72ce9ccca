import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDateOnly } from '../../common/http/validators';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import {
  ExpectedVersionDto,
  RegisterRecordResponse,
  ToBoolean,
  recordMeta,
} from '../../common/registers/register.dto';
import type { OutletReviewEntity } from '../outlet-review.entity';
import type { OutletEntity } from '../outlet.entity';
import {
  RECTIFICATION_STATUSES,
  type RectificationActionEntity,
  type RectificationStatus,
} from '../rectification-action.entity';

export class CreateOutletReviewDto {
  @ApiProperty({ example: 2026, description: 'The year reviewed; one review per outlet and year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  reviewedOn!: string;

  @ApiProperty({ example: '李娜（售后服务管理师）' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reviewer!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 86.5 })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score!: number;

  @ApiProperty({ example: '备件台账不完整；回访记录缺少客户签字' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  findings!: string;

  @ApiPropertyOptional({ nullable: true, example: '基本合格，限期整改' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  conclusion?: string | null;
}

export class UpdateOutletReviewDto extends IntersectionType(
  PartialType(CreateOutletReviewDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {}

export class CreateRectificationActionDto {
  @ApiProperty({ example: '补全 2026 年备件出入库台账' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description!: string;

  @ApiPropertyOptional({ nullable: true, example: '王强（网点负责人）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  responsible?: string | null;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  dueOn!: string;
}

export class UpdateRectificationActionDto extends IntersectionType(
  PartialType(CreateRectificationActionDto, { skipNullProperties: false }),
  ExpectedVersionDto,
) {}

export class CloseRectificationActionDto extends ExpectedVersionDto {
  @ApiProperty({ example: '台账已补全，经复核无误' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  closureNote!: string;
}

export class ListRectificationActionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: RectificationStatus;

  @ApiPropertyOptional({
    description: 'Only actions still open past their due date (true), or the others (false)',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}

export class RectificationActionResponse extends RegisterRecordResponse {
  @ApiProperty() reviewId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) responsible!: string | null;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: RectificationStatus;
  @ApiProperty({ description: 'Still open after its due date (company time zone)' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) closureNote!: string | null;
}

/** An action in the cross-outlet tracking list, with the outlet and review it came from. */
export class TrackedRectificationActionResponse extends RectificationActionResponse {
  @ApiProperty() outletId!: string;
  @ApiProperty() outletCode!: string;
  @ApiProperty() outletName!: string;
  @ApiProperty() reviewYear!: number;
}

export class TrackedRectificationActionPageResponse extends PageResponseOf(
  TrackedRectificationActionResponse,
) {}

export class OutletReviewResponse extends RegisterRecordResponse {
  @ApiProperty() outletId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date' }) reviewedOn!: string;
  @ApiProperty() reviewer!: string;
  @ApiProperty() score!: number;
  @ApiProperty() findings!: string;
  @ApiProperty({ nullable: true, type: String }) conclusion!: string | null;
  @ApiProperty({ type: [RectificationActionResponse] })
  @Type(() => RectificationActionResponse)
  actions!: RectificationActionResponse[];
  @ApiProperty({ description: 'How many of its rectification actions are still open' }) openActions!: number;
}

export class OutletReviewPageResponse extends PageResponseOf(OutletReviewResponse) {}

/** A review with its rectification actions, as the outlet's file holds it. */
export interface ReviewWithActions {
  review: OutletReviewEntity;
  actions: RectificationActionEntity[];
}

/** An action with the review and outlet it belongs to. */
export interface TrackedRectificationAction {
  action: RectificationActionEntity;
  review: OutletReviewEntity;
  outlet: OutletEntity;
}

/** `today` (YYYY-MM-DD, company zone) decides which open actions are overdue. */
export function toRectificationActionResponse(
  action: RectificationActionEntity,
  today: string,
): RectificationActionResponse {
  return {
    ...recordMeta(action),
    reviewId: action.reviewId,
    description: action.description,
    responsible: action.responsible,
    dueOn: action.dueOn,
    status: action.status,
    overdue: action.status === 'open' && action.dueOn < today,
    closedAt: action.closedAt?.toISOString() ?? null,
    closedBy: action.closedBy,
    closureNote: action.closureNote,
  };
}

export function toTrackedRectificationActionResponse(
  { action, review, outlet }: TrackedRectificationAction,
  today: string,
): TrackedRectificationActionResponse {
  return {
    ...toRectificationActionResponse(action, today),
    outletId: outlet.id,
    outletCode: outlet.code,
    outletName: outlet.name,
    reviewYear: review.year,
  };
}

export function toOutletReviewResponse(
  { review, actions }: ReviewWithActions,
  today: string,
): OutletReviewResponse {
  return {
    ...recordMeta(review),
    outletId: review.outletId,
    year: review.year,
    reviewedOn: review.reviewedOn,
    reviewer: review.reviewer,
    score: review.score,
    findings: review.findings,
    conclusion: review.conclusion,
    actions: actions.map((action) => toRectificationActionResponse(action, today)),
    openActions: actions.filter((action) => action.status === 'open').length,
  };
}
