import type { CalendarDate } from '../common/calendar';
import type { Page, PageQuery } from '../common/http/pagination';
import type { ExportPeriod } from '../evidence/domain/export-table';
import type { KpiCode } from './domain/kpi-catalog';
import type { KpiFigure } from './domain/kpi-figures';

/** What every KPI is computed for: the period, the outlet (or the whole company) and the moment. */
export interface KpiScope {
  period: ExportPeriod;
  outletId: string | null;
  /** Deadlines are decided against this instant. */
  now: Date;
  /** The day register-based KPIs are judged on (domain/kpi-figures asOfDay). */
  asOf: CalendarDate;
  timeZone: string;
}

export const KPI_RECORD_TYPES = [
  'ticket',
  'follow_up',
  'inspection',
  'survey_invitation',
  'complaint',
  'return',
  'rectification_action',
  'asset',
  'user',
  'qualification',
  'tool',
  'document',
  'outlet',
  'region',
] as const;
export type KpiRecordType = (typeof KPI_RECORD_TYPES)[number];

export type KpiFact = string | number | boolean | null | string[];

/** One record behind a figure. */
export interface KpiRecord {
  type: KpiRecordType;
  /** The record's id; a sales region, which is no record of its own, by its name. */
  id: string;
  /** How people name it: a ticket or complaint number, a username, a tool or outlet code, a region. */
  reference: string;
  /**
   * Whether it counts in the numerator: met (a share), counted (a mean or a tally: always true);
   * for NPS true for a promoter, false for a detractor, null for a passive.
   */
  met: boolean | null;
  /** What it adds to a mean (hours, days) or its score (NPS); null otherwise. */
  value: number | null;
  /** The facts it was judged on: instants as ISO 8601, dates as YYYY-MM-DD. */
  facts: Record<string, KpiFact>;
}

export interface KpiRecordsQuery extends PageQuery {
  /** Only the records that count in the numerator (true) or only those that do not (false). */
  met?: boolean;
}

/**
 * A group of KPIs computed together (one query per cohort of records): their figures for a scope,
 * and the records behind any one of them.
 */
export interface KpiSource {
  readonly codes: readonly KpiCode[];
  figures(scope: KpiScope): Promise<Map<KpiCode, KpiFigure>>;
  records(code: KpiCode, scope: KpiScope, query: KpiRecordsQuery): Promise<Page<KpiRecord>>;
}
