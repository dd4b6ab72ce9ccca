import { INDICATOR_LABELS, INDICATORS } from '../evidence/domain/evidence-types';
import type { ExportColumn, ExportPeriod, ExportRow } from '../evidence/domain/export-table';
import type { EvidenceSource } from '../evidence/evidence-sources';
import type { Labels } from '../common/labels';
import { KPI_DEFINITIONS, type KpiCode } from './domain/kpi-catalog';
import type { KpiUnit } from './kpi-report';
import type { KpisService } from './kpis.service';

const UNIT_LABELS: Labels<KpiUnit> = {
  ratio: { zh: '比率（0–1）', en: 'ratio (0–1)' },
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
  score: { zh: '分', en: 'score' },
  count: { zh: '数量', en: 'count' },
};

const byCode = <T>(pick: (definition: (typeof KPI_DEFINITIONS)[number]) => T) =>
  Object.fromEntries(KPI_DEFINITIONS.map((definition) => [definition.code, pick(definition)])) as Record<
    KpiCode,
    T
  >;

const KPI_SUMMARY_COLUMNS: readonly ExportColumn[] = [
  { key: 'kpi', zh: '指标', en: 'KPI', kind: 'text', width: 24, values: byCode((d) => d.title) },
  {
    key: 'indicators',
    zh: '支撑的评价指标',
    en: 'GB/T 27922 indicators',
    kind: 'list',
    width: 14,
    values: Object.fromEntries(INDICATORS.map((code) => [code, INDICATOR_LABELS[code]])),
  },
  { key: 'value', zh: '数值', en: 'Value', kind: 'decimal', width: 9 },
  { key: 'unit', zh: '单位', en: 'Unit', kind: 'text', width: 9, values: UNIT_LABELS },
  { key: 'numerator', zh: '分子', en: 'Numerator', kind: 'decimal', width: 9 },
  { key: 'denominator', zh: '分母', en: 'Denominator', kind: 'integer', width: 9 },
  {
    key: 'definition',
    zh: '定义',
    en: 'Definition',
    kind: 'text',
    width: 60,
    values: byCode((d) => d.definition),
  },
  { key: 'records', zh: '明细查询', en: 'Records', kind: 'text', width: 30 },
];

/**
 * The KPI summary of the period (`kpi-summary`): one row per KPI, company-wide, with its definition,
 * numerator and denominator and where its records are listed — the figures as they are when the
 * register or the audit pack is made.
 */
export function kpiSummaryEvidenceSource(kpis: KpisService): EvidenceSource {
  return {
    code: 'kpi-summary',
    columns: KPI_SUMMARY_COLUMNS,
    count: () => Promise.resolve(KPI_DEFINITIONS.length),
    rows: (period) => kpiRows(kpis, period),
  };
}

async function* kpiRows(kpis: KpisService, period: ExportPeriod): AsyncIterable<ExportRow> {
  const report = await kpis.companyReport(period);
  for (const kpi of report.kpis) {
    yield {
      id: kpi.code,
      kpi: kpi.code,
      indicators: kpi.indicators,
      value: kpi.value,
      unit: kpi.unit,
      numerator: kpi.numerator,
      denominator: kpi.denominator,
      definition: kpi.code,
      records: `/api/v1${kpi.recordsPath}`,
    };
  }
}
