import type { Tx } from '../database/transaction';

/**
 * The next number of a series in a year. The upsert locks the series' row until the caller's
 * transaction ends, so concurrent callers queue and numbers are sequential with no gaps (a rolled-back
 * transaction gives its number back).
 */
export async function nextInSeries(tx: Tx, series: string, year: number): Promise<number> {
  const rows: { last_value: number }[] = await tx.query(
    `INSERT INTO yearly_sequences (series, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET last_value = yearly_sequences.last_value + 1
     RETURNING last_value`,
    [series, year],
  );
  const row = rows[0];
  if (!row) throw new Error(`No number was handed out for series ${series} ${year}`);
  return row.last_value;
}

/** A human record number: the series, the year and a sequence of at least six digits (RT2026-000001). */
export function formatRecordNumber(series: string, year: number, sequence: number): string {
  return `${series}${year}-${String(sequence).padStart(6, '0')}`;
}
