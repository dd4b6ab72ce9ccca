import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { copyCsvLines, streamRows } from '../common/database/stream-rows';
import type { EvidenceCode } from './domain/evidence-types';
import type { ExportColumn, ExportPeriod, ExportRow } from './domain/export-table';
import { sqlCell } from './writers/csv-sql';
import type { EvidenceSource } from './evidence-sources';

/**
 * The period in SQL, for the sources' conditions. Dates compare with `:periodFrom` / `:periodTo`
 * (inclusive); instants are in the period when `>= PERIOD_START` and `< PERIOD_END`: midnight at each
 * end in the company time zone (`:periodZone`), so a report at 07:30 on 1 April in Shanghai belongs
 * to April whatever the server's zone. The comparisons stay on the bare columns, so their indexes serve.
 */
export const PERIOD_START = `(CAST(:periodFrom AS date)::timestamp AT TIME ZONE :periodZone)`;
export const PERIOD_END = `((CAST(:periodTo AS date) + 1)::timestamp AT TIME ZONE :periodZone)`;

/** An instant as the registers print it inside a text: `YYYY-MM-DD HH:mm` in the company time zone. */
export function localMinuteSql(instant: string): string {
  return `to_char(${instant} AT TIME ZONE :periodZone, 'YYYY-MM-DD HH24:MI')`;
}

/**
 * One evidence source as a query. Date columns are selected as `YYYY-MM-DD` text (the driver would
 * turn them into midnights of the server's zone); timestamps arrive as instants; every row also carries
 * `id`, the record's own, which is no column but lets samples and record forms name the record.
 * SQL may name entity properties (`t.reportedAt`): TypeORM rewrites them to columns when a space, `=`,
 * `)` or `,` follows, so cast with `CAST(t.heldOn AS text)`, not `t.heldOn::text`.
 */
export interface QueryEvidenceSpec {
  code: EvidenceCode;
  columns: readonly ExportColumn[];
  /**
   * The records of the period: FROM, joins and WHERE over the period parameters. Only joins that keep
   * one row per record, so that the count is the number of rows.
   */
  records(): SelectQueryBuilder<ObjectLiteral>;
  /** SQL of each column by its key, plus `id`. */
  select: Readonly<Record<string, string>>;
  /** Oldest first by the record's natural date, then a key that makes the order total. */
  orderBy: readonly string[];
  /** For what SQL alone does not make readable (a JSON document flattened to text). */
  map?: (row: ExportRow, period: ExportPeriod) => ExportRow;
}

export function queryEvidenceSource(
  dataSource: DataSource,
  timeZone: string,
  spec: QueryEvidenceSpec,
): EvidenceSource {
  const records = (period: ExportPeriod) =>
    spec.records().setParameters({ periodFrom: period.from, periodTo: period.to, periodZone: timeZone });
  const ordered = (period: ExportPeriod, select: Readonly<Record<string, string>>) => {
    const query = records(period);
    query.select([]);
    for (const [key, sql] of Object.entries(select)) query.addSelect(sql, key);
    spec.orderBy.forEach((order, index) =>
      index === 0 ? query.orderBy(order, 'ASC') : query.addOrderBy(order, 'ASC'),
    );
    return query;
  };
  return {
    code: spec.code,
    columns: spec.columns,
    count: (period) => records(period).getCount(),
    async *rows(period) {
      for await (const row of streamRows(dataSource, ordered(period, spec.select))) {
        yield spec.map ? spec.map(row, period) : row;
      }
    },
    copyCsv(period, language) {
      if (spec.map) return undefined;
      const formatted: Record<string, string> = {};
      for (const column of spec.columns) {
        const sql = sqlCell(column, selected(spec, column.key), language, timeZone);
        if (sql === null) return undefined;
        formatted[column.key] = sql;
      }
      return (output) => copyCsvLines(dataSource, ordered(period, formatted), output);
    },
  };
}

function selected(spec: QueryEvidenceSpec, key: string): string {
  const sql = spec.select[key];
  if (sql === undefined) throw new Error(`Evidence source ${spec.code} selects no column ${key}`);
  return sql;
}
