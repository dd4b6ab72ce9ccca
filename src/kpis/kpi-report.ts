import type { Indicator } from '../evidence/domain/evidence-types';
import type { ExportPeriod } from '../evidence/domain/export-table';

/** How a KPI's value reads: a share (0–1), a mean in hours or days, a score, or a plain count. */
export type KpiUnit = 'ratio' | 'hours' | 'days' | 'score' | 'count';

/** One service KPI for a period (GBT27922.md §1), with what it counts so that the figure can be checked. */
export interface KpiValue {
  /** Stable code, e.g. `response-compliance`; also the path of its records list. */
  code: string;
  /** The GB/T 27922 indicators this KPI informs. */
  indicators: readonly Indicator[];
  title: { zh: string; en: string };
  /** What is counted and how, in words a manager and an auditor read. */
  definition: { zh: string; en: string };
  unit: KpiUnit;
  /** For a ratio: the records that meet it; for a mean: the sum; for a count: the count. */
  numerator: number;
  /** The records it is measured over; null for a plain count. */
  denominator: number | null;
  /** numerator ÷ denominator (or the count); null when there is nothing to measure. */
  value: number | null;
  /** `GET` path (under /api/v1) listing the records behind the figure for the same period and outlet. */
  recordsPath: string;
  /** Which way is good: `higher` (a compliance rate) or `lower` (a repeat-repair rate); absent for a plain tally. */
  better?: 'higher' | 'lower';
}

export interface KpiReport {
  period: ExportPeriod;
  /** The outlet the figures are narrowed to; null for the whole company. */
  outletId: string | null;
  computedAt: string;
  /**
   * The day register-based KPIs (staff, certificates, tools, outlets) are judged on: the period's last
   * day, or today while the period has not ended.
   */
  asOf?: string;
  kpis: KpiValue[];
}
