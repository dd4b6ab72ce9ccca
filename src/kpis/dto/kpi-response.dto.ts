import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import { INDICATORS, type Indicator } from '../../evidence/domain/evidence-types';
import type { KpiReport, KpiUnit, KpiValue } from '../kpi-report';
import { KPI_RECORD_TYPES, type KpiFact, type KpiRecord, type KpiRecordType } from '../kpi-source';

const KPI_UNITS: readonly KpiUnit[] = ['ratio', 'hours', 'days', 'score', 'count'];

class TextResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

class PeriodResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class KpiValueResponse implements KpiValue {
  @ApiProperty({ example: 'response-compliance', description: 'Stable code; also the path of its records' })
  code!: string;

  @ApiProperty({ enum: INDICATORS, isArray: true, description: 'GB/T 27922 indicators it informs' })
  indicators!: Indicator[];

  @ApiProperty({ type: TextResponse }) title!: TextResponse;

  @ApiProperty({
    type: TextResponse,
    description: 'What is counted, over which records of the period, and how',
  })
  definition!: TextResponse;

  @ApiProperty({
    enum: KPI_UNITS,
    description: 'ratio: a share 0–1; hours, days: a mean; score: NPS −100 to 100; count: a tally',
  })
  unit!: KpiUnit;

  @ApiProperty({ description: 'Records that meet it (a share), the sum (a mean), the count (a tally)' })
  numerator!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Records it is measured over; null for a tally' })
  denominator!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'numerator ÷ denominator (shares 4 decimals, means 1), the count; null when nothing to measure',
  })
  value!: number | null;

  @ApiProperty({
    example: '/kpis/response-compliance/records?from=2026-01-01&to=2026-12-31',
    description: 'GET path under /api/v1 listing the records behind the figure',
  })
  recordsPath!: string;

  @ApiPropertyOptional({
    enum: ['higher', 'lower'],
    description: 'Which way is good; absent for a plain tally',
  })
  better?: 'higher' | 'lower';
}

export class KpiReportResponse implements KpiReport {
  @ApiProperty({ type: PeriodResponse, description: 'Calendar days in the company time zone, both included' })
  period!: PeriodResponse;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: the whole company' })
  outletId!: string | null;

  @ApiProperty({ format: 'date-time' }) computedAt!: string;

  @ApiProperty({
    format: 'date',
    description:
      'The day staff, certificates, tools and outlets are judged on: the period’s last day, or today',
  })
  asOf!: string;

  @ApiProperty({ type: [KpiValueResponse] }) kpis!: KpiValueResponse[];
}

export class KpiRecordResponse implements KpiRecord {
  @ApiProperty({ enum: KPI_RECORD_TYPES }) type!: KpiRecordType;

  @ApiProperty({ description: "The record's id (a sales region: its name)" })
  id!: string;

  @ApiProperty({ example: 'RT2026-000042', description: 'Number, code, username or region' })
  reference!: string;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Counts in the numerator (met); always true for a mean or a tally; NPS: promoter true, detractor false, passive null',
  })
  met!: boolean | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Its part of a mean (hours, days) or its score' })
  value!: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { reportedAt: '2026-06-15T01:00:00.000Z', dueAt: '2026-06-15T05:00:00.000Z', doneAt: null },
    description: 'What the record was judged on: instants ISO 8601, dates YYYY-MM-DD',
  })
  facts!: Record<string, KpiFact>;
}

export class KpiRecordPageResponse extends PageResponseOf(KpiRecordResponse) {}

function toKpiValueResponse(kpi: KpiValue): KpiValueResponse {
  return {
    code: kpi.code,
    indicators: [...kpi.indicators],
    title: { zh: kpi.title.zh, en: kpi.title.en },
    definition: { zh: kpi.definition.zh, en: kpi.definition.en },
    unit: kpi.unit,
    numerator: kpi.numerator,
    denominator: kpi.denominator,
    value: kpi.value,
    recordsPath: kpi.recordsPath,
    ...(kpi.better ? { better: kpi.better } : {}),
  };
}

export function toKpiReportResponse(report: KpiReport & { asOf: string }): KpiReportResponse {
  return {
    period: { from: report.period.from, to: report.period.to },
    outletId: report.outletId,
    computedAt: report.computedAt,
    asOf: report.asOf,
    kpis: report.kpis.map(toKpiValueResponse),
  };
}
