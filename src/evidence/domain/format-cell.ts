import { formatDateTime } from '../../common/calendar';
import type { Language } from '../../common/errors/error-messages';
import type { CellKind, ExportColumn, ExportRow, ExportTable } from './export-table';

/**
 * A cell as the writers put it in a file. Numeric kinds stay numbers so that a spreadsheet can sum and
 * sort them (XLSX stores them as numbers, money with a two-decimal format); dates stay text, already
 * read in the company time zone, because a spreadsheet date has no time zone and would show whatever
 * the reader's machine makes of it. `null` is an empty cell.
 */
export type CellValue = string | number | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const BOOLEAN_TEXT: Record<Language, { yes: string; no: string }> = {
  zh: { yes: '是', no: '否' },
  en: { yes: 'Yes', no: 'No' },
};

const LIST_SEPARATOR: Record<Language, string> = { zh: '、', en: ', ' };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function unexpected(value: unknown, kind: CellKind): TypeError {
  return new TypeError(`Cannot write ${JSON.stringify(value)} as a ${kind} cell`);
}

function toNumber(value: unknown, kind: CellKind): number {
  // PostgreSQL numeric and bigint arrive as strings.
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw unexpected(value, kind);
  return number;
}

function toDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value)) return value;
  // node-postgres parses a `date` column into local midnight, so its local fields are the stored date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  throw unexpected(value, 'date');
}

function toInstant(value: unknown): Date {
  const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) throw unexpected(value, 'datetime');
  return instant;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  // jsonb arrives as objects.
  return JSON.stringify(value) ?? '';
}

type ValueLabels = ExportColumn['values'];

/** A text as its words in the language when the column has words for it, else as it is. */
function labelled(value: unknown, values: ValueLabels, language: Language): string {
  const text = toText(value);
  return values && Object.hasOwn(values, text) ? (values[text]?.[language] ?? text) : text;
}

/**
 * A list item: a value, or an array of parts (a date, a code, a number…) written one after another with
 * a space, each part labelled on its own, so that a code inside an item reads as words too.
 */
function listItem(item: unknown, values: ValueLabels, language: Language): string {
  if (!Array.isArray(item)) return labelled(item, values, language);
  return item
    .filter((part) => part !== null && part !== undefined)
    .map((part) => labelled(part, values, language))
    .join(' ');
}

/**
 * One value of a row as its column's kind writes it: dates `YYYY-MM-DD`, instants `YYYY-MM-DD HH:mm`
 * in the company time zone, amounts rounded to the fen, 是/否 (Yes/No), lists joined with 、(", "),
 * coded text and list items as their words in the language (`values`).
 * A value that cannot be of its kind (a word in an amount column) is a bug in the source and throws.
 */
export function formatCell(
  value: unknown,
  kind: CellKind,
  language: Language,
  timeZone: string,
  values?: ValueLabels,
): CellValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return labelled(value, values, language);
    case 'integer': {
      const number = toNumber(value, kind);
      if (!Number.isInteger(number)) throw unexpected(value, kind);
      // A bigint past 2^53 would lose digits as a number; its text keeps them.
      return Number.isSafeInteger(number) ? number : toText(value);
    }
    case 'decimal':
      return toNumber(value, kind);
    case 'money':
      // Amounts are stored to the fen; rounding only drops binary noise from arithmetic on them.
      return Math.round(toNumber(value, kind) * 100) / 100;
    case 'date':
      return toDate(value);
    case 'datetime':
      return formatDateTime(toInstant(value), timeZone);
    case 'boolean':
      if (typeof value !== 'boolean') throw unexpected(value, kind);
      return value ? BOOLEAN_TEXT[language].yes : BOOLEAN_TEXT[language].no;
    case 'list':
      if (typeof value === 'string') return labelled(value, values, language);
      if (!Array.isArray(value)) throw unexpected(value, kind);
      return value
        .filter((item) => item !== null && item !== undefined)
        .map((item) => listItem(item, values, language))
        .join(LIST_SEPARATOR[language]);
  }
}

/** A formatted cell as text, for CSV and PDF: amounts always with two decimals, empty for null. */
export function cellText(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (kind === 'money' && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

/** A row's cells in column order, each formatted by its column's kind and words. */
export function formatRow(table: ExportTable, row: ExportRow): CellValue[] {
  return table.columns.map((column) =>
    formatCell(row[column.key], column.kind, table.language, table.timeZone, column.values),
  );
}
