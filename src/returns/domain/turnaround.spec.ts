import { type SupplierReturn, days, summariseTurnaround, turnaround } from './turnaround';

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 5, day, hour));
const NOW = at(30);

const record = (fields: Partial<SupplierReturn> = {}): SupplierReturn => ({
  receivedAt: at(1),
  shippedAt: null,
  backAt: null,
  settledAt: null,
  noticeDueAt: at(15),
  supplierId: null,
  supplierName: null,
  ...fields,
});

describe('turnaround of one record', () => {
  it('counts days to one decimal, never below 0', () => {
    expect(days(at(1), at(3))).toBe(2);
    expect(days(at(1), at(1, 22))).toBe(0.5);
    expect(days(at(3), at(1))).toBe(0);
  });

  it('runs to now while the goods are away, and stops when they are back and settled', () => {
    expect(turnaround(record({ shippedAt: at(4) }), NOW)).toEqual({
      daysAtVendor: 26,
      totalDays: 29,
      pastNoticeThreshold: true,
    });
    expect(turnaround(record({ shippedAt: at(4), backAt: at(10), settledAt: at(12) }), NOW)).toEqual({
      daysAtVendor: 6,
      totalDays: 11,
      pastNoticeThreshold: false,
    });
  });

  it('has no vendor days when the goods never went to one', () => {
    expect(turnaround(record({ settledAt: at(2) }), NOW)).toEqual({
      daysAtVendor: null,
      totalDays: 1,
      pastNoticeThreshold: false,
    });
  });

  it('is past the notice threshold when settled after it, or still away after it', () => {
    expect(turnaround(record({ settledAt: at(16) }), NOW).pastNoticeThreshold).toBe(true);
    expect(turnaround(record(), at(14)).pastNoticeThreshold).toBe(false);
    expect(turnaround(record(), at(16)).pastNoticeThreshold).toBe(true);
  });
});

describe('turnaround summary', () => {
  const A = { supplierId: 'a', supplierName: '苏州恒温' };
  const B = { supplierId: 'b', supplierName: '上海沪达' };

  it('gives each supplier its count, mean and max days at the vendor, mean total days and late ones', () => {
    const summary = summariseTurnaround(
      [
        record({ ...A, shippedAt: at(2), backAt: at(6), settledAt: at(7) }),
        record({ ...A, shippedAt: at(2), backAt: at(10), settledAt: at(20) }),
        record({ ...A, shippedAt: at(5) }),
        record({ ...B, shippedAt: at(3), backAt: at(5), settledAt: at(5) }),
        record({ settledAt: at(3) }),
      ],
      NOW,
    );
    expect(summary).toEqual({
      count: 5,
      settled: 4,
      meanTotalDays: 12,
      maxTotalDays: 29,
      pastNoticeThreshold: 2,
      suppliers: [
        {
          supplierId: 'b',
          supplierName: '上海沪达',
          count: 1,
          atVendor: 0,
          meanDaysAtVendor: 2,
          maxDaysAtVendor: 2,
          meanTotalDays: 4,
          pastNoticeThreshold: 0,
        },
        {
          supplierId: 'a',
          supplierName: '苏州恒温',
          count: 3,
          atVendor: 1,
          meanDaysAtVendor: 12.3,
          maxDaysAtVendor: 25,
          meanTotalDays: 18,
          pastNoticeThreshold: 2,
        },
      ],
    });
  });

  it('has no means of an empty set', () => {
    expect(summariseTurnaround([], NOW)).toEqual({
      count: 0,
      settled: 0,
      meanTotalDays: null,
      maxTotalDays: null,
      pastNoticeThreshold: 0,
      suppliers: [],
    });
  });
});
