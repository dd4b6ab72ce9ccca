import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportRow, ExportTable } from '../domain/export-table';
import { headerOf } from '../domain/export-table';
import { type CellValue, formatRow } from '../domain/format-cell';
import { type DrainableStream, drained, isDrainableStream, outputFinished } from './stream-output';
import type { TableWriter } from './table-writer';

/** Excel's limits: a sheet name of 31 characters without []:*?/\, a cell of 32,767 characters. */
const SHEET_NAME_MAX = 31;
const CELL_TEXT_MAX = 32_767;
const TRUNCATED = '…';

const MONEY_FORMAT = '#,##0.00';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } },
  border: {
    top: { style: 'thin', color: { argb: 'FF999999' } },
    bottom: { style: 'thin', color: { argb: 'FF999999' } },
    left: { style: 'thin', color: { argb: 'FF999999' } },
    right: { style: 'thin', color: { argb: 'FF999999' } },
  },
  alignment: { vertical: 'middle', wrapText: true },
};

/** The register's title as a sheet name Excel accepts. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, SHEET_NAME_MAX)
    .trim();
  return name || 'Sheet1';
}

/** Excel cannot hold a longer cell (it would "repair" the file); the CSV keeps the whole text. */
function fitCell(value: CellValue): CellValue {
  return typeof value === 'string' && value.length > CELL_TEXT_MAX
    ? value.slice(0, CELL_TEXT_MAX - TRUNCATED.length) + TRUNCATED
    : value;
}

/**
 * exceljs hands each sheet's XML to its ZIP writer through a PassThrough (of the readable-stream
 * package) whose fullness it ignores, so rows would pile up there while the deflate and the output
 * catch up. Waiting on that stream's 'drain' is what bounds them. It is a library internal, found by
 * shape: without it only the output's own backpressure would apply.
 */
function sheetPipes(sheet: ExcelJS.Worksheet): DrainableStream[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter(isDrainableStream) : [];
}

/**
 * XLSX through exceljs's streaming writer: one sheet named after the register, a bold, filled and
 * bordered header in row 1, frozen and filtered, column widths from the columns, and each row
 * committed (written out) as soon as it is added. Numbers are numbers (amounts shown with two
 * decimals); dates are text already read in the company time zone (see CellValue).
 */
export class XlsxTableWriter implements TableWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly pipes: DrainableStream[];
  private rows = 0;

  constructor(
    private readonly table: ExportTable,
    private readonly output: Writable,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet(sheetName(table.title), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    this.sheet.columns = table.columns.map((column) => ({
      key: column.key,
      width: column.width,
      style: column.kind === 'money' ? { numFmt: MONEY_FORMAT } : {},
    }));
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    const header = this.sheet.addRow(table.columns.map((column) => headerOf(column, table.language)));
    header.eachCell((cell) => {
      cell.style = HEADER_STYLE;
    });
    header.commit();
    this.pipes = sheetPipes(this.sheet);
  }

  async write(row: ExportRow): Promise<void> {
    this.sheet.addRow(formatRow(this.table, row).map(fitCell)).commit();
    this.rows += 1;
    for (const pipe of this.pipes) await drained(pipe);
    await drained(this.output);
  }

  async end(): Promise<{ rows: number }> {
    this.sheet.commit();
    // commit() ends the output; watching the output too turns its early close into an error, not a hang.
    await Promise.all([this.workbook.commit(), outputFinished(this.output)]);
    return { rows: this.rows };
  }
}
