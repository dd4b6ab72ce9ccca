import { type CalendarDate, calendarDate } from '../../common/calendar';
import type { ExportPeriod } from '../../evidence/domain/export-table';
import type { KpiUnit } from '../kpi-report';
import { type KpiCode, kpiDefinition } from './kpi-catalog';

/** What a KPI counted: the figures the report shows and the value made from them. */
export interface KpiFigure {
  numerator: number;
  /** Null for a plain tally. */
  denominator: number | null;
  value: number | null;
}

/** Rounds half away from zero to `decimals` places, never −0. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** Shares keep four decimals (91.23 %); means of hours and days one, as the returns turnaround does. */
const DECIMALS: Readonly<Record<Exclude<KpiUnit, 'count' | 'score'>, number>> = {
  ratio: 4,
  hours: 1,
  days: 1,
};

/**
 * The figure of a share or a mean: numerator ÷ denominator, null when there is nothing to measure.
 * A mean's numerator is a sum, shown to the decimals of its value; the value is made from the exact sum.
 */
export function ratioFigure(
  unit: 'ratio' | 'hours' | 'days',
  numerator: number,
  denominator: number,
): KpiFigure {
  const decimals = DECIMALS[unit];
  return {
    numerator: unit === 'ratio' ? numerator : roundTo(numerator, decimals),
    denominator,
    value: denominator === 0 ? null : roundTo(numerator / denominator, decimals),
  };
}

/** A plain tally: the count is the value, there is nothing to divide by. */
export function countFigure(count: number): KpiFigure {
  return { numerator: count, denominator: null, value: count };
}

/** What a KPI counted over its records. */
export interface KpiCounts {
  /** Records the KPI is measured over. */
  members: number;
  /** Of them, those that count in the numerator. */
  met: number;
  /** Of them, those that count against it (an NPS detractor); for a share, members − met. */
  unmet: number;
  /** Sum of the members' values (a mean's numerator). */
  sum: number;
}

/** The figure of a share (met ÷ members), a mean (sum ÷ members) or a tally (members). */
export function figureOf(unit: Exclude<KpiUnit, 'score'>, counts: KpiCounts): KpiFigure {
  switch (unit) {
    case 'ratio':
      return ratioFigure('ratio', counts.met, counts.members);
    case 'hours':
    case 'days':
      return ratioFigure(unit, counts.sum, counts.members);
    case 'count':
      return countFigure(counts.members);
  }
}

/**
 * The day the register-based KPIs (staff, certificates, tools, outlets) are judged on: the period's
 * last day, or today while the period has not ended (the registers say nothing about the future).
 */
export function asOfDay(period: ExportPeriod, now: Date, timeZone: string): CalendarDate {
  const today = calendarDate(now, timeZone);
  return period.to < today ? period.to : today;
}

/** 1 January of the year the period ends in: where "this year" starts for the training KPIs. */
export function yearStartOf(period: ExportPeriod): CalendarDate {
  return `${period.to.slice(0, 4)}-01-01`;
}

/** The years a period touches, first and last, for records kept per year (outlet reviews). */
export function yearsOf(period: ExportPeriod): { first: number; last: number } {
  return { first: Number(period.from.slice(0, 4)), last: Number(period.to.slice(0, 4)) };
}

/** The figure of a KPI by its unit, or by its own rule (a score). */
export function kpiFigure(
  code: KpiCode,
  counts: KpiCounts,
  own?: (counts: KpiCounts) => KpiFigure,
): KpiFigure {
  if (own) return own(counts);
  const unit = kpiDefinition(code).unit;
  if (unit === 'score') throw new Error(`KPI ${code} is a score and needs its own figure`);
  return figureOf(unit, counts);
}
