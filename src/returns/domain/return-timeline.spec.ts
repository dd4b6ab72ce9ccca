import { describeReturnHistoryEntry } from './return-timeline';

const ZONE = 'Asia/Shanghai';
const describe_ = (action: string, details: Record<string, unknown>, reason: string | null = null) =>
  describeReturnHistoryEntry({ action, details, reason }, ZONE);

describe('describeReturnHistoryEntry', () => {
  it('says where the goods came from', () => {
    expect(
      describe_('receive', { ticketNumber: 'RT2026-000007', kind: 'repair', urgent: true, itemCount: 2 }),
    ).toEqual({
      title: '接收入库',
      summary: '工单 RT2026-000007 带回，返修（加急），共 2 件',
    });
    expect(
      describe_('receive', { ticketNumber: null, kind: 'exchange', urgent: false, itemCount: 1 }).summary,
    ).toBe('客户送修，换货，共 1 件');
  });

  it('names both sides of the hand-over and the vendor with its cadence, in company time', () => {
    expect(describe_('register', { handedOverBy: '张伟', registeredByName: '孙丽' }).summary).toBe(
      '张伟 交 孙丽 接收',
    );
    expect(
      describe_('ship', {
        supplierName: '苏州恒温',
        carrier: '顺丰速运',
        trackingNumber: 'SF1',
        shippedAt: '2026-06-15T02:00:00.000Z',
        chaseIntervalDays: 7,
      }).summary,
    ).toBe('寄往 苏州恒温，顺丰速运 SF1，2026-06-15 10:00 寄出；每 7 天催办');
  });

  it('reads coded values as words, and gives the refund its reason', () => {
    expect(describe_('inspect', { finding: 'no_fault_found', note: '试机正常' }).summary).toBe(
      '检测结论：未发现故障；试机正常',
    );
    expect(describe_('receive_back', { outcome: 'replaced', replacementSerialNumber: 'SN2' }).summary).toBe(
      '供方处理结果：已更换，新机编号 SN2',
    );
    expect(
      describe_('scrap', { scrappedOn: '2026-06-20', method: 'recycling', recycler: '绿环' }).summary,
    ).toBe('2026-06-20 回收利用，回收单位：绿环');
    expect(describe_('refund', { amount: 99.5 }, '供方拒修')).toEqual({
      title: '退款',
      summary: '退款 ¥99.50（原因：供方拒修）',
    });
  });

  it('tells the system events apart from the actions', () => {
    expect(describe_('chase_due', { dueAt: '2026-06-22T02:00:00.000Z', recipients: '孙丽' })).toEqual({
      title: '催办提醒',
      summary: '应于 2026-06-22 10:00 催办供方，尚未登记；已提醒 孙丽',
    });
    expect(describe_('notice', { channel: 'phone', noticeDays: 14, recipient: '13800138000' }).summary).toBe(
      '物品离开客户已超过 14 天；客户无邮箱，已生成电话告知任务（13800138000）',
    );
    expect(
      describe_('notice', { channel: 'email', noticeDays: 14, recipient: 'a@example.com' }).summary,
    ).toBe('物品离开客户已超过 14 天，已邮件告知 a@example.com');
  });
});
