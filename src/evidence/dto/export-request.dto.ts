import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, NotEquals, ValidateIf } from 'class-validator';
import type { Language } from '../../common/errors/error-messages';
import { IsDateOnly } from '../../common/http/validators';
import { EVIDENCE_CODES, type EvidenceCode } from '../domain/evidence-types';
import { EXPORT_LANGUAGES, EXPORT_TYPES, type ExportType } from '../domain/export-jobs';
import { EXPORT_FORMATS, type ExportFormat } from '../writers/table-writer';

const isRegister = (dto: CreateExportDto): boolean => dto.type !== 'pack';

export class CreateExportDto {
  @ApiProperty({
    enum: EXPORT_TYPES,
    description: 'register: one register for the period. pack (the audit pack) is not available yet.',
  })
  @IsIn(EXPORT_TYPES)
  @NotEquals('pack', {
    message: 'the audit pack is not available yet; export the registers one by one with type "register"',
  })
  type!: ExportType;

  @ApiProperty({
    enum: EVIDENCE_CODES,
    description: 'The evidence type (GET /evidence lists those the system holds records for)',
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

  @ApiProperty({ enum: EXPORT_FORMATS })
  @ValidateIf(isRegister)
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'zh', description: 'Labels and titles' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: Language;
}
