import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A cell as the import reads it: text, a number, a date (XLSX date cells) or nothing. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet program shows: the header is row 1. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export type SheetFormat = 'csv' | 'xlsx';

export class SpreadsheetError extends Error {}

/** The format of an uploaded file, from its name and content type; null when it is neither. */
export function sheetFormat(fileName: string, contentType: string): SheetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || contentType.includes('spreadsheetml')) return 'xlsx';
  if (lower.endsWith('.csv') || contentType === 'text/csv') return 'csv';
  return null;
}

/**
 * CSV files saved by Excel on Chinese Windows are GB18030 (GBK), others UTF-8 with or without a byte
 * order mark: UTF-8 is tried strictly first, and GB18030 only when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function toSheet(table: Cell[][]): Sheet {
  const [header, ...body] = table;
  if (!header || isBlank(header)) throw new SpreadsheetError('The first row must name the columns');
  const rows = body.map((cells, index) => ({ row: index + 2, cells })).filter((row) => !isBlank(row.cells));
  return { headers: header.map((cell) => (cell === null ? '' : String(cell).trim())), rows };
}

export function readCsv(bytes: Buffer): Sheet {
  let table: string[][];
  try {
    table = parse(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    throw new SpreadsheetError(`The CSV file cannot be read: ${(error as Error).message}`);
  }
  return toSheet(table.map((cells) => cells.map((cell) => (cell === '' ? null : cell))));
}

/** The value a person sees in an XLSX cell: formulas by their result, rich text and links by their text. */
function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('result' in value) return xlsxCell(value.result);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return null;
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SpreadsheetError(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
  return workbook;
}

/** Reads the first worksheet. */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const sheet = (await loadWorkbook(bytes)).worksheets[0];
  if (!sheet) throw new SpreadsheetError('The workbook has no worksheet');
  return worksheetSheet(sheet);
}

/** Reads every worksheet that holds anything, by its name as the workbook shows it, in workbook order. */
export async function readXlsxSheets(bytes: Buffer): Promise<{ name: string; sheet: Sheet }[]> {
  const workbook = await loadWorkbook(bytes);
  return workbook.worksheets
    .filter((worksheet) => worksheet.actualRowCount > 0)
    .map((worksheet) => ({ name: worksheet.name, sheet: worksheetSheet(worksheet) }));
}

function worksheetSheet(sheet: ExcelJS.Worksheet): Sheet {
  const table: Cell[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(xlsxCell(row.getCell(column).value));
    table[rowNumber - 1] = cells;
  });
  // eachRow skips nothing with includeEmpty, but rows past the last used one are absent: fill gaps.
  return toSheet(Array.from(table, (cells) => cells ?? []));
}

export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<Sheet> {
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}
