import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type PoolClient, escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CrlfLines } from './crlf-lines';

/**
 * The raw rows of a query, streamed through a cursor (pg-query-stream) on a connection of its own, so
 * that a year of records never sits in memory at once. The connection goes back to the pool when the
 * caller stops reading, however it stops.
 */
export async function* streamRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  query: SelectQueryBuilder<T>,
): AsyncGenerator<Record<string, unknown>> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    const stream = await query.setQueryRunner(runner).stream();
    try {
      for await (const row of stream) yield row as Record<string, unknown>;
    } finally {
      stream.destroy();
    }
  } finally {
    await runner.release();
  }
}

/**
 * A query's rows as CSV lines straight from PostgreSQL (`COPY (query) TO STDOUT`), with CRLF line
 * ends, written into `output` without ending it; resolves to the number of rows. COPY takes no
 * parameters, so the query's are written into its text as literals.
 */
export async function copyCsvLines<T extends ObjectLiteral>(
  dataSource: DataSource,
  query: SelectQueryBuilder<T>,
  output: Writable,
): Promise<number> {
  const [sql, parameters] = query.getQueryAndParameters();
  const runner = dataSource.createQueryRunner('slave');
  try {
    const client = (await runner.connect()) as PoolClient;
    const copy = client.query(copyTo(`COPY (${withLiterals(sql, parameters)}) TO STDOUT (FORMAT csv)`));
    const lines = new CrlfLines();
    await pipeline(copy, lines, output, { end: false });
    return lines.lines;
  } finally {
    await runner.release();
  }
}

/** `$n` placeholders outside quoted literals replaced by their values as SQL literals. */
export function withLiterals(sql: string, parameters: readonly unknown[]): string {
  return sql.replace(/'(?:[^']|'')*'|\$(\d+)/g, (match, index: string | undefined) =>
    index === undefined ? match : literal(parameters[Number(index) - 1]),
  );
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
  throw new TypeError(`Cannot write ${typeof value} ${JSON.stringify(value)} into a COPY query`);
}
