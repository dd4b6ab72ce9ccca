import { type OverdueVisit, digestLines, visitsFor } from './overdue-digest';

const now = new Date('2026-06-20T01:00:00Z');
const visit = (fields: Partial<OverdueVisit>): OverdueVisit => ({
  number: 'FU2026-000001',
  kind: 'follow_up',
  outletId: null,
  dueAt: new Date('2026-06-18T02:00:00Z'),
  customerName: '王芳',
  ticketNumber: 'RT2026-000001',
  assetSerial: null,
  assigneeName: null,
  ...fields,
});

describe('overdue digest', () => {
  it('lists the most overdue first, in Chinese, with what each visit concerns', () => {
    const text = digestLines(
      [
        visit({ number: 'FU2026-000002', dueAt: new Date('2026-06-19T02:00:00Z'), assigneeName: '陈静' }),
        visit({
          number: 'IN2026-000001',
          kind: 'inspection',
          ticketNumber: null,
          assetSerial: 'SJ35GW001',
          customerName: '上海浦江物业',
        }),
      ],
      now,
      'Asia/Shanghai',
      'zh',
    );
    expect(text.split('\n')).toEqual([
      '1. 巡检 IN2026-000001，上海浦江物业，设备 SJ35GW001，应于 2026-06-18 10:00，逾期 2 天，未分派',
      '2. 回访 FU2026-000002，王芳，工单 RT2026-000001，应于 2026-06-19 10:00，逾期 1 天，负责人 陈静',
    ]);
  });

  it('speaks English when asked', () => {
    expect(digestLines([visit({})], now, 'Asia/Shanghai', 'en')).toBe(
      '1. Follow-up FU2026-000001, 王芳, ticket RT2026-000001, due 2026-06-18 10:00, 2 days overdue, unassigned',
    );
  });

  it("tells an outlet's manager only that outlet's visits, and head office all of them", () => {
    const visits = [visit({ outletId: 'a' }), visit({ outletId: 'b' }), visit({ outletId: null })];
    const recipient = { id: 'm', displayName: '经理', email: 'm@example.com' };
    expect(visitsFor({ ...recipient, outletId: 'a' }, visits)).toEqual([visits[0]]);
    expect(visitsFor({ ...recipient, outletId: null }, visits)).toEqual(visits);
  });
});
