import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
