import type { DataSource } from 'typeorm';
import type { KpiSource } from '../kpi-source';
import { cohortSource, onPeriodDay, withinPeriod } from './sql-cohort';

/**
 * Returned goods: the records received in the period (as the turnaround summary reads them) and the
 * goods scrapped in it (as the recycling register reads them).
 */

/** days() of returns/domain/turnaround.ts in SQL: shipment to return, or to now, one decimal. */
const DAYS_AT_VENDOR = `round(greatest(0, extract(epoch FROM coalesce(r.back_at, :now) - r.shipped_at)) / 86400, 1)`;

/** pastNoticeThreshold of returns/domain/turnaround.ts: away longer than the threshold, by settlement or by now. */
const PAST_NOTICE = 'coalesce(r.settled_at, :now) > r.notice_due_at';

export function returnKpiSources(dataSource: DataSource): KpiSource[] {
  const received = cohortSource(dataSource, {
    from: () => 'returns r LEFT JOIN suppliers s ON s.id = r.supplier_id',
    where: withinPeriod('r.received_at'),
    outletColumn: 'r.outlet_id',
    kpis: [
      {
        code: 'returns-vendor-turnaround',
        record: 'return',
        member: 'r.shipped_at IS NOT NULL',
        value: DAYS_AT_VENDOR,
        id: 'r.id',
        reference: 'r.number',
        facts: {
          status: 'r.status',
          supplierName: 's.name',
          receivedAt: 'r.received_at',
          shippedAt: 'r.shipped_at',
          backAt: 'r.back_at',
        },
        orderBy: ['r.received_at', 'r.number'],
      },
      {
        code: 'returns-past-notice',
        record: 'return',
        member: 'true',
        met: PAST_NOTICE,
        id: 'r.id',
        reference: 'r.number',
        facts: {
          status: 'r.status',
          receivedAt: 'r.received_at',
          noticeDueAt: 'r.notice_due_at',
          settledAt: 'r.settled_at',
          noticeSentAt: 'r.notice_sent_at',
        },
        orderBy: ['r.received_at', 'r.number'],
      },
    ],
  });

  const scrapped = cohortSource(dataSource, {
    from: () => 'returns r',
    where: `r.scrapped_on IS NOT NULL AND ${onPeriodDay('r.scrapped_on')}`,
    outletColumn: 'r.outlet_id',
    kpis: [
      {
        code: 'goods-scrapped',
        record: 'return',
        member: 'true',
        id: 'r.id',
        reference: 'r.number',
        facts: {
          scrappedOn: 'CAST(r.scrapped_on AS text)',
          method: 'r.scrap_method',
          recycler: 'r.recycler',
        },
        orderBy: ['r.scrapped_on', 'r.number'],
      },
    ],
  });
  return [received, scrapped];
}
