import type { Page } from '../../common/http/pagination';
import type { KpiCode } from '../domain/kpi-catalog';
import { type KpiFigure, kpiFigure } from '../domain/kpi-figures';
import type { KpiRecord, KpiRecordsQuery, KpiScope, KpiSource } from '../kpi-source';

/**
 * KPIs over registers that stay small whatever the business's volume (staff, certificates, tools,
 * outlets, regions): their records are read whole, so that the owning modules' pure rules (certificate
 * status, inspection status, agreement validity) judge each one, and the figure is counted from them.
 */

/** The records of one KPI, in the order they are listed. */
export interface RegisterKpi {
  code: KpiCode;
  records: KpiRecord[];
}

export function figureOfRecords(kpi: RegisterKpi): KpiFigure {
  return kpiFigure(kpi.code, {
    members: kpi.records.length,
    met: kpi.records.filter((record) => record.met === true).length,
    unmet: kpi.records.filter((record) => record.met === false).length,
    sum: kpi.records.reduce((sum, record) => sum + (record.value ?? 0), 0),
  });
}

/** The condition (with its parameter, `$1`) that narrows a register's rows to the scope's outlet. */
export function outletCondition(scope: KpiScope, column: string): { sql: string; params: string[] } {
  return scope.outletId === null
    ? { sql: '', params: [] }
    : { sql: ` AND ${column} = $1`, params: [scope.outletId] };
}

export function pageOfRecords(records: readonly KpiRecord[], query: KpiRecordsQuery): Page<KpiRecord> {
  const wanted = query.met === undefined ? records : records.filter((record) => record.met === query.met);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: wanted.slice(start, start + query.pageSize),
    total: wanted.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A source of KPIs whose records one function reads and judges for a scope. */
export function registerSource(
  codes: readonly KpiCode[],
  evaluate: (scope: KpiScope) => Promise<RegisterKpi[]>,
): KpiSource {
  return {
    codes,
    async figures(scope) {
      const kpis = await evaluate(scope);
      return new Map(kpis.map((kpi) => [kpi.code, figureOfRecords(kpi)]));
    },
    async records(code, scope, query) {
      const kpi = (await evaluate(scope)).find((candidate) => candidate.code === code);
      if (!kpi) throw new Error(`KPI ${code} is not counted by this source`);
      return pageOfRecords(kpi.records, query);
    },
  };
}
