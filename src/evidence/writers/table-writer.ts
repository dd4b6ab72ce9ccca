import type { Writable } from 'node:stream';
import type { ExportRow, ExportTable } from '../domain/export-table';
import { CsvTableWriter } from './csv-writer';
import { PdfTableWriter } from './pdf-writer';
import { XlsxTableWriter } from './xlsx-writer';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** File name extensions, without the dot. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { xlsx: 'xlsx', csv: 'csv', pdf: 'pdf' };

export interface ExportFormatInfo {
  format: ExportFormat;
  contentType: string;
  extension: string;
}

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

/** A format named in a request or a stored export, with its content type and extension. */
export function writerFormatOf(format: string): ExportFormatInfo {
  if (!isExportFormat(format)) throw new Error(`Unknown export format ${format}`);
  return { format, contentType: EXPORT_CONTENT_TYPES[format], extension: EXPORT_EXTENSIONS[format] };
}

/**
 * Writes one register as a file, a row at a time: nothing keeps the rows, and `write` waits while
 * the output is full, so memory stays flat however many rows come through.
 */
export interface TableWriter {
  /** Formats and writes one row; resolves when the output can take more. */
  write(row: ExportRow): Promise<void>;
  /** Completes the file and ends the output; resolves once the output has taken every byte. */
  end(): Promise<{ rows: number }>;
}

/**
 * Opens a writer of the table to `output`. The writer ends `output` when the file is complete; on an
 * error (a row that fails to format, a failing output) the caller destroys `output`.
 */
export function openTableWriter(format: ExportFormat, table: ExportTable, output: Writable): TableWriter {
  switch (format) {
    case 'xlsx':
      return new XlsxTableWriter(table, output);
    case 'csv':
      return new CsvTableWriter(table, output);
    case 'pdf':
      return new PdfTableWriter(table, output);
  }
}
