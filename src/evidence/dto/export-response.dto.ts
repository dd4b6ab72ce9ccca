import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import { EVIDENCE_CODES, type EvidenceCode } from '../domain/evidence-types';
import {
  EXPORT_LANGUAGES,
  EXPORT_STATUSES,
  EXPORT_TYPES,
  type ExportFile,
  type ExportStatus,
  type ExportType,
} from '../domain/export-jobs';
import type { Language } from '../../common/errors/error-messages';
import type { ExportEntity } from '../export.entity';
import { EXPORT_FORMATS, type ExportFormat } from '../writers/table-writer';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A register's or a pack's parameters, as stored on the export. */
export class ExportParamsResponse {
  @ApiPropertyOptional({ enum: EVIDENCE_CODES, description: 'Register only' }) evidence?: EvidenceCode;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'Register only' }) format?: ExportFormat;
  @ApiProperty({ enum: EXPORT_LANGUAGES }) lang!: Language;
  @ApiPropertyOptional({ description: 'Pack only: records drawn of each sampled type' }) sampleSize?: number;
  @ApiPropertyOptional({ description: 'Pack only: the seed the sample was drawn with' }) seed?: string;
}

export class ExportFileResponse implements ExportFile {
  @ApiProperty({ example: 'repair-requests_2026-01-01_2026-06-30.xlsx' }) path!: string;
  @ApiProperty({ example: 'text/csv; charset=utf-8' }) contentType!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'Lower-case hex SHA-256 of the bytes' }) sha256!: string;
  @ApiProperty({ description: 'Records written (for an audit pack: the files inside the ZIP)' })
  records!: number;
}

export class ExportRequesterRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_TYPES }) type!: ExportType;
  @ApiProperty({ type: ExportParamsResponse }) params!: ExportParamsResponse;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last build failed' })
  error!: string | null;
  @ApiProperty({ type: [ExportFileResponse], description: 'Empty until done' })
  files!: ExportFileResponse[];
  @ApiProperty({ type: ExportRequesterRef }) requestedBy!: ExportRequesterRef;
  @ApiProperty({ description: 'Builds started so far' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Last sign of life of a running build; one silent for 10 minutes may be retried',
  })
  progressAt!: string | null;
}

export class ExportPageResponse extends PageResponseOf(ExportResponse) {}

/** An export as the API shows it; the row must be read with its requester. */
export function toExportResponse(row: ExportEntity): ExportResponse {
  if (!row.requester) throw new Error(`Export ${row.id} was read without its requester`);
  return {
    id: row.id,
    type: row.type,
    params: row.params,
    status: row.status,
    percent: row.percent,
    error: row.error,
    files: row.files,
    requestedBy: { id: row.requester.id, name: row.requester.displayName },
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    progressAt: iso(row.progressAt),
  };
}
