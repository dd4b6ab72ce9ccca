import { type HistoryFacts, describeHistoryEntry } from './timeline';

const ZONE = 'Asia/Shanghai';
/** 14:00 in Shanghai. */
const AFTERNOON = '2026-06-15T06:00:00.000Z';

const entry = (action: string, details: Record<string, unknown> = {}, reason: string | null = null) =>
  describeHistoryEntry({ action, reason, details } satisfies HistoryFacts, ZONE);

describe('describeHistoryEntry', () => {
  it('describes the report', () => {
    expect(entry('report', { channel: 'phone', priority: 'urgent' })).toEqual({
      title: '报修登记',
      summary: '通过电话报修，优先级：紧急',
    });
  });

  it('describes the first dispatch', () => {
    expect(
      entry('dispatch', { technicianId: 't-1', technicianName: '王师傅', previousTechnicianId: null }),
    ).toEqual({ title: '派单', summary: '派给 王师傅' });
  });

  it('calls a first dispatch a dispatch even when it gives a reason', () => {
    expect(
      entry(
        'dispatch',
        { technicianId: 't-1', technicianName: '王师傅', previousTechnicianId: null },
        '熟悉该型号',
      ),
    ).toEqual({ title: '派单', summary: '派给 王师傅（原因：熟悉该型号）' });
  });

  it('calls a dispatch away from another technician a re-dispatch, with its reason', () => {
    expect(
      entry(
        'dispatch',
        { technicianId: 't-2', technicianName: '李师傅', previousTechnicianId: 't-1' },
        '王师傅请假',
      ),
    ).toEqual({ title: '改派', summary: '派给 李师傅（原因：王师傅请假）' });
  });

  it('calls a dispatch back to the same technician (after a reopen) a dispatch', () => {
    expect(
      entry('dispatch', { technicianId: 't-1', technicianName: '王师傅', previousTechnicianId: 't-1' }).title,
    ).toBe('派单');
  });

  it('describes the acceptance with the appointment in Shanghai time', () => {
    expect(entry('accept', { appointmentAt: AFTERNOON })).toEqual({
      title: '接单',
      summary: '已联系客户，预约上门时间 2026-06-15 14:00',
    });
  });

  it('adds the note the technician entered on accepting and resuming', () => {
    expect(entry('accept', { appointmentAt: AFTERNOON, note: '客户下午在家' }).summary).toBe(
      '已联系客户，预约上门时间 2026-06-15 14:00：客户下午在家',
    );
    expect(entry('resume', { pausedMs: 3_600_000, resolveDueAt: AFTERNOON, note: '配件已到' }).summary).toBe(
      '挂起 1 小时 0 分，修复时限顺延至 2026-06-15 14:00：配件已到',
    );
  });

  it('describes a reschedule from the old to the new appointment', () => {
    expect(
      entry(
        'reschedule',
        { previousAppointmentAt: AFTERNOON, appointmentAt: '2026-06-16T01:30:00.000Z' },
        '客户临时外出',
      ),
    ).toEqual({
      title: '改约',
      summary: '预约由 2026-06-15 14:00 改为 2026-06-16 09:30（原因：客户临时外出）',
    });
  });

  it('describes the check-in', () => {
    expect(entry('check_in', { at: AFTERNOON })).toEqual({
      title: '到场签到',
      summary: '到达现场 2026-06-15 14:00',
    });
  });

  it('describes the diagnosis with the cause in Chinese', () => {
    expect(entry('diagnose', { cause: 'human_damage', diagnosis: '外壳摔裂' })).toEqual({
      title: '故障诊断',
      summary: '人为损坏：外壳摔裂',
    });
  });

  it('describes a work log with the parts used', () => {
    expect(
      entry('log_work', {
        startedAt: AFTERNOON,
        endedAt: '2026-06-15T08:30:00.000Z',
        description: '更换压缩机',
        parts: [
          { code: 'P-001', name: '压缩机', quantity: 1 },
          { code: 'P-002', name: '冷媒', quantity: 2 },
        ],
      }),
    ).toEqual({
      title: '维修记录',
      summary: '2026-06-15 14:00 至 2026-06-15 16:30：更换压缩机；用料：压缩机×1、冷媒×2',
    });
  });

  it('describes a work log without parts', () => {
    expect(
      entry('log_work', {
        startedAt: AFTERNOON,
        endedAt: '2026-06-15T07:00:00.000Z',
        description: '清洗滤网',
        parts: [],
      }).summary,
    ).toBe('2026-06-15 14:00 至 2026-06-15 15:00：清洗滤网');
  });

  it('describes what was taken back', () => {
    expect(
      entry('take_back', { items: [{ description: '主板' }, { description: '电源' }] }, '需返厂检测'),
    ).toEqual({ title: '带回检修', summary: '带回 2 件：主板、电源（原因：需返厂检测）' });
  });

  it('describes the resolution with the customer confirmation and the charge', () => {
    expect(
      entry('resolve', {
        outcome: '已修复',
        customerName: '张三',
        confirmedAt: AFTERNOON,
        chargeBasis: 'chargeable_out_of_warranty',
        chargeTotal: 350,
      }),
    ).toEqual({
      title: '完工确认',
      summary: '已修复；客户 张三 于 2026-06-15 14:00 确认；费用 ¥350.00（保修期外收费）',
    });
  });

  it('describes a free resolution in warranty', () => {
    expect(
      entry('resolve', {
        outcome: '已修复',
        customerName: '张三',
        confirmedAt: AFTERNOON,
        chargeBasis: 'free_in_warranty',
        chargeTotal: 0,
      }).summary,
    ).toBe('已修复；客户 张三 于 2026-06-15 14:00 确认；费用 ¥0.00（保修期内免费）');
  });

  it('describes a hold with its reason and note', () => {
    expect(entry('hold', { holdReason: 'awaiting_parts', note: '压缩机缺货' })).toEqual({
      title: '挂起',
      summary: '等待配件：压缩机缺货',
    });
    expect(entry('hold', { holdReason: 'awaiting_customer', note: null }).summary).toBe('等待客户');
  });

  it('describes a resume with the time on hold and the moved deadline', () => {
    expect(
      entry('resume', {
        holdReason: 'awaiting_vendor',
        pausedMs: (26 * 60 + 5) * 60_000,
        resolveDueAt: '2026-06-17T02:00:00.000Z',
      }),
    ).toEqual({ title: '恢复处理', summary: '挂起 26 小时 5 分，修复时限顺延至 2026-06-17 10:00' });
  });

  it.each([
    ['close', '关闭', '回访满意'],
    ['cancel', '取消', '客户已自行修好'],
    ['reopen', '重新打开', '回访不满意'],
  ])('describes %s by its reason', (action, title, reason) => {
    expect(entry(action, {}, reason)).toEqual({ title, summary: reason });
  });

  it.each([
    ['response', '响应时限'],
    ['on_site', '到场时限'],
    ['resolve', '修复时限'],
  ])('names the %s deadline of a breach', (deadline, name) => {
    expect(entry('breach', { deadline, dueAt: AFTERNOON })).toEqual({
      title: '超时',
      summary: `未满足${name}（应于 2026-06-15 14:00 前完成）`,
    });
  });

  it('shows a time just after midnight in Shanghai as 00:xx of the next day', () => {
    expect(entry('check_in', { at: '2026-06-15T16:05:00.000Z' }).summary).toBe('到达现场 2026-06-16 00:05');
  });

  it('falls back to the action and its reason for an entry it does not know', () => {
    expect(entry('merge', {}, '重复报修')).toEqual({ title: 'merge', summary: '重复报修' });
    expect(entry('merge')).toEqual({ title: 'merge', summary: '' });
  });
});
