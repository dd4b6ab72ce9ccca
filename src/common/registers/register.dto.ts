import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { IsOptionalNonNull } from '../http/validators';
import type { RegisterRecord } from './register-record';

/** `?active=true|false` as a boolean; anything else is left for the validator to refuse. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The version the client read; a mismatch is 409 VERSION_CONFLICT. Updates, deletes and actions accept it. */
export class ExpectedVersionDto {
  @ApiPropertyOptional({ description: 'The version you read; a mismatch is 409 VERSION_CONFLICT' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** `?expectedVersion=` on a DELETE, which has no body. */
export class ExpectedVersionQueryDto {
  @ApiPropertyOptional({ description: 'The version you read; a mismatch is 409 VERSION_CONFLICT' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** Paging, a text search and the active filter, shared by every register list. */
export class RegisterListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text search' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) records' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

/** The fields every register response carries. */
export class RegisterRecordResponse {
  @ApiProperty() id!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export function recordMeta(record: RegisterRecord): RegisterRecordResponse {
  return {
    id: record.id,
    active: record.active,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
