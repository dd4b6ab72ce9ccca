import type { Cell } from './spreadsheet';

export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'enum';

/** One importable column: the field it fills and the header texts people use for it (Chinese and English). */
export interface ColumnSpec {
  field: string;
  headers: readonly string[];
  type: ColumnType;
  /** For enums: every accepted spelling (lower case) and the value it stands for. */
  values?: Readonly<Record<string, string>>;
}

export interface ColumnMatch {
  /** Which spec each column of the file fills, by column index. */
  byIndex: Map<number, ColumnSpec>;
  /** Headers no spec knows (e.g. 序号); their cells are ignored. */
  ignored: string[];
  /** Fields named by more than one column. */
  duplicated: string[];
}

const normalise = (header: string) => header.replace(/\s+/g, '').toLowerCase();

export function matchColumns(headers: readonly string[], specs: readonly ColumnSpec[]): ColumnMatch {
  const byHeader = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const header of spec.headers) byHeader.set(normalise(header), spec);
  const byIndex = new Map<number, ColumnSpec>();
  const ignored: string[] = [];
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  headers.forEach((header, index) => {
    const spec = byHeader.get(normalise(header));
    if (!spec) {
      if (header !== '') ignored.push(header);
      return;
    }
    if (seen.has(spec.field)) duplicated.add(spec.field);
    seen.add(spec.field);
    byIndex.set(index, spec);
  });
  return { byIndex, ignored, duplicated: [...duplicated] };
}

export type Converted = { ok: true; value: string | number | undefined } | { ok: false; problem: string };

const DATE_PATTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

function asText(cell: Exclude<Cell, null>): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Converts a cell to what the field takes; an empty cell is "not given" (undefined). */
export function convertCell(cell: Cell, spec: ColumnSpec): Converted {
  if (cell === null || (typeof cell === 'string' && cell.trim() === ''))
    return { ok: true, value: undefined };
  switch (spec.type) {
    case 'text':
      return { ok: true, value: asText(cell) };
    case 'integer': {
      const value = typeof cell === 'number' ? cell : Number(asText(cell));
      return Number.isInteger(value) ? { ok: true, value } : { ok: false, problem: 'must be a whole number' };
    }
    case 'decimal': {
      const text = asText(cell);
      const value = typeof cell === 'number' ? cell : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'must be a number' };
    }
    case 'date': {
      // XLSX date cells arrive as midnight UTC of the date shown.
      if (cell instanceof Date) return { ok: true, value: cell.toISOString().slice(0, 10) };
      const match = DATE_PATTERN.exec(asText(cell));
      const value = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
      return value ? { ok: true, value } : { ok: false, problem: 'must be a date such as 2026-03-15' };
    }
    case 'enum': {
      const value = spec.values?.[asText(cell).toLowerCase()];
      return value
        ? { ok: true, value }
        : { ok: false, problem: `must be one of ${Object.keys(spec.values ?? {}).join(', ')}` };
    }
  }
}
