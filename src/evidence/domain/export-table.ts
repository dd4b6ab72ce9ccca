import type { Language } from '../../common/errors/error-messages';

/** How a cell's value is written: dates in the company time zone, amounts to the fen. */
export const CELL_KINDS = [
  'text',
  'integer',
  'decimal',
  'money',
  'date',
  'datetime',
  'boolean',
  'list',
] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** A column of an exported register: its key in the row, its headers, its width in characters. */
export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  kind: CellKind;
  /** Width in characters for XLSX and relative width for PDF; Chinese characters count double. */
  width: number;
  /**
   * The words for a coded column's values (text and list cells), so that a file reads `保修期内` rather
   * than `in_warranty`; a value without words is written as it is.
   */
  values?: Readonly<Record<string, { zh: string; en: string }>>;
}

/** One record as the register exports it: values by column key, as PostgreSQL returns them. */
export type ExportRow = Record<string, unknown>;

/** What a register export is written from: the title, the columns, and the rows streamed one by one. */
export interface ExportTable {
  title: string;
  /** A line under the title: company, period, when it was made. */
  subtitle: string;
  columns: readonly ExportColumn[];
  language: Language;
  timeZone: string;
}

/** The period an export covers: calendar dates in the company time zone, both ends included. */
export interface ExportPeriod {
  from: string;
  to: string;
}

export function headerOf(column: ExportColumn, language: Language): string {
  return language === 'en' ? column.en : column.zh;
}
