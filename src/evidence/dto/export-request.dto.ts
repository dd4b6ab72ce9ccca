import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { Language } from '../../common/errors/error-messages';
import { IsDateOnly } from '../../common/http/validators';
import { DEFAULT_SAMPLE_SIZE, EVIDENCE_CODES, type EvidenceCode } from '../domain/evidence-types';
import {
  EXPORT_LANGUAGES,
  EXPORT_TYPES,
  MAX_PACK_SAMPLE_SIZE,
  PACK_SEED_PATTERN,
  type ExportType,
} from '../domain/export-jobs';
import { EXPORT_FORMATS, type ExportFormat } from '../writers/table-writer';

const isRegister = (dto: CreateExportDto): boolean => dto.type !== 'pack';
const isPack = (dto: CreateExportDto): boolean => dto.type === 'pack';

export class CreateExportDto {
  @ApiProperty({
    enum: EXPORT_TYPES,
    description:
      'register: one register for the period. pack: the audit pack, a ZIP of every register (XLSX and PDF), ' +
      'sampled record forms, the audit-log verification, an index and a manifest of hashes',
  })
  @IsIn(EXPORT_TYPES)
  type!: ExportType;

  @ApiProperty({
    enum: EVIDENCE_CODES,
    description: 'Register only: the evidence type (GET /evidence lists those the system holds records for)',
  })
  @ValidateIf(isRegister)
  @IsIn(EVIDENCE_CODES)
  evidence!: EvidenceCode;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day, in the company time zone' })
  @IsDateOnly()
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'Last day, included; not before from' })
  @IsDateOnly()
  to!: string;

  @ApiProperty({ enum: EXPORT_FORMATS, description: 'Register only' })
  @ValidateIf(isRegister)
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'zh', description: 'Labels and titles' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PACK_SAMPLE_SIZE,
    default: DEFAULT_SAMPLE_SIZE,
    description: 'Pack only: records drawn of each sampled evidence type, printed as record forms',
  })
  @ValidateIf(isPack)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PACK_SAMPLE_SIZE)
  sampleSize?: number;

  @ApiPropertyOptional({
    pattern: PACK_SEED_PATTERN.source,
    description:
      'Pack only: the seed of the sample draw; the same seed over the same records draws the same sample. ' +
      'A random one is chosen (and recorded on the export) when none is given',
  })
  @ValidateIf(isPack)
  @IsOptional()
  @IsString()
  @Matches(PACK_SEED_PATTERN, { message: 'seed must be 1 to 64 letters, digits, _ or -' })
  seed?: string;
}
