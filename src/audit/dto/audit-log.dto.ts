import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, PageResponseOf } from '../../common/http/pagination';
import { IsApiDate } from '../../common/http/validators';
import { type AuditLogEntity, chainedFields } from '../audit-log.entity';

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @IsOptional()
  @IsApiDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsApiDate()
  to?: Date;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Position in the chain (a decimal string)' }) seq!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AuditPageResponse extends PageResponseOf(AuditEntryResponse) {}

export class VerifyResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiPropertyOptional({ description: 'Sequence of the first entry that does not fit the chain' })
  firstBrokenSeq?: string;

  @ApiProperty({ nullable: true, type: String, description: 'Sequence of the last entry that fits' })
  headSeq!: string | null;

  @ApiProperty({ description: 'Hash of the last entry that fits; kept elsewhere, it pins the whole chain' })
  headHash!: string;
}

export function toAuditEntryResponse(entry: AuditLogEntity): AuditEntryResponse {
  return { ...chainedFields(entry), changes: entry.changes, prevHash: entry.prevHash, hash: entry.hash };
}
