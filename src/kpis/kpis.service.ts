import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { NotFoundError } from '../common/errors/domain-error';
import { assertDateOrder } from '../common/errors/validation-errors';
import type { Page } from '../common/http/pagination';
import type { ExportPeriod } from '../evidence/domain/export-table';
import { OutletsService } from '../outlets/outlets.service';
import { KPI_DEFINITIONS, type KpiCode, isKpiCode } from './domain/kpi-catalog';
import { type KpiFigure, asOfDay } from './domain/kpi-figures';
import type { KpiReport } from './kpi-report';
import type { KpiRecord, KpiRecordsQuery, KpiScope, KpiSource } from './kpi-source';
import { customerCareKpiSources } from './sources/customer-care-kpis';
import { organizationKpiSources } from './sources/organization-kpis';
import { returnKpiSources } from './sources/return-kpis';
import { staffKpiSource } from './sources/staff-kpis';
import { ticketKpiSources } from './sources/ticket-kpis';

/**
 * The service KPIs of a period (GBT27922.md §1) for the whole company or one outlet, each with the
 * records behind it. Sources group the KPIs counted over the same records, so that a year of a
 * million tickets is read a few times, not once per KPI; they run side by side.
 */
@Injectable()
export class KpisService {
  private readonly sources: readonly KpiSource[];

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly outlets: OutletsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sources = [
      ...organizationKpiSources(dataSource),
      staffKpiSource(dataSource),
      ...ticketKpiSources(dataSource),
      ...returnKpiSources(dataSource),
      ...customerCareKpiSources(dataSource),
    ];
  }

  /**
   * Every KPI for the period. A viewer bound to an outlet gets that outlet's figures; asking for
   * another outlet, or one that does not exist, is 404.
   */
  async report(
    period: ExportPeriod,
    outletId: string | null,
    viewer: AuthenticatedUser,
  ): Promise<KpiReport & { asOf: string }> {
    return this.compute(period, await this.scopeFor(period, outletId, viewer));
  }

  /** Every KPI for the period, company-wide, read with the system's own access (the audit pack). */
  companyReport(period: ExportPeriod): Promise<KpiReport & { asOf: string }> {
    return this.compute(period, this.scopeOf(period, null));
  }

  private async compute(period: ExportPeriod, scope: KpiScope): Promise<KpiReport & { asOf: string }> {
    const figures = new Map<KpiCode, KpiFigure>();
    for (const found of await Promise.all(this.sources.map((source) => source.figures(scope)))) {
      for (const [code, figure] of found) figures.set(code, figure);
    }
    return {
      period: { from: period.from, to: period.to },
      outletId: scope.outletId,
      computedAt: scope.now.toISOString(),
      asOf: scope.asOf,
      kpis: KPI_DEFINITIONS.map((definition) => ({
        code: definition.code,
        indicators: [...definition.indicators],
        title: { ...definition.title },
        definition: { ...definition.definition },
        unit: definition.unit,
        ...figureOf(figures, definition.code),
        recordsPath: recordsPath(definition.code, period, scope.outletId),
        ...(definition.better ? { better: definition.better } : {}),
      })),
    };
  }

  /** The records behind one KPI's figure for the same period and outlet; an unknown code is 404. */
  async records(
    code: string,
    period: ExportPeriod,
    outletId: string | null,
    query: KpiRecordsQuery,
    viewer: AuthenticatedUser,
  ): Promise<Page<KpiRecord>> {
    if (!isKpiCode(code)) throw new NotFoundError('kpi', code);
    const source = this.sources.find((candidate) => candidate.codes.includes(code));
    if (!source) throw new Error(`No source counts KPI ${code}`);
    return source.records(code, await this.scopeFor(period, outletId, viewer), query);
  }

  private async scopeFor(
    period: ExportPeriod,
    requestedOutletId: string | null,
    viewer: AuthenticatedUser,
  ): Promise<KpiScope> {
    assertDateOrder(['from', period.from], ['to', period.to]);
    // 404 for an outlet that does not exist or that the viewer may not see.
    if (requestedOutletId !== null) await this.outlets.get(requestedOutletId, viewer);
    return this.scopeOf(period, outletRestriction(viewer) ?? requestedOutletId);
  }

  private scopeOf(period: ExportPeriod, outletId: string | null): KpiScope {
    const now = this.clock.now();
    const timeZone = this.config.companyTimeZone;
    return { period, outletId, now, asOf: asOfDay(period, now, timeZone), timeZone };
  }
}

function figureOf(figures: ReadonlyMap<KpiCode, KpiFigure>, code: KpiCode): KpiFigure {
  const figure = figures.get(code);
  if (!figure) throw new Error(`No source counts KPI ${code}`);
  return figure;
}

function recordsPath(code: KpiCode, period: ExportPeriod, outletId: string | null): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (outletId !== null) query.set('outletId', outletId);
  return `/kpis/${code}/records?${query.toString()}`;
}
