import type { Writable } from 'node:stream';
import type { CellKind, ExportRow, ExportTable } from '../domain/export-table';
import { headerOf } from '../domain/export-table';
import { cellText, formatRow } from '../domain/format-cell';
import { drained, endOutput } from './stream-output';
import type { CsvCopy } from '../evidence-sources';
import type { TableWriter } from './table-writer';

/** Excel reads a CSV file as the local code page (GBK in China) unless it starts with the UTF-8 BOM. */
const BOM = '\uFEFF';
const LINE_END = '\r\n';
/** Rows are handed to the output in chunks of about this many characters: one write per row is slow. */
const CHUNK_CHARS = 64 * 1024;

const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A spreadsheet program runs a cell that starts with one of these as a formula ("CSV injection"), so
 * text from the records that starts with one gets a leading apostrophe, which Excel and LibreOffice
 * show as text (OWASP's advice). Numbers and dates are written by us and left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED_KINDS: ReadonlySet<CellKind> = new Set(['text', 'list']);

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV (RFC 4180) in UTF-8 with a byte-order mark and CRLF line ends, header row first. */
export class CsvTableWriter implements TableWriter {
  private chunk = '';
  private rows = 0;

  constructor(
    private readonly table: ExportTable,
    private readonly output: Writable,
  ) {
    this.chunk = BOM + this.line(table.columns.map((column) => headerOf(column, table.language)));
  }

  async write(row: ExportRow): Promise<void> {
    const cells = formatRow(this.table, row).map((value, index) => {
      const kind = this.table.columns[index]!.kind;
      const text = cellText(value, kind);
      return GUARDED_KINDS.has(kind) ? guardFormula(text) : text;
    });
    this.chunk += this.line(cells);
    this.rows += 1;
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  /** The header, then the data lines `copy` writes (see EvidenceSource.copyCsv); ends the output. */
  async copy(copy: CsvCopy): Promise<number> {
    await this.flush();
    this.rows += await copy(this.output);
    return (await this.end()).rows;
  }

  async end(): Promise<{ rows: number }> {
    await this.flush();
    await endOutput(this.output);
    return { rows: this.rows };
  }

  private line(fields: readonly string[]): string {
    return fields.map(csvField).join(',') + LINE_END;
  }

  private async flush(): Promise<void> {
    if (this.chunk === '') return;
    this.output.write(Buffer.from(this.chunk, 'utf8'));
    this.chunk = '';
    await drained(this.output);
  }
}
