import type { KpiRecord } from '../kpi-source';
import { figureOfRecords, outletCondition, pageOfRecords } from './register-kpis';

const record = (id: string, met: boolean | null, value: number | null = null): KpiRecord => ({
  type: 'user',
  id,
  reference: id,
  met,
  value,
  facts: {},
});

describe('register KPIs', () => {
  it('a share counts the records met among those listed', () => {
    expect(
      figureOfRecords({
        code: 'qualified-technicians',
        records: [record('a', true), record('b', false), record('c', true)],
      }),
    ).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
  });

  it('a mean adds the values of the records listed', () => {
    expect(
      figureOfRecords({
        code: 'training-hours-per-person',
        records: [record('a', true, 4), record('b', true, 0), record('c', true, 2.5)],
      }),
    ).toEqual({ numerator: 6.5, denominator: 3, value: 2.2 });
  });

  it('a tally is the number of records; nothing listed is nothing to measure for a share', () => {
    expect(figureOfRecords({ code: 'expiring-certificates', records: [record('a', true)] })).toEqual({
      numerator: 1,
      denominator: null,
      value: 1,
    });
    expect(figureOfRecords({ code: 'tools-inspected-on-time', records: [] }).value).toBeNull();
  });

  it('pages the records, narrowed to those met or not', () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((id, index) => record(id, index % 2 === 0));
    expect(pageOfRecords(records, { page: 2, pageSize: 2 })).toEqual({
      items: [records[2], records[3]],
      total: 5,
      page: 2,
      pageSize: 2,
    });
    expect(pageOfRecords(records, { page: 1, pageSize: 50, met: true }).items.map((r) => r.id)).toEqual([
      'a',
      'c',
      'e',
    ]);
    expect(pageOfRecords(records, { page: 1, pageSize: 50, met: false }).total).toBe(2);
  });

  it("narrows a register's rows to the outlet asked about, or not at all", () => {
    const scope = {
      period: { from: '2026-06-01', to: '2026-06-30' },
      now: new Date(),
      asOf: '2026-06-30',
      timeZone: 'Asia/Shanghai',
    };
    expect(outletCondition({ ...scope, outletId: null }, 'u.outlet_id')).toEqual({ sql: '', params: [] });
    expect(outletCondition({ ...scope, outletId: 'o-1' }, 'u.outlet_id')).toEqual({
      sql: ' AND u.outlet_id = $1',
      params: ['o-1'],
    });
  });
});
