import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';

import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNonNull } from '../../common/http/validators';
import {
  ExpectedVersionDto,
  RegisterListQueryDto,
  RegisterRecordResponse,
  recordMeta,
} from '../../common/registers/register.dto';
import type { UserEntity } from '../../users/user.entity';
import type { PerformanceReviewEntity } from '../performance-review.entity';
import { IsDateOnly } from '../../common/http/validators';
import { PageResponseOf } from '../../common/http/pagination';

export class CreatePerformanceReviewDto {
  @ApiProperty({ format: 'uuid', description: 'The person reviewed' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2026年第三季度' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  period!: string;

  @ApiProperty({ format: 'date', example: '2026-07-01' })
  @IsDateOnly()
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2026-09-30', description: 'Not before periodStart' })
  @IsDateOnly()
  periodEnd!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 88.5 })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  score!: number;

  @ApiPropertyOptional({ nullable: true, example: 'B' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  grade?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  comments?: string | null;
}

/** Whose review it is does not change: a review of the wrong person is a new record. */
export class UpdatePerformanceReviewDto extends IntersectionType(
  PartialType(OmitType(CreatePerformanceReviewDto, ['userId'] as const), { skipNullProperties: false }),
  ExpectedVersionDto,
) {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class ListPerformanceReviewsQueryDto extends RegisterListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Reviews whose period ends on or after this day' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Reviews whose period starts on or before this day' })
  @IsOptional()
  @IsDateOnly()
  to?: string;
}

export class PerformanceReviewResponse extends RegisterRecordResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ nullable: true, type: String }) grade!: string | null;
  @ApiProperty({ description: 'Who recorded the review' }) reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
}

export class PerformanceReviewPageResponse extends PageResponseOf(PerformanceReviewResponse) {}

/** A review with the person reviewed and the reviewer loaded, as the service returns it. */
export type PerformanceReviewWithPeople = PerformanceReviewEntity & {
  user: UserEntity;
  reviewer: UserEntity;
};

export function toPerformanceReviewResponse(review: PerformanceReviewWithPeople): PerformanceReviewResponse {
  return {
    ...recordMeta(review),
    userId: review.userId,
    username: review.user.username,
    displayName: review.user.displayName,
    period: review.period,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    score: review.score,
    grade: review.grade,
    reviewerId: review.reviewerId,
    reviewerName: review.reviewer.displayName,
    comments: review.comments,
  };
}
