import type { Writable } from 'node:stream';
import type { ExportPeriod, ExportTable } from '../domain/export-table';
import type { EvidenceSource } from '../evidence-sources';
import { CsvTableWriter } from './csv-writer';
import { type ExportFormat, openTableWriter } from './table-writer';

/**
 * Writes a source's records of the period as one register file and ends `output`; returns the
 * number of records. A CSV whose columns PostgreSQL can format itself comes straight from COPY
 * (a year of tickets in seconds); everything else goes row by row through the format's writer.
 * `onRows` hears how many rows are written so far.
 */
export async function writeRegister(
  source: EvidenceSource,
  format: ExportFormat,
  table: ExportTable,
  period: ExportPeriod,
  output: Writable,
  onRows: (rows: number) => void = () => undefined,
): Promise<number> {
  const copy = format === 'csv' ? source.copyCsv?.(period, table.language) : undefined;
  if (copy) {
    const writer = new CsvTableWriter(table, output);
    const rows = await writer.copy(copy);
    onRows(rows);
    return rows;
  }
  const writer = openTableWriter(format, table, output);
  let rows = 0;
  for await (const row of source.rows(period)) {
    await writer.write(row);
    rows += 1;
    onRows(rows);
  }
  return (await writer.end()).rows;
}
