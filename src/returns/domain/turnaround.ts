/**
 * Turnaround of returned goods: how long they were at the vendor and away from the customer. Pure
 * figures for one record and for a set of records by supplier, for the returns list and later KPIs.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the figures read of a record. */
export interface TimedReturn {
  /** When the goods were received from the customer: the clock of "away" starts here. */
  receivedAt: Date;
  shippedAt: Date | null;
  backAt: Date | null;
  /** When the customer's matter was settled: goods returned, money refunded or goods scrapped. */
  settledAt: Date | null;
  /** Past this moment the customer is owed a notice that the goods are still away. */
  noticeDueAt: Date;
}

export interface Turnaround {
  /** Shipment to return from the vendor (or to now while still there); null when never shipped. */
  daysAtVendor: number | null;
  /** Receipt from the customer to settlement (or to now while open). */
  totalDays: number;
  /** Away longer than the notice threshold, by settlement or by now. */
  pastNoticeThreshold: boolean;
}

/** Days with one decimal, never negative (a record timed in the future reads as 0). */
export function days(from: Date, to: Date): number {
  return Math.round((Math.max(0, to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;
}

export function turnaround(record: TimedReturn, now: Date): Turnaround {
  const end = record.settledAt ?? now;
  return {
    daysAtVendor: record.shippedAt === null ? null : days(record.shippedAt, record.backAt ?? now),
    totalDays: days(record.receivedAt, end),
    pastNoticeThreshold: end.getTime() > record.noticeDueAt.getTime(),
  };
}

/** A record of the summary: which supplier it went to, if any. */
export interface SupplierReturn extends TimedReturn {
  supplierId: string | null;
  supplierName: string | null;
}

export interface SupplierTurnaround {
  supplierId: string;
  supplierName: string;
  /** Records shipped to this supplier. */
  count: number;
  /** Of them, still at the vendor. */
  atVendor: number;
  meanDaysAtVendor: number;
  maxDaysAtVendor: number;
  meanTotalDays: number;
  pastNoticeThreshold: number;
}

export interface TurnaroundSummary {
  /** Every record of the set, shipped or not. */
  count: number;
  settled: number;
  meanTotalDays: number | null;
  maxTotalDays: number | null;
  pastNoticeThreshold: number;
  /** By supplier, by name. */
  suppliers: SupplierTurnaround[];
}

const mean = (values: readonly number[]): number =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** The figures of a set of records (e.g. those received in a period), overall and per supplier. */
export function summariseTurnaround(records: readonly SupplierReturn[], now: Date): TurnaroundSummary {
  const timed = records.map((record) => ({ record, figures: turnaround(record, now) }));
  const bySupplier = new Map<string, typeof timed>();
  for (const entry of timed) {
    if (entry.record.supplierId === null || entry.record.shippedAt === null) continue;
    const list = bySupplier.get(entry.record.supplierId) ?? [];
    list.push(entry);
    bySupplier.set(entry.record.supplierId, list);
  }
  const totals = timed.map(({ figures }) => figures.totalDays);
  const suppliers = [...bySupplier.entries()].map(([supplierId, entries]): SupplierTurnaround => {
    const atVendor = entries.map(({ figures }) => figures.daysAtVendor ?? 0);
    return {
      supplierId,
      supplierName: entries[0]?.record.supplierName ?? '',
      count: entries.length,
      atVendor: entries.filter(({ record }) => record.backAt === null && record.settledAt === null).length,
      meanDaysAtVendor: mean(atVendor),
      maxDaysAtVendor: Math.max(...atVendor),
      meanTotalDays: mean(entries.map(({ figures }) => figures.totalDays)),
      pastNoticeThreshold: entries.filter(({ figures }) => figures.pastNoticeThreshold).length,
    };
  });
  suppliers.sort((a, b) => a.supplierName.localeCompare(b.supplierName, 'zh-CN'));
  return {
    count: records.length,
    settled: records.filter((record) => record.settledAt !== null).length,
    meanTotalDays: totals.length === 0 ? null : mean(totals),
    maxTotalDays: totals.length === 0 ? null : Math.max(...totals),
    pastNoticeThreshold: timed.filter(({ figures }) => figures.pastNoticeThreshold).length,
    suppliers,
  };
}
