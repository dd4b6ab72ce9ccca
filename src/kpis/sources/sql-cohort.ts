import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/http/pagination';
import { PERIOD_END, PERIOD_START } from '../../evidence/evidence-query';
import type { KpiCode } from '../domain/kpi-catalog';
import { type KpiCounts, type KpiFigure, kpiFigure } from '../domain/kpi-figures';
import type { KpiFact, KpiRecord, KpiRecordType, KpiRecordsQuery, KpiScope, KpiSource } from '../kpi-source';

/**
 * KPIs counted over one cohort of records (e.g. the tickets reported in the period) in one query:
 * each KPI is a FILTER over the cohort, so a year of a million tickets is read once, whatever the
 * number of KPIs. The same SQL lists the records behind a figure, so the list and the figure cannot
 * disagree. Conditions may use :periodFrom, :periodTo, :periodZone (the period), :now and :asOf.
 */

/** An instant in the period (company time zone); on the bare column, so its index serves. */
export function withinPeriod(column: string): string {
  return `${column} >= ${PERIOD_START} AND ${column} < ${PERIOD_END}`;
}

/** A date (YYYY-MM-DD, already a company day) in the period. */
export function onPeriodDay(column: string): string {
  return `${column} >= CAST(:periodFrom AS date) AND ${column} <= CAST(:periodTo AS date)`;
}

export interface CohortKpi {
  code: KpiCode;
  record: KpiRecordType;
  /** Which rows of the cohort the KPI is measured over (SQL boolean). */
  member: string;
  /** Whether a member counts in the numerator (SQL boolean; NULL for neither). Default: every member. */
  met?: string;
  /** A member's contribution to a mean, or its score (SQL number). */
  value?: string;
  /** The record's id and how people name it (SQL). */
  id: string;
  reference: string;
  /** SQL of each fact listed with a record. Timestamps arrive as instants; cast dates to text. */
  facts: Readonly<Record<string, string>>;
  /** Oldest first by the record's natural time, then a key that makes the order total. */
  orderBy: readonly string[];
  /** The figure from the counts, when the unit's default (share, mean or tally) does not fit. */
  figure?: (counts: KpiCounts) => KpiFigure;
}

export interface Cohort {
  /**
   * FROM with the joins the cohort's KPIs read. Joins used only by record lists should be LEFT JOINs
   * on a unique key: PostgreSQL drops them from the figures' query. `outlet(column)` gives the outlet
   * condition (`AND column = …`, or nothing) for subqueries that should narrow early.
   */
  from(outlet: (column: string) => string): string;
  /** The rows of the period. */
  where: string;
  /** The column an outlet narrows the cohort on. */
  outletColumn: string;
  /** Further parameters the SQL names. */
  params?: Readonly<Record<string, unknown>>;
  kpis: readonly CohortKpi[];
}

type Row = Record<string, unknown>;

/**
 * Runs a read in its own transaction with JIT compilation off: PostgreSQL judges a year's cohort costly
 * enough to compile its many FILTER expressions, and compiling took longer (over a second at a million
 * tickets) than evaluating them.
 */
function withoutJit<T>(dataSource: DataSource, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL jit = off');
    return read(manager);
  });
}

function factValue(value: unknown): KpiFact {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String);
  return JSON.stringify(value);
}

export function cohortSource(dataSource: DataSource, cohort: Cohort): KpiSource {
  const parameters = (scope: KpiScope, extra: Record<string, unknown> = {}) => ({
    periodFrom: scope.period.from,
    periodTo: scope.period.to,
    periodZone: scope.timeZone,
    now: scope.now,
    asOf: scope.asOf,
    outletId: scope.outletId,
    ...cohort.params,
    ...extra,
  });
  const outlet = (scope: KpiScope) => (column: string) =>
    scope.outletId === null ? '' : ` AND ${column} = :outletId`;
  const base = (scope: KpiScope) =>
    `FROM ${cohort.from(outlet(scope))} WHERE ${cohort.where}${outlet(scope)(cohort.outletColumn)}`;
  const run = <T>(sql: string, params: Record<string, unknown>): Promise<T[]> => {
    const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, params, {});
    return withoutJit(dataSource, (manager) => manager.query<T[]>(query, values));
  };
  const find = (code: KpiCode): CohortKpi => {
    const kpi = cohort.kpis.find((candidate) => candidate.code === code);
    if (!kpi) throw new Error(`KPI ${code} is not counted over this cohort`);
    return kpi;
  };

  return {
    codes: cohort.kpis.map((kpi) => kpi.code),

    async figures(scope) {
      const columns = cohort.kpis.flatMap((kpi, index) => {
        const member = `(${kpi.member})`;
        const met = `(${kpi.met ?? 'true'})`;
        // Only what the KPI's figure reads: each FILTER costs its expressions on every row of the cohort.
        return [
          `count(*) FILTER (WHERE ${member})::int AS m${index}`,
          ...(kpi.met ? [`count(*) FILTER (WHERE ${member} AND ${met} IS TRUE)::int AS y${index}`] : []),
          ...(kpi.figure ? [`count(*) FILTER (WHERE ${member} AND ${met} IS FALSE)::int AS n${index}`] : []),
          ...(kpi.value
            ? [`COALESCE(sum(${kpi.value}) FILTER (WHERE ${member}), 0)::float8 AS s${index}`]
            : []),
        ];
      });
      const [row] = await run<Row>(`SELECT ${columns.join(',\n')} ${base(scope)}`, parameters(scope));
      const figures = new Map<KpiCode, KpiFigure>();
      cohort.kpis.forEach((kpi, index) => {
        const members = Number(row?.[`m${index}`] ?? 0);
        const counts: KpiCounts = {
          members,
          met: kpi.met ? Number(row?.[`y${index}`] ?? 0) : members,
          unmet: Number(row?.[`n${index}`] ?? 0),
          sum: Number(row?.[`s${index}`] ?? 0),
        };
        figures.set(kpi.code, kpiFigure(kpi.code, counts, kpi.figure));
      });
      return figures;
    },

    async records(code, scope, query: KpiRecordsQuery): Promise<Page<KpiRecord>> {
      const kpi = find(code);
      const met = `(${kpi.met ?? 'true'})`;
      const filter = query.met === undefined ? '' : ` AND ${met} = :metWanted`;
      const where = `${base(scope)} AND (${kpi.member})${filter}`;
      const params = parameters(scope, {
        metWanted: query.met,
        pageLimit: query.pageSize,
        pageOffset: (query.page - 1) * query.pageSize,
      });
      const facts = Object.entries(kpi.facts);
      const select = [
        `${kpi.id} AS id`,
        `${kpi.reference} AS reference`,
        `${met} AS met`,
        `${kpi.value ? `(${kpi.value})::float8` : 'NULL'} AS value`,
        ...facts.map(([, sql], index) => `${sql} AS f${index}`),
      ];
      const [rows, counted] = await Promise.all([
        run<Row>(
          `SELECT ${select.join(', ')} ${where} ORDER BY ${kpi.orderBy.join(', ')} LIMIT :pageLimit OFFSET :pageOffset`,
          params,
        ),
        run<{ total: number }>(`SELECT count(*)::int AS total ${where}`, params),
      ]);
      return {
        items: rows.map((row) => ({
          type: kpi.record,
          id: String(row.id),
          reference: String(row.reference),
          met: row.met === null ? null : Boolean(row.met),
          value: row.value === null ? null : Number(row.value),
          facts: Object.fromEntries(facts.map(([key], index) => [key, factValue(row[`f${index}`])])),
        })),
        total: counted[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
